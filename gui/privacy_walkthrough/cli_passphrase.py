"""Passphrases on the command line: open a protected profile, encrypt an export, open an
encrypted import.

A passphrase comes from ``--passphrase-file`` (its first line) for scripts, or is asked for
at the terminal without echo.  Without either, a command that needs one stops with a plain
sentence.  The passphrase is never printed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from privacy_walkthrough.cli_language import FILE
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress import protection
from privacy_walkthrough.core.progress.profiles import Profile
from privacy_walkthrough.core.progress.sealed import (
    MIN_PASSPHRASE_CHARS,
    SealError,
    SealKey,
    WrongPassphraseError,
    new_key,
    seal,
)
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.progress.transfer import file_key
from privacy_walkthrough.core.regular_files import read_regular

MAX_PASSPHRASE_FILE_BYTES = 4096


class PassphraseCommandError(Exception):
    """The command cannot go on; the message is for the person at the terminal."""


def add_passphrase_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--passphrase-file", type=Path, default=None, metavar=tr(FILE), help=help_text)


def _interactive() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def _from_file(path: Path) -> str:
    try:
        text = read_regular(path, MAX_PASSPHRASE_FILE_BYTES).decode("utf-8")
    except OSError as exc:
        raise PassphraseCommandError(
            tr("The passphrase file cannot be read ({reason}).", reason=exc.strerror or exc)
        ) from exc
    except UnicodeDecodeError as exc:
        raise PassphraseCommandError(tr("The passphrase file is not text.")) from exc
    lines = text.splitlines()
    phrase = lines[0] if lines else ""
    if not phrase:
        raise PassphraseCommandError(tr("The passphrase file is empty."))
    return phrase


def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise PassphraseCommandError(tr("No passphrase was given; nothing was changed.")) from exc


def unlock_store(store: ProgressStore, profile: Profile, args: argparse.Namespace) -> None:
    """Give ``store`` the key of a protected profile (asks, or reads --passphrase-file)."""
    if not (profile.protected or protection.is_sealed_file(store.path)):
        return
    folder = store.path.parent
    if args.passphrase_file is not None:
        phrase = _from_file(args.passphrase_file)
    elif _interactive():
        phrase = _ask(tr("Passphrase for {name}: ", name=profile.name))
    else:
        raise PassphraseCommandError(
            tr(
                "The profile {name} is protected with a passphrase: give it with --passphrase-file FILE.",
                name=profile.name,
            )
        )
    try:
        store.key = protection.unlock(folder, store.path, phrase)
    except WrongPassphraseError as exc:
        raise PassphraseCommandError(
            tr("That passphrase does not open the profile {name}; nothing was changed.", name=profile.name)
        ) from exc


def export_key(args: argparse.Namespace, profile: Profile) -> SealKey | None:
    """The key to encrypt a JSON export with, or None to write it plain.

    With --passphrase-file, every JSON export is encrypted with that passphrase.  A protected
    profile's export, at a terminal, asks whether to encrypt it (yes by default) and for a new
    passphrase, typed twice.
    """
    if args.passphrase_file is not None:
        return new_key(_from_file(args.passphrase_file))
    if not profile.protected:
        return None
    if not _interactive():
        raise PassphraseCommandError(
            tr(
                "The profile {name} is protected: give --passphrase-file FILE to encrypt the exported "
                "progress with that passphrase.",
                name=profile.name,
            )
        )
    answer = input(tr("This profile is protected. Encrypt the exported file with a passphrase? [Y/n] "))
    # TRANSLATORS: the words that answer "no" at the terminal, separated by spaces (English's work too).
    if answer.strip().casefold() in {"n", "no", *tr("n no").casefold().split()}:
        return None
    phrase = _ask(tr("New passphrase for the file: "))
    if len(phrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise PassphraseCommandError(
            ntr(
                "Use at least {n} character; nothing was written.",
                "Use at least {n} characters; nothing was written.",
                MIN_PASSPHRASE_CHARS,
            )
        )
    if _ask(tr("The same passphrase again: ")) != phrase:
        raise PassphraseCommandError(tr("The two passphrases are not the same; nothing was written."))
    return new_key(phrase)


def sealed_export(data: bytes, key: SealKey | None) -> bytes:
    return data if key is None else seal(data, key)


def import_key(path: Path, args: argparse.Namespace) -> SealKey | None:
    """The key of an encrypted progress file to import (None for a plain one)."""
    if not protection.is_sealed_file(path):
        return None
    if args.passphrase_file is not None:
        phrase = _from_file(args.passphrase_file)
    elif _interactive():
        phrase = _ask(tr("Passphrase for {name}: ", name=path.name))
    else:
        raise PassphraseCommandError(
            tr("{name} is encrypted: give its passphrase with --passphrase-file FILE.", name=path.name)
        )
    try:
        return file_key(path, phrase)
    except WrongPassphraseError as exc:
        raise PassphraseCommandError(
            tr("That passphrase does not open {name}; nothing was imported.", name=path.name)
        ) from exc
    except SealError as exc:
        raise PassphraseCommandError(
            tr("{name} is damaged and cannot be decrypted; nothing was imported.", name=path.name)
        ) from exc
