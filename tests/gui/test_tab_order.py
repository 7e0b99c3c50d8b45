"""Tab follows the reading order on every page, through the real window and real key
presses: the step list, the page from top to bottom, its decision buttons, Back and Next,
and Quick exit always last (issue 13, item 17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.progress.models import Device, StepStatus
from privacy_walkthrough.core.view_settings import Section
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory

TWO_PHONES = [
    Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="18.1"),
    Device(id="d2", kind=DeviceKind.IPHONE, name="Home iPhone", os_version="17.5"),
]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def tab_through(qtbot: QtBot, window: WalkthroughWindow, backwards: bool = False) -> list[QWidget]:
    """Press Tab from the step list until the focus comes back to it; every widget visited."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.step_list.setFocus(Qt.FocusReason.OtherFocusReason)
    settle()
    visited: list[QWidget] = []
    for _ in range(80):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(focused, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        settle()
        if QApplication.focusWidget() is window.step_list:
            return visited
    raise AssertionError(f"Tab never came back to the step list: {[w.objectName() for w in visited]}")


def names(widgets: list[QWidget]) -> list[str]:
    return [w.objectName() or type(w).__name__ for w in widgets]


def test_a_step_page_reads_top_to_bottom_then_back_next_and_quick_exit(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.walkthrough.set_devices(TWO_PHONES)
    window.go_to_page(window.walkthrough.page_index_of_step("icloud-backup"))  # a page built late
    settle()
    page = window.step_page
    visited = tab_through(qtbot, window)
    bar = page.decision_bar
    nav = window.nav_bar
    ticks = list(page.fit_panel.device_boxes.values())
    expected_order = [
        window.step_list,
        *ticks,
        page.note_edit,
        bar.skip_button,
        bar.not_applicable_button,
        bar.later_button,
        nav.back_button,
        nav.next_button,
        nav.quick_exit_button,
    ]
    assert len(ticks) == 2
    assert not bar.done_button.isEnabled()  # a per-device step: tick each device first
    assert bar.done_button not in visited
    assert [w for w in visited if w in expected_order] == expected_order, names(visited)
    assert visited[-3:] == [nav.back_button, nav.next_button, nav.quick_exit_button]
    assert visited.index(ticks[0]) < visited.index(page.note_edit)


def test_shift_tab_from_the_step_list_reaches_quick_exit_at_once(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.go_to_page(window.walkthrough.page_index_of_step("sms-and-rcs"))
    settle()
    visited = tab_through(qtbot, window, backwards=True)
    assert visited[1] is window.nav_bar.quick_exit_button
    assert visited[2] is window.nav_bar.next_button


def test_device_rows_added_later_come_before_the_questions(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.go_to_page(1)
    page = window.setup_page
    page.add_button.click()
    page.add_button.click()
    qtbot.waitUntil(lambda: all(row.isVisible() for row in page.rows))
    visited = tab_through(qtbot, window)
    first, second = page.rows
    row_stops = [first.kind_box, first.name_edit, first.version_box, first.remove_button]
    row_stops += [second.kind_box, second.name_edit, second.version_box, second.remove_button]
    questions = list(page.answer_boxes.values())
    expected_order = [window.step_list, *row_stops, page.add_button, *questions, window.nav_bar.back_button]
    assert [w for w in visited if w in expected_order] == expected_order, names(visited)
    assert visited[-1] is window.nav_bar.quick_exit_button


def test_plain_text_is_no_tab_stop_but_links_are(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.go_to_page(window.walkthrough.page_index_of_step("icloud-backup"))
    window.step_page.sections[Section.SOURCES].toggle_button.click()  # the links are in there
    settle()
    visited = tab_through(qtbot, window)
    labels = [w for w in visited if type(w).__name__ == "WrappedLabel"]
    assert labels, names(visited)
    assert all("<a " in w.text() or "](" in w.text() for w in labels)  # type: ignore[attr-defined]


def test_a_long_unbroken_word_wraps_in_the_summary_and_the_step_list(make_window: WindowFactory) -> None:
    """Item views wrap only between words: a bare address in a skip reason was cut."""
    window = make_window()
    address = "https://example.org/a-very-long-address/with/many/parts?and=a&query=string"
    window.walkthrough.set_status("sms-and-rcs", StepStatus.SKIPPED, address)
    window.on_summary_triggered()
    settle()
    table = window.summary_page.steps_table
    row = window.walkthrough.guide.step_ids.index("sms-and-rcs")
    cell = table.item(row, 1)
    spoken = cell.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Skipped") and spoken.endswith(address)  # read out without break marks
    width = table.columnWidth(1) - table.iconSize().width() - 16
    for line in cell.text().split("\u200b"):  # every piece between break chances fits the column
        assert table.fontMetrics().horizontalAdvance(line) < width, line
    assert table.rowHeight(row) > 2 * table.fontMetrics().lineSpacing()  # wrapped, not cut
