"""The QR code that opens a step's source on a phone, made the first time it is painted.

Making a QR code (and importing segno, which makes it) takes a few milliseconds; the code
sits at the foot of the step's page, so it is often never painted at all, and the page can
be laid out without it: a QR code is square.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_walkthrough.qt.svg_picture import SvgPictureWidget


class QrCodeWidget(SvgPictureWidget):
    def __init__(self, url: str, description: str, max_width: int, parent: QWidget | None = None) -> None:
        super().__init__("", description, max_width, parent)
        self.url = url

    def svg(self) -> str:
        from privacy_walkthrough.core.qr import qr_svg

        return qr_svg(self.url)

    def _ratio(self) -> float:
        return 1.0
