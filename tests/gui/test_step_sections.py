"""A step page shows the task first; the explanation, open questions and sources are one
click away, work by keyboard, and stay open or closed as last left (issue 13, item 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.view_settings import Section
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory


def open_step(window: WalkthroughWindow, step_id: str) -> None:
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))
    for _ in range(3):
        QApplication.processEvents()


def order(window: WalkthroughWindow) -> list[str]:
    """The content's parts, top to bottom, by object name or heading text."""
    layout = window.step_page.content_box.content_layout
    parts = []
    for index in range(layout.count()):
        widget = layout.itemAt(index).widget()
        assert isinstance(widget, QWidget)
        parts.append(widget.text() if isinstance(widget, QLabel) else widget.objectName())
    return parts


def test_what_to_do_comes_before_why_and_the_sources(make_window: WindowFactory) -> None:
    window = make_window()
    open_step(window, "icloud-backup")
    parts = order(window)
    assert parts[0] == "What to do"
    assert parts.index("What to do") < parts.index("whySection") < parts.index("sourcesSection")
    page = window.step_page
    assert not page.sections[Section.WHY].body.isVisibleTo(page)  # closed at first
    assert page.sections[Section.WHY].toggle_button.isVisibleTo(page)


def test_sections_open_by_keyboard_and_say_their_state(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    open_step(window, "icloud-backup")
    section = window.step_page.sections[Section.WHY]
    button = section.toggle_button
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Why it matters"
    assert "Closed" in interface.text(QAccessible.Text.Description)
    assert interface.role() == QAccessible.Role.Button
    state = interface.state()
    assert (state.expandable, state.collapsed, state.expanded) == (True, True, False)
    assert not state.checkable and not state.checked  # a screen reader says "collapsed", not "not checked"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert section.body.isVisibleTo(window.step_page)
    state = interface.state()
    assert (state.expandable, state.collapsed, state.expanded) == (True, False, True)
    assert not state.checkable and not state.checked
    assert "Open" in interface.text(QAccessible.Text.Description)


def test_a_screen_reader_opens_and_closes_a_section_with_press(make_window: WindowFactory) -> None:
    window = make_window()
    open_step(window, "icloud-backup")
    section = window.step_page.sections[Section.SOURCES]
    interface = QAccessible.queryAccessibleInterface(section.toggle_button)
    actions = interface.actionInterface()
    assert actions is not None
    press = QAccessibleActionInterface.pressAction()
    assert press in actions.actionNames()
    actions.doAction(press)
    assert section.body.isVisibleTo(window.step_page) and interface.state().expanded
    actions.doAction(press)
    assert not section.body.isVisibleTo(window.step_page) and interface.state().collapsed


def test_an_open_section_stays_open_on_other_steps_and_after_a_restart(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    open_step(window, "icloud-backup")
    window.step_page.sections[Section.SOURCES].toggle_button.click()
    open_step(window, "sms-and-rcs")
    assert window.step_page.sections[Section.SOURCES].is_open()
    open_step(window, "icloud-backup")  # a page built before: shown as last left
    assert window.step_page.sections[Section.SOURCES].is_open()
    window.close()
    again = make_window()
    open_step(again, "shared-with-you")
    assert again.step_page.sections[Section.SOURCES].is_open()
    assert not again.step_page.sections[Section.WHY].is_open()


def test_advice_shows_its_explanation_as_the_task(make_window: WindowFactory) -> None:
    window = make_window()
    open_step(window, "what-imessage-protects")
    parts = order(window)
    assert parts[0] == "What to know"
    assert Section.WHY not in window.step_page.sections
