"""Read and write the progress file safely.

Saves are atomic (temp file in the same folder, fsync, ``os.replace``); the folder is
0700 and the file 0600.  A file that cannot be read is never overwritten: it is renamed
aside next to the original and the caller is told where it went.  Older files are
upgraded on reading (:mod:`privacy_walkthrough.core.progress.migrations`); a newer one is left
exactly as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from privacy_walkthrough.core.content.records import Problem, RecordError, parse, to_json
from privacy_walkthrough.core.files import free_name, is_newer_format, time_stamp, write_atomically
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.migrations import upgrade
from privacy_walkthrough.core.progress.models import PROGRESS_FORMAT, PROGRESS_SCHEMA_VERSION, Progress
from privacy_walkthrough.core.progress.sealed import (
    DamagedSealError,
    NewerSealError,
    SealKey,
    WrongPassphraseError,
    is_sealed,
    seal,
    unseal,
)
from privacy_walkthrough.core.regular_files import FileTooLargeError, NotRegularFileError, read_regular

log = logging.getLogger(__name__)

MAX_PROGRESS_BYTES = 5 * 1024 * 1024


class ProgressError(Exception):
    """The progress file could not be read or written; the message is for the user.

    The message is a clause ("the file x.json is not …", no full stop at the end), to be
    put in a sentence; :meth:`sentence` makes it one on its own.
    """

    def sentence(self) -> str:
        """The message as a sentence of its own: a capital first, one full stop at the end."""
        text = str(self)
        return f"{text[:1].upper()}{text[1:].rstrip('.')}."


class NewerProgressError(ProgressError):
    """The file was written by a newer version of the app; it is left untouched."""


class LockedProgressError(ProgressError):
    """The file is sealed with a passphrase this store does not hold; nothing was changed."""


@dataclass(frozen=True)
class LoadResult:
    progress: Progress | None  # None: nothing saved yet (or it was set aside)
    set_aside: Path | None = None  # where an unreadable file was moved
    problem: str | None = None  # what was wrong with it, in plain words


def read_progress(path: Path, what: str, key: SealKey | None = None) -> Progress:
    """Read and validate a progress file; ``what`` names it in messages ("the progress file").

    A sealed file is opened with ``key``.  Raises :class:`NewerProgressError` for a file from a
    newer app, :class:`LockedProgressError` for a sealed file that ``key`` does not open, and
    :class:`ProgressError` with a plain-words reason for anything else that is wrong.
    """
    return parse_progress(read_progress_bytes(path, what, key), what)


def read_progress_bytes(path: Path, what: str, key: SealKey | None = None) -> bytes:
    """The plain bytes of a progress file, not yet validated (see :func:`read_progress`)."""
    if path.is_symlink():
        raise ProgressError(tr("{what} is a link to another place", what=what))
    try:
        raw = read_regular(path, MAX_PROGRESS_BYTES, follow_links=False)
    except FileTooLargeError as exc:
        raise ProgressError(tr("{what} is far too large ({size} bytes)", what=what, size=exc.size)) from exc
    except NotRegularFileError as exc:
        raise ProgressError(tr("{what} is not an ordinary file", what=what)) from exc
    except OSError as exc:
        raise ProgressError(tr("{what} cannot be read ({error})", what=what, error=exc.strerror)) from exc
    return open_sealed(raw, what, key)


def open_sealed(raw: bytes, what: str, key: SealKey | None) -> bytes:
    """The plain bytes of a progress file: ``raw`` itself, or ``raw`` unsealed with ``key``."""
    if not is_sealed(raw):
        return raw
    if key is None:
        raise LockedProgressError(tr("{what} is protected with a passphrase", what=what))
    try:
        return unseal(raw, key)
    except WrongPassphraseError as exc:
        raise LockedProgressError(tr("{what} is protected with another passphrase", what=what)) from exc
    except NewerSealError as exc:
        raise NewerProgressError(
            tr(
                "{what} was protected by a newer version of Privacy Walkthrough. "
                "Please update the app. The file has been left as it is.",
                what=what,
            )
        ) from exc
    except DamagedSealError as exc:
        raise ProgressError(tr("{what} is damaged (it cannot be decrypted)", what=what)) from exc


def _reject_constant(name: str) -> float:
    """NaN and Infinity are not JSON (RFC 8259); Python's reader would otherwise accept them."""
    raise ValueError(name)


def _shown_field(field: str, limit: int = 80) -> str:
    """A field path fit for a message: step ids come from the file, so keep it short and on one line."""
    field = "".join(ch if ch.isprintable() else "?" for ch in field)
    return field if len(field) <= limit else field[: limit - 1] + "…"


# Shown at most: a damaged file can hold thousands of problems, and the reason is one line.
PROBLEMS_SHOWN_CHARS = 200


def _not_json(raw: bytes, what: str) -> ProgressError:
    """A file that starts like JSON is a damaged progress file; anything else (a PDF…) is not one."""
    if raw.lstrip()[:1] in (b"{", b""):
        return ProgressError(tr("{what} is damaged (not valid JSON)", what=what))
    return ProgressError(tr("{what} is not a Privacy Walkthrough progress file (not valid JSON)", what=what))


