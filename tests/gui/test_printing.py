"""Print, preview and save the checklist, then read the PDF back with poppler (pdftotext, pdfinfo)."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from privacy_walkthrough import __version__
from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.progress.models import Progress, StepStatus
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.printing import (
    checklist_document,
    keep_blocks_together,
    paginate,
    print_checklist,
    write_pdf,
)
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs, write_guide

CTRL = Qt.KeyboardModifier.ControlModifier
A4 = QPageSize.PageSizeId.A4
LETTER = QPageSize.PageSizeId.Letter

NOTE = '<img src="http://example.com/x"> call the <b>bank</b> & "Sam"'
SKIP_REASON = 'my bank texts <codes> & "alerts"'
# Decisions on the shipped guide, and how the checklist must say them: box and words.
DECISIONS: dict[str, tuple[StepStatus, str, str]] = {
    "icloud-backup": (StepStatus.DONE, "☑", "Done"),
    "contacts-backups": (StepStatus.DONE, "☑", "Read and acknowledged"),  # advice: read, not done
    "sms-and-rcs": (StepStatus.SKIPPED, "☒", f"Skipped — reason: {SKIP_REASON}"),
    "lockdown-mode": (StepStatus.NOT_APPLICABLE, "⊘", "Not applicable"),
    "shared-with-you": (StepStatus.LATER, "☐", "Left for later"),
}
NOT_YET = ("☐", "Not yet")


# -- reading PDFs with poppler ----------------------------------------------------------


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext -layout reads it; pages end with a form feed."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())
    }


def flat(text: str) -> str:
    """Text with whitespace collapsed (titles wrap) and ligatures such as "ﬀ" spelt out."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_size_points(path: Path) -> tuple[int, int, str]:
    """(width, height, name) from pdfinfo's "Page size: 595 x 842 pts (A4)"."""
    match = re.fullmatch(r"([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?", pdf_info(path)["Page size"])
    assert match, pdf_info(path)["Page size"]
    return round(float(match[1])), round(float(match[2])), (match[3] or "").lower()


def pdf_printer(path: Path, page_size: QPageSize.PageSizeId = A4) -> Callable[[QPrinter], None]:
    """A print-dialog answer: print to a PDF file."""

    def choose(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageSize(QPageSize(page_size))

    return choose


def expected_lines(guide: Guide, decisions: dict[str, tuple[StepStatus, str, str]]) -> list[str]:
    """A line such as "☑ 2. Turn off iCloud Backup … Done" for every step, as flat() text."""
    lines = []
    for number, step in enumerate(guide.steps, start=1):
        glyph, words = decisions[step.id][1:] if step.id in decisions else NOT_YET
        lines.append(flat(f"{glyph} {number}. {step.title} {words}"))
    return lines


def decide(walkthrough: Walkthrough) -> None:
    for step_id, (status, _, _) in DECISIONS.items():
        walkthrough.set_status(step_id, status, SKIP_REASON if status is StepStatus.SKIPPED else "")


def write_note(window: WalkthroughWindow, step_id: str, note: str) -> None:
    """Type a note on a step's page, the way a person does."""
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))
    window.step_page.note_edit.setPlainText(note)


def save_pdf(window: WalkthroughWindow, dialogs: ScriptedDialogs, target: Path) -> None:
    dialogs.save_paths = [target]
    window.window_actions.save_pdf.trigger()


def missing(lines: list[str], text: str) -> list[str]:
    return [line for line in lines if line not in text]


def steps_missing_from(pdf: Path, guide: Guide) -> list[str]:
    """The expected step lines (box, number, title, status) that the PDF does not say."""
    return missing(expected_lines(guide, DECISIONS), flat(pdf_text(pdf)))


# -- Save as PDF ------------------------------------------------------------------------


