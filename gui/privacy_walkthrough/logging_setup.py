"""Logging, configured once at start-up: a file in the log folder, no user text.

The log is rotated when the app starts, not while it runs: a session logs a few lines
(start, saves that failed, a crash's code locations), so a size check at start-up keeps
the folder small without ``logging.handlers``, which brings in socket, pickle and queue
(about 8 ms before the resumed step could be shown; see ``bench/README.md``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE = "privacy-walkthrough.log"
MAX_BYTES = 512_000
BACKUPS = 3  # privacy-walkthrough.log.1 (the newest) … .3


def rotate(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """Move a log that has grown past ``max_bytes`` to ``<name>.1``, shifting older ones up."""
    try:
        if path.stat().st_size <= max_bytes:
            return
    except OSError:  # no log yet
        return
    for number in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def configure_logging(log_folder: Path) -> Path:
    log_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_folder / LOG_FILE
    rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path
