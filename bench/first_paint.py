"""The paint probe shared by the reference and the app launcher: it reports, never changes.

An application-wide event filter watches for Paint events.  Qt paints a window in one pass
of its repaint manager: a Paint event for each widget in turn, with no other event between
them.  So a moment is reached when the pass that holds its Paint event is over, at the
first event of another kind (a zero timer posted at the start of the pass is one, at the
latest).  The probe prints ``PW_BENCH first_paint <t>`` at the end of the first pass that
paints a top-level window, with ``t`` on CLOCK_MONOTONIC, the clock the parent read just
before starting the process.  If ``title`` is given it then waits for the pass that paints
a step page's title label showing that text (``PW_BENCH step_shown <t>``) before quitting.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MARKER = "PW_BENCH"
WATCHDOG_MS = 60_000  # a run that never gets there fails instead of hanging the benchmark


def now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def report(name: str) -> None:
    print(f"{MARKER} {name} {now():.6f}", flush=True)


class PaintProbe(QObject):
    def __init__(self, app: QApplication, title: str | None = None) -> None:
        super().__init__()
        self.app = app
        self.title = title
        self.reached: list[str] = []
        self.pending: list[str] = []  # moments whose paint pass is under way
        app.installEventFilter(self)
        QTimer.singleShot(WATCHDOG_MS, self.on_watchdog_timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        widget_paint = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
        if self.pending and not widget_paint:
            self.on_pass_ended()
        if not widget_paint:
            return False
        assert isinstance(watched, QWidget)
        seen = self.reached + self.pending
        if "first_paint" not in seen and watched.isWindow():
            self._start("first_paint")
        if "first_paint" in seen and "step_shown" not in seen and self._is_step_title(watched):
            self._start("step_shown")  # often in the same pass as the first paint
        return False

    def _start(self, moment: str) -> None:
        if not self.pending:
            QTimer.singleShot(0, self.on_pass_ended)  # in case no other event comes along
        self.pending.append(moment)

    def _is_step_title(self, widget: QWidget) -> bool:
        if self.title is None or not isinstance(widget, QLabel) or widget.text() != self.title:
            return False
        parent = widget.parentWidget()
        while parent is not None and parent.objectName() != "stepPage":
            parent = parent.parentWidget()
        return parent is not None and widget.isVisible()

    def on_pass_ended(self) -> None:
        moments, self.pending = self.pending, []
        for moment in moments:
            report(moment)
            self.reached.append(moment)
        if "step_shown" in moments or (moments and self.title is None):
            self.app.quit()

    def on_watchdog_timeout(self) -> None:
        print(f"{MARKER} timeout {now():.6f}", flush=True)
        os._exit(3)
