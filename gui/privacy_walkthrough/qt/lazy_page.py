"""A place in a page stack whose page is built the first time it is needed.

Start-up shows the step the person left off at; the welcome, set-up and summary pages wait
until they are shown or asked for.  Until then an empty holder keeps the page's index in
the stack and its place in the Tab order; the built page goes inside it and takes that
place in the Tab order too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

PageT = TypeVar("PageT", bound=QWidget)


def _focus_chain(start: QWidget) -> list[QWidget]:
    """The window's focus chain (every widget, focusable or not), beginning at ``start``."""
    chain = [start]
    current = start.nextInFocusChain()
    while current is not None and current is not start:
        chain.append(current)
        current = current.nextInFocusChain()
    return chain


def move_tab_order_after(anchor: QWidget, widget: QWidget) -> None:
    """Put ``widget``'s children in the Tab order where ``anchor`` is, in their own order.

    Qt leaves widgets that take no focus out of ``setTabOrder``, so the children go after
    the last widget before ``anchor`` that takes focus.
    """
    chain = _focus_chain(anchor)
    takes_focus = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    members = [w for w in takes_focus if widget.isAncestorOf(w)]
    before = [w for w in reversed(takes_focus) if w not in members]  # from the end: before anchor
    if not members or not before:
        return
    previous = before[0]
    for member in members:
        QWidget.setTabOrder(previous, member)
        previous = member


class LazyPage(QWidget, Generic[PageT]):
    """Holds the page made by ``build``, built the first time :meth:`page` is called."""

    def __init__(self, build: Callable[[], PageT], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: PageT | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> PageT | None:
        """The page if it has been built, else None (without building it)."""
        return self._page

    def page(self) -> PageT:
        if self._page is None:
            page = self._build()
            self._layout.addWidget(page)
            move_tab_order_after(self, page)
            self._page = page
        return self._page

    def lay_out_now(self, size: QSize) -> None:
        """Polish and lay the page out at ``size`` while it is hidden, and paint it once into a
        throw-away image (which also fills Qt's glyph caches), so that showing it is quick."""
        page = self.page()
        self.resize(size)
        page.resize(size)
        page.grab()
