"""Logging, configured once at start-up: a rotating file in the log folder, no user text."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE = "privacy-walkthrough.log"


def configure_logging(log_folder: Path) -> Path:
    # Imported here: logging.handlers brings in socket, pickle and queue, and the app sets up
    # logging only once its first window has been painted (see qt/run.py).
    from logging.handlers import RotatingFileHandler

    log_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_folder / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=512_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    return path
