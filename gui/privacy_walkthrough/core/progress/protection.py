"""Protect a profile's saved files with a passphrase, change it, or take it off.

A profile's progress folder holds its progress files (one per guide), their backups and any
file set aside as damaged.  Protecting seals each of them in place
(:mod:`~privacy_walkthrough.core.progress.sealed`), one atomic rewrite per file, so a crash
half-way leaves every file whole: sealed or still plain.  The store reads both, and seals
on its next save, so a profile protected half-way is still opened with its passphrase.
"""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.progress.sealed import SealKey, is_sealed, seal, unseal
from privacy_walkthrough.core.progress.store import write_atomically


def profile_files(folder: Path) -> list[Path]:
    """The files a profile's progress folder holds: progress, backups, set-aside copies."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file() and not p.is_symlink())


def protect(folder: Path, key: SealKey) -> list[Path]:
    """Seal every plain file in ``folder`` with ``key``; return the files sealed."""
    done = []
    for path in profile_files(folder):
        raw = path.read_bytes()
        if not is_sealed(raw):
            write_atomically(path, seal(raw, key))
            done.append(path)
    return done


def rekey(folder: Path, old: SealKey, new: SealKey | None) -> list[Path]:
    """Open every file sealed with ``old`` and seal it with ``new`` (``None``: leave it plain).

    Raises :class:`~privacy_walkthrough.core.progress.sealed.SealError` at the first file
    ``old`` does not open, before anything is written.
    """
    opened = [
        (path, unseal(raw, old)) for path in profile_files(folder) if is_sealed(raw := path.read_bytes())
    ]
    for path, plain in opened:
        write_atomically(path, seal(plain, new) if new else plain)
    return [path for path, _ in opened]
