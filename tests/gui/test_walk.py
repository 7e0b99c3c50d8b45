"""Walk through the real window the way a person does: keyboard, decisions, notes, resume."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.progress.models import NOTE_MAX_CHARS, StepStatus
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.look import status_icons
from privacy_walkthrough.qt.page_stack import StackPage
from privacy_walkthrough.qt.status_table import StepStatusTable
from privacy_walkthrough.qt.step_list import StepListWidget
from privacy_walkthrough.qt.step_page import StepPage
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel
from tests.gui.conftest import WalkthroughFactory, WindowFactory
from tests.helpers import ScriptedDialogs

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def saved(tmp_path: Path, guide_id: str) -> dict:
    return json.loads((tmp_path / "data" / "progress" / f"{guide_id}.json").read_text())


def test_whole_shipped_guide_by_keyboard_alone(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert window.stack.currentIndex() == StackPage.WELCOME
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)  # Go > Next: the set-up page, left as it is
    assert window.stack.currentIndex() == StackPage.SETUP
    dialogs.confirm_answers = [True]  # the irreversible last step asks first
    steps = window.walkthrough.guide.steps
    for number, step in enumerate(steps, start=1):
        qtbot.keyClick(window, Qt.Key.Key_Right, ALT)  # Go > Next
        assert window.stack.currentIndex() == StackPage.STEP
        assert window.step_page.title_label.text() == step.title
        assert window.step_page.eyebrow_label.text().startswith(f"Step {number} of {len(steps)}")
        qtbot.keyClick(window, Qt.Key.Key_D, CTRL)  # Step > Mark as done
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert window.stack.currentIndex() == StackPage.SUMMARY
    assert window.nav_bar.progress_bar.text() == f"{len(steps)} of {len(steps)} done"
    assert window.summary_page.tally_label.text().startswith(f"{len(steps)} of {len(steps)} steps done")
    assert [kind for kind, _ in dialogs.asked] == ["confirm"]
    statuses = {k: v["status"] for k, v in saved(tmp_path, "imessage-privacy")["steps"].items()}
    assert statuses["contacts-backups"] == "acknowledged"
    assert statuses["delete-apple-account"] == "done"
    assert len(statuses) == len(steps)


def test_irreversible_step_is_not_done_without_confirmation(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = make_window()
    window.walkthrough.go_to_step("delete-apple-account")
    window.refresh()
    dialogs.confirm_answers = [False]
    window.step_page.decision_bar.done_button.click()
    assert window.walkthrough.status("delete-apple-account") is StepStatus.NOT_STARTED
    assert "cannot be undone" in dialogs.asked[0][1]
    assert "you can change it later" in dialogs.asked[0][1]  # the tick, unlike the step, can be undone


def test_statuses_skip_reason_and_step_list(make_window: WindowFactory, small_guide: Guide) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    bar = window.step_page.decision_bar
    bar.skip_button.click()
    assert bar.reason_row.isVisibleTo(window)
    bar.reason_edit.setText("  Not on my phone  ")
    bar.confirm_skip_button.click()
    assert window.walkthrough.progress.step("first-step").skip_reason == "Not on my phone"
    assert "Skipped (Not on my phone)" in bar.status_label.text()
    assert "Skipped" in window.step_list.item(2).text()
    bar.not_applicable_button.click()
    assert window.walkthrough.status("first-step") is StepStatus.NOT_APPLICABLE
    bar.later_button.click()
    assert window.walkthrough.status("first-step") is StepStatus.LATER
    assert "Left for later" in window.step_list.item(2).text()


def test_advice_that_cannot_be_completed_is_acknowledged(
    make_window: WindowFactory, small_guide: Guide
) -> None:
    window = make_window(small_guide)
    window.go_to_page(window.walkthrough.page_index_of_step("read-only"))
    assert "read" in window.step_page.decision_bar.done_button.text()
    window.step_page.decision_bar.done_button.click()
    assert window.walkthrough.status("read-only") is StepStatus.ACKNOWLEDGED


def test_jump_from_the_step_list(qtbot: QtBot, make_window: WindowFactory, small_guide: Guide) -> None:
    window = make_window(small_guide)
    item = window.step_list.item(window.walkthrough.page_index_of_step("third-step"))
    window.step_list.itemActivated.emit(item)
    assert window.walkthrough.current.key == "third-step"
    assert window.step_page.title_label.text() == "Third step"


def test_note_is_saved_as_plain_text(make_window: WindowFactory, small_guide: Guide, tmp_path: Path) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.note_edit.setPlainText('<img src="http://example.com/x"> my <b>note</b>')
    window.on_next_triggered()  # leaving the page hands the note over at once
    assert saved(tmp_path, "test-guide")["steps"]["first-step"]["note"] == (
        '<img src="http://example.com/x"> my <b>note</b>'
    )
    window.on_back_triggered()
    assert window.step_page.note_edit.toPlainText().endswith("<b>note</b>")


def test_note_is_saved_after_a_pause_while_typing(
    qtbot: QtBot, make_window: WindowFactory, small_guide: Guide, tmp_path: Path
) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    qtbot.keyClicks(window.step_page.note_edit, "call bank")
    qtbot.waitUntil(
        lambda: saved(tmp_path, "test-guide")["steps"].get("first-step", {}).get("note") == "call bank"
    )


def test_quit_and_resume_on_the_same_step_with_back_working(
    make_window: WindowFactory, small_guide: Guide, tmp_path: Path
) -> None:
    first = make_window(small_guide)
    first.on_next_triggered()
    first.on_next_triggered()
    first.step_page.decision_bar.done_button.click()
    first.on_next_triggered()
    first.step_page.note_edit.setPlainText("ask Sam")
    first.on_next_triggered()
    first.close()

    second = make_window(small_guide)
    assert second.walkthrough.current.key == "third-step"
    assert second.step_page.title_label.text() == "Third step"
    assert second.walkthrough.status("first-step") is StepStatus.DONE
    assert second.nav_bar.back_button.isEnabled()
    second.nav_bar.back_button.click()
    assert second.walkthrough.current.key == "second-step"
    assert second.step_page.note_edit.toPlainText() == "ask Sam"
    second.nav_bar.back_button.click()
    assert second.step_page.decision_bar.status_label.text().startswith("Status: Done")


def test_start_over_asks_first_and_keeps_a_backup(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    dialogs.confirm_answers = [False]
    window.window_actions.start_over.trigger()
    assert window.walkthrough.status("first-step") is StepStatus.DONE

    dialogs.confirm_answers = [True]
    window.window_actions.start_over.trigger()
    assert window.walkthrough.status("first-step") is StepStatus.NOT_STARTED
    assert window.stack.currentIndex() == StackPage.WELCOME
    backups = list((tmp_path / "data" / "progress").glob("test-guide.backup-*.json"))
    assert len(backups) == 1
    assert json.loads(backups[0].read_text())["steps"]["first-step"]["status"] == "done"
    assert saved(tmp_path, "test-guide")["steps"] == {}


def test_source_links_open_only_when_clicked(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs
) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    assert dialogs.opened_urls == []
    window.step_page.link_activated.emit("https://example.org/first-step")
    assert dialogs.opened_urls == ["https://example.org/first-step"]


def test_save_failure_shows_a_calm_message_and_recovers(
    make_window: WindowFactory, small_guide: Guide, monkeypatch, tmp_path: Path
) -> None:
    window = make_window(small_guide)
    store = window.session.store
    real_save = store.save

    def full_disk(progress: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", full_disk)
    window.on_next_triggered()
    assert window.save_problem_label.isVisibleTo(window)
    assert "No space left on device" in window.save_problem_label.text()
    monkeypatch.setattr(store, "save", real_save)
    window.on_save_retry_timeout()
    assert not window.save_problem_label.isVisibleTo(window)
    assert saved(tmp_path, "test-guide")["current_page"] == "@setup"


def test_double_escape_quits_and_progress_is_saved(
    qtbot: QtBot, make_window: WindowFactory, small_guide: Guide, tmp_path: Path
) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.note_edit.setPlainText("private")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert saved(tmp_path, "test-guide")["steps"]["first-step"]["note"] == "private"


def test_a_note_longer_than_the_limit_is_cut_and_still_saved(
    make_window: WindowFactory, small_guide: Guide, tmp_path: Path
) -> None:
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    page = window.step_page
    page.note_edit.setPlainText("x" * (NOTE_MAX_CHARS + 50))
    window.on_next_triggered()
    assert saved(tmp_path, "test-guide")["steps"]["first-step"]["note"] == "x" * NOTE_MAX_CHARS
    assert str(NOTE_MAX_CHARS) in page.note_hint.text()


def test_the_summary_table_follows_decisions_made_after_it_was_shown(
    qtbot: QtBot, make_walkthrough: WalkthroughFactory, small_guide: Guide
) -> None:
    walkthrough = make_walkthrough(small_guide)
    table = StepStatusTable(status_icons())
    qtbot.addWidget(table)

    def views() -> list[StepView]:
        return [walkthrough.step_view(step_id) for step_id in small_guide.step_ids]

    table.show_views(views())
    assert table.item(0, 1).text() == "Not yet"
    walkthrough.set_status("first-step", StepStatus.DONE)
    walkthrough.set_status("second-step", StepStatus.SKIPPED, "no time")
    table.show_views(views())
    assert table.item(0, 1).text() == "Done"
    assert table.item(0, 2).text() != ""
    assert table.item(1, 1).text() == "Skipped — reason: no time"  # the printed checklist's words
    assert table.item(2, 1).text() == "Not yet"


def test_the_step_list_asks_for_the_set_up_page_until_it_was_seen(
    qtbot: QtBot, make_walkthrough: WalkthroughFactory
) -> None:
    walkthrough = make_walkthrough()
    step_list = StepListWidget(status_icons())
    qtbot.addWidget(step_list)
    step_list.populate(walkthrough)
    setup_item = step_list.item(1)
    assert setup_item.text() == "Your devices and answers\nNot filled in yet"
    walkthrough.go_next()  # the set-up page
    assert not walkthrough.progress.setup_done
    walkthrough.go_next()  # leaving it
    step_list.refresh(walkthrough)
    assert walkthrough.progress.setup_done
    assert setup_item.text() == "Your devices and answers"
    assert step_list.currentRow() == 2


def test_a_step_page_shows_block_titles_how_to_undo_and_the_versions_checked(
    qtbot: QtBot, make_walkthrough: WalkthroughFactory
) -> None:
    page = StepPage()
    qtbot.addWidget(page)
    page.show_step(make_walkthrough().step_view("icloud-backup"))
    headings = [h.text() for h in page.content_box.findChildren(HeadingLabel)]
    assert "Turn off iCloud Backup — iPhone/iPad (iOS 16 and later)" in headings
    assert "Delete old backups — iPhone/iPad (iOS 16 and later)" in headings
    undo_at = headings.index("How to undo it")
    assert undo_at > headings.index("What you give up")
    texts = " ".join(w.text() for w in page.content_box.findChildren(WrappedLabel))
    assert "Back Up This iPhone" in texts and "can't be brought back" in texts
    assert "Checked against iOS and iPadOS up to 26.5." in page.meta_label.text()
    assert "macOS" not in page.meta_label.text()  # the step concerns iPhones and iPads only
