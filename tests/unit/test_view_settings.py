"""Which sections of a step page are open, kept in the data folder (issue 13, item 11)."""

from __future__ import annotations

import json
from pathlib import Path

from privacy_walkthrough.core.view_settings import FILE_NAME, Section, ViewSettings


def test_open_sections_are_kept_between_runs(tmp_path: Path) -> None:
    settings = ViewSettings.load(tmp_path)
    assert not settings.is_open(Section.WHY)
    settings.set_open(Section.WHY, True)
    settings.set_open(Section.SOURCES, True)
    settings.set_open(Section.SOURCES, False)
    again = ViewSettings.load(tmp_path)
    assert again.open_sections == {Section.WHY}
    assert (tmp_path / FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_a_damaged_file_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    settings = ViewSettings.load(tmp_path)
    assert settings.open_sections == set()
    assert settings.problem is not None and "could not be read" in settings.problem
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    settings.set_open(Section.UNCERTAIN, True)
    saved = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["open_sections"] == ["uncertain"]


def test_an_unknown_section_name_is_damage_too(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text(
        json.dumps({"format": "privacy-walkthrough-view-settings", "open_sections": ["nope"]}),
        encoding="utf-8",
    )
    assert ViewSettings.load(tmp_path).open_sections == set()
