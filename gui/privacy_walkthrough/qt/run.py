"""The composition root of the desktop app: builds the parts and shows the window.

Start-up takes two turns of the event loop, so that a window is on screen as soon as Qt
can paint one.  :func:`run_gui` sets up what the first paint needs (paths, logging, the
look, the lock on the data folder) and shows a light :class:`StartupWindow`.  Once that
has been painted, :func:`build_window` loads the guide and the progress and builds the
walkthrough's window, which takes the shell's place.

The second turn's imports are inside :func:`build_window` and :func:`real_dialogs`, not at
the top of this module: the guide, its records and the window's pages take several times as
long as the shell, and the first paint does without them, as it does without the dialogs
(QtPrintSupport), the rotating log file (``logging.handlers``) and the app's icon, all set up
in the second turn.  ``bench/run.py`` measures both moments; tests/gui/test_fast_start.py
checks that nothing on the first turn imports them.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.i18n import PSEUDO_LANGUAGE, current_language, ltr, set_catalog, tr
from privacy_walkthrough.core.progress.lock import InstanceLock, InstanceLockedError, InstanceLockError
from privacy_walkthrough.paths import AppPaths, DataFolderError
from privacy_walkthrough.qt.crash_handler import CrashHandler
from privacy_walkthrough.qt.language import apply_language
from privacy_walkthrough.qt.look import apply_app_icon, apply_look
from privacy_walkthrough.qt.startup import StartupWindow

if TYPE_CHECKING:
    from privacy_walkthrough.qt.dialogs import Dialogs
    from privacy_walkthrough.qt.main_window import WalkthroughWindow

log = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace, dialogs: Dialogs | None = None) -> int:
    if args.pseudo_locale:
        set_catalog({}, pseudo=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Privacy Walkthrough")
    app.setDesktopFileName("privacy-walkthrough")
    apply_language(app)
    apply_look(app, args.color_scheme)
    paths = AppPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataFolderError as exc:
        return cannot_start(dialogs, tr("The data folder cannot be used"), str(exc))
    lock = InstanceLock(paths.data)
    try:
        lock.acquire()
    except InstanceLockError as exc:
        _start_logging(paths)
        log.info("Not started: %s (process %s)", type(exc).__name__, getattr(exc, "pid", None))
        title = (
            tr("Privacy Walkthrough is already open")
            if isinstance(exc, InstanceLockedError)
            else tr("The data folder cannot be used")
        )
        return cannot_start(dialogs, title, str(exc))
    try:
        return _run_window(app, paths, dialogs, getattr(args, "content", None), getattr(args, "lang", None))
    finally:
        lock.release()


def cannot_start(dialogs: Dialogs | None, title: str, text: str) -> int:
    """Say why the app cannot open, in a window and on the command line; the exit status."""
    if sys.stderr is not None:  # None for a windowed app on Windows
        print(f"privacy-walkthrough: {text}", file=sys.stderr)
    (dialogs or real_dialogs()).warn(None, title, text)
    return 1


def _unexpected(exc: Exception) -> str:
    """A start-up failure in plain words (the details go to the log, without any user text)."""
    frames = "\n".join(
        f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__)
    )
    log.error("Not started: %s\n%s", type(exc).__name__, frames)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        reason = f"{where}{exc.strerror or type(exc).__name__}"
    else:
        reason = type(exc).__name__
    return tr(
        "Privacy Walkthrough could not open your walkthrough ({reason}). Nothing was changed. "
        "Check that the data folder can be read and written, then open the app again.",
        reason=reason,
    )


def _start_logging(paths: AppPaths) -> Path | None:
    """The rotating log file (its module is loaded in the second turn; see the docstring)."""
    from privacy_walkthrough.logging_setup import configure_logging

    return configure_logging(paths.logs)


def real_dialogs() -> Dialogs:
    """The app's real dialogs (their module is loaded in the second turn; see the docstring)."""
    from privacy_walkthrough.qt.dialogs import Dialogs

    return Dialogs()


def _run_window(
    app: QApplication, paths: AppPaths, dialogs: Dialogs | None, content: Path | None, lang: str | None = None
) -> int:
    shell = StartupWindow()
    window: WalkthroughWindow | None = None
    failed = False
    error: BaseException | None = None

    def on_shell_first_painted() -> None:
        nonlocal window, failed, error
        if not shell.isVisible():  # closed before the walkthrough was ready
            return
        try:
            log_file = _start_logging(paths)
            apply_app_icon(app)
            chosen = dialogs or real_dialogs()
            window = build_window(paths, chosen, content, lang)
        except BaseException as exc:  # explained (or, if not an Exception, raised) below
            error = exc
            app.exit(1)
            return
        if window is None:
            failed = True
            app.exit(1)
            return
        CrashHandler(chosen, lambda: window, log_file).install()
        shell.hand_over(window)
        window.data_commands.explain_set_aside()

    shell.first_painted.connect(on_shell_first_painted)
    shell.show()
    status = app.exec()
    if isinstance(error, Exception):
        return cannot_start(dialogs, tr("Privacy Walkthrough could not open"), _unexpected(error))
    if error is not None:
        raise error
    return 1 if failed else status


def _use_profile_language(requested: str | None, saved: str | None) -> None:
    """Switch to the profile's language when ``--lang`` did not choose one and it differs."""
    from privacy_walkthrough.translations import pick_language, use_language

    if current_language() == PSEUDO_LANGUAGE:  # --pseudo-locale wins: it checks layouts
        return
    language = pick_language(requested, saved)
    if language != current_language():
        use_language(language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_language(app)


def build_window(
    paths: AppPaths, dialogs: Dialogs, content: Path | None = None, lang: str | None = None
) -> WalkthroughWindow | None:
    """Load the guide and the progress; explain and return None when either cannot be used.

    ``lang``: the ``--lang`` asked for; without it, the language the profile chose (if any).
    """
    # The second turn of start-up: these bring in the guide and the pages (see the module's docstring).
    from privacy_walkthrough.core.progress.profiles import ProfileError, ProfileRegistry
    from privacy_walkthrough.core.progress.store import NewerProgressError
    from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
    from privacy_walkthrough.core.walkthrough.session import Session
    from privacy_walkthrough.qt.guide_choice import choose_guide
    from privacy_walkthrough.qt.main_window import WalkthroughWindow
    from privacy_walkthrough.qt.passphrase_commands import open_store

    try:
        profiles = ProfileRegistry(paths.data)
    except ProfileError as exc:
        dialogs.warn(None, tr("The list of profiles cannot be used"), str(exc))
        return None
    _use_profile_language(lang, profiles.language(profiles.last_used().id))
    chosen = choose_guide(paths, dialogs, content)
    if chosen is None:
        return None
    guide, titles = chosen
    if profiles.set_aside_notice is not None:
        dialogs.warn(
            None,
            tr("The list of profiles could not be read"),
            tr(
                "It was moved to {path} and a new list was started. Each person's progress files "
                "are still in the data folder.",
                path=ltr(str(profiles.set_aside_notice)),
            ),
        )
    store = open_store(profiles, profiles.last_used(), guide.info.id, dialogs, None, UnlockGuard())
    if store is None:  # a protected profile, and the person chose not to open it
        return None
    store.sweep_temp_files()
    try:
        session = Session(guide, store, titles=titles.get)
    except NewerProgressError as exc:
        dialogs.warn(None, tr("Please update Privacy Walkthrough"), exc.sentence())
        return None
    return WalkthroughWindow(session, dialogs, paths, profiles)
