"""The set-up page's version list through the real window: every pick leads to correct
advice on the step pages (issue 13, items 2, 3 and 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.setup_page import DeviceRowWidget
from tests.gui.conftest import WindowFactory


def add_iphone(qtbot: QtBot, window: WalkthroughWindow) -> DeviceRowWidget:
    window.go_to_page(1)
    window.setup_page.add_button.click()
    row = window.setup_page.rows[-1]
    qtbot.waitUntil(row.isVisible)  # a row added to a shown page is shown by a queued call
    return row


def pick(row: DeviceRowWidget, label: str) -> None:
    index = row.version_box.findText(label)
    assert index >= 0, [row.version_box.itemText(i) for i in range(row.version_box.count())]
    row.version_box.setCurrentIndex(index)
    row.version_box.activated.emit(index)


def type_version(qtbot: QtBot, row: DeviceRowWidget, text: str) -> None:
    editor = row.version_box.lineEdit()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def notes(window: WalkthroughWindow, name: str) -> list[str]:
    return [
        label.text()
        for label in window.step_page.fit_panel.findChildren(QLabel)
        if label.objectName() == name and not label.isHidden()
    ]


def open_step(window: WalkthroughWindow, step_id: str) -> None:
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))


def test_an_iphone_on_17_point_5_can_verify_contact_keys(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    row = add_iphone(qtbot, window)
    pick(row, "iOS 17.2 or a later 17.x")
    assert row.isVisibleTo(window)
    assert not row.hint_label.isVisibleTo(window)  # the "where to find it" hint goes once chosen
    open_step(window, "contact-key-verification")
    assert notes(window, "blockerLabel") == []
    assert notes(window, "cautionLabel") == []
    paths = [
        label.text()
        for label in window.step_page.content_box.findChildren(QLabel)
        if label.objectName() == "pathLabel"
    ]
    assert any("Contact Key Verification" in p for p in paths)
    assert window.step_page.decision_bar.done_button.isEnabled()


def test_an_iphone_on_17_point_1_is_told_to_update(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    pick(add_iphone(qtbot, window), "iOS 17.0 or 17.1")
    open_step(window, "contact-key-verification")
    assert len(notes(window, "blockerLabel")) == 1


def test_a_typed_bare_major_shows_the_instructions_with_a_condition(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    row = add_iphone(qtbot, window)
    type_version(qtbot, row, "17")
    assert window.walkthrough.progress.devices[0].os_version == "17"
    assert row.version_box.currentText() == "iOS 17"
    open_step(window, "contact-key-verification")
    assert notes(window, "blockerLabel") == []
    [maybe] = notes(window, "cautionLabel")
    assert "Check your version first" in maybe and "17.2 or later" in maybe
    assert window.step_page.decision_bar.done_button.isEnabled()


def test_a_typed_version_with_a_comma_is_understood(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    row = add_iphone(qtbot, window)
    type_version(qtbot, row, "17,5")
    assert window.walkthrough.progress.devices[0].os_version == "17.5"
    assert row.version_box.currentText() == "iOS 17.5"
    assert not row.problem_label.isVisibleTo(window)


def test_a_typed_version_that_is_not_one_says_so(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    row = add_iphone(qtbot, window)
    type_version(qtbot, row, "seventeen")
    assert window.walkthrough.progress.devices[0].os_version is None
    assert row.problem_label.isVisibleTo(window)
    assert "“seventeen” is not a version" in row.problem_label.text()
    assert row.hint_label.isVisibleTo(window)


def test_a_device_newer_than_the_guide_is_said_on_every_step_with_the_instructions(
    qtbot: QtBot,
    make_window: WindowFactory,
) -> None:
    window = make_window()
    pick(add_iphone(qtbot, window), "Newer than iOS 26.5")
    for step_id in ("icloud-backup", "contact-key-verification", "sms-and-rcs"):
        open_step(window, step_id)
        [note] = notes(window, "newerLabel")
        assert "checked up to iOS 26.5" in note
        assert notes(window, "blockerLabel") == []
        assert [
            label
            for label in window.step_page.content_box.findChildren(QLabel)
            if label.objectName() == "pathLabel"
        ]
