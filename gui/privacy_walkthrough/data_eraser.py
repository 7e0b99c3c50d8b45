"""Erase my data: delete this app's own files (progress, backups, set-aside copies, logs).

Only files this app wrote are touched (by the shape of their name and how they start), so
a file someone put in the app's folders, or a folder that holds other things, is never
deleted: it is listed and left alone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from privacy_walkthrough.core.progress.own_files import is_log_file, split_folder
from privacy_walkthrough.paths import AppPaths


def app_files(paths: AppPaths) -> list[Path]:
    """Every file of this app's: progress, backups, damaged copies, temp files, logs
    (see :mod:`~privacy_walkthrough.core.progress.own_files` for how they are told apart)."""
    return sorted(split_folder(paths.progress_folder)[0] + split_folder(paths.logs, is_log_file)[0])


def other_files(paths: AppPaths) -> list[Path]:
    """Files in the progress and log folders that the app did not write: never deleted."""
    return sorted(split_folder(paths.progress_folder)[1] + split_folder(paths.logs, is_log_file)[1])


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
