"""Importing progress through the window's File menu: what a person is told when it cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_walkthrough.core.progress.models import StepStatus
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def import_file(make_window: WindowFactory, dialogs: ScriptedDialogs, path: Path) -> str:
    """Import ``path`` through the menu; the text of the warning shown."""
    window = make_window()
    before = window.walkthrough.progress.model_copy(deep=True)
    dialogs.open_paths.append(path)
    window.window_actions.import_progress.trigger()
    warnings = [text for kind, text in dialogs.asked if kind == "warn"]
    assert len(warnings) == 1, dialogs.asked
    assert window.walkthrough.progress == before  # nothing changed
    return warnings[0]


def test_a_pdf_is_not_a_progress_file(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    pdf = tmp_path / "checklist.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    text = import_file(make_window, dialogs, pdf)
    assert text == (
        "Nothing was imported\nThe file checklist.pdf is not a Privacy Walkthrough progress file "
        "(not valid JSON). Your progress has not changed."
    )
    assert "damaged" not in text


def test_a_newer_file_is_one_sentence_with_one_full_stop(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "privacy-walkthrough-progress", "schema_version": 7}', encoding="utf-8")
    text = import_file(make_window, dialogs, newer)
    assert text == (
        "Nothing was imported\nThe file newer.json was saved by a newer version of Privacy Walkthrough "
        "(format 7; this version reads 3). Please update the app; the file has been left as it is. "
        "Your progress has not changed."
    )


@pytest.mark.parametrize("status", ["finished", "Done"])
def test_a_bad_status_names_the_step_and_what_is_allowed(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, status: str
) -> None:
    window = make_window()
    window.walkthrough.set_status("icloud-backup", StepStatus.SKIPPED, "not now")
    exported = json.loads(window.walkthrough.progress.model_dump_json())
    exported["steps"]["icloud-backup"]["status"] = status
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    window.close()
    text = import_file(make_window, dialogs, path)
    assert f"'steps.icloud-backup.status' is '{status}', but must be one of 'not-started', " in text
    assert "'done', 'acknowledged', 'skipped' or 'not-applicable'" in text
    assert "enum" not in text.lower()
