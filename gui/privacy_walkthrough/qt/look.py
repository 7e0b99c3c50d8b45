"""The app's look: style sheet, icons and the light or dark colour scheme.

The look is applied before the first paint, so this module stays light: the Qt namespace
is reached through ``QtCore.Qt`` only where it is needed (setting up its enums costs about
15 ms, which the default start does without), and the progress models are imported only
when the status icons are drawn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QObject, QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from privacy_walkthrough import resources
from privacy_walkthrough.qt.svg_icon import lazy_svg_icon, svg_pixmap

if TYPE_CHECKING:
    from privacy_walkthrough.core.progress.models import StepStatus

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_EM_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)em")


def style_sheet(app: QApplication) -> str:
    """The style sheet with its font sizes (in em) worked out from the app's text size, and its
    right-to-left mirror when the layout runs right to left."""
    font = app.font()
    points = font.pointSizeF()

    def size(match: re.Match[str]) -> str:
        em = float(match.group(1))
        if points > 0:
            return f"font-size: {em * points:.1f}pt"
        return f"font-size: {round(em * font.pixelSize())}px"

    text = resources.read_asset_text("style.qss")
    if app.isRightToLeft():
        text += "\n" + resources.read_asset_text("style-rtl.qss")
    return _EM_FONT_SIZE.sub(size, text)


class TextSizeFollower(QObject):
    """Sets the style sheet again when the app's text size changes, so that headings stay
    bigger than the text under them."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("textSizeFollower")
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._app and event.type() == QEvent.Type.ApplicationFontChange:
            sheet = style_sheet(self._app)
            if sheet != self._app.styleSheet():
                self._app.setStyleSheet(sheet)
        return False


def svg_icon(name: str) -> QIcon:
    """An icon drawn from an SVG in ``assets/icons`` at every size (sharp on high-DPI screens)."""
    renderer = QSvgRenderer(QByteArray(resources.read_asset_bytes(f"icons/{name}.svg")))
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(svg_pixmap(renderer, QSize(size, size)))
    return icon


def status_icons() -> dict[StepStatus, QIcon]:
    # Imported here: the look is applied before the first paint, which does without the
    # progress records (see qt/run.py).
    from privacy_walkthrough.core.progress.models import StepStatus

    names = {
        StepStatus.NOT_STARTED: "status-not-started",
        StepStatus.LATER: "status-later",
        StepStatus.DONE: "status-done",
        StepStatus.ACKNOWLEDGED: "status-done",
        StepStatus.SKIPPED: "status-skipped",
        StepStatus.NOT_APPLICABLE: "status-not-applicable",
    }
    # Each drawn when first shown, at the size shown (see qt/svg_icon.py).
    icons = {
        name: lazy_svg_icon(resources.read_asset_bytes(f"icons/{name}.svg")) for name in set(names.values())
    }
    return {status: icons[name] for status, name in names.items()}


def _dark_palette() -> QPalette:
    """Fusion's dark colours, for platforms that cannot switch the scheme themselves."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#f0f0f0",
        QPalette.ColorRole.Base: "#3a3a3a",
        QPalette.ColorRole.AlternateBase: "#434343",
        QPalette.ColorRole.Text: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#a8a8a8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#f0f0f0",
        QPalette.ColorRole.ToolTipBase: "#1e1e1e",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.Highlight: "#3d7fd0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab8ff",
        QPalette.ColorRole.LinkVisited: "#c4a3ff",
        QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Dark: "#202020",
        QPalette.ColorRole.Shadow: "#101010",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette


def apply_look(app: QApplication, scheme: str = "system") -> None:
    """Fusion style, the style sheet and the light or dark scheme (the icon: apply_app_icon).

    By default the system's scheme is followed (Qt switches the palette when it changes).
    A forced scheme is asked of the platform first; where the platform cannot switch, the
    dark palette is applied directly.
    """
    if scheme in ("dark", "light"):
        schemes = QtCore.Qt.ColorScheme
        app.styleHints().setColorScheme(schemes.Dark if scheme == "dark" else schemes.Light)
    app.setStyle("Fusion")
    if scheme == "dark" and app.styleHints().colorScheme() is not QtCore.Qt.ColorScheme.Dark:
        app.setPalette(_dark_palette())
    app.setStyleSheet(style_sheet(app))
    if app.findChild(TextSizeFollower, "textSizeFollower") is None:
        TextSizeFollower(app)


def apply_app_icon(app: QApplication) -> None:
    """The app's icon, for every window opened from now on.

    Drawing it at every size takes a few milliseconds, so the app sets it once its first
    window has been painted, before the walkthrough's window is shown (see qt/run.py).
    """
    app.setWindowIcon(svg_icon("app-icon"))