def test_saved_pdf_has_every_step_with_its_status_and_page_footers(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    decide(window.walkthrough)
    target = tmp_path / "out.pdf"

    save_pdf(window, dialogs, target)

    assert steps_missing_from(target, window.walkthrough.guide) == []
    text = pdf_text(target)
    pages = int(pdf_info(target)["Pages"])
    assert pages >= 2
    page_texts = text.split("\f")[:pages]
    assert len(page_texts) == pages
    for number, page_text in enumerate(page_texts, start=1):
        assert f"Page {number} of {pages}" in page_text
    assert window.last_announcement == f"The checklist was saved as {target}."
    assert [kind for kind, _ in dialogs.asked] == ["save_path"]


def test_private_note_is_printed_only_when_asked_for(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    write_note(window, "sms-and-rcs", NOTE)

    save_pdf(window, dialogs, tmp_path / "default.pdf")
    window.window_actions.include_notes.trigger()
    save_pdf(window, dialogs, tmp_path / "with-notes.pdf")

    without = flat(pdf_text(tmp_path / "default.pdf"))
    assert "example.com" not in without
    assert "Your note" not in without
    assert window.summary_page.include_notes_box.isChecked()
    assert f"Your note: {NOTE}" in flat(pdf_text(tmp_path / "with-notes.pdf"))


@pytest.mark.parametrize(("chosen", "written"), [("checklist", "checklist.pdf"), ("c.txt", "c.txt.pdf")])
def test_pdf_suffix_is_added_when_missing(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, chosen: str, written: str
) -> None:
    window = make_window()
    folder = tmp_path / "out"
    folder.mkdir()

    save_pdf(window, dialogs, folder / chosen)

    assert sorted(p.name for p in folder.iterdir()) == [written]
    assert int(pdf_info(folder / written)["Pages"]) >= 1
    assert window.last_announcement == f"The checklist was saved as {folder / written}."


@pytest.mark.parametrize("problem", ["folder-missing", "folder-read-only", "name-taken-by-a-folder"])
def test_unwritable_target_warns_and_leaves_nothing_behind(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, problem: str
) -> None:
    window = make_window()
    parent = tmp_path / "out"
    parent.mkdir()
    if problem == "folder-missing":
        target = parent / "no-such-folder" / "checklist.pdf"
    elif problem == "folder-read-only":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder anyway")
        parent.chmod(0o500)
        target = parent / "checklist.pdf"
    else:
        target = parent / "checklist.pdf"
        target.mkdir()

    try:
        save_pdf(window, dialogs, target)
        left = sorted(str(p.relative_to(parent)) for p in parent.rglob("*"))
    finally:
        parent.chmod(0o700)

    assert [kind for kind, _ in dialogs.asked] == ["save_path", "warn"]
    assert str(target) in dialogs.asked[1][1]
    assert left == (["checklist.pdf"] if problem == "name-taken-by-a-folder" else [])
    assert not target.is_file()
    assert "saved" not in window.last_announcement


# -- print, preview, blank checklist ----------------------------------------------------


def test_ctrl_p_prints_every_step_on_the_chosen_printer(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    decide(window.walkthrough)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialogs.answer_print_dialogs(pdf_printer(tmp_path / "printed.pdf"))

    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)

    assert [kind for kind, _ in dialogs.asked] == ["print"]
    assert steps_missing_from(tmp_path / "printed.pdf", window.walkthrough.guide) == []
    assert page_size_points(tmp_path / "printed.pdf") == (595, 842, "a4")
    assert window.last_announcement == "The checklist was sent to the printer."


def test_cancelled_print_prints_nothing(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    dialogs.answer_print_dialogs(None)

    window.window_actions.print.trigger()

    assert [kind for kind, _ in dialogs.asked] == ["print"]
    assert window.last_announcement != "The checklist was sent to the printer."


def test_preview_paints_the_checklist(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    decide(window.walkthrough)
    dialogs.answer_print_dialogs(pdf_printer(tmp_path / "preview.pdf"))

    window.window_actions.preview.trigger()

    assert [kind for kind, _ in dialogs.asked] == ["preview"]
    assert steps_missing_from(tmp_path / "preview.pdf", window.walkthrough.guide) == []


def test_blank_checklist_has_open_boxes_and_no_dates_or_notes(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window()
    decide(window.walkthrough)
    write_note(window, "icloud-backup", NOTE)
    window.window_actions.include_notes.trigger()
    save_pdf(window, dialogs, tmp_path / "filled.pdf")  # the same window's filled-in checklist
    dialogs.answer_print_dialogs(pdf_printer(tmp_path / "blank.pdf"))

    window.window_actions.print_blank.trigger()

    filled, blank = flat(pdf_text(tmp_path / "filled.pdf")), flat(pdf_text(tmp_path / "blank.pdf"))
    assert "Done on" in filled
    assert "Your note" in filled
    steps = window.walkthrough.guide.steps
    boxes = [flat(f"☐ {number}. {step.title}") for number, step in enumerate(steps, start=1)]
    assert missing(boxes, blank) == []
    assert blank.count("☐") == len(steps)
    for absent in ("Done on", "Your note", "example.com", "☑", "☒", "⊘", "Not yet", "Skipped"):
        assert absent not in blank
    assert dialogs.asked[-1] == ("preview", "")


# -- paper ------------------------------------------------------------------------------


def shipped_html(progress: Progress | None = None, *, include_notes: bool = False) -> str:
    guide = load_default_guide()
    options = ChecklistOptions(
        generated_at=dt.datetime.now().astimezone(), app_version=__version__, include_notes=include_notes
    )
    return render_html(guide, progress, options)


def decided_progress(guide: Guide) -> Progress:
    walkthrough = Walkthrough(guide, new_progress(guide, dt.datetime.now(dt.UTC)), lambda _: None)
    decide(walkthrough)
    return walkthrough.progress


@pytest.mark.parametrize(("size", "expected"), [(A4, (595, 842, "a4")), (LETTER, (612, 792, "letter"))])
def test_page_size(qtbot: QtBot, tmp_path: Path, size: QPageSize.PageSizeId, expected: tuple) -> None:
    write_pdf(shipped_html(), tmp_path / "out.pdf", page_size=size)

    assert page_size_points(tmp_path / "out.pdf") == expected


# -- page breaks ------------------------------------------------------------------------


def a4_pdf_writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    return writer


def a4_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pdf_printer(path)(printer)
    return printer


def step_tables(document: QTextDocument) -> list[QTextTable]:
    return [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]


def straddles(document: QTextDocument, table: QTextTable) -> bool:
    page = document.pageSize().height()
    rect = document.documentLayout().frameBoundingRect(table)
    return rect.top() // page != (rect.bottom() - 1) // page


def fits_on_a_page(html: str, device: QPagedPaintDevice, index: int) -> bool:
    """Whether step block ``index``, moved to the top of a fresh page, ends on that page."""
    document = checklist_document(html)
    paginate(document, device)
    table = step_tables(document)[index]
    table_format = table.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(table_format)
    return not straddles(document, table)


def split_blocks(document: QTextDocument, html: str, device: QPagedPaintDevice) -> list[int]:
    """Indexes of the step blocks split across a page break although they fit on one page."""
    return [
        index
        for index, table in enumerate(step_tables(document))
        if straddles(document, table) and fits_on_a_page(html, device, index)
    ]


@pytest.mark.parametrize("device", [a4_pdf_writer, a4_printer], ids=["QPdfWriter", "QPrinter"])
def test_no_step_block_is_split_across_pages(
    qtbot: QtBot, tmp_path: Path, device: Callable[[Path], QPagedPaintDevice]
) -> None:
    html = shipped_html(decided_progress(load_default_guide()))
    measure = device(tmp_path / "measure.pdf")
    unkept = checklist_document(html)
    paginate(unkept, measure)
    assert split_blocks(unkept, html, measure) != []  # the shipped guide needs some breaks moved

    document = checklist_document(html)
    target = device(tmp_path / "kept.pdf")
    pages = print_checklist(document, target)
    del target  # a QPdfWriter finishes its file when it goes

    assert split_blocks(document, html, measure) == []
    assert len(step_tables(document)) == len(load_default_guide().steps)
    assert int(pdf_info(tmp_path / "kept.pdf")["Pages"]) == pages


def test_block_that_fits_a_page_is_never_split(qtbot: QtBot, tmp_path: Path) -> None:
    guide = load_default_guide()
    step_id = guide.steps[3].id  # low on page 1, so a longer block crosses the break
    writer = a4_pdf_writer(tmp_path / "out.pdf")
    split = {}
    for lines in range(0, 80, 2):
        walkthrough = Walkthrough(guide, new_progress(guide, dt.datetime.now(dt.UTC)), lambda _: None)
        walkthrough.set_note(step_id, "\n".join(f"note line {n}" for n in range(lines)))
        html = shipped_html(walkthrough.progress, include_notes=True)
        document = checklist_document(html)
        keep_blocks_together(document, paginate(document, writer).height)
        if blocks := split_blocks(document, html, writer):
            split[lines] = blocks
    assert split == {}


# -- big guides -------------------------------------------------------------------------


def test_thousand_step_guide_exports_every_step(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    ids = [f"step-{n:04d}" for n in range(1, 1001)]
    window = make_window(load_guide(write_guide(tmp_path / "big", ids, guide_id="big-guide")))

    save_pdf(window, dialogs, tmp_path / "big.pdf")

    headings = re.findall(r"☐ (\d+)\. Step (\d{4})", flat(pdf_text(tmp_path / "big.pdf")))
    assert len(headings) == 1000
    assert all(int(number) == int(step) for number, step in headings)
    assert sorted(int(number) for number, _ in headings) == list(range(1, 1001))


# -- the Qt binding ---------------------------------------------------------------------


def test_printing_leaves_references_to_none_alone(qtbot: QtBot, tmp_path: Path) -> None:
    """Guards the PySide6 pin in pyproject.toml (6.12.0 loses references to None)."""
    html = shipped_html()
    write_pdf(html, tmp_path / "warm-up.pdf")
    gc.collect()
    before = sys.getrefcount(None)

    for n in range(5):
        write_pdf(html, tmp_path / f"{n}.pdf")
    gc.collect()

    assert sys.getrefcount(None) >= before
