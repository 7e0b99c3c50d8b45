"""Unexpected errors: log them (without any user text) and tell the person calmly.

Every change is saved the moment it is made, so by the time an error escapes, the
progress is already on disk; the handler retries a pending save to be sure.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from privacy_walkthrough.core.i18n import tr

if TYPE_CHECKING:  # only named in annotations; both are loaded after the first paint (see qt/run.py)
    from privacy_walkthrough.qt.dialogs import Dialogs
    from privacy_walkthrough.qt.main_window import WalkthroughWindow

log = logging.getLogger(__name__)


class CrashHandler:
    """``sys.excepthook`` for the app; install() it once the window exists."""

    def __init__(
        self, dialogs: Dialogs, window: Callable[[], WalkthroughWindow | None], log_file: Path | None
    ) -> None:
        self.dialogs = dialogs
        self.window = window
        self.log_file = log_file
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        # The exception's message can quote what the person typed, so only its type and the
        # code locations (file, line, function; no source text) are logged.
        frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb))
        log.error("Unexpected %s\n%s", exc_type.__name__, frames)
        window = self.window()
        saved = window.session.retry_save() if window is not None else True
        if self._showing:
            return
        self._showing = True
        try:
            safety = (
                tr("Your progress is saved.")
                if saved
                else tr("Your progress could not be saved yet; the app keeps trying while it is open.")
            )
            record = (
                tr(
                    "A technical record (with none of your notes or answers) was written to {log}.",
                    log=str(self.log_file),
                )
                if self.log_file is not None
                else ""
            )
            self.dialogs.warn(
                window,
                tr("Something went wrong"),
                tr(
                    "Privacy Walkthrough ran into a problem it did not expect. {safety} You can carry "
                    "on, or close the app and open it again. {record}",
                    safety=safety,
                    record=record,
                ).strip(),
            )
        finally:
            self._showing = False
