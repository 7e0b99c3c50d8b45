"""Small building blocks shared by the pages: wrapped labels and section headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


def fill_with_scrolling(page: QWidget, body: QWidget) -> QScrollArea:
    """Make ``body`` the scrolling content of ``page`` (a frameless area that grows its body)."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
