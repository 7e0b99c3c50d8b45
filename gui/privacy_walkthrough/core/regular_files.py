"""Read only ordinary files, and never more than a limit.

Every file the app reads (progress, the list of profiles, imports, guide files) comes
through :func:`read_regular`.  It opens without blocking, so a FIFO put in a file's place
cannot freeze the app, checks on the open descriptor that it is a regular file (not a
FIFO, a socket, a device such as ``/dev/zero``, or a folder), and reads at most
``max_bytes``: a file that grows while it is read is still refused.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from privacy_walkthrough.core.i18n import tr

_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1024 * 1024


class NotRegularFileError(OSError):
    """The path is a FIFO, a device, a socket or a folder, not an ordinary file."""


class FileTooLargeError(OSError):
    """The file is larger than the app ever reads for this kind of file."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, tr("it is far too large ({size} bytes)", size=size))
        self.size = size
        self.limit = limit


def open_regular(path: Path, *, follow_links: bool = True) -> int:
    """A read-only descriptor on ``path``; raises :class:`NotRegularFileError` for anything
    that is not an ordinary file (and OSError(ELOOP) for a link when ``follow_links`` is off)."""
    flags = _READ_FLAGS if follow_links else _READ_FLAGS | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(errno.EINVAL, tr("it is not an ordinary file"), str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, max_bytes: int, *, follow_links: bool = True) -> bytes:
    """The bytes of the ordinary file at ``path``, refusing more than ``max_bytes``.

    Raises :class:`NotRegularFileError`, :class:`FileTooLargeError` or another OSError.
    """
    fd = open_regular(path, follow_links=follow_links)
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise FileTooLargeError(size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while being read
                raise FileTooLargeError(total, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)
