"""The app's look: style sheet, icons and the light or dark colour scheme."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from privacy_walkthrough import resources
from privacy_walkthrough.core.progress_models import StepStatus

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def svg_icon(name: str) -> QIcon:
    """An icon drawn from an SVG in ``assets/icons`` at every size (sharp on high-DPI screens)."""
    renderer = QSvgRenderer(QByteArray(resources.read_asset_bytes(f"icons/{name}.svg")))
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def status_icons() -> dict[StepStatus, QIcon]:
    names = {
        StepStatus.NOT_STARTED: "status-not-started",
        StepStatus.LATER: "status-later",
        StepStatus.DONE: "status-done",
        StepStatus.ACKNOWLEDGED: "status-done",
        StepStatus.SKIPPED: "status-skipped",
        StepStatus.NOT_APPLICABLE: "status-not-applicable",
    }
    cache: dict[str, QIcon] = {}
    return {status: cache.setdefault(name, svg_icon(name)) for status, name in names.items()}


def apply_look(app: QApplication, scheme: str = "system") -> None:
    """Fusion style, the style sheet, the app icon and, when asked, a forced colour scheme."""
    app.setStyle("Fusion")
    if scheme == "dark":
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    elif scheme == "light":
        app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setWindowIcon(svg_icon("app-icon"))
    app.setStyleSheet(resources.read_asset_text("style.qss"))
