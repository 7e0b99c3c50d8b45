"""Protect a profile's saved files with a passphrase, change it, or take it off.

A profile's progress folder holds its progress files (one per guide), their backups and any
file set aside as damaged.  Protecting seals each of them in place
(:mod:`~privacy_walkthrough.core.progress.sealed`), one atomic rewrite per file, so a crash
half-way leaves every file whole: sealed or still plain.  The store reads both, and seals
on its next save, so a profile protected half-way is still opened with its passphrase.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from privacy_walkthrough.core.files import write_atomically
from privacy_walkthrough.core.progress.sealed import (
    MAGIC,
    DamagedSealError,
    SealError,
    SealKey,
    is_sealed,
    key_for,
    new_key,
    seal,
    unseal,
)
from privacy_walkthrough.core.progress.store import MAX_PROGRESS_BYTES
from privacy_walkthrough.core.regular_files import open_regular, read_regular


def profile_files(folder: Path) -> list[Path]:
    """The files a profile's progress folder holds: progress, backups, set-aside copies."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file() and not p.is_symlink())


def _read(path: Path) -> bytes | None:
    """The bytes of an ordinary file the app wrote (never through a link, a FIFO or a device);
    None when it cannot be read, which leaves it exactly as it is."""
    try:
        return read_regular(path, MAX_PROGRESS_BYTES, follow_links=False)
    except OSError:
        return None


def protect(folder: Path, key: SealKey) -> list[Path]:
    """Seal every plain file in ``folder`` with ``key``; return the files sealed."""
    done = []
    for path in profile_files(folder):
        raw = _read(path)
        if raw is not None and not is_sealed(raw):
            write_atomically(path, seal(raw, key))
            done.append(path)
    return done


def rekey(folder: Path, old: SealKey, new: SealKey | None) -> tuple[list[Path], list[Path]]:
    """Open every file sealed with ``old`` and seal it with ``new`` (``None``: leave it plain).

    Returns the files moved over, and the sealed files ``old`` does not open (a damaged copy
    set aside earlier, say), which stay exactly as they are.
    """
    moved, kept = [], []
    for path in profile_files(folder):
        raw = _read(path)
        if raw is None or not is_sealed(raw):
            continue
        try:
            plain = unseal(raw, old)
        except SealError:
            kept.append(path)
            continue
        write_atomically(path, seal(plain, new) if new else plain)
        moved.append(path)
    return moved, kept


def unlock(folder: Path, first: Path, passphrase: str) -> SealKey:
    """The key a passphrase gives for a protected profile's folder (one scrypt run, or more).

    ``first`` (the progress file being opened) is tried first, then the folder's other sealed
    files.  Raises :class:`~privacy_walkthrough.core.progress.sealed.WrongPassphraseError` when
    the passphrase is wrong.  A file whose header is damaged cannot tell a right passphrase
    from a wrong one and is passed over.  With no sealed file left to ask (nothing saved yet,
    or every header damaged), the passphrase starts a new key: the store then sets the damaged
    files aside, as it does any damaged file, and seals what is saved from now on.
    """
    candidates = [first] + [p for p in profile_files(folder) if p != first]
    for path in candidates:
        raw = _read(path)
        if raw is None or not is_sealed(raw):
            continue
        with contextlib.suppress(DamagedSealError):
            return key_for(raw, passphrase)
    return new_key(passphrase)


def is_sealed_file(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts like a sealed file (reads 8 bytes)."""
    try:
        fd = open_regular(path, follow_links=False)
    except OSError:
        return False
    try:
        return is_sealed(os.read(fd, len(MAGIC)))
    except OSError:
        return False
    finally:
        os.close(fd)
