"""The composition root of the desktop app: builds the parts and shows the window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.content_loader import ContentError
from privacy_walkthrough.core.i18n import set_catalog, tr
from privacy_walkthrough.core.instance_lock import InstanceLock, InstanceLockedError, InstanceLockError
from privacy_walkthrough.core.profiles import ProfileError, ProfileRegistry
from privacy_walkthrough.core.progress_store import NewerProgressError, ProgressStore
from privacy_walkthrough.core.session import Session
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.logging_setup import configure_logging
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.crash_handler import CrashHandler
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.main_window import WalkthroughWindow

log = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace, dialogs: Dialogs | None = None) -> int:
    paths = AppPaths.resolve(args.data_dir)
    paths.ensure()
    log_file = configure_logging(paths.logs)
    if args.pseudo_locale:
        set_catalog({}, pseudo=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Privacy Walkthrough")
    app.setDesktopFileName("privacy-walkthrough")
    apply_look(app, args.color_scheme)
    dialogs = dialogs or Dialogs()
    lock = InstanceLock(paths.data)
    try:
        lock.acquire()
    except InstanceLockError as exc:
        title = (
            tr("Privacy Walkthrough is already open")
            if isinstance(exc, InstanceLockedError)
            else tr("The data folder cannot be used")
        )
        dialogs.warn(None, title, str(exc))
        return 1
    try:
        return _run_window(app, paths, dialogs, log_file)
    finally:
        lock.release()


def _run_window(app: QApplication, paths: AppPaths, dialogs: Dialogs, log_file: Path) -> int:
    window = build_window(paths, dialogs)
    if window is None:
        return 1
    CrashHandler(dialogs, lambda: window, log_file).install()
    window.show()
    notice = window.session.set_aside_notice
    if notice is not None:
        dialogs.warn(
            window,
            tr("Your saved progress could not be read"),
            tr(
                "The saved progress could not be used: {problem}. It was not deleted: it was moved "
                "to {path}. The walkthrough starts again from the beginning.",
                problem=notice.problem,
                path=str(notice.set_aside),
            ),
        )
    return app.exec()


def build_window(paths: AppPaths, dialogs: Dialogs) -> WalkthroughWindow | None:
    """Load the guide and the progress; explain and return None when either cannot be used."""
    try:
        guide = load_default_guide()
    except ContentError as exc:
        log.error("The shipped guide failed to load")
        dialogs.warn(None, tr("The guide could not be loaded"), str(exc))
        return None
    try:
        profiles = ProfileRegistry(paths.data)
    except ProfileError as exc:
        dialogs.warn(None, tr("The list of profiles cannot be used"), str(exc))
        return None
    if profiles.set_aside_notice is not None:
        dialogs.warn(
            None,
            tr("The list of profiles could not be read"),
            tr(
                "It was moved to {path} and a new list was started. Each person's progress files "
                "are still in the data folder.",
                path=str(profiles.set_aside_notice),
            ),
        )
    store = ProgressStore(profiles.progress_file(profiles.last_used(), guide.info.id))
    store.sweep_temp_files()
    try:
        session = Session(guide, store)
    except NewerProgressError as exc:
        dialogs.warn(None, tr("Please update Privacy Walkthrough"), str(exc))
        return None
    return WalkthroughWindow(session, dialogs, paths, profiles)
