"""Walk the real window from the welcome page to the summary with Next, timing each move.

A move is timed from the click on Next until the new page has been painted: the handler
(saving the change with fsync, filling the page), layout, and the paint pass, whose end is
marked by a zero timer posted during it.  Everything runs inside ``app.exec()``, so Qt's
own event handling (deferred deletes, update requests) is what a person gets.

After each click the walker looks up the widget whose paint shows the new page (a step's
title label, found by its object name and text, or the page itself) and watches only that
one: an application-wide event filter would add a Python call to every event, a
millisecond or more per move.  The first walk goes through pages never shown before; the
later ones come back to them.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from privacy_walkthrough.qt.main_window import WalkthroughWindow

WATCHDOG_MS = 10_000


class StepWalker(QObject):
    def __init__(self, app: QApplication, window: WalkthroughWindow, walks: int, pause_ms: int = 0) -> None:
        super().__init__()
        self.pause_ms = pause_ms  # time "reading" each page before the next click
        self.app = app
        self.window = window
        self.walks = walks
        self.walk = 1
        self.to_painted: list[float] = []  # click to the new page painted
        self.first_walk: list[float] = []  # the same, on the first walk only (pages new)
        self.handler: list[float] = []  # the click's handler alone
        self._watched: QWidget | None = None
        self._timed = False
        self._started = 0.0
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self.on_watchdog_timeout)
        self._watch(self._page_on_show(), timed=False)

    def _page_on_show(self) -> QWidget:
        """The widget whose paint shows the current page: its visible title (every page has one)."""
        page = self.window.walkthrough.current
        shown = self.window.stack.currentWidget()
        for label in shown.findChildren(QLabel, "pageTitle"):
            if label.isVisible() and (page.step is None or label.text() == page.step.title):
                return label
        raise LookupError(f"no visible title label on the page {page.key!r}")

    def _watch(self, widget: QWidget, timed: bool) -> None:
        self._watched = widget
        self._timed = timed
        widget.installEventFilter(self)
        self._watchdog.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._watched = None
            QTimer.singleShot(0, self.on_page_painted)
        return False

    def on_page_painted(self) -> None:
        if self._timed:
            elapsed = time.perf_counter() - self._started
            self.to_painted.append(elapsed)
            if self.walk == 1:
                self.first_walk.append(elapsed)
        self._watchdog.stop()
        QTimer.singleShot(self.pause_ms, self.on_next_wanted)

    def on_next_wanted(self) -> None:
        window = self.window
        if not window.walkthrough.can_go_next:
            if self.walk >= self.walks:
                self.app.quit()
                return
            self.walk += 1
            window.go_to_page(0)
            self._watch(self._page_on_show(), timed=False)
            return
        self._started = time.perf_counter()
        window.nav_bar.next_button.click()
        self.handler.append(time.perf_counter() - self._started)
        self._watch(self._page_on_show(), timed=True)

    def on_watchdog_timeout(self) -> None:
        print("the new page was never painted", flush=True)
        os._exit(3)
