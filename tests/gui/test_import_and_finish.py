"""The real window: File > Import progress keeps notes unless told, the file dialogs start in
one folder, the summary keeps optional steps apart, and Finish says the progress is saved."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.content.kinds import StepKind
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs

NOTED = {"icloud-backup": "ask Sam first", "shared-with-you": "only on the Mac"}


def export_progress(window: WalkthroughWindow, dialogs: ScriptedDialogs, target: Path) -> None:
    dialogs.save_paths = [target]
    window.window_actions.export_progress.trigger()
    assert target.is_file()


def import_progress(window: WalkthroughWindow, dialogs: ScriptedDialogs, source: Path) -> None:
    dialogs.open_paths = [source]
    window.window_actions.import_progress.trigger()


def notes(window: WalkthroughWindow) -> dict[str, str]:
    steps = window.walkthrough.progress.steps
    return {step_id: entry.note for step_id, entry in steps.items() if entry.note}


def window_with_a_file_without_notes(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> tuple[WalkthroughWindow, Path]:
    """A progress file with a decision and no notes; the window has notes written since."""
    window = make_window()
    window.walkthrough.set_status("what-imessage-protects", StepStatus.DONE)
    without_notes = tmp_path / "from-the-other-computer.json"
    export_progress(window, dialogs, without_notes)
    window.walkthrough.set_status("what-imessage-protects", StepStatus.LATER)
    for step_id, note in NOTED.items():
        window.walkthrough.set_note(step_id, note)
    return window, without_notes


def test_importing_a_file_without_notes_keeps_the_notes_unless_told(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window, without_notes = window_with_a_file_without_notes(make_window, dialogs, tmp_path)

    dialogs.choice_answers = [0]  # "Replace, keep my notes"
    import_progress(window, dialogs, without_notes)

    _, question = next(asked for asked in dialogs.asked if asked[0] == "ask_choice")
    assert "Turn off iCloud Backup and delete old backups" in question
    assert "Turn off Shared with You" in question
    assert question.endswith("Replace, keep my notes / Replace and delete these notes / Cancel")
    assert window.walkthrough.status("what-imessage-protects") is StepStatus.DONE  # the file's
    assert notes(window) == NOTED
    assert window.step_list.count() > 0 and dialogs.asked[-1][0] == "inform"


def test_notes_go_only_when_the_person_picks_exactly_that(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window, without_notes = window_with_a_file_without_notes(make_window, dialogs, tmp_path)

    dialogs.choice_answers = [None]  # Cancel: nothing changes
    import_progress(window, dialogs, without_notes)
    assert notes(window) == NOTED
    assert window.walkthrough.status("what-imessage-protects") is StepStatus.LATER

    dialogs.choice_answers = [1]  # "Replace and delete these notes"
    import_progress(window, dialogs, without_notes)
    assert notes(window) == {}
    assert window.walkthrough.status("what-imessage-protects") is StepStatus.DONE


def test_a_file_that_deletes_no_note_asks_only_to_replace(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    window.walkthrough.set_note("icloud-backup", "ask Sam first")
    with_notes = tmp_path / "with-notes.json"
    export_progress(window, dialogs, with_notes)
    dialogs.confirm_answers = [True]
    import_progress(window, dialogs, with_notes)
    assert [kind for kind, _ in dialogs.asked] == ["save_path", "open_path", "confirm", "inform"]
    assert notes(window) == {"icloud-backup": "ask Sam first"}


def test_the_file_dialogs_start_in_the_same_folder(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    dialogs.open_paths = [None]
    window.window_actions.import_progress.trigger()
    dialogs.save_paths = [None]
    window.window_actions.save_pdf.trigger()
    assert dialogs.folders == [Path.home(), Path.home()]  # not the folder the app was started in

    kept = tmp_path / "kept"
    kept.mkdir()
    export_progress(window, dialogs, kept / "progress.json")
    dialogs.open_paths = [None]
    window.window_actions.import_progress.trigger()
    assert dialogs.folders[-1] == kept  # where the person last saved


def test_the_summary_keeps_optional_and_irreversible_steps_apart(make_window: WindowFactory) -> None:
    window = make_window()
    guide = window.walkthrough.guide
    choices = [s.title for s in guide.steps if s.kind in (StepKind.OPTIONAL, StepKind.IRREVERSIBLE)]
    assert "Last resort: delete your Apple Account" in choices
    for step in guide.steps[:3]:
        window.walkthrough.set_status(step.id, StepStatus.DONE)
    window.on_summary_triggered()
    summary = window.summary_page
    total = len(guide.steps)
    still_open = total - 3 - len(choices)
    assert summary.tally_label.text() == (
        f"3 of {total} steps done; {still_open} still open. {len(choices)} steps only if you decide to."
    )
    for title in choices:
        assert title not in summary.open_label.text()
        assert title in summary.choices_label.text()
    assert "Turn off Shared with You" in summary.open_label.text()
    assert summary.choices_label.text().startswith("Only if you decide to:")


def test_finish_says_the_progress_is_saved_before_closing(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = make_window()
    window.on_summary_triggered()
    assert window.nav_bar.next_button.text() == "&Finish"
    dialogs.confirm_answers = [False]
    window.nav_bar.next_button.click()
    assert window.isVisible()
    assert "Your progress is saved on this computer" in dialogs.asked[-1][1]
    dialogs.confirm_answers = [True]
    window.nav_bar.next_button.click()
    assert not window.isVisible()
