"""A long checklist keeps its step blocks together as a short one does, only faster.

From LAZY_FROM_BLOCKS steps on, the blocks are first placed on a lazily laid-out document;
the result must be the one the block-by-block way gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QTextFormat
from pytestqt.qtbot import QtBot

from privacy_walkthrough import __version__
from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.qt import printing
from privacy_walkthrough.qt.printing import checklist_document, keep_blocks_together, paginate
from tests.gui.test_printing import a4_pdf_writer, split_blocks, step_tables
from tests.helpers import write_guide


def long_checklist(folder: Path) -> str:
    """60 steps whose notes run from none to longer than a page, so some blocks cannot be kept."""
    guide = load_guide(write_guide(folder, [f"step-{n:02d}" for n in range(1, 61)]))
    walkthrough = Walkthrough(guide, new_progress(guide, dt.datetime.now(dt.UTC)), lambda _: None)
    for number, step in enumerate(guide.steps):
        lines = (0, 3, 11, 24, 0, 7, 70)[number % 7]
        walkthrough.set_note(step.id, "\n".join(f"note line {n}" for n in range(lines)))
    options = ChecklistOptions(
        generated_at=dt.datetime.now().astimezone(), app_version=__version__, include_notes=True
    )
    return render_html(guide, walkthrough.progress, options)


def breaks(html: str, tmp_path: Path) -> tuple[list[bool], int]:
    document = checklist_document(html)
    keep_blocks_together(document, paginate(document, a4_pdf_writer(tmp_path / "x.pdf")).height)
    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    moved = [bool(table.format().pageBreakPolicy() & always_before) for table in step_tables(document)]
    return moved, document.pageCount()


def test_a_long_checklist_splits_only_blocks_taller_than_a_page(qtbot: QtBot, tmp_path: Path) -> None:
    html = long_checklist(tmp_path / "guide")
    writer = a4_pdf_writer(tmp_path / "measure.pdf")
    document = checklist_document(html)
    assert len(step_tables(document)) >= printing.LAZY_FROM_BLOCKS

    keep_blocks_together(document, paginate(document, writer).height)

    assert split_blocks(document, html, writer) == []


def test_the_lazy_way_places_the_breaks_the_slow_way_does(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = long_checklist(tmp_path / "guide")
    lazily = breaks(html, tmp_path)
    monkeypatch.setattr(printing, "LAZY_FROM_BLOCKS", 10_000)

    assert breaks(html, tmp_path) == lazily
    assert any(lazily[0])
