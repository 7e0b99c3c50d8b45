"""Command line entry point: parses arguments and hands over to the GUI or a command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from privacy_walkthrough import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-walkthrough",
        description="A guided, local-only walkthrough for Apple Messages privacy settings.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="keep progress in this folder instead of the usual one"
    )
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark"),
        default="system",
        help="follow the system's light or dark scheme (default), or force one",
    )
    parser.add_argument(
        "--pseudo-locale", action="store_true", help="stretch every string (to check layouts for translation)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from privacy_walkthrough.qt.run import run_gui

    return run_gui(args)
