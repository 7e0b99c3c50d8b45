"""The profiles' files on disk: where they are, which of them are the app's, and removing them.

Every profile but the default has a folder ``<data>/profiles/<id>/`` holding ``progress/``;
the default profile's progress is the data folder's own ``progress/``.  Only the files the
app wrote (:mod:`~privacy_walkthrough.core.progress.own_files`) are ever removed, and a
folder only once it is empty; a link is never followed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from privacy_walkthrough.core.progress.own_files import is_profiles_file, split_folder

PROFILES_FOLDER = "profiles"
PROGRESS_FOLDER = "progress"


def progress_files(folder: Path) -> list[Path]:
    """The app's own files in a progress folder: saved progress, backups, set-aside copies,
    temp files (see :mod:`~privacy_walkthrough.core.progress.own_files`); nothing else."""
    return split_folder(folder)[0]


def profile_folders(data: Path) -> list[Path]:
    """The folders of every profile but the default (links left out)."""
    root = data / PROFILES_FOLDER
    if not root.is_dir() or root.is_symlink():
        return []
    return sorted(f for f in root.iterdir() if f.is_dir() and not f.is_symlink())


def registry_files(data: Path) -> list[Path]:
    """The profiles' own files: the list of profiles (and set-aside copies of it) and the
    progress files of every profile but the default (whose files are the data folder's)."""
    found = [p for p in data.glob("*profiles*") if is_profiles_file(p)]
    for folder in profile_folders(data):
        found += progress_files(folder / PROGRESS_FOLDER)
    return sorted(found)


def left_alone(data: Path) -> list[Path]:
    """Files in the other profiles' progress folders that the app did not write."""
    return sorted(p for f in profile_folders(data) for p in split_folder(f / PROGRESS_FOLDER)[1])


def remove(files: Iterable[Path], folders: Iterable[Path]) -> list[Path]:
    """Delete ``files``, then each of ``folders`` (in order) that is then empty; return the
    files deleted.  Raises OSError."""
    deleted: list[Path] = []
    for path in files:
        path.unlink(missing_ok=True)
        deleted.append(path)
    for folder in folders:
        if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
            folder.rmdir()
    return deleted
