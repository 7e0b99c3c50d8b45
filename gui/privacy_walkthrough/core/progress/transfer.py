"""Carry progress to another computer: read a portable progress file, check it fits, and keep
the notes saved here that the file does not carry."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass
from pathlib import Path

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.records import replace, to_json
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.models import Progress, StepProgress
from privacy_walkthrough.core.progress.other_guide import GuideTitles, no_titles, other_guide_problem
from privacy_walkthrough.core.progress.sealed import SealKey
from privacy_walkthrough.core.progress.store import (
    MAX_PROGRESS_BYTES,
    ProgressError,
    parse_progress,
    read_progress_bytes,
)
from privacy_walkthrough.core.regular_files import open_regular


@dataclass(frozen=True)
class PortableProgress:
    """An imported file's progress, cut to the guide it is for."""

    progress: Progress
    dropped: tuple[str, ...] = ()  # step ids the guide does not have, left out
    name_cleaned: bool = False  # the person's name had control characters, now removed

    def dropped_notice(self) -> str:
        """A sentence about what was left out ("" when nothing was)."""
        if not self.dropped:
            return ""
        return ntr(
            "{n} entry for a step this guide does not have was left out.",
            "{n} entries for steps this guide does not have were left out.",
            len(self.dropped),
        )

    def name_notice(self) -> str:
        """A sentence about the name's removed characters ("" when it had none)."""
        if not self.name_cleaned:
            return ""
        return tr(
            "The name in the file held invisible control characters (such as a line break or a "
            "text-direction mark); they were removed, and the name now reads “{name}”.",
            name=self.progress.person_name,
        )

    def notices(self) -> str:
        """Everything the person should know about what was changed on the way in ("" if nothing)."""
        return " ".join(n for n in (self.dropped_notice(), self.name_notice()) if n)


def _name_in(plain: bytes) -> object:
    """The person's name as the file has it (the file is already known to be valid JSON)."""
    data = json.loads(plain.decode("utf-8"))
    return data.get("person_name", "") if isinstance(data, dict) else ""


def read_portable_progress(
    path: Path, guide: Guide, key: SealKey | None = None, titles: GuideTitles = no_titles
) -> PortableProgress:
    """Read a progress file exported from this app and check it belongs to ``guide``.

    An encrypted file is opened with ``key`` (see :func:`file_key`).  Entries for steps the
    guide does not have are dropped (and counted), and the progress that would be saved must
    fit the size the app reads back.  Raises :class:`ProgressError` naming what is wrong (its
    subclass ``LockedProgressError`` when the file is encrypted and ``key`` does not open
    it); nothing is changed anywhere.  ``titles`` names the installed guides, for the message
    about a file that holds another guide's progress.
    """
    if not path.exists() and not path.is_symlink():
        raise ProgressError(tr("there is no file at {path}", path=str(path)))
    what = tr("the file {name}", name=path.name)
    plain = read_progress_bytes(path, what, key)
    progress = parse_progress(plain, what)
    if progress.guide_id != guide.info.id:
        raise ProgressError(other_guide_problem(what, progress.guide_id, guide, titles))
    known = {step.id for step in guide.steps}
    dropped = tuple(sorted(key for key in progress.steps if key not in known))
    if dropped:
        kept = {step_id: value for step_id, value in progress.steps.items() if step_id in known}
        progress = replace(progress, steps=kept)
    size = len(to_json(progress))
    if size > MAX_PROGRESS_BYTES:
        raise ProgressError(
            tr(
                "the progress in {name} would take {size} bytes once saved, more than the app reads back",
                name=path.name,
                size=size,
            )
        )
    return PortableProgress(progress, dropped, _name_in(plain) != progress.person_name)


def notes_it_would_delete(saved: Progress, imported: Progress) -> list[str]:
    """The steps whose saved note ``imported`` has no note for: importing it as it is deletes them.

    A progress file exported without notes, or from a computer where a step has no note
    yet, would otherwise wipe the notes kept here.  In the saved progress's order.
    """
    return [
        step_id
        for step_id, entry in saved.steps.items()
        if entry.note.strip() and not imported.step(step_id).note.strip()
    ]


def keep_saved_notes(imported: Progress, saved: Progress, step_ids: list[str]) -> Progress:
    """``imported`` with the saved notes of ``step_ids`` put back; the arguments are untouched."""
    merged = copy.deepcopy(imported)
    for step_id in step_ids:
        note = saved.step(step_id).note
        if step_id in merged.steps:
            merged.steps[step_id].note = note
        else:
            merged.steps[step_id] = StepProgress(note=note)
    return merged


def file_key(path: Path, passphrase: str) -> SealKey:
    """The key that ``passphrase`` gives for an encrypted progress file (one scrypt run).

    Raises :class:`~privacy_walkthrough.core.progress.sealed.WrongPassphraseError` or another
    :class:`~privacy_walkthrough.core.progress.sealed.SealError`.
    """
    from privacy_walkthrough.core.progress.sealed import key_for

    fd = open_regular(path)  # never a FIFO: the header is enough, whatever the file's size
    try:
        return key_for(os.read(fd, 256), passphrase)
    finally:
        os.close(fd)
