"""Announcements at the foot of the window: shown whole, however long."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.qt.language import apply_language
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.translations import use_language
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_long_announcement_is_shown_whole_at_800_by_600_with_doubled_text(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, language: str
) -> None:
    """After an export into a deep folder, the sentence with the file's full path is on screen
    whole, on as many lines as it needs, not cut at the window's edge."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original_font = QFont(app.font())
    original_sheet = app.styleSheet()
    doubled = QFont(original_font)
    doubled.setPointSizeF(original_font.pointSizeF() * 2)
    app.setFont(doubled)
    apply_look(app, "light")
    if language != "en":
        use_language(language)
        apply_language(app)
    try:
        window = make_window()
        window.resize(800, 600)
        qtbot.waitUntil(lambda: window.size().width() == 800 and window.size().height() == 600)
        target = tmp_path / "Clinic volunteers" / "Walkthroughs 2026" / "privacy-walkthrough-progress.json"
        target.parent.mkdir(parents=True)
        dialogs.save_paths.append(target)
        window.file_commands.on_export_triggered()
        for _ in range(3):
            QApplication.processEvents()

        text = window.last_announcement
        assert str(target) in text
        shown = [label for label in window.findChildren(QLabel) if label.isVisible() and text in label.text()]
        assert len(shown) == 1
        label = shown[0]
        assert label.fontMetrics().horizontalAdvance(text) > label.width()  # more than one line's worth
        assert label.heightForWidth(label.width()) <= label.height()  # and every line of it shown
        for corner in (label.rect().topLeft(), label.rect().bottomRight()):
            assert window.rect().contains(label.mapTo(window, corner))
    finally:
        app.setFont(original_font)
        app.setStyleSheet(original_sheet)
