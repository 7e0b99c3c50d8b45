"""Logging, configured once at start-up: a file in the log folder, no user text.

The log is rotated when the app starts, not while it runs: a session logs a few lines
(start, saves that failed, a crash's code locations), so a size check at start-up keeps
the folder small without ``logging.handlers``, which brings in socket, pickle and queue
(about 8 ms before the resumed step could be shown; see ``bench/README.md``).
"""

from __future__ import annotations

import io
import logging
import os
import stat
from pathlib import Path

from privacy_walkthrough.core.regular_files import NotRegularFileError

LOG_FILE = "privacy-walkthrough.log"
MAX_BYTES = 512_000
BACKUPS = 3  # privacy-walkthrough.log.1 (the newest) … .3


def rotate(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """Move a log that has grown past ``max_bytes`` to ``<name>.1``, shifting older ones up."""
    try:
        if path.lstat().st_size <= max_bytes:
            return
    except OSError:  # no log yet
        return
    for number in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


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


class PrivateFileHandler(logging.FileHandler):
    """A FileHandler whose file is opened by :func:`open_log`."""

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
        rotate(log_folder / LOG_FILE)
        handler = PrivateFileHandler(log_folder / LOG_FILE, encoding="utf-8")
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path
