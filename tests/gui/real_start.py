"""Run the real start (run_gui) and close the walkthrough window it opens.

The closer looks for the window from inside the event loop. It only ever closes a window that
this start opened, and it stops looking once run_gui returns: a closer left running would close
the windows of the tests after it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.helpers import ScriptedDialogs

MAX_LOOKS = 3000  # every 10 ms: the window has long been open, or the start is stuck


def walkthrough_windows() -> list[WalkthroughWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, WalkthroughWindow)]


class WindowCloser:
    """Closes the first walkthrough window that a start shows, then stops."""

    def __init__(self, on_open: Callable[[WalkthroughWindow], None] | None = None) -> None:
        self.opened: list[WalkthroughWindow] = []
        self.failed: list[BaseException] = []
        self._on_open = on_open
        self._before = {id(w) for w in walkthrough_windows()}
        self._looks = 0
        self._stopped = False

    def start(self) -> None:
        QTimer.singleShot(0, self._look)

    def stop(self) -> None:
        self._stopped = True

    def _look(self) -> None:
        """Runs inside the event loop: a failure here ends the loop, so the test fails, not hangs."""
        if self._stopped:
            return
        try:
            new = [w for w in walkthrough_windows() if id(w) not in self._before and w.isVisible()]
            if new:
                self.opened.append(new[0])
                if self._on_open is not None:
                    self._on_open(new[0])
                new[0].close()
                self._stopped = True
            elif self._looks >= MAX_LOOKS:
                raise AssertionError(f"no walkthrough window after {MAX_LOOKS} looks")
            else:
                self._looks += 1
                QTimer.singleShot(10, self._look)
        except BaseException as exc:
            self.failed.append(exc)
            self._stopped = True
            QApplication.closeAllWindows()
            QApplication.exit(2)


def run_start(
    data: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    *,
    opens: bool = True,
    on_open: Callable[[WalkthroughWindow], None] | None = None,
) -> tuple[int, list[WalkthroughWindow]]:
    """run_gui as the app runs it; the window, once open, is closed. The status and the window
    that opened (none when the start failed before its event loop)."""
    from privacy_walkthrough.qt.run import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its crash handler
    closer = WindowCloser(on_open)
    if opens:  # a start that fails returns before the event loop runs: nothing to close
        closer.start()
    args = argparse.Namespace(data_dir=data, pseudo_locale=False, color_scheme="system", content=None)
    try:
        status = run_gui(args, dialogs)
    finally:
        closer.stop()
    if closer.failed:
        raise closer.failed[0]
    return status, closer.opened
