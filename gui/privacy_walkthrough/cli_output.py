"""Where a command's output goes: a file written whole, or standard output (``--output -``).

Also the export's format, told from the output file's name when not given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from privacy_walkthrough.core.i18n import tr

EXPORT_FORMATS = ("pdf", "html", "md", "json")
# The format an output file's name stands for, when --format is not given.
FORMAT_OF_SUFFIX = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
}
STDOUT = "-"


class CommandError(Exception):
    """A command cannot go on; the message is for the person at the terminal."""


def write_pdf(html: str, target: Path, paper: str | None) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize

    from privacy_walkthrough.qt.printing import write_pdf as paint_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    size = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}.get(paper or "")
    paint_pdf(html, target, size, title=tr("Privacy checklist"))
    del _app


def export_format(args: argparse.Namespace) -> str:
    """The format asked for, or the one the output file's name stands for; a mismatch is refused."""
    to_stdout = str(args.output) == STDOUT
    named = None if to_stdout else FORMAT_OF_SUFFIX.get(args.output.suffix.lower())
    if args.format is None:
        if to_stdout:
            raise CommandError(tr("Say which format to write: --format pdf, html, md or json."))
        if named is None:
            raise CommandError(
                tr(
                    "Cannot tell the format from the name {name}: end it with .pdf, .html, .md or "
                    ".json, or add --format.",
                    name=args.output.name,
                )
            )
        return named
    if named is not None and named != args.format:
        raise CommandError(
            tr(
                "--format {format} does not match the file name {name}, which ends in {suffix}. "
                "Nothing was written: use --format {named}, or name the file {suggested}.",
                format=args.format,
                name=args.output.name,
                suffix=args.output.suffix,
                named=named,
                suggested=args.output.with_suffix(f".{args.format}").name,
            )
        )
    return str(args.format)


def write_output(target: Path, write: Callable[[Path], None], out: TextIO, *, binary: bool = False) -> None:
    """Write a command's output file (``write`` never leaves a half file); say so, or why not.

    ``-`` is standard output: the file is written in a temporary folder, then copied there
    (a binary file, a PDF, never onto a terminal).
    """
    if str(target) == STDOUT:
        _write_to_stdout(write, out, binary)
        return
    if not target.parent.is_dir():
        raise CommandError(tr("Cannot write {path}: the folder does not exist.", path=str(target)))
    try:
        write(target)
    except OSError as exc:
        raise CommandError(
            tr("Cannot write {path}: {reason}.", path=str(target), reason=exc.strerror or exc)
        ) from exc
    print(tr("Wrote {path}", path=str(target)), file=out)


def _write_to_stdout(write: Callable[[Path], None], out: TextIO, binary: bool) -> None:
    if binary and out.isatty():
        raise CommandError(
            tr(
                "A PDF or an encrypted file cannot be shown in the terminal: send it to a file "
                "(> FILE) or use --output FILE."
            )
        )
    with tempfile.TemporaryDirectory(prefix="privacy-walkthrough-") as folder:
        path = Path(folder) / "output"
        try:
            write(path)
        except OSError as exc:
            raise CommandError(tr("Cannot write the output: {reason}.", reason=exc.strerror or exc)) from exc
        data = path.read_bytes()
    try:
        if not binary:
            out.write(data.decode("utf-8"))
            out.flush()
            return
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    except BrokenPipeError:  # the reader stopped early (| head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())  # no second error at exit
