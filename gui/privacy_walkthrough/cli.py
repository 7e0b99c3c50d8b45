"""Commands that need no screen: export the checklist, import progress.

Each returns a process exit status and prints a plain sentence on failure; nothing here
ever leaves a half-written file or changes progress unless it says so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from privacy_walkthrough import __version__
from privacy_walkthrough.cli_output import (
    EXPORT_FORMATS,
    CommandError,
    export_format,
    write_output,
    write_pdf,
)
from privacy_walkthrough.cli_passphrase import (
    PassphraseCommandError,
    add_passphrase_argument,
    export_key,
    import_key,
    sealed_export,
    unlock_store,
)
from privacy_walkthrough.core.checklist.render import (
    ChecklistOptions,
    render_html,
    render_json,
    render_markdown,
)
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import ContentError
from privacy_walkthrough.core.files import write_atomically
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.lock import InstanceLock, InstanceLockError
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.other_guide import GuideTitles, no_titles, other_guide_problem
from privacy_walkthrough.core.progress.profiles import Profile, ProfileError, ProfileRegistry
from privacy_walkthrough.core.progress.store import NewerProgressError, ProgressError, ProgressStore
from privacy_walkthrough.core.progress.transfer import (
    keep_saved_notes,
    notes_it_would_delete,
    read_portable_progress,
)
from privacy_walkthrough.guides import guide_titles, load_default_guide, shipped_root
from privacy_walkthrough.paths import AppPaths, DataFolderError

PROFILE_HELP = "the person whose progress it is (a profile's name; default: the one used last)"
DATA_DIR_HELP = "the folder that holds the progress (default: the usual user data folder)"
FORMAT_HELP = (
    "pdf, html or md: the checklist to print or read; json: the progress file, to carry to "
    "another computer and bring back with import (default: from the --output file's name)"
)


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export",
        help="write the checklist or the progress to a file",
        description=(
            "Write the checklist (pdf, html, md) or the progress file (json). The progress file "
            "carries everything, private notes included, unless --without-notes is given; the "
            "checklist leaves notes out unless --include-notes is given."
        ),
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, default=None, help=FORMAT_HELP)
    export.add_argument(
        "--output",
        type=Path,
        required=True,
        help="the file to write (.pdf, .html, .md or .json: the format); - writes to standard output",
    )
    notes = export.add_mutually_exclusive_group()
    notes.add_argument(
        "--include-notes",
        action="store_true",
        help="print private notes on the checklist (pdf, html, md leave them out by default)",
    )
    notes.add_argument(
        "--without-notes",
        action="store_true",
        help="leave private notes out of the progress file (json carries them by default)",
    )
    export.add_argument(
        "--blank", action="store_true", help="a blank checklist to print before starting (pdf, html, md)"
    )
    export.add_argument(
        "--include-undo", action="store_true", help="print how to undo each setting under its step"
    )
    export.add_argument("--name", default=None, help="who the checklist is prepared for")
    export.add_argument("--paper", choices=("a4", "letter"), default=None, help="PDF paper size")
    export.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    export.add_argument("--profile", default=None, help=PROFILE_HELP)
    add_passphrase_argument(
        export,
        "a file whose first line is the passphrase: it opens a protected profile, and a JSON export "
        "is encrypted with it",
    )
    export.set_defaults(command=run_export)

    importer = subparsers.add_parser(
        "import",
        help="bring in a progress file exported with --format json",
        description=(
            "Bring in a progress file made with export --format json or File > Export progress. "
            "The progress saved here is kept as a backup file. Notes saved here that the file "
            "has no note for are kept, unless you say to delete them."
        ),
    )
    importer.add_argument("file", type=Path)
    importer.add_argument("--yes", action="store_true", help="replace existing progress without asking")
    importer.add_argument(
        "--drop-notes",
        action="store_true",
        help="also delete the notes saved here that the file has no note for (kept by default)",
    )
    importer.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    importer.add_argument("--profile", default=None, help=PROFILE_HELP)
    add_passphrase_argument(
        importer, "a file whose first line is the passphrase of an encrypted file or a protected profile"
    )
    importer.set_defaults(command=run_import)


def _guide() -> Guide:
    try:
        return load_default_guide()
    except ContentError as exc:
        raise CommandError(tr("The guide shipped with the app is broken:\n{problems}", problems=exc)) from exc


@contextlib.contextmanager
def _passphrase_errors() -> Iterator[None]:
    try:
        yield
    except PassphraseCommandError as exc:
        raise CommandError(str(exc)) from exc


def _store(args: argparse.Namespace, guide: Guide) -> ProgressStore:
    """The progress of the profile named with --profile, or of the profile used last."""
    return _profile_store(args, guide)[1]


def _profile_store(args: argparse.Namespace, guide: Guide) -> tuple[Profile, ProgressStore]:
    """The profile named with --profile (or used last) and its progress, unlocked if protected."""
    try:
        registry = ProfileRegistry(AppPaths.resolve(args.data_dir).data)
        profiles = registry.profiles()
    except ProfileError as exc:
        raise CommandError(str(exc)) from exc
    if args.profile is None:
        profile = registry.last_used()
    else:
        wanted = args.profile.strip().casefold()
        matches = [p for p in profiles if p.name.casefold() == wanted or p.id == wanted]
        if not matches:
            names = ", ".join(p.name for p in profiles)
            raise CommandError(
                tr("There is no profile “{name}”. Profiles: {names}.", name=args.profile, names=names)
            )
        profile = matches[0]
    store = ProgressStore(registry.progress_file(profile, guide.info.id))
    _sweep(registry.data, store)
    if not getattr(args, "blank", False):
        with _passphrase_errors():
            unlock_store(store, profile, args)
    return profile, store


def _sweep(data: Path, store: ProgressStore) -> None:
    """Delete temp files a killed save left (each a full copy of the progress, notes included).

    Only while holding the data folder's lock, so a save in progress in an open window is
    never touched; when the window has the lock, it has swept them itself.
    """
    if not store.path.parent.is_dir():
        return
    lock = InstanceLock(data)
    try:
        lock.acquire()
    except InstanceLockError:
        return
    try:
        store.sweep_temp_files()
    finally:
        lock.release()


def _installed_titles(args: argparse.Namespace) -> GuideTitles:
    """The titles of the guides shipped with the app and in the data folder's guides folder."""
    guides = AppPaths.resolve(args.data_dir).guides
    return guide_titles([shipped_root(), (guides, tr("your guides folder"))])


