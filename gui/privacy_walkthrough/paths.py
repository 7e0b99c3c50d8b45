"""Where this app keeps the person's files: resolved once at start-up and passed in.

The folders the app makes are private (0700).  A folder the person points at with
``--data-dir`` is never changed: when others may look into it (a shared folder, ``/tmp``),
the app keeps its files in its own private subfolder there, ``privacy-walkthrough/``.
A data folder that cannot be used (another user's, on a read-only disk, a file where a
folder should be, a link where the app's own folder should be) raises
:class:`DataFolderError` with a message for the person, before anything is written.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from privacy_walkthrough.core.i18n import tr

APP_NAME = "privacy-walkthrough"
APP_MARKERS = (
    "progress",
    "profiles",
    "profiles.json",
    "logs",
    ".lock",
)  # this app has used a folder that holds one


class DataFolderError(Exception):
    """The data folder cannot be used; the message says why and what to do, for the person."""


def _shared(folder: Path) -> bool:
    """An existing folder that others may list or enter (group or other permission bits)."""
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return stat.S_ISDIR(mode) and bool(mode & 0o077) and os.name == "posix"


def _used_by_this_app(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in APP_MARKERS)


@dataclass(frozen=True)
class AppPaths:
    data: Path  # progress files and their backups
    logs: Path
    given: Path | None = None  # the folder named with --data-dir, which is never changed

    @classmethod
    def resolve(cls, data_dir: Path | None) -> AppPaths:
        if data_dir is not None:
            data = data_dir
            if _shared(data_dir) and not _used_by_this_app(data_dir):
                data = data_dir / APP_NAME  # others can look in: keep to a private subfolder
            return cls(data=data, logs=data / "logs", given=data_dir)
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def guides(self) -> Path:
        """The person's own guides folder (a trainer can add guides here)."""
        return self.data / "guides"

    @property
    def progress_folder(self) -> Path:
        """The default profile's progress files (other profiles live under profiles/)."""
        return self.data / "progress"

    def progress_file(self, guide_id: str) -> Path:
        return self.progress_folder / f"{guide_id}.json"

    def ensure(self) -> None:
        """Make the app's folders (0700), or raise :class:`DataFolderError` saying why not.

        Only folders this app made, or its own (the default data folder, ``progress``,
        ``logs``), are ever made private; the folder given with ``--data-dir`` keeps its mode.
        """
        ensure_folder(self.data, own=self.data != self.given)
        ensure_folder(self.progress_folder, own=True)
        ensure_folder(self.logs, own=True)


def _problem(folder: Path, reason: str) -> DataFolderError:
    return DataFolderError(
        tr(
            "The data folder cannot be used: {folder} {reason}. Choose another folder with "
            "--data-dir, or fix this one.",
            folder=str(folder),
            reason=reason,
        )
    )


def ensure_folder(folder: Path, *, own: bool) -> None:
    """Make ``folder`` (0700) if missing; check that an existing one can be used.

    ``own``: the folder is this app's, so a link there is refused (never followed) and its
    mode is tightened to 0700; a folder the person chose is used as it is.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        _make(folder)
        return
    except OSError as exc:
        raise _problem(folder, tr("cannot be reached ({error})", error=exc.strerror)) from exc
    if stat.S_ISLNK(info.st_mode):
        if own:
            raise _problem(folder, tr("is a link to another place, where the app does not follow"))
        try:
            info = os.stat(folder)
        except OSError as exc:
            raise _problem(folder, tr("is a link that leads nowhere ({error})", error=exc.strerror)) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise _problem(folder, tr("is a file, not a folder"))
    if os.name == "posix" and info.st_uid != os.geteuid():
        raise _problem(folder, tr("belongs to another user"))
    if not os.access(folder, os.W_OK | os.X_OK):
        reason = tr("is on a disk that is read-only") if _read_only(folder) else tr("cannot be written")
        raise _problem(folder, reason)
    if own and stat.S_IMODE(info.st_mode) != 0o700:
        _make_private(folder)


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _make(folder: Path) -> None:
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
    except FileExistsError:  # made in the meantime: check it as an existing one
        ensure_folder(folder, own=True)
        return
    except OSError as exc:
        reason = (
            tr("cannot be made: the disk is read-only")
            if exc.errno == errno.EROFS
            else tr("cannot be made ({error})", error=exc.strerror)
        )
        raise _problem(folder, reason) from exc
    _make_private(folder)  # mkdir's mode is reduced by the umask


def _make_private(folder: Path) -> None:
    """chmod 0700 on the folder itself, through a descriptor that never follows a link."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder, flags)
    except OSError as exc:
        raise _problem(folder, tr("cannot be opened ({error})", error=exc.strerror)) from exc
    try:
        if os.name == "posix" and os.fstat(fd).st_uid == os.geteuid():
            os.fchmod(fd, 0o700)
    except OSError as exc:
        raise _problem(folder, tr("cannot be made private ({error})", error=exc.strerror)) from exc
    finally:
        os.close(fd)
