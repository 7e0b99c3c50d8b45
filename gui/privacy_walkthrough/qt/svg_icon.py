"""An icon drawn from an SVG at the size it is asked for, the first time it is asked for.

Drawing every status icon at every size up front cost about 9 ms at start-up for
35 pixmaps, of which the window shows a few at one size.  The engine draws a pixmap
when Qt asks for it (at the screen's pixel ratio) and keeps it; disabled and selected
icons are derived from it by the style, as Qt does for an icon made of pixmaps.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

PixmapKey = tuple[int, int, QIcon.Mode, QIcon.State]


class SvgIconEngine(QIconEngine):
    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer: QSvgRenderer | None = None
        self._pixmaps: dict[PixmapKey, QPixmap] = {}

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode, state)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = self._draw(size)
            if mode is QIcon.Mode.Disabled:  # a selected row keeps its icon's own colours
                option = QStyleOption()
                option.palette = QApplication.palette()
                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, option)
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatio() if device is not None else 1.0
        pixmap = self.pixmap(QSize(round(rect.width() * ratio), round(rect.height() * ratio)), mode, state)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def _draw(self, size: QSize) -> QPixmap:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._svg))
        return svg_pixmap(self._renderer, size)


def svg_pixmap(renderer: QSvgRenderer, size: QSize) -> QPixmap:
    """The SVG drawn on a transparent pixmap of ``size``."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def lazy_svg_icon(svg: bytes) -> QIcon:
    return QIcon(SvgIconEngine(svg))
