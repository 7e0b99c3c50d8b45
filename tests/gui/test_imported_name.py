"""A person's name from an imported file with NUL, a right-to-left override or a line break is
cleaned, and the person is told so, in the window and on the command line (issue #16 item 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs

NOTICE = "The name in the file held invisible control characters"


def exported_with_name(make_window: WindowFactory, tmp_path: Path, name: str) -> Path:
    """A real export of a fresh window's progress, with ``name`` written in as the person's name."""
    window = make_window(folder=tmp_path / "elsewhere")
    data = json.loads(window.walkthrough.progress.model_dump_json())
    window.close()
    data["person_name"] = name
    path = tmp_path / "from-elsewhere.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\n"])
def test_the_window_says_the_name_was_cleaned(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, bad: str
) -> None:
    path = exported_with_name(make_window, tmp_path, f"Sam{bad}Smith")
    window = make_window()
    dialogs.open_paths.append(path)
    dialogs.confirm_answers.append(True)
    window.window_actions.import_progress.trigger()
    asked = [text for kind, text in dialogs.asked if kind == "confirm"]
    assert len(asked) == 1 and f"{NOTICE}" in asked[0]
    assert "the name now reads “SamSmith”." in asked[0]
    assert window.walkthrough.progress.person_name == "SamSmith"


def test_a_plain_name_is_not_mentioned(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    path = exported_with_name(make_window, tmp_path, "Sam Smith")
    window = make_window()
    dialogs.open_paths.append(path)
    dialogs.confirm_answers.append(True)
    window.window_actions.import_progress.trigger()
    assert not any(NOTICE in text for _, text in dialogs.asked)
    assert window.walkthrough.progress.person_name == "Sam Smith"


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\n"])
def test_the_command_line_says_the_name_was_cleaned(
    make_window: WindowFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path = exported_with_name(make_window, tmp_path, f"Sam{bad}Smith")
    assert main(["import", str(path), "--yes", "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert NOTICE in out and "the name now reads “SamSmith”." in out
