"""Print the checklist through a real CUPS server onto a cups-pdf queue, then read the PDF it makes.

CI starts cupsd and the queue with .ci/start-cups.sh; elsewhere these tests skip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pwd
import re
import shutil
import subprocess
import time
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from privacy_walkthrough import __version__
from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.qt.printing import checklist_document, print_checklist

pytestmark = pytest.mark.cups

QUEUE = os.environ.get("PW_CUPS_QUEUE", "PrivacyWalkthroughPDF")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
WAIT_SECONDS = 60.0
POLL_SECONDS = 0.2
SKIP_REASON = "my bank still texts me"
DECISIONS = {
    "icloud-backup": (StepStatus.DONE, "Done"),
    "sms-and-rcs": (StepStatus.SKIPPED, f"Skipped — reason: {SKIP_REASON}"),
    "lockdown-mode": (StepStatus.NOT_APPLICABLE, "Not applicable"),
}

# cups-pdf takes PostScript, so CUPS turns Qt's PDF into PostScript first. .ci/start-cups.sh sets
# the queue to render that with pdftocairo (Ghostscript's default makes every font Type 3, and the
# text can no longer be read back); glyphs outside WinAnsi (the status boxes, the "ﬁ" and "ﬀ"
# ligatures) still come out as unmapped codes, which `letters` below leaves out.


@pytest.fixture(scope="module")
def queue() -> str:
    if shutil.which("lpstat") is None:
        pytest.skip("lpstat is not installed, so there is no CUPS to print through")
    found = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip(
            f"CUPS queue {QUEUE!r} is not there (start it with .ci/start-cups.sh): "
            f"{(found.stderr or found.stdout).strip()}"
        )
    return QUEUE


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes this user's jobs: its `Out` setting, with ${HOME} and ${USER} filled in.

    cups-pdf expands them for the job's user from the password database, not from the
    environment (whose HOME the test harness points at tmp_path).
    """
    out = "${HOME}/PDF"
    with contextlib.suppress(OSError):
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            if match := re.fullmatch(r"\s*Out\s+(\S.*?)\s*", line):
                out = match[1]
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@pytest.fixture
def doc_name() -> Iterator[str]:
    """A job title unique to this test; cups-pdf names the file after it.  Removed afterwards."""
    name = f"pw-test-{uuid.uuid4().hex[:12]}"
    yield name
    folder = cups_pdf_folder()
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{name}*"):
            leftover.unlink()


def jobs_waiting(queue: str) -> bool:
    listed = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def is_whole_pdf(path: Path) -> bool:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True).returncode == 0


def wait_for_pdf(queue: str, folder: Path, name: str, since: float) -> Path:
    """The PDF cups-pdf wrote for job ``name`` after ``since``, once the queue is done with it.

    cupsd and cups-pdf are separate processes, so this polls the folder, up to WAIT_SECONDS.
    """
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            new = [p for p in folder.glob(f"{name}*.pdf") if p.stat().st_mtime >= since]
            if len(new) == 1 and not jobs_waiting(queue) and is_whole_pdf(new[0]):
                return new[0]
        time.sleep(POLL_SECONDS)
    state = subprocess.run(["lpstat", "-l", "-o", queue], capture_output=True, text=True).stdout
    pytest.fail(f"no PDF named {name}* appeared in {folder} within {WAIT_SECONDS:.0f} s; jobs:\n{state}")


def letters(text: str) -> str:
    """ASCII letters and digits only, without "ff", "fi" and "fl" (often printed as one glyph)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[^A-Za-z0-9]", "", re.sub("ffi|ffl|ff|fi|fl", "", text))


def test_checklist_prints_through_cups(qtbot: QtBot, queue: str, doc_name: str) -> None:
    guide = load_default_guide()
    walkthrough = Walkthrough(guide, new_progress(guide, dt.datetime.now(dt.UTC)), lambda _: None)
    for step_id, (status, _) in DECISIONS.items():
        walkthrough.set_status(step_id, status, SKIP_REASON)
    options = ChecklistOptions(generated_at=dt.datetime.now().astimezone(), app_version=__version__)
    html = render_html(guide, walkthrough.progress, options)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)
    printer.setDocName(doc_name)
    assert printer.isValid()
    assert printer.outputFormat() is QPrinter.OutputFormat.NativeFormat
    assert printer.printerName() == queue
    since = time.time() - 1  # file times may be coarser than the clock

    pages = print_checklist(checklist_document(html), printer)

    pdf = wait_for_pdf(queue, cups_pdf_folder(), doc_name, since)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    steps_part = letters(text).split(letters("Still open"))[0]  # the summaries repeat the titles
    expected = [
        letters(f"{number}. {step.title} {DECISIONS.get(step.id, (None, 'Not yet'))[1]}")
        for number, step in enumerate(guide.steps, start=1)
    ]
    assert [line for line in expected if line not in steps_part] == []
    assert letters(f"Page 1 of {pages}") in letters(text)
