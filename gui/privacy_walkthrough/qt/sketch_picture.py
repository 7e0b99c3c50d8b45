"""The "where to tap" sketch on a step page, its text as large as the text around it.

The sketch is laid out for the room it has (see core/content/sketch.py): its names are as
large as the body text, so with larger text it grows, up to the page's width, and past that
its names wrap onto more lines instead of shrinking.  Its text is measured with the window's
own font, which the sketch names, so a name never runs off its row.  Right to left, it
stands at the right, where the text starts.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.content.sketch import LABEL_SIZE, WIDTH, settings_sketch_svg
from privacy_walkthrough.qt.svg_picture import set_up_picture

MEASURE_PX = 100  # text is measured at this size and scaled: sketch sizes are fractional
NARROWEST = 160  # in sketch units: narrower, the picture is scaled down instead of laid out again


class SketchPicture(QWidget):
    """Draws :func:`settings_sketch_svg` for ``instructions`` at the width the page gives it."""

    def __init__(self, instructions: Instructions, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instructions = instructions
        self._drawn: dict[int, QSvgRenderer] = {}  # by width in sketch units
        self._metrics: dict[bool, QFontMetricsF] = {}
        # Minimum, as wrapped labels: its height at its hint's (widest) width is its shortest
        set_up_picture(self, description, QSizePolicy.Policy.Minimum)

    # -- sizes ------------------------------------------------------------------------------

    def pixels_per_unit(self) -> float:
        """How many pixels a unit of the sketch takes: its names are as large as the body text."""
        return (QFontInfo(self.font()).pixelSize() or LABEL_SIZE) / LABEL_SIZE

    def widest(self) -> int:
        return math.ceil(WIDTH * self.pixels_per_unit())

    def _units(self, width: int) -> int:
        return max(NARROWEST, math.floor(min(width, self.widest()) / self.pixels_per_unit()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return math.ceil(self._placed(width).height())

    def sizeHint(self) -> QSize:
        return QSize(self.widest(), self.heightForWidth(self.widest()))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.heightForWidth(80))

    def placed(self) -> QRectF:
        """Where the sketch is drawn in the widget now."""
        return self._placed(self.width())

    def _placed(self, width: int) -> QRectF:
        """Where the sketch goes in a widget ``width`` wide: its own width, scaled down if needed."""
        renderer = self.renderer(self._units(width))
        box = renderer.viewBoxF()
        scale = min(self.pixels_per_unit(), width / box.width()) if box.width() else 1.0
        drawn = QRectF(0, 0, box.width() * scale, box.height() * scale)
        if self.layoutDirection() is Qt.LayoutDirection.RightToLeft:
            drawn.moveRight(width)
        return drawn

    # -- drawing ----------------------------------------------------------------------------

    def renderer(self, units: int) -> QSvgRenderer:
        """The sketch laid out ``units`` wide (kept: a page is laid out at a few widths only)."""
        if units not in self._drawn:
            if len(self._drawn) > 8:
                self._drawn.clear()
            self._drawn[units] = QSvgRenderer(QByteArray(self.svg(units).encode("utf-8")), self)
        return self._drawn[units]

    def svg(self, units: int) -> str:
        """The sketch laid out ``units`` wide, measured in the font it names (the window's)."""
        family = QFontInfo(self.font()).family()
        svg = settings_sketch_svg(self.instructions, width=units, measure=self.measure, font=family)
        return svg or ""

    def units(self) -> int:
        """The width the sketch is laid out at now, in its own units."""
        return self._units(self.width())

    def measure(self, text: str, size: float, bold: bool) -> float:
        """The width of ``text`` at ``size`` in the window's font (the sketch's units are pixels)."""
        if bold not in self._metrics:
            font = QFont(QFontInfo(self.font()).family())
            font.setPixelSize(MEASURE_PX)
            font.setBold(bold)
            self._metrics[bold] = QFontMetricsF(font)
        return self._metrics[bold].horizontalAdvance(text) * size / MEASURE_PX

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the person's text size changed
            self._drawn.clear()
            self._metrics.clear()
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer(self.units()).render(painter, self.placed())
        painter.end()
