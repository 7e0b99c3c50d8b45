"""Carry progress to another computer: read a portable progress file and check it fits."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.content.models import Guide
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.store import ProgressError, read_progress


def read_portable_progress(path: Path, guide: Guide) -> Progress:
    """Read a progress file exported from this app and check it belongs to ``guide``.

    Raises :class:`ProgressError` (or its subclass for newer files) naming what is wrong;
    nothing is changed anywhere.
    """
    if not path.exists() and not path.is_symlink():
        raise ProgressError(tr("there is no file at {path}", path=str(path)))
    progress = read_progress(path, tr("the file {name}", name=path.name))
    if progress.guide_id != guide.info.id:
        raise ProgressError(
            tr(
                "the file {name} holds progress for another guide (“{found}”), not for “{expected}”",
                name=path.name,
                found=progress.guide_id,
                expected=guide.info.id,
            )
        )
    return progress
