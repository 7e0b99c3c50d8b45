"""The app's own files: atomic writes, names that never overwrite, and newer formats.

Used for progress files, backups, set-aside copies, profiles, exported progress, PDFs and
the content tools' output.  A temp file is written beside the target (mode 0600), flushed
to disk and renamed over it; names for backups and set-aside copies never overwrite.  A
file whose format version is newer than the app knows is left exactly as it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeGuard

MAX_PLAUSIBLE_VERSION = 1000  # a format "version" above this is damage, not a newer app


def is_newer_format(version: object, known: int) -> TypeGuard[int | float]:
    """``version`` (read from a file) is a plausible format version above ``known``: the file
    was written by a newer app.  An int, or a whole float; never a bool."""
    if isinstance(version, bool) or not isinstance(version, int | float):
        return False
    return known < version <= MAX_PLAUSIBLE_VERSION and version == int(version)


def time_stamp(now: dt.datetime) -> str:
    """``20260506-070809``: the time part of a backup or set-aside file's name."""
    return now.strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``<stem><suffix>`` in ``folder``, or ``<stem>-2<suffix>``… when that is taken."""
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    replace_atomically(path, lambda temp: temp.write_bytes(data))


def replace_atomically(path: Path, fill: Callable[[Path], object]) -> None:
    """Make ``path`` by having ``fill`` write a temp file beside it (0600), then renaming it over.

    A crash or an error in ``fill`` leaves the old file (or none) and no temp file behind.
    """
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # mode 0600
    os.close(fd)
    try:
        fill(Path(tmp_name))
        with open(tmp_name, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
