"""The app's compiled catalogs: which languages ship, and turning one on.

The ``.mo`` files are compiled from ``locale/<lang>/LC_MESSAGES/privacy_walkthrough.po``
when the wheel is built (``hatch_build.py``) and read here through
:mod:`privacy_walkthrough.resources`, like every other shipped file.
"""

from __future__ import annotations

import gettext
import logging
import os
import sys
from collections.abc import Mapping

from privacy_walkthrough import resources
from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.languages import choose_language, language_code, system_preferences

log = logging.getLogger(__name__)

DOMAIN = "privacy_walkthrough"


def available_languages() -> list[str]:
    """English and every language with a compiled catalog, sorted by code."""
    found = {i18n.SOURCE_LANGUAGE}
    root = resources.locale_root()
    if root.is_dir():
        for folder in root.iterdir():
            if (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(folder.name)
    return sorted(found)


def load_translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language``; no catalog (English) when it has none."""
    if language == i18n.SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    source = resources.locale_root() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with source.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    except (OSError, ValueError) as exc:  # ValueError: not a .mo file
        log.warning("The %s catalog cannot be read (%s); using English", language, exc)
        return gettext.NullTranslations()


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The system's languages, best first: gettext's variables on Linux and other Unix systems,
    Qt's ``QLocale.system()`` on Windows and macOS (whose apps get no such variables)."""
    if environ is None and sys.platform in {"win32", "darwin"}:
        from privacy_walkthrough.qt.language import system_languages as qt_languages

        return [language_code(name) for name in qt_languages()]
    return system_preferences(os.environ if environ is None else environ)


def use_language(language: str) -> None:
    """Turn on ``language``'s catalog for every later :func:`~privacy_walkthrough.core.i18n.tr`."""
    i18n.activate(load_translations(language), language)


def pick_language(
    requested: str | None = None,
    saved: str | None = None,
    environ: Mapping[str, str] | None = None,
    system: list[str] | None = None,
) -> str:
    """The language to speak (see :func:`~privacy_walkthrough.core.languages.choose_language`).

    ``system``: the system's languages when not read from the environment (``QLocale``).
    """
    if system is None:
        system = system_languages(environ)
    return choose_language(requested, saved, system, available_languages())
