"""Lock a protected profile again after a time without any key press, click or scroll.

The watcher is installed on the application only while a protected profile with an idle
time is open, so every other session pays nothing for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle_timed_out = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_timed_out)
        self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, minutes: int) -> None:
        """Watch for ``minutes`` without activity (0: stop watching)."""
        app = QApplication.instance()
        if minutes <= 0 or app is None:
            self.stop()
            return
        self._timer.setInterval(minutes * 60_000)
        self._timer.start()
        if not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()  # restarts the countdown
        return False
