"""The "where to tap" sketches' own text grows with the person's text size, stays inside the
picture, and the picture stands where the text starts (issue 13, item 12's relative)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.sketch import LABEL_SIZE
from privacy_walkthrough.qt.language import apply_language
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.sketch_picture import SketchPicture
from privacy_walkthrough.translations import use_language
from tests.gui.conftest import WindowFactory

SVG = "{http://www.w3.org/2000/svg}"


def outside(picture: SketchPicture) -> list[str]:
    """The texts of the sketch as drawn now that run past its edges, measured in its own font."""
    svg = picture.svg(picture.units())
    root = ET.fromstring(svg)
    width = float(root.get("width", "0"))
    problems = []
    for text in root.iter(f"{SVG}text"):
        content = text.text or ""
        size = float(text.get("font-size", "0"))
        drawn = picture.measure(content, size, text.get("font-weight") == "bold")
        x = float(text.get("x", "0"))
        left = {"start": x, "middle": x - drawn / 2, "end": x - drawn}[text.get("text-anchor", "start")]
        if left < 0 or left + drawn > width:
            problems.append(f"{content!r}: {left:.0f}..{left + drawn:.0f} in {width:.0f}")
    return problems


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sketches_text_is_as_large_as_the_text_and_stays_inside(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original_font, original_sheet = QFont(app.font()), app.styleSheet()
    if language == "ar":
        use_language("ar")
        apply_language(app)
    apply_look(app, "light")
    drawn_px: dict[float, float] = {}
    try:
        for scale in (1.0, 2.0):
            font = QFont(original_font)
            font.setPointSizeF(original_font.pointSizeF() * scale)
            app.setFont(font)
            window = make_window()
            window.resize(800, 600)
            qtbot.waitUntil(lambda w=window: (w.width(), w.height()) == (800, 600))
            window.go_to_page(window.walkthrough.page_index_of_step("contact-key-verification"))
            for _ in range(5):
                QApplication.processEvents()
            page = window.step_page
            pictures = [p for p in page.findChildren(SketchPicture) if p.isVisibleTo(page)]
            assert len(pictures) >= 2  # an iPhone's and a Mac's
            body = QFontInfo(page.font()).pixelSize()
            for picture in pictures:
                placed = picture.placed()
                assert placed.left() >= 0 and placed.right() <= picture.width() + 0.5  # fits the page
                if language == "ar":  # right to left, the picture stands at the right
                    assert placed.right() == pytest.approx(picture.width(), abs=1)
                names = LABEL_SIZE * placed.width() / picture.units()  # its names' size on screen
                assert names == pytest.approx(body, rel=0.05), (scale, names, body)
                assert not outside(picture), (scale, outside(picture))
            drawn_px[scale] = names
            window.close()
    finally:
        app.setFont(original_font)
        app.setStyleSheet(original_sheet)
    assert drawn_px[2.0] >= 1.8 * drawn_px[1.0]
