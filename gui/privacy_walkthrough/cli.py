"""Commands that need no screen: export the checklist or the progress (``export``); the
arguments of ``export`` and ``import`` (whose work is in :mod:`privacy_walkthrough.cli_import`).

Each returns a process exit status and prints a plain sentence on failure; nothing here
ever leaves a half-written file or changes progress unless it says so.  Every help text is
translated when the parser is built, after the language is chosen.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from privacy_walkthrough import __version__
from privacy_walkthrough.cli_import import run_import
from privacy_walkthrough.cli_language import FILE, FOLDER, NAME
from privacy_walkthrough.cli_output import (
    EXPORT_FORMATS,
    CommandError,
    export_format,
    write_output,
    write_pdf,
)
from privacy_walkthrough.cli_passphrase import add_passphrase_argument, export_key, sealed_export
from privacy_walkthrough.cli_progress import (
    blank_progress,
    installed_titles,
    load_guide,
    passphrase_errors,
    profile_and_progress,
    saved_progress,
)
from privacy_walkthrough.core.checklist.render import (
    ChecklistOptions,
    render_html,
    render_json,
    render_markdown,
)
from privacy_walkthrough.core.files import write_atomically
from privacy_walkthrough.core.i18n import N_, tr

PROFILE_HELP = N_("the person whose progress it is (a profile's name; default: the one used last)")
DATA_DIR_HELP = N_("the folder that holds the progress (default: the usual user data folder)")
FORMAT_HELP = N_(
    "pdf, html or md: the checklist to print or read; json: the progress file, to carry to "
    "another computer and bring back with import (default: from the --output file's name)"
)


def add_data_options(parser: argparse.ArgumentParser) -> None:
    """--data-dir and --profile: whose progress a command works on."""
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, metavar=tr(FOLDER), help=tr(DATA_DIR_HELP)
    )
    parser.add_argument("--profile", default=None, metavar=tr(NAME), help=tr(PROFILE_HELP))


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export",
        help=tr("write the checklist or the progress to a file"),
        description=tr(
            "Write the checklist (pdf, html, md) or the progress file (json). The progress file "
            "carries everything, private notes included, unless --without-notes is given; the "
            "checklist leaves notes out unless --include-notes is given."
        ),
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, default=None, help=tr(FORMAT_HELP))
    export.add_argument(
        "--output",
        type=Path,
        required=True,
        metavar=tr(FILE),
        help=tr("the file to write (.pdf, .html, .md or .json: the format); - writes to standard output"),
    )
    notes = export.add_mutually_exclusive_group()
    notes.add_argument(
        "--include-notes",
        action="store_true",
        help=tr("print private notes on the checklist (pdf, html, md leave them out by default)"),
    )
    notes.add_argument(
        "--without-notes",
        action="store_true",
        help=tr("leave private notes out of the progress file (json carries them by default)"),
    )
    export.add_argument(
        "--blank", action="store_true", help=tr("a blank checklist to print before starting (pdf, html, md)")
    )
    export.add_argument(
        "--include-undo", action="store_true", help=tr("print how to undo each setting under its step")
    )
    export.add_argument(
        "--name", default=None, metavar=tr(NAME), help=tr("who the checklist is prepared for")
    )
    export.add_argument("--paper", choices=("a4", "letter"), default=None, help=tr("PDF paper size"))
    add_data_options(export)
    add_passphrase_argument(
        export,
        tr(
            "a file whose first line is the passphrase: it opens a protected profile, and a JSON "
            "export is encrypted with it"
        ),
    )
    export.set_defaults(command=run_export)

    importer = subparsers.add_parser(
        "import",
        help=tr("bring in a progress file exported with --format json"),
        description=tr(
            "Bring in a progress file made with export --format json or File > Export progress. "
            "The progress saved here is kept as a backup file. Notes saved here that the file "
            "has no note for are kept, unless you say to delete them."
        ),
    )
    importer.add_argument("file", type=Path, metavar=tr(FILE), help=tr("the progress file to bring in"))
    importer.add_argument("--yes", action="store_true", help=tr("replace existing progress without asking"))
    importer.add_argument(
        "--drop-notes",
        action="store_true",
        help=tr("also delete the notes saved here that the file has no note for (kept by default)"),
    )
    add_data_options(importer)
    add_passphrase_argument(
        importer,
        tr("a file whose first line is the passphrase of an encrypted file or a protected profile"),
    )
    importer.set_defaults(command=run_import)


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    fmt = export_format(args)
    if args.blank and fmt == "json":
        raise CommandError(
            tr(
                "A blank checklist is for printing: use --format pdf, html or md. "
                "To carry progress to another computer, export it as json without --blank."
            )
        )
    guide = load_guide()
    profile, store = profile_and_progress(args, guide)
    progress = (
        blank_progress(store, guide) if args.blank else saved_progress(store, guide, installed_titles(args))
    )
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
            with passphrase_errors():
                key = export_key(args, profile)
            data = sealed_export(data, key)
        write = lambda target: write_atomically(target, data)  # noqa: E731
        write_output(args.output, write, out, binary=key is not None)  # encrypted: bytes
    return 0
