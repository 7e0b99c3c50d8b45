"""Which files in the app's folders the app wrote: the only ones "Erase" or "Delete profile" remove.

A file is the app's when its name has one of the shapes the app gives names, and, for a
file the app writes whole, it starts as the app writes it:

- saved progress and backups (``<guide-id>.json``, ``<guide-id>.backup-<time>.json``): a
  progress file's ``"format"`` marker near the start, or the sealed-file header;
- set-aside copies (``<guide-id>.damaged-<time>.json``): the name alone, since the app
  moved them there because their content could not be read (a link is removed, never followed);
- temp files of an interrupted save (``.<name>.json.<random>.tmp``): the name alone;
- the list of profiles (``profiles.json``): its ``"format"`` marker; its set-aside copies
  and temp files by name;
- logs (``privacy-walkthrough.log``, ``.1`` … ``.3``): empty, or starting with a log line.

Anything else (a person's own notes, a file they copied in) is listed and left alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from privacy_walkthrough.core.progress.sealed import MAGIC
from privacy_walkthrough.core.regular_files import open_regular

PROGRESS_MARKER = re.compile(rb'"format"\s*:\s*"privacy-walkthrough-progress"')
PROFILES_MARKER = re.compile(rb'"format"\s*:\s*"privacy-walkthrough-profiles"')
HEAD_BYTES = 4096

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_STAMP = r"-\d{8}-\d{6}(?:-\d+)?"
_SAVED = re.compile(rf"^{_SLUG}(?:\.backup{_STAMP})?\.json$")
_SET_ASIDE = re.compile(rf"^{_SLUG}\.damaged{_STAMP}\.json$")
_TEMP = re.compile(rf"^\.{_SLUG}(?:\.backup{_STAMP})?\.json\.[A-Za-z0-9_]+\.tmp$")
_PROFILES_ASIDE = re.compile(rf"^profiles\.damaged{_STAMP}\.json$")
_PROFILES_TEMP = re.compile(r"^\.profiles\.json\.[A-Za-z0-9_]+\.tmp$")
_LOG = re.compile(r"^privacy-walkthrough\.log(?:\.\d)?$")
_LOG_LINE = re.compile(rb"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} [A-Z]+ ")


def _head(path: Path) -> bytes | None:
    """The first bytes of an ordinary file (never through a link), or None if it cannot be read."""
    try:
        fd = open_regular(path, follow_links=False)
    except OSError:
        return None
    try:
        return os.read(fd, HEAD_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def is_progress_file(path: Path) -> bool:
    """A file of a progress folder that the app wrote (see the module's docstring)."""
    name = path.name
    if _SET_ASIDE.match(name) or _TEMP.match(name):
        return path.is_file() or path.is_symlink()
    if _SAVED.match(name) and not path.is_symlink():
        head = _head(path)
        return head is not None and (head.startswith(MAGIC) or PROGRESS_MARKER.search(head) is not None)
    return False


def is_profiles_file(path: Path) -> bool:
    """``profiles.json`` (with its marker), a set-aside copy of it, or one of its temp files."""
    name = path.name
    if _PROFILES_ASIDE.match(name) or _PROFILES_TEMP.match(name):
        return path.is_file() or path.is_symlink()
    if name == "profiles.json" and not path.is_symlink():
        head = _head(path)
        return head is not None and PROFILES_MARKER.search(head) is not None
    return False


def is_log_file(path: Path) -> bool:
    if not _LOG.match(path.name) or path.is_symlink():
        return False
    head = _head(path)
    return head is not None and (head == b"" or _LOG_LINE.match(head) is not None)


def split_folder(
    folder: Path, is_ours: Callable[[Path], bool] = is_progress_file
) -> tuple[list[Path], list[Path]]:
    """The files in ``folder`` the app wrote, and the others (left alone), each sorted."""
    if not folder.is_dir() or folder.is_symlink():
        return [], []
    ours: list[Path] = []
    others: list[Path] = []
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            continue
        (ours if is_ours(path) else others).append(path)
    return sorted(ours), sorted(others)
