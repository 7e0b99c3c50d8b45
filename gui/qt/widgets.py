"""Small building blocks shared by the pages: wrapped labels and section headings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped, selectable label for reading text (plain, Markdown or our own HTML)."""

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
        self.setText(text)


class HeadingLabel(WrappedLabel):
    """A section heading; screen readers hear it as a heading-like static text."""

    def __init__(self, text: str, parent: QWidget | None = None, *, level: int = 2) -> None:
        super().__init__(text, parent, object_name="pageTitle" if level == 1 else f"heading{level}")
        self.setAccessibleName(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)


class ScrollBodyWidget(QWidget):
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
