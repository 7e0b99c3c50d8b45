"""The window holds still and shows a scroll bar only where something needs to scroll
(issue 13, item 12), at 1100×760 and at 800×600 with doubled text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory

SIZES = [pytest.param(((1100, 760), 1.0), id="1100x760"), pytest.param(((800, 600), 2.0), id="800x600-200%")]


@pytest.fixture
def sized(
    qtbot: QtBot, make_window: WindowFactory, request: pytest.FixtureRequest
) -> Iterator[WalkthroughWindow]:
    """A window with the app's own look at the size and text scale the test is for."""
    (width, height), scale = request.param
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original_font, original_sheet = QFont(app.font()), app.styleSheet()
    apply_look(app, "light")
    if scale != 1.0:
        font = QFont(original_font)
        font.setPointSizeF(original_font.pointSizeF() * scale)
        app.setFont(font)
    try:
        window = make_window()
        window.resize(width, height)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
        settle()
        yield window
    finally:
        app.setFont(original_font)
        app.setStyleSheet(original_sheet)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def scroll_areas(window: WalkthroughWindow) -> list[QScrollArea]:
    return [a for a in window.stack.findChildren(QScrollArea) if a.isVisible() and a.widget() is not None]


def needless_bars(window: WalkthroughWindow) -> list[str]:
    """Scroll areas showing a vertical bar although their content fits without one."""
    problems = []
    for area in scroll_areas(window):
        bar = area.verticalScrollBar()
        if not bar.isVisible():
            continue
        body = area.widget()
        full_width = area.viewport().width() + bar.width()
        needed = body.heightForWidth(full_width) if body.hasHeightForWidth() else body.sizeHint().height()
        if needed <= area.viewport().height():
            problems.append(f"{area.objectName() or 'page'}: {needed} px fit in {area.viewport().height()}")
    return problems


def every_page(window: WalkthroughWindow) -> Iterator[str]:
    for index, page in enumerate(window.walkthrough.pages):
        window.go_to_page(index)
        settle()
        yield page.key


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_no_page_shows_a_scroll_bar_it_does_not_need(sized: WalkthroughWindow) -> None:
    """On every page: a vertical bar only where the content is taller than the page, and
    "Summary and checklist" in sight below the step list."""
    button = sized.summary_button
    shown = 0
    for key in every_page(sized):
        assert not needless_bars(sized), (key, needless_bars(sized))
        shown += sum(a.verticalScrollBar().isVisible() for a in scroll_areas(sized))
        place = QRect(button.mapTo(sized, QPoint(0, 0)), button.size())
        assert button.isVisible() and sized.rect().contains(place), (key, place)
    assert shown > 0  # long steps do scroll: the check above looked at real bars


@pytest.mark.parametrize("sized", [SIZES[0]], indirect=True)
def test_the_welcome_and_set_up_pages_fit_at_1100_by_760(sized: WalkthroughWindow) -> None:
    for page in (0, 1):
        sized.go_to_page(page)
        settle()
        areas = scroll_areas(sized)
        assert areas and not any(a.verticalScrollBar().isVisible() for a in areas), page


@pytest.mark.parametrize("sized", [SIZES[0]], indirect=True)
def test_the_summary_shows_no_scroll_bar_when_it_fits(qtbot: QtBot, sized: WalkthroughWindow) -> None:
    sized.on_summary_triggered()
    settle()
    (area,) = scroll_areas(sized)
    body = area.widget()
    needed = body.heightForWidth(area.viewport().width() + area.verticalScrollBar().width())
    room = sized.height() + needed - area.viewport().height()  # the window's height that fits it
    sized.resize(sized.width(), room)
    qtbot.waitUntil(lambda: sized.height() == room)
    settle()
    assert area.viewport().height() >= needed
    assert not area.verticalScrollBar().isVisible()


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_the_page_holds_still_on_the_first_page_change_and_message(sized: WalkthroughWindow) -> None:
    def place() -> QRect:
        return QRect(sized.stack.mapTo(sized, QPoint(0, 0)), sized.stack.size())

    before = place()
    sized.on_next_triggered()  # the first page change announces where the person is
    settle()
    assert sized.last_announcement and sized.announcer.label.text()  # shown at the window's foot
    assert place() == before
    sized.on_next_triggered()
    settle()
    assert place() == before


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_a_step_opened_again_opens_at_the_top(sized: WalkthroughWindow) -> None:
    index = sized.walkthrough.page_index_of_step("icloud-backup")
    sized.go_to_page(index)
    settle()
    bar = sized.step_page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    sized.go_to_page(index + 1)
    settle()
    sized.go_to_page(index)
    settle()
    assert sized.step_page.scroll_area.verticalScrollBar().value() == 0
