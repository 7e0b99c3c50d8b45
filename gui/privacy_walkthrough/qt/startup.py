"""The window shell shown while the walkthrough opens, so that something is on screen at once.

Start-up takes two turns of the event loop (see :mod:`privacy_walkthrough.qt.run`).  The
first shows this light window, with the app's title, size and look and a line saying the
walkthrough is opening, and lets Qt paint it.  Once it has been painted, the second turn
loads the guide and the progress, builds the real window and hands this one's place over to
it.  Nothing here loads the guide or its records, and it does not even touch the Qt
namespace (``Qt.AlignmentFlag`` and the like), whose enums take Qt's start-up about 15 ms
to set up: the label is centred by the style sheet (``#startupLabel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from privacy_walkthrough.core.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent

# Where the platform never paints a window that is not on screen (started minimised, say),
# the walkthrough opens anyway after this long.
PAINT_WAIT_MS = 300


class StartupWindow(QMainWindow):
    """Stands in for the walkthrough's window from the first paint until that window is built."""

    first_painted = Signal()  # the window has been on screen once: time for the slow work

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupWindow")
        self.setWindowTitle(tr("Privacy Walkthrough"))
        self.setMinimumSize(800, 600)
        self.resize(1100, 760)
        self.status_label = QLabel(tr("Opening your walkthrough…"))
        self.status_label.setObjectName("startupLabel")
        self.status_label.setAccessibleName(tr("Opening your walkthrough…"))
        self.setCentralWidget(self.status_label)
        self._announced = False
        self._paint_wait = QTimer(self)
        self._paint_wait.setSingleShot(True)
        self._paint_wait.setInterval(PAINT_WAIT_MS)
        self._paint_wait.timeout.connect(self.on_paint_wait_timeout)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._announced:
            self._paint_wait.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._announced:
            # Announced from the next turn of the event loop, once this paint has been flushed.
            QTimer.singleShot(0, self.on_paint_wait_timeout)

    def on_paint_wait_timeout(self) -> None:
        if self._announced:
            return
        self._announced = True
        self._paint_wait.stop()
        self.first_painted.emit()

    def hand_over(self, window: QWidget) -> None:
        """Show ``window`` in this one's place (where it is, its size and state), then go."""
        window.setGeometry(self.geometry())
        window.setWindowState(self.windowState())
        active = self.isActiveWindow()
        window.show()
        if active:
            window.activateWindow()
        self.hide()  # hidden, not closed: closing the last window would quit the app
        self.deleteLater()
