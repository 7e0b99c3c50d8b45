"""One writer per data folder: a lock file held for as long as the app runs.

The lock is an operating-system lock on ``<data folder>/.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), not the file's existence.  The system drops it when the
process ends in any way, so a copy that crashed, or was killed, never leaves a stale lock
behind.  The file itself stays; it holds the pid of the copy that has the lock, for the
message and for diagnostics.

    with InstanceLock(paths.data):
        ...  # load, walk through, save

The descriptor is not inherited by child processes, so a program the app starts (a
browser, a print helper) cannot keep the lock alive after the app has quit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from privacy_walkthrough.core.i18n import ltr, tr

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"


class InstanceLockError(Exception):
    """The data folder could not be locked; the message is for the person."""


class InstanceLockedError(InstanceLockError):
    """Another copy of the app is running with the same data folder."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid  # the other copy's process id, when it could be read


def _try_lock(fd: int) -> None:
    """Take the lock without waiting; raise OSError when another process holds it."""
    if sys.platform == "win32":
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(fd: int) -> int | None:
    """The pid written by the lock's holder, or None when it cannot be read."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii").strip()
        return int(text) if text.isdigit() else None
    except (OSError, UnicodeDecodeError):
        return None


class InstanceLock:
    """The lock on one data folder.  Use as a context manager, or acquire() and release()."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`InstanceLockedError` (another copy has it) or
        :class:`InstanceLockError` (the folder cannot be used)."""
        if self._fd is not None:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            raise InstanceLockError(
                tr(
                    "The data folder {folder} cannot be used ({reason}).",
                    folder=ltr(str(self.folder)),
                    reason=exc.strerror or type(exc).__name__,
                )
            ) from exc
        try:
            _try_lock(fd)
        except OSError:
            pid = _read_pid(fd)
            os.close(fd)
            log.info("The data folder is locked by process %s", pid)
            raise InstanceLockedError(
                tr(
                    "Privacy Walkthrough is already open with this data folder. Close the other window first."
                ),
                pid,
            ) from None
        self._fd = fd
        self._write_pid(fd)

    @staticmethod
    def _write_pid(fd: int) -> None:
        """Record our pid for diagnostics; the lock works even if this fails."""
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            log.warning("Could not write the process id into the lock file")

    def release(self) -> None:
        """Give the lock up (the file stays: deleting it would race with the next copy)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
