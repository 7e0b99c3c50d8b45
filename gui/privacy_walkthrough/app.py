"""Command line entry point: parses arguments and hands over to the GUI or a command.

Opening the window is the common case and the one someone waits for, so it takes a short
path: the window's own options are read first, without the commands, and only an argument
line that asks for more (a command, ``--help``, ``--version``, a mistake) builds the full
parser.  The commands' modules bring in the guide's records and their checks, which the
first paint of the window does not need (see ``privacy_walkthrough.qt.run``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from privacy_walkthrough import __version__
from privacy_walkthrough.cli_language import CODE, FOLDER, VERSION_HELP, speak_argparse
from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.i18n import N_, tr

PROG = "privacy-walkthrough"
# Marked for the catalogs here, translated when the parser is built (after the language is chosen).
DESCRIPTION = N_("A guided, local-only walkthrough for Apple Messages privacy settings.")
# The window's options when none is given (as from the desktop's menu): no parser is built then.
WINDOW_DEFAULTS: dict[str, object] = {
    "data_dir": None,
    "content": None,
    "color_scheme": "system",
    "pseudo_locale": False,
    "lang": None,
}
LANG_HELP = N_("the language to use, e.g. es or ar (default: the profile's choice, else the system's)")


def _add_window_options(parser: argparse.ArgumentParser, data_dir_help: str | None = None) -> None:
    parser.add_argument("--data-dir", type=Path, metavar=tr(FOLDER), help=data_dir_help)
    parser.add_argument(
        "--content",
        type=Path,
        metavar=tr(FOLDER),
        help=tr("also offer the guides in this folder (a guide, or a folder of guides)"),
    )
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        help=tr("follow the system's light or dark scheme (default), or force one"),
    )
    parser.add_argument(
        "--pseudo-locale",
        action="store_true",
        help=tr("stretch every string (to check layouts for translation)"),
    )
    parser.add_argument("--lang", metavar=tr(CODE), help=tr(LANG_HELP))
    parser.set_defaults(**WINDOW_DEFAULTS)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every command (their modules are imported here, not at start-up)."""
    from privacy_walkthrough.cli import DATA_DIR_HELP, add_commands
    from privacy_walkthrough.content_cli import add_content_commands

    speak_argparse()  # "usage:", "options", "error"… in the active language
    parser = argparse.ArgumentParser(prog=PROG, description=tr(DESCRIPTION))
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=tr(VERSION_HELP)
    )
    _add_window_options(parser, tr(DATA_DIR_HELP))
    subparsers = parser.add_subparsers(title=tr("commands (without one, the app opens its window)"))
    add_commands(subparsers)
    add_content_commands(subparsers)
    for command_parser in subparsers.choices.values():
        command_parser.set_defaults(command_parser=command_parser)  # for its usage on a mistake
        if "--lang" not in command_parser._option_string_actions:  # every command takes --lang
            command_parser.add_argument(
                "--lang", metavar=tr(CODE), default=argparse.SUPPRESS, help=tr(LANG_HELP)
            )
    return parser


def parse_command_line(argv: Sequence[str]) -> argparse.Namespace:
    """Every argument, with the full parser; a mistake after a command shows that command's usage."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(list(argv))
    if unknown:
        wrong = getattr(args, "command_parser", None) or parser
        wrong.error(i18n.raw_gettext("unrecognized arguments: %s") % " ".join(unknown))  # exits with status 2
    return args


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options, when ``argv`` only opens the window; None when it needs the full parser."""
    if not argv:
        return argparse.Namespace(**WINDOW_DEFAULTS)
    parser = argparse.ArgumentParser(prog=PROG, add_help=False, exit_on_error=False)
    _add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None  # the full parser reports the mistake, with the full usage
    return None if rest else args


def requested_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of an argument line, wherever it stands (before or after the command)."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found


def _start_language(argv: Sequence[str]) -> str | None:
    """Turn on the language asked for (else the system's) before any message is made.

    Returns a complaint about an unknown ``--lang``, in the language that is then used.
    """
    from privacy_walkthrough.translations import available_languages, pick_language, use_language

    requested = requested_language(argv)
    use_language(pick_language(requested))
    if requested is not None and requested.split("_")[0].split("-")[0].lower() not in available_languages():
        return tr(
            "There is no translation for “{code}”. Languages: {codes}.",
            code=requested,
            codes=", ".join(available_languages()),
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    complaint = _start_language(argv)
    if complaint is not None:
        print(f"{PROG}: {complaint}", file=sys.stderr)
        return 2
    args = window_arguments(argv) or parse_command_line(argv)
    command = getattr(args, "command", None)
    if command is None:
        from privacy_walkthrough.qt.run import run_gui

        return run_gui(args)
    from privacy_walkthrough.cli_output import CommandError  # already loaded by build_parser()

    try:
        status: int = command(args, sys.stdout)
    except CommandError as exc:
        print(f"privacy-walkthrough: {exc}", file=sys.stderr)
        return 1
    return status
