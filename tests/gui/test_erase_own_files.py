"""Erase all my data deletes only what the app wrote, lists it first, and leaves the rest."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.logging_setup import configure_logging
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def test_erase_lists_the_apps_files_and_leaves_the_persons_own(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = make_window(small_guide)
    configure_logging(data / "logs")
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    backup = window.session.store.back_up()
    progress = window.session.store.path
    assert backup is not None
    temp = progress.parent / f".{progress.name}.k1ll3d.tmp"
    temp.write_text("half a save")
    aside = progress.parent / f"{progress.stem}.damaged-20260506-070809.json"
    aside.write_bytes(b"\x00 unreadable")
    theirs = {
        progress.parent / "budget.json": '{"rent": 900}',  # a name the app could give, not its content
        progress.parent / "passwords.tmp": "mine",
        progress.parent / "notes.txt": "mine",
        data / "logs" / "privacy-walkthrough.log.old": "mine",
        data / "profiles.json.txt": "mine",
    }
    for path, text in theirs.items():
        path.write_text(text)

    dialogs.confirm_answers = [True]
    window.window_actions.erase_data.trigger()

    question = next(text for kind, text in dialogs.asked if kind == "confirm")
    for path in (progress, backup, temp, aside, data / "logs" / "privacy-walkthrough.log"):
        assert str(path) in question
        assert not path.exists()
    left, listed = question.split("left as they are")
    for path, text in theirs.items():
        if path.parent != data:  # the data folder itself is the person's: not listed
            assert str(path) in listed and str(path) not in left
        assert path.read_text() == text
    kind, done = dialogs.asked[-1]
    assert kind == "inform" and "Left as they were" in done and "budget.json" in done