def _saved_progress(store: ProgressStore, guide: Guide, titles: GuideTitles = no_titles) -> Progress | None:
    if not store.path.exists() and not store.path.is_symlink():
        return None
    try:
        progress = store.read()
    except ProgressError as exc:
        raise CommandError(tr("The saved progress cannot be used: {reason}.", reason=exc)) from exc
    if progress.guide_id != guide.info.id:
        what = tr("the file {name}", name=str(store.path))
        problem = other_guide_problem(what, progress.guide_id, guide, titles)
        raise CommandError(tr("The saved progress cannot be used: {reason}.", reason=problem))
    return progress


def _blank_progress(store: ProgressStore, guide: Guide) -> Progress | None:
    """The person's devices for a blank checklist, as the app's has them; nothing if unreadable."""
    try:
        return _saved_progress(store, guide)
    except CommandError:
        return None  # a blank checklist needs no progress: it just lists no devices then


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    fmt = export_format(args)
    if args.blank and fmt == "json":
        raise CommandError(
            tr(
                "A blank checklist is for printing: use --format pdf, html or md. "
                "To carry progress to another computer, export it as json without --blank."
            )
        )
    guide = _guide()
    profile, store = _profile_store(args, guide)
    titles = _installed_titles(args)
    progress = _blank_progress(store, guide) if args.blank else _saved_progress(store, guide, titles)
    if progress is None and not args.blank:
        raise CommandError(
            tr(
                "There is no saved progress in {folder}. Go through the walkthrough first, "
                "or use --blank for a blank checklist.",
                folder=str(store.path.parent),
            )
        )
    options = ChecklistOptions(
        generated_at=dt.datetime.now().astimezone(),
        app_version=__version__,
        # the progress file carries everything; the checklist's notes are private unless asked for
        include_notes=not args.without_notes if fmt == "json" else args.include_notes,
        include_undo=args.include_undo,
        blank=args.blank,
        person_name=args.name if args.name is not None else (progress.person_name if progress else ""),
    )
    if fmt == "pdf":
        html = render_html(guide, progress, options)
        write_output(args.output, lambda target: write_pdf(html, target, args.paper), out, binary=True)
    else:
        render = {"html": render_html, "md": render_markdown, "json": render_json}[fmt]
        data = render(guide, progress, options).encode("utf-8")
        key = None
        if fmt == "json":
            with _passphrase_errors():
                key = export_key(args, profile)
            data = sealed_export(data, key)
        write = lambda target: write_atomically(target, data)  # noqa: E731
        write_output(args.output, write, out, binary=key is not None)  # encrypted: bytes
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def _titles(guide: Guide, step_ids: list[str]) -> str:
    titles = {step.id: step.title for step in guide.steps}
    return tr("; ").join(titles.get(step_id, step_id) for step_id in step_ids)


def _keep_notes(args: argparse.Namespace, guide: Guide, existing: Progress, imported: Progress) -> Progress:
    """``imported``, with the notes saved here that it has none for kept, unless the person says not to."""
    at_risk = notes_it_would_delete(existing, imported)
    if not at_risk or args.drop_notes:
        return imported
    question = tr(
        "The file has no note for {count} step(s) that have a note here ({steps}). Delete those notes?",
        count=len(at_risk),
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
    guide = _guide()
    with _passphrase_errors():
        key = import_key(args.file, args)
    try:
        portable = read_portable_progress(args.file, guide, key, _installed_titles(args))
    except ProgressError as exc:
        raise CommandError(tr("Nothing was imported: {reason}.", reason=exc)) from exc
    store = _store(args, guide)
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
    existing = _saved_progress(store, guide, _installed_titles(args)) if damaged is None else None
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