def _problem_words(problem: Problem) -> str:
    """``'steps.alpha.status' is 'finished', which is not allowed: …`` with the field kept short."""
    if not problem.loc:
        return problem.message
    return tr("'{field}' {message}", field=_shown_field(problem.field), message=problem.message)


def bad_values(what: str, problems: list[Problem]) -> str:
    """Every problem, joined on one line, while they fit; then how many more there are."""
    shown: list[str] = []
    for problem in problems:
        words = _problem_words(problem)
        if shown and sum(len(w) + 2 for w in shown) + len(words) > PROBLEMS_SHOWN_CHARS:
            break
        shown.append(words)
    text = tr("{what} has bad values: {problems}", what=what, problems="; ".join(shown))
    if len(problems) == 1:
        text = tr("{what} has a bad value: {problem}", what=what, problem=shown[0])
    if len(shown) < len(problems):
        text += ntr(" (and {n} more)", " (and {n} more)", len(problems) - len(shown))
    return text


class DuplicateKeyError(ValueError):
    """A JSON object names the same key twice (JSON readers differ on which one wins)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """``object_pairs_hook`` for json.loads: refuse a key given twice instead of keeping the last."""
    data: dict[str, object] = {}
    for key, value in pairs:
        if key in data:
            raise DuplicateKeyError(key)
        data[key] = value
    return data


def parse_progress(raw: bytes, what: str) -> Progress:
    """Validate the bytes of a progress file (see :func:`read_progress`).

    An older file is upgraded by the migration ladder first.  Only :class:`ProgressError`
    (or its subclass :class:`NewerProgressError`) ever leaves this function.
    """
    try:
        # ValueError covers JSONDecodeError, NaN/Infinity and integers too long to convert.
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant, object_pairs_hook=unique_keys)
    except DuplicateKeyError as exc:
        key = _shown_field(exc.key)
        raise ProgressError(tr("{what} has the key '{key}' twice", what=what, key=key)) from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _not_json(raw, what) from exc
    if not isinstance(data, dict) or data.get("format") != PROGRESS_FORMAT:
        raise ProgressError(tr("{what} is not a Privacy Walkthrough progress file", what=what))
    version = data.get("schema_version")
    if is_newer_format(version, PROGRESS_SCHEMA_VERSION):
        raise NewerProgressError(
            tr(
                "{what} was saved by a newer version of Privacy Walkthrough "
                "(format {found}; this version reads {known}). Please update the app; "
                "the file has been left as it is",
                what=what,
                found=int(version),
                known=PROGRESS_SCHEMA_VERSION,
            )
        )
    try:
        return parse(upgrade(data), Progress)
    except RecordError as exc:
        raise ProgressError(bad_values(what, exc.problems)) from exc


class ProgressStore:
    """The progress file of one guide in one data folder."""

    def __init__(
        self, path: Path, clock: type[dt.datetime] = dt.datetime, key: SealKey | None = None
    ) -> None:
        self.path = path
        self._clock = clock
        self.key = key  # set: the file is sealed with it on every save (a protected profile)

    def _now(self) -> dt.datetime:
        return self._clock.now(dt.UTC)

    def load(self) -> LoadResult:
        """Read the saved progress.  A damaged file is moved aside, never overwritten."""
        if not self.path.exists() and not self.path.is_symlink():
            return LoadResult(None)
        try:
            progress = self.read()
        except (NewerProgressError, LockedProgressError):
            raise
        except ProgressError as exc:
            aside = self.set_aside("damaged")
            log.warning("Progress file could not be read and was set aside")
            return LoadResult(None, aside, str(exc))
        return LoadResult(progress)

    def read(self) -> Progress:
        """Read the saved progress without changing anything on disk (raises ProgressError)."""
        return read_progress(self.path, tr("the progress file"), self.key)

    def save(self, progress: Progress) -> None:
        """Write the progress atomically (raises OSError when the disk refuses).

        The progress was checked as it was made and changed (see ``progress.models``).
        """
        data = to_json(progress)
        write_atomically(self.path, seal(data, self.key) if self.key else data)

    def set_aside(self, reason: str) -> Path | None:
        """Rename the current file to ``<name>.<reason>-<time>.json``; return the new path."""
        if not self.path.exists() and not self.path.is_symlink():
            return None
        target = free_name(self.path.parent, f"{self.path.stem}.{reason}-{time_stamp(self._now())}", ".json")
        os.replace(self.path, target)
        return target

    def sweep_temp_files(self) -> list[Path]:
        """Delete temp files left by a save that was interrupted (call while holding the lock).

        Each holds a full copy of the progress, notes included, so none is left lying around.
        Called at every open: the window's start, a profile switch, every command.  A file
        that cannot be deleted stays (it is tried again at the next open).
        """
        swept: list[Path] = []
        try:
            leftovers = [p for p in self.path.parent.glob(f".{self.path.name}.*.tmp") if p.is_file()]
        except OSError:
            return swept
        for leftover in leftovers:
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                continue
            swept.append(leftover)
        return swept

    def back_up(self) -> Path | None:
        """Copy the current file to a dated backup next to it; the original stays."""
        if not self.path.is_file():
            return None
        target = free_name(self.path.parent, f"{self.path.stem}.backup-{time_stamp(self._now())}", ".json")
        write_atomically(target, read_regular(self.path, MAX_PROGRESS_BYTES, follow_links=False))
        return target
