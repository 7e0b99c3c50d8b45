"""Every control has a name for screen readers, every action its shortcut, and nothing is
clipped at the smallest window size, even with stretched (pseudo-translated) or doubled text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QFont, QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.progress.models import Device, StepStatus
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.menus import Shortcut
from tests.gui.conftest import WindowFactory

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView)


def every_page(window: WalkthroughWindow) -> Iterator[str]:
    for index, page in enumerate(window.walkthrough.pages):
        window.go_to_page(index)
        for _ in range(3):
            QApplication.processEvents()
        yield page.key


def shown(window: WalkthroughWindow, cls: type | tuple[type, ...]) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, cls) and w.isVisible() and w.window() is window
    ]


def test_every_interactive_control_on_every_page_has_an_accessible_name(make_window: WindowFactory) -> None:
    window = make_window()
    checked = 0
    for key in every_page(window):
        for widget in shown(window, INTERACTIVE):
            interface = QAccessible.queryAccessibleInterface(widget)
            assert interface is not None
            name = interface.text(QAccessible.Text.Name).strip()
            assert name, f"{type(widget).__name__} {widget.objectName()!r} on {key} has no accessible name"
            checked += 1
    assert checked > 100


def test_status_changes_are_announced(make_window: WindowFactory) -> None:
    window = make_window()
    window.on_next_triggered()
    assert "devices" in window.last_announcement
    window.on_next_triggered()
    assert "Understand what iMessage hides" in window.last_announcement
    window.step_page.decision_bar.done_button.click()
    assert "Done" in window.last_announcement


def test_every_shortcut_belongs_to_an_action_and_is_listed_in_help(make_window: WindowFactory) -> None:
    window = make_window()
    bound = {a.shortcut().toString() for a in window.findChildren(type(window.window_actions.print))}
    for shortcut in Shortcut:
        assert shortcut.sequence().toString() in bound, shortcut
    window.window_actions.shortcuts_help.trigger()
    kind, text = window.dialogs.asked[-1]
    assert kind == "inform"
    for shortcut in Shortcut:
        assert shortcut.sequence().toString(shortcut.sequence().SequenceFormat.NativeText) in text
    assert "Esc, twice" in text


def test_buttons_have_mnemonics(make_window: WindowFactory) -> None:
    window = make_window()
    for button in (window.nav_bar.back_button, window.nav_bar.next_button, window.nav_bar.quick_exit_button):
        assert "&" in button.text()


def clipped(window: WalkthroughWindow) -> list[str]:
    """Labels and buttons shown smaller than they need (inside scroll areas text can scroll)."""
    problems = []
    for label in shown(window, QLabel):
        if not label.text() or isinstance(label.parentWidget(), QAbstractScrollArea):
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                problems.append(
                    f"label {label.text()[:40]!r}: {label.height()} < {label.heightForWidth(label.width())}"
                )
        elif label.width() < label.sizeHint().width():
            problems.append(f"label {label.text()[:40]!r}: {label.width()} < {label.sizeHint().width()}")
    bar = window.nav_bar.progress_bar
    if bar.width() < bar.fontMetrics().horizontalAdvance(bar.text()) + 8:
        problems.append(f"progress bar {bar.text()!r} is {bar.width()} wide")
    for table in shown(window, QTableWidget):
        for row in range(table.rowCount()):
            needed = table.sizeHintForRow(row)  # wrapped to the column widths
            if table.rowHeight(row) < needed:
                problems.append(f"row {row} of a table is {table.rowHeight(row)} < {needed}")
    for button in shown(window, QAbstractButton):
        if button.width() < button.sizeHint().width() or button.height() < button.sizeHint().height():
            problems.append(f"button {button.text()!r}: {button.size()} < {button.sizeHint()}")
    steps = window.step_list
    for row in range(steps.count()):
        item = steps.item(row)
        option = QStyleOptionViewItem()
        steps.initViewItemOption(option)
        option.rect = steps.visualItemRect(item)
        steps.itemDelegate().initStyleOption(option, steps.indexFromItem(item))
        text = steps.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, steps)
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = steps.fontMetrics().boundingRect(QRect(0, 0, text.width() - 8, 10_000), flags, item.text())
        if text.height() < needed.height():
            problems.append(f"step list item {item.text()!r} is {text.height()} < {needed.height()} high")
    for area in shown(window, QAbstractScrollArea):
        if area.horizontalScrollBar().isVisible():
            problems.append(f"{type(area).__name__} {area.objectName()!r} scrolls sideways")
    for edit in shown(window, (QLineEdit, QComboBox)):
        if edit.width() < edit.minimumSizeHint().width():
            problems.append(f"{type(edit).__name__} {edit.accessibleName()!r} is cut: {edit.width()}")
    return problems


def headings_outgrow_text(window: WalkthroughWindow) -> list[str]:
    """Every heading shown is at least as big as the text around it."""
    body = QFontInfo(window.font()).pointSizeF()
    return [
        f"{label.objectName()} {label.text()[:30]!r}: {QFontInfo(label.font()).pointSizeF()} < {body}"
        for label in shown(window, QLabel)
        if label.objectName() in ("pageTitle", "heading2", "heading3", "sectionHeading")
        and QFontInfo(label.font()).pointSizeF() < body
    ]


SOMEONES_DEVICES = [
    Device(id="d1", kind=DeviceKind.IPHONE, name="Grandmother's everyday iPhone", os_version="18.1"),
    Device(id="d2", kind=DeviceKind.IPAD, name="Old iPad", os_version="16.1"),
    Device(id="d3", kind=DeviceKind.MAC, os_version="15"),
    Device(id="d4", kind=DeviceKind.WATCH),
]


@pytest.mark.parametrize("stretch", ["pseudo-translation", "double-size text"])
def test_nothing_is_clipped_at_800_by_600(qtbot: QtBot, make_window: WindowFactory, stretch: str) -> None:
    """With the app's own style sheet, as a person sees it: nothing cut, nothing scrolls
    sideways, and headings grow with the text."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original_font = QFont(app.font())
    original_sheet = app.styleSheet()
    apply_look(app, "light")
    if stretch == "pseudo-translation":
        i18n.set_catalog({}, pseudo=True)
    else:
        doubled = QFont(original_font)
        doubled.setPointSizeF(original_font.pointSizeF() * 2)
        app.setFont(doubled)
    try:
        window = make_window()
        window.walkthrough.set_devices(SOMEONES_DEVICES)
        window.walkthrough.set_device_done("icloud-backup", "d1", True)
        window.walkthrough.set_status("what-imessage-protects", StepStatus.DONE)
        window.walkthrough.set_status("advanced-data-protection", StepStatus.SKIPPED, "Old iPad first")
        window.resize(800, 600)
        qtbot.waitUntil(lambda: window.size().width() == 800 and window.size().height() == 600)
        assert window.minimumSizeHint().width() <= 800
        for key in every_page(window):
            problems = clipped(window) + headings_outgrow_text(window)
            assert not problems, (key, problems)
        if stretch == "pseudo-translation":
            assert window.nav_bar.next_button.text().startswith("[")
    finally:
        app.setFont(original_font)
        app.setStyleSheet(original_sheet)
        i18n.set_catalog({})
