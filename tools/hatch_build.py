"""Wheel build hook: compile each ``locale/<lang>/LC_MESSAGES/*.po`` into the ``.mo`` it ships.

The ``.po`` files are the source (text, reviewed in the repository); the ``.mo`` files are
built, never committed.  Fuzzy entries are left out, as gettext's ``msgfmt`` does, so an
unreviewed guess never reaches a person; ``tools/i18n.py check`` makes CI fail on them.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("gui/privacy_walkthrough/locale")
PACKAGE_LOCALE = "privacy_walkthrough/locale"


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        self._out = Path(tempfile.mkdtemp(prefix="pw-mo-"))
        root = Path(self.root) / LOCALE
        for po_file in sorted(root.glob("*/LC_MESSAGES/*.po")):
            relative = po_file.relative_to(root).with_suffix(".mo")
            mo_file = self._out / relative
            mo_file.parent.mkdir(parents=True, exist_ok=True)
            with po_file.open("rb") as source:
                catalog = read_po(source, locale=relative.parts[0])
            with mo_file.open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
            build_data["force_include"][str(mo_file)] = f"{PACKAGE_LOCALE}/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
