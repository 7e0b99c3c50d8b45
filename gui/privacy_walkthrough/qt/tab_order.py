"""The Tab order of the window, worked out from what is on screen, in reading order.

Qt keeps one Tab chain per window, in the order widgets were made; pages and rows built
after the window (a step's page, a device row, a step's instructions) end up after the
buttons at the bottom.  Instead, each press of Tab walks the widgets that are shown and
take focus in the order the layouts place them: the step list, the page from top to
bottom (its decision buttons last), Back and Next, and Quick exit always last, so that
Shift+Tab from the step list reaches it at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLayout, QScrollArea, QStackedWidget, QWidget


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def reading_order(root: QWidget) -> list[QWidget]:
    """The shown widgets under ``root`` that Tab can reach, in the order their layouts show
    them (a widget that takes focus counts as one stop with whatever it holds)."""
    found: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        if widget.isHidden():
            return
        if _takes_tab(widget):
            found.append(widget)
            return
        if isinstance(widget, QScrollArea):
            inner = widget.widget()
            if inner is not None:
                visit(inner)
            return
        if isinstance(widget, QStackedWidget):
            current = widget.currentWidget()
            if current is not None:
                visit(current)
            return
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)
            return
        for child in widget.children():
            if isinstance(child, QWidget) and not child.isWindow():
                visit(child)

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            child = item.widget()
            if child is not None:
                visit(child)
            elif (inner := item.layout()) is not None:
                visit_layout(inner)

    if root.layout() is not None:
        visit_layout(root.layout())  # type: ignore[arg-type]
    else:
        visit(root)
    return found


def next_stop(chain: Sequence[QWidget], focused: QWidget | None, forward: bool) -> QWidget | None:
    """The stop after (or before) the one holding ``focused``; the first (or last) one when
    the focus is on none of them."""
    if not chain:
        return None
    at = next(
        (
            i
            for i, stop in enumerate(chain)
            if focused is not None and (stop is focused or stop.isAncestorOf(focused))
        ),
        None,
    )
    if at is None:
        return chain[0] if forward else chain[-1]
    return chain[(at + (1 if forward else -1)) % len(chain)]


def move_focus(chain: Sequence[QWidget], forward: bool) -> bool:
    """Give the focus to the next (or previous) stop of ``chain`` and scroll it into sight;
    False when the chain is empty."""
    target = next_stop(chain, QApplication.focusWidget(), forward)
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    scroll = target.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(target)
    return True
