"""The one module that knows where shipped files live.

Content and assets ship inside the installed package and are read only through
``importlib.resources``, so the app works from a wheel in any folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

PACKAGE = "privacy_walkthrough"


def content_root() -> Traversable:
    """The folder of shipped guides: ``content/<guide-id>/<language>/``."""
    return resources.files(PACKAGE) / "content"


def asset(name: str) -> Traversable:
    """A file from ``assets/`` (icons, the style sheet)."""
    return resources.files(PACKAGE) / "assets" / name


def read_asset_text(name: str) -> str:
    return asset(name).read_text(encoding="utf-8")


def read_asset_bytes(name: str) -> bytes:
    return asset(name).read_bytes()


def locale_root() -> Traversable:
    """The compiled catalogs: ``locale/<lang>/LC_MESSAGES/privacy_walkthrough.mo``."""
    return resources.files(PACKAGE) / "locale"
