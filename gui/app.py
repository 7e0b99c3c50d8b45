"""Command line entry point: parses arguments and hands over to the GUI or a command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from privacy_walkthrough import __version__
from privacy_walkthrough.cli import DATA_DIR_HELP, CommandError, add_commands
from privacy_walkthrough.content_cli import add_content_commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-walkthrough",
        description="A guided, local-only walkthrough for Apple Messages privacy settings.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None, help=DATA_DIR_HELP)
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        default="system",
        help="follow the system's light or dark scheme (default), or force one",
    )
    parser.add_argument(
        "--pseudo-locale", action="store_true", help="stretch every string (to check layouts for translation)"
    )
    subparsers = parser.add_subparsers(title="commands (without one, the app opens its window)")
    add_commands(subparsers)
    add_content_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    command = getattr(args, "command", None)
    if command is not None:
        try:
            status: int = command(args, sys.stdout)
        except CommandError as exc:
            print(f"privacy-walkthrough: {exc}", file=sys.stderr)
            return 1
        return status
    from privacy_walkthrough.qt.run import run_gui

    return run_gui(args)
