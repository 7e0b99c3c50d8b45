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

PROG = "privacy-walkthrough"
DESCRIPTION = "A guided, local-only walkthrough for Apple Messages privacy settings."
# The window's options when none is given (as from the desktop's menu): no parser is built then.
WINDOW_DEFAULTS: dict[str, object] = {
    "data_dir": None,
    "content": None,
    "color_scheme": "system",
    "pseudo_locale": False,
}


def _add_window_options(parser: argparse.ArgumentParser, data_dir_help: str | None = None) -> None:
    parser.add_argument("--data-dir", type=Path, help=data_dir_help)
    parser.add_argument(
        "--content",
        type=Path,
        help="also offer the guides in this folder (a guide, or a folder of guides)",
    )
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        help="follow the system's light or dark scheme (default), or force one",
    )
    parser.add_argument(
        "--pseudo-locale", action="store_true", help="stretch every string (to check layouts for translation)"
    )
    parser.set_defaults(**WINDOW_DEFAULTS)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every command (their modules are imported here, not at start-up)."""
    from privacy_walkthrough.cli import DATA_DIR_HELP, add_commands
    from privacy_walkthrough.content_cli import add_content_commands

    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_window_options(parser, DATA_DIR_HELP)
    subparsers = parser.add_subparsers(title="commands (without one, the app opens its window)")
    add_commands(subparsers)
    add_content_commands(subparsers)
    for command_parser in subparsers.choices.values():
        command_parser.set_defaults(command_parser=command_parser)  # for its usage on a mistake
    return parser


def parse_command_line(argv: Sequence[str]) -> argparse.Namespace:
    """Every argument, with the full parser; a mistake after a command shows that command's usage."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(list(argv))
    if unknown:
        wrong = getattr(args, "command_parser", None) or parser
        wrong.error(f"unrecognized arguments: {' '.join(unknown)}")  # exits with status 2
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
