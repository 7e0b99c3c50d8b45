"""The ``import`` command: bring in a progress file made with ``export --format json``.

The progress saved here is kept as a backup; notes saved here that the file has no note for
are kept unless the person says to delete them; a damaged saved file is moved aside only when
asked (``--yes``), never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from privacy_walkthrough.cli_output import CommandError
from privacy_walkthrough.cli_passphrase import import_key
from privacy_walkthrough.cli_progress import (
    installed_titles,
    load_guide,
    passphrase_errors,
    progress_store,
    saved_progress,
)
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.lock import InstanceLock, InstanceLockError
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.store import NewerProgressError, ProgressError, ProgressStore
from privacy_walkthrough.core.progress.transfer import (
    keep_saved_notes,
    notes_it_would_delete,
    read_portable_progress,
)
from privacy_walkthrough.paths import AppPaths, DataFolderError


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    # TRANSLATORS: the answers to a yes/no question at the terminal; the capital one is the default.
    answer = input(tr("{question} [y/N]", question=question) + " ")
    # TRANSLATORS: the words that answer "yes" at the terminal, separated by spaces (English's work too).
    yes = {"y", "yes", *tr("y yes").casefold().split()}
    return answer.strip().casefold() in yes


def _titles(guide: Guide, step_ids: list[str]) -> str:
    titles = {step.id: step.title for step in guide.steps}
    return tr("; ").join(titles.get(step_id, step_id) for step_id in step_ids)


def _keep_notes(args: argparse.Namespace, guide: Guide, existing: Progress, imported: Progress) -> Progress:
    """``imported``, with the notes saved here that it has none for kept, unless the person says not to."""
    at_risk = notes_it_would_delete(existing, imported)
    if not at_risk or args.drop_notes:
        return imported
    question = ntr(
        "The file has no note for {n} step that has a note here ({steps}). Delete that note?",
        "The file has no note for {n} steps that have a note here ({steps}). Delete those notes?",
        len(at_risk),
        steps=_titles(guide, at_risk),
    )
    if not args.yes and _confirm(question):
        return imported
    return keep_saved_notes(imported, existing, at_risk)


def _damaged_progress(store: ProgressStore) -> ProgressError | None:
    """Why the saved progress cannot be used (None when it can, or there is none).

    A file from a newer app is never replaced: that stops the import here."""
    if not store.path.exists() and not store.path.is_symlink():
        return None
    try:
        store.read()
    except NewerProgressError as exc:
        raise CommandError(tr("Nothing was imported: {reason}", reason=exc)) from exc
    except ProgressError as exc:
        return exc
    return None


def run_import(args: argparse.Namespace, out: TextIO) -> int:
    guide = load_guide()
    with passphrase_errors():
        key = import_key(args.file, args)
    try:
        portable = read_portable_progress(args.file, guide, key, installed_titles(args))
    except ProgressError as exc:
        raise CommandError(tr("Nothing was imported: {reason}.", reason=exc)) from exc
    store = progress_store(args, guide)
    damaged = _damaged_progress(store)
    if damaged is not None and not args.yes:
        raise CommandError(
            tr(
                "Nothing was imported: the progress saved in {path} cannot be used ({reason}). Run "
                "again with --yes to move that file aside (it is kept, not deleted) and import.",
                path=str(store.path),
                reason=damaged,
            )
        )
    if damaged is None and store.path.is_file() and not args.yes:
        question = tr("Replace the progress saved in {path}?", path=str(store.path))
        if not _confirm(question):
            raise CommandError(
                tr("Nothing was imported: there is progress already. Run again with --yes to replace it.")
            )
    imported = portable.progress
    existing = saved_progress(store, guide, installed_titles(args)) if damaged is None else None
    kept: list[str] = []
    if existing is not None:
        merged = _keep_notes(args, guide, existing, imported)
        kept = notes_it_would_delete(existing, imported) if merged is not imported else []
        imported = merged
    paths = AppPaths.resolve(args.data_dir)
    try:
        paths.ensure()
        with InstanceLock(paths.data):
            set_aside = store.set_aside("damaged") if damaged is not None else None
            backup = store.back_up()
            store.save(imported)
    except (DataFolderError, InstanceLockError) as exc:
        raise CommandError(tr("Nothing was imported: {reason}", reason=exc)) from exc
    except OSError as exc:
        raise CommandError(tr("Cannot save the progress: {reason}.", reason=exc.strerror or exc)) from exc
    print(tr("Imported the progress from {file}.", file=str(args.file)), file=out)
    if portable.notices():
        print(portable.notices(), file=out)
    if kept:
        print(
            tr(
                "Kept your notes on {steps}: the file has none for them (--drop-notes deletes them).",
                steps=_titles(guide, kept),
            ),
            file=out,
        )
    if set_aside is not None:
        print(tr("The progress that could not be used was moved to {path}.", path=str(set_aside)), file=out)
    if backup is not None:
        print(tr("Your earlier progress was kept in {path}.", path=str(backup)), file=out)
    return 0
