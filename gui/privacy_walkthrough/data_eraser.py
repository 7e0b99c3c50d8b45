"""Erase my data: delete this app's own files (progress, backups, set-aside copies, logs).

Only files this app writes are touched, so pointing ``--data-dir`` at a folder that holds
other things never deletes them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from privacy_walkthrough.core.progress.profiles import progress_files
from privacy_walkthrough.logging_setup import LOG_FILE
from privacy_walkthrough.paths import AppPaths


def app_files(paths: AppPaths) -> list[Path]:
    """Every file of this app's: progress, backups, damaged copies, temp files, logs."""
    files = progress_files(paths.progress_folder)
    if paths.logs.is_dir():
        files += [p for p in paths.logs.iterdir() if p.name.startswith(LOG_FILE) and not p.is_dir()]
    return sorted(files)


def erase_app_data(paths: AppPaths) -> list[Path]:
    """Delete the app's files and its then-empty folders; return what was deleted."""
    root = logging.getLogger()
    for handler in root.handlers[:]:  # release the log file; nothing is logged after erasing
        handler.close()
        root.removeHandler(handler)
    deleted: list[Path] = []
    for path in app_files(paths):
        path.unlink(missing_ok=True)
        deleted.append(path)
    for folder in (paths.progress_folder, paths.logs):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return deleted
