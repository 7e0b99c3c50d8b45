"""Paper never takes the screen's colours: the checklist prints the same in the dark scheme.

Each test prints from the real window in the dark scheme (the app's own ``apply_look``),
renders the PDF with poppler's ``pdftoppm`` and looks at the pixels.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory
from tests.gui.test_printing import pdf_info, pdf_printer
from tests.helpers import ScriptedDialogs

DARK_INK = 100  # a pixel darker than this (0 black … 255 white) is ink


def page_pixels(pdf: Path, page: int = 1, dpi: int = 60) -> tuple[int, int, bytes]:
    """Width, height and the grey pixels of one page, as pdftoppm renders it."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    magic, size, _depth, pixels = pgm.split(b"\n", 3)
    assert magic == b"P5"
    width, height = (int(n) for n in size.split())
    return width, height, pixels


def dark_pixels_in_title(pdf: Path) -> int:
    """Dark pixels in the top fifth of page 1: the title and the header lines, no borders."""
    width, height, pixels = page_pixels(pdf)
    return sum(1 for value in pixels[: width * (height // 5)] if value < DARK_INK)


@pytest.fixture
def scheme() -> Iterator[Callable[[str], None]]:
    """Switch the running app to the light or dark scheme, as ``--color-scheme`` does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, style_sheet, style = QApplication.palette(), app.styleSheet(), app.style().name()

    def switch(name: str) -> None:
        apply_look(app, name)
        text = QApplication.palette().color(QPalette.ColorRole.WindowText)
        assert (text.lightness() > 160) == (name == "dark"), "the scheme did not switch"

    yield switch
    from PySide6.QtCore import Qt

    app.styleHints().setColorScheme(Qt.ColorScheme.Unknown)
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(style_sheet)


def save_pdf(window: WalkthroughWindow, dialogs: ScriptedDialogs, target: Path) -> None:
    dialogs.save_paths = [target]
    window.window_actions.save_pdf.trigger()


def print_to_pdf(window: WalkthroughWindow, dialogs: ScriptedDialogs, target: Path) -> None:
    dialogs.answer_print_dialogs(pdf_printer(target))
    window.window_actions.print.trigger()


def preview_to_pdf(window: WalkthroughWindow, dialogs: ScriptedDialogs, target: Path) -> None:
    dialogs.answer_print_dialogs(pdf_printer(target))
    window.window_actions.preview.trigger()


WAYS = {"save-as-pdf": save_pdf, "print": print_to_pdf, "preview": preview_to_pdf}


@pytest.mark.parametrize("way", WAYS)
def test_checklist_printed_in_the_dark_scheme_is_dark_ink_on_white_like_in_the_light_one(
    make_window: WindowFactory,
    dialogs: ScriptedDialogs,
    scheme: Callable[[str], None],
    tmp_path: Path,
    way: str,
) -> None:
    window = make_window()
    window.walkthrough.set_status("what-imessage-protects", StepStatus.DONE)
    printed: dict[str, Path] = {}
    for name in ("light", "dark"):
        scheme(name)
        printed[name] = tmp_path / f"{name}.pdf"
        WAYS[way](window, dialogs, printed[name])

    assert dark_pixels_in_title(printed["dark"]) > 1000  # the title is dark ink, not near-white
    pages = int(pdf_info(printed["dark"])["Pages"])
    for page in (1, pages):  # the first page and the last (sources, links) are the same as in light
        assert page_pixels(printed["dark"], page) == page_pixels(printed["light"], page)
