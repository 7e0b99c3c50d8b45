"""Small building blocks shared by the pages: wrapped labels and section headings."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import right_to_left_paragraph

READING_CHARS = 60  # a wrapped label's preferred width, in average characters
MINIMUM_CHARS = 12  # and its minimum width: wider than any word the guide shows


def clear_layout(layout: QLayout) -> None:
    """Take every widget out of ``layout`` and delete it (and its children)."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # gone from the page at once
            widget.deleteLater()


LONG_WORD_CHARS = 18  # item views wrap only between words: longer words get break chances


def soft_breaks(text: str) -> str:
    """``text`` with an invisible break chance (a zero-width space) every few characters of
    any long word, after "/" and the like first: list and table cells wrap only between
    words, and cut a bare address or long name instead."""

    def breakable(word: str) -> str:
        if len(word) <= LONG_WORD_CHARS:
            return word
        out, run = [], 0
        for char in word:
            out.append(char)
            run += 1
            if char in "/?&=._-" or run >= LONG_WORD_CHARS:
                out.append("\u200b")
                run = 0
        return "".join(out)

    return re.sub(r"\S+", lambda match: breakable(match.group(0)), text)


class WrappedLabel(QLabel):
    """A word-wrapped, selectable label for reading text (plain, Markdown or our own HTML).

    Laying a page out asks each label for its height at a few widths, many times over (the
    scroll area tries its width with and without a scroll bar, and every layout above asks
    again); Qt lays the text out anew for each question.  The label keeps the answers until
    its text, font, style or margins change.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        text_format: Qt.TextFormat = Qt.TextFormat.PlainText,
        object_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(text_format)
        self.setWordWrap(True)
        self.setIndent(0)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if object_name:
            self.setObjectName(object_name)
        self._heights: dict[tuple[int, int, int, int, int], int] = {}
        self.setText(text)

    def setText(self, text: str) -> None:
        if self.textFormat() == Qt.TextFormat.PlainText:
            text = right_to_left_paragraph(text)  # "iPhone/iPad (…)" right-aligned in Arabic
        if text != self.text():
            self._heights.clear()
            super().setText(text)
        self._take_focus_for_links()

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        super().setTextInteractionFlags(flags)
        self._take_focus_for_links()

    def _take_focus_for_links(self) -> None:
        """Tab stops only at text with a link to open; other text is read, not visited
        (a click still selects it for copying)."""
        text = self.text()
        has_link = "<a " in text or "](" in text or "://" in text
        reachable = self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        wanted = Qt.FocusPolicy.StrongFocus if has_link and reachable else Qt.FocusPolicy.ClickFocus
        if self.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction:
            wanted = Qt.FocusPolicy.NoFocus
        if self.focusPolicy() != wanted:
            self.setFocusPolicy(wanted)

    def heightForWidth(self, width: int) -> int:
        self.ensurePolished()  # the style sheet's font, padding and border first, not after
        margins = self.contentsMargins()
        key = (width, margins.left(), margins.top(), margins.right(), margins.bottom())
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks the links one by one; Shift+Tab leaves the text at once (QLabel's own
        backwards walk through its links never leaves the label)."""
        if next:
            return super().focusNextPrevChild(next)
        return QWidget.focusNextPrevChild(self, next)

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()  # a new font or style: the text takes another height
        super().changeEvent(event)

    # QLabel works its size hints out by laying the whole text out three more times (at the
    # width of its longest word, on one line, and at a "golden" width), which cost six times
    # as much as laying it out at the width it is shown.  A wrapped label always sits in a
    # column that gives it the column's width and asks its height for that width, so these
    # only bound the column: a readable line, and a minimum no wider than a long word.

    def sizeHint(self) -> QSize:
        return self._hint(READING_CHARS)

    def minimumSizeHint(self) -> QSize:
        return self._hint(MINIMUM_CHARS)

    def _hint(self, chars: int) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            metrics.averageCharWidth() * chars + margins.left() + margins.right(),
            metrics.lineSpacing() + margins.top() + margins.bottom(),
        )


class HeadingLabel(WrappedLabel):
    """A section heading; screen readers hear it as a heading-like static text."""

    def __init__(self, text: str, parent: QWidget | None = None, *, level: int = 2) -> None:
        super().__init__(text, parent, object_name="pageTitle" if level == 1 else f"heading{level}")
        self.setAccessibleName(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)


class WrappedCheckBox(QWidget):
    """A tick box whose text wraps at word boundaries (a QCheckBox's own text never wraps).

    The box carries the text as its accessible name; clicking the text ticks the box.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.label = WrappedLabel(text, self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.MouseButtonRelease and self.box.isEnabled():
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return super().eventFilter(watched, event)


class ColumnWidget(QWidget):
    """A column of widgets whose preferred size skips laying out its wrapped text again.

    Qt gives a widget whose layout has a height for its width the height at its preferred
    width, which lays out every label inside at that width, one that is never shown (the
    column is always as wide as its parent makes it).  Asked for by the scroll area above on
    every first show, that doubled the text layout of a step page.  The column's height
    comes from its actual width, through heightForWidth, as before.
    """

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()


class ScrollBodyWidget(ColumnWidget):
    """Holds a scrolling page's content; its height comes from its width (wrapped text).

    A scroll area grows its content to at least the content's minimum size, and a column of
    word-wrapped labels is at its tallest when narrowest; left alone, that shows a scroll bar
    on pages that fit.  This body reports no minimum height, so the height the text needs at
    the actual width decides.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


def fill_with_scrolling(page: QWidget, body: QWidget) -> QScrollArea:
    """Make ``body`` the scrolling content of ``page`` (a frameless area that grows its body)."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(ScrollBodyWidget(body))
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
