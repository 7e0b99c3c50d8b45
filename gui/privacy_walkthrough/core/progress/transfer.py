"""Carry progress to another computer: read a portable progress file and check it fits."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.content.models import Guide
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.sealed import SealKey
from privacy_walkthrough.core.progress.store import ProgressError, read_progress


def read_portable_progress(path: Path, guide: Guide, key: SealKey | None = None) -> Progress:
    """Read a progress file exported from this app and check it belongs to ``guide``.

    An encrypted file is opened with ``key`` (see :func:`file_key`).  Raises
    :class:`ProgressError` naming what is wrong (its subclass ``LockedProgressError`` when the
    file is encrypted and ``key`` does not open it); nothing is changed anywhere.
    """
    if not path.is_file() and not path.is_symlink():
        raise ProgressError(tr("there is no file at {path}", path=str(path)))
    progress = read_progress(path, tr("the file {name}", name=path.name), key)
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


def file_key(path: Path, passphrase: str) -> SealKey:
    """The key that ``passphrase`` gives for an encrypted progress file (one scrypt run).

    Raises :class:`~privacy_walkthrough.core.progress.sealed.WrongPassphraseError` or another
    :class:`~privacy_walkthrough.core.progress.sealed.SealError`.
    """
    from privacy_walkthrough.core.progress.sealed import key_for

    with path.open("rb") as handle:  # the header is enough, whatever the file's size
        return key_for(handle.read(256), passphrase)


def is_encrypted(path: Path) -> bool:
    from privacy_walkthrough.core.progress.protection import is_sealed_file

    return is_sealed_file(path)
