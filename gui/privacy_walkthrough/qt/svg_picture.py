"""A widget that paints an SVG at its own size: sharp at any scale and on high-DPI screens."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


def set_up_picture(widget: QWidget, description: str, height: QSizePolicy.Policy) -> None:
    """A drawn picture: described to screen readers and on hover, never focused, and as tall as
    its width asks."""
    widget.setAccessibleName(description)
    widget.setToolTip(description)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, height)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)


class SvgPictureWidget(QWidget):
    """Shows an SVG drawing scaled to fit, keeping its proportions; never wider than ``max_width``."""

    def __init__(self, svg: str, description: str, max_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._svg = svg
        self._renderer: QSvgRenderer | None = None
        self.max_width = max_width
        set_up_picture(self, description, QSizePolicy.Policy.Fixed)

    def svg(self) -> str:
        """The drawing, asked for once, when it is first needed."""
        return self._svg

    @property
    def renderer(self) -> QSvgRenderer:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self.svg().encode("utf-8")), self)
        return self._renderer

    def _ratio(self) -> float:
        size = self.renderer.defaultSize()
        return size.height() / size.width() if size.width() else 1.0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(min(width, self.max_width) * self._ratio())

    def sizeHint(self) -> QSize:
        return QSize(self.max_width, self.heightForWidth(self.max_width))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.heightForWidth(80))

    def paintEvent(self, event: QPaintEvent) -> None:
        width = min(self.width(), self.max_width)
        height = width * self._ratio()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
