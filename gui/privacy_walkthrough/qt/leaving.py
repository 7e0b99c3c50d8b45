"""Leaving the app: Quick exit (its button, or Escape pressed twice) saves and closes at once
with no question; an ordinary close asks first when the latest changes could not be saved,
and offers to export them to another place."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.qt.dialogs import Dialogs

log = logging.getLogger(__name__)

ESCAPE_AGAIN_MS = 800  # the second Escape must come this soon after the first


class Leaving:
    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        dialogs: Dialogs,
        export: Callable[[], object | None],
        announce: Callable[[str], None],
    ) -> None:
        self.window = window
        self.session = session
        self.dialogs = dialogs
        self.export = export  # None when the person gave up exporting
        self.announce = announce
        self.quick = False
        self._escape_armed = QTimer(window)
        self._escape_armed.setSingleShot(True)
        self._escape_armed.setInterval(ESCAPE_AGAIN_MS)

    def quick_exit(self) -> None:
        """Save and close at once, with no question asked, the way Safety Check does."""
        log.info("Quick exit")
        self.quick = True  # no question, even when saving fails: leaving fast comes first
        self.window.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.closeAllWindows()  # a print preview or message left open closes too
            app.quit()

    def on_escape(self) -> None:
        """The first Escape says what a second one does; the second one leaves at once."""
        if self._escape_armed.isActive():
            self.quick_exit()
            return
        self._escape_armed.start()
        self.announce(tr("Press Escape again to save and close at once."))

    def may_close(self) -> bool:
        """Whether the window may close now: saved, a quick exit, or the person agrees."""
        saved = self.session.save_error is None or self.session.retry_save()
        return saved or self.quick or self._may_close_unsaved()

    def _may_close_unsaved(self) -> bool:
        """Saving fails (a full disk, say): ask before closing, and offer to export the progress
        to another place first.  True when the window may close."""
        while True:
            choice = self.dialogs.ask_choice(
                self.window,
                tr("Your latest changes are not saved"),
                tr(
                    "{problem} If you close the app now, the changes since the last save are lost. "
                    "You can export your progress to another place (another disk, a USB stick) first.",
                    problem=self.session.save_error or "",
                ),
                [tr("Export progress…"), tr("Close without saving")],
                tr("Keep the app open"),
            )
            if choice is None:
                return False
            if choice == 1 or self.export() is not None:
                return True
