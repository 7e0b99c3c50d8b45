"""Logging, configured once at start-up: a file in the log folder, no user text.

``logging.handlers.RotatingFileHandler`` keeps the log small: past ``MAX_BYTES`` it moves to
``privacy-walkthrough.log.1`` and older ones shift up, ``BACKUPS`` at most.  Every log file is
opened by :func:`open_log` (0600, never through a link, never a FIFO).  This module brings in
``logging.handlers`` (socket, pickle, queue): :mod:`.qt.run` imports it on the second turn of
start-up, not before the first paint.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import stat
from pathlib import Path

from privacy_walkthrough.core.regular_files import NotRegularFileError

LOG_FILE = "privacy-walkthrough.log"
MAX_BYTES = 512_000
BACKUPS = 3  # privacy-walkthrough.log.1 (the newest) … .3


_LOG_FLAGS = (
    os.O_WRONLY
    | os.O_APPEND
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def open_log(path: Path) -> int:
    """An append descriptor on the log: created 0600, never through a link, never a FIFO."""
    fd = os.open(path, _LOG_FLAGS, 0o600)  # a FIFO with no reader fails at once (ENXIO)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(0, "the log is not an ordinary file", str(path))
        if os.name == "posix":
            if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != 0o600:
                os.fchmod(fd, 0o600)  # the app's own file (an older version made it 0644)
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating handler whose files are opened by :func:`open_log`."""

    def _open(self) -> io.TextIOWrapper:
        return open(open_log(Path(self.baseFilename)), "a", encoding=self.encoding, errors=self.errors)


def configure_logging(log_folder: Path) -> Path | None:
    """Log to ``<log_folder>/privacy-walkthrough.log``; None when no log can be kept there
    (a link, a FIFO, a read-only disk): the app then runs on without one."""
    path: Path | None = log_folder / LOG_FILE
    handler: logging.Handler
    try:
        if log_folder.is_symlink():
            raise NotRegularFileError(0, "the log folder is a link", str(log_folder))
        log_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = PrivateFileHandler(
            log_folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path
