"""The walkthrough fitted to the person: devices and versions, answers, per-device ticks,
checking again after an update, and one profile per person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import Answers, Device, StepStatus
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.page_stack import StackPage
from privacy_walkthrough.qt.step_page import StepPage
from tests.gui.conftest import WalkthroughFactory, WindowFactory
from tests.helpers import ScriptedDialogs


def open_step(window: WalkthroughWindow, step_id: str) -> None:
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))


def shown_paths(page: StepPage) -> list[str]:
    return [
        label.text() for label in page.content_box.findChildren(QLabel) if label.objectName() == "pathLabel"
    ]


def test_the_setup_page_comes_after_welcome_and_records_devices_and_answers(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.on_next_triggered()
    assert window.stack.currentIndex() == StackPage.SETUP
    page = window.setup_page
    page.add_button.click()
    row = page.rows[0]
    row.name_edit.setText("Work iPhone")
    row.name_edit.editingFinished.emit()
    row.version_box.setCurrentIndex(row.version_box.findData("17.2"))
    row.version_box.activated.emit(row.version_box.currentIndex())
    box = page.answer_boxes[next(iter(page.answer_boxes))]
    box.setCurrentIndex(box.findData(True))
    box.activated.emit(box.currentIndex())
    progress = window.walkthrough.progress
    assert progress.devices == [
        Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="17.2")
    ]
    assert progress.answers.lives_in_uk is True


def test_coming_back_to_the_setup_page_keeps_its_rows_unless_the_devices_changed(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    phone = Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="18")
    window.walkthrough.set_devices([phone])
    window.go_to_page(1)
    first_rows = list(window.setup_page.rows)
    window.go_to_page(0)
    window.go_to_page(1)
    assert window.setup_page.rows == first_rows  # the same row widgets: nothing rebuilt

    window.go_to_page(0)
    window.walkthrough.set_devices([phone, Device(id="d2", kind=DeviceKind.MAC, os_version="15")])
    window.go_to_page(1)
    assert [row.device() for row in window.setup_page.rows] == window.walkthrough.progress.devices
    assert len(window.setup_page.rows) == 2


def test_instructions_match_the_devices_ios_version(
    qtbot: QtBot, make_walkthrough: WalkthroughFactory
) -> None:
    walkthrough = make_walkthrough()
    page = StepPage()
    qtbot.addWidget(page)
    walkthrough.set_devices([Device(id="d1", kind=DeviceKind.IPHONE, os_version="17.5")])
    page.show_step(walkthrough.step_view("shared-with-you"))
    paths = shown_paths(page)
    assert any(p.startswith("Settings › Messages") for p in paths)
    assert not any("Apps" in p for p in paths)

    walkthrough.set_devices([Device(id="d1", kind=DeviceKind.IPHONE, os_version="18.1")])
    page.show_step(walkthrough.step_view("shared-with-you"))
    paths = shown_paths(page)
    assert any(p.startswith("Settings › Apps › Messages") for p in paths)
    assert not any(p.startswith("Settings › Messages") for p in paths)


def test_an_answer_makes_a_step_not_applicable_with_its_reason(make_window: WindowFactory) -> None:
    window = make_window()
    window.walkthrough.set_answers(Answers(messages_businesses=False))
    open_step(window, "messages-for-business")
    assert window.walkthrough.status("messages-for-business") is StepStatus.NOT_APPLICABLE
    reasons = [w.text() for w in window.step_page.fit_panel.findChildren(QLabel)]
    assert any("does not apply to you" in text for text in reasons)
    assert (
        "Not applicable"
        in window.step_list.item(window.walkthrough.page_index_of_step("messages-for-business")).text()
    )


def test_a_per_device_step_is_done_only_when_every_device_is_ticked(make_window: WindowFactory) -> None:
    window = make_window()
    window.walkthrough.set_devices(
        [
            Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="18"),
            Device(id="d2", kind=DeviceKind.IPAD, os_version="17"),
            Device(id="d3", kind=DeviceKind.MAC, os_version="15"),
        ]
    )
    open_step(window, "icloud-backup")
    panel = window.step_page.fit_panel
    assert set(panel.device_boxes) == {"d1", "d2"}  # Macs have no iCloud Backup
    assert not window.step_page.decision_bar.done_button.isEnabled()
    panel.device_boxes["d1"].setChecked(True)
    assert window.walkthrough.status("icloud-backup") is StepStatus.NOT_STARTED
    window.step_page.fit_panel.device_boxes["d2"].setChecked(True)
    assert window.walkthrough.status("icloud-backup") is StepStatus.DONE
    assert "Done" in window.step_page.decision_bar.status_label.text()


def test_a_newer_system_version_asks_to_check_that_device_again(make_window: WindowFactory) -> None:
    window = make_window()
    walkthrough = window.walkthrough
    phone = Device(id="d1", kind=DeviceKind.IPHONE, os_version="18")
    mac = Device(id="d2", kind=DeviceKind.MAC, os_version="15")
    walkthrough.set_devices([phone, mac])
    walkthrough.set_status("shared-with-you", StepStatus.DONE)
    walkthrough.set_devices([replace(phone, os_version="26"), mac])
    assert [d.id for d in walkthrough.step_view("shared-with-you").recheck] == ["d1"]
    open_step(window, "shared-with-you")
    button = window.step_page.fit_panel.confirm_button
    assert button is not None
    window.on_summary_triggered()
    assert "Check again after system updates" in window.summary_page.recheck_label.text()
    open_step(window, "shared-with-you")
    window.step_page.fit_panel.confirm_button.click()
    assert list(walkthrough.step_view("shared-with-you").recheck) == []
    assert walkthrough.progress.step("shared-with-you").confirmed_at is not None


def test_profiles_keep_separate_progress_across_restarts(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    window.walkthrough.set_status("icloud-backup", StepStatus.DONE)
    dialogs.text_answers = ["Sam"]
    window.window_actions.new_profile.trigger()
    assert "Sam" in window.windowTitle()
    assert window.walkthrough.status("icloud-backup") is StepStatus.NOT_STARTED
    window.walkthrough.set_status("sms-and-rcs", StepStatus.SKIPPED, "needs SMS")
    window.close()

    again = make_window()
    assert "Sam" in again.windowTitle()
    assert again.walkthrough.status("sms-and-rcs") is StepStatus.SKIPPED
    me = next(a for a in again.window_actions.profile_actions if a.text() != "Sam")
    me.trigger()
    assert again.walkthrough.status("icloud-backup") is StepStatus.DONE
    assert again.walkthrough.status("sms-and-rcs") is StepStatus.NOT_STARTED


def test_deleting_a_profile_asks_first(make_window: WindowFactory, dialogs: ScriptedDialogs) -> None:
    window = make_window()
    dialogs.text_answers = ["Sam"]
    window.window_actions.new_profile.trigger()
    dialogs.confirm_answers = [False]
    window.window_actions.delete_profile.trigger()
    assert len(window.window_actions.profile_actions) == 2
    dialogs.confirm_answers = [True]
    window.window_actions.delete_profile.trigger()
    assert [a.text() for a in window.window_actions.profile_actions] == ["Me"]
    assert "Sam" in dialogs.asked[-2][1] or "Sam" in dialogs.asked[-1][1]


def test_opening_a_profile_with_damaged_or_newer_progress_says_so(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = make_window()
    session = window.session
    dialogs.text_answers = ["Sam"]
    window.window_actions.new_profile.trigger()
    sam_file = session.store.path
    window.walkthrough.set_status("icloud-backup", StepStatus.DONE)
    me = next(a for a in window.window_actions.profile_actions if a.text() == "Me")
    me.trigger()
    sam = next(a for a in window.window_actions.profile_actions if a.text() == "Sam")

    sam_file.write_bytes(b'{"format": ')
    sam.trigger()
    assert window.session is session  # one session for the window's life, pointed at Sam's file
    assert "Sam" in window.windowTitle()
    assert dialogs.asked[-1][0] == "warn" and "could not be read" in dialogs.asked[-1][1]
    assert list(sam_file.parent.glob(f"{sam_file.stem}.damaged-*.json"))

    me = next(a for a in window.window_actions.profile_actions if a.text() == "Me")
    me.trigger()
    sam_file.write_text('{"format": "privacy-walkthrough-progress", "schema_version": 99}')
    sam = next(a for a in window.window_actions.profile_actions if a.text() == "Sam")
    sam.trigger()
    assert dialogs.asked[-1][0] == "warn" and "newer version" in dialogs.asked[-1][1]
    assert "Me" in window.windowTitle() and session.store.path != sam_file
    assert sam_file.read_text().endswith("99}")  # left exactly as it was
