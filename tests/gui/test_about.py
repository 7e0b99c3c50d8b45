"""Help > About on the real window, and the dialog's copyable address of newer versions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from privacy_walkthrough import __version__
from privacy_walkthrough.core.about import AboutText, about_text, releases_url
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.qt.about_dialog import AboutDialog
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs

URL = "https://example.org/privacy-walkthrough/releases"


def test_help_about_shows_the_version_and_the_shipped_guides_review_date(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = make_window()
    guide = load_default_guide().info

    window.window_actions.about.trigger()

    [about] = dialogs.shown_about
    assert isinstance(about, AboutText)
    assert about.heading == f"Privacy Walkthrough {__version__}"
    assert any(f"last reviewed on {guide.reviewed.isoformat()}" in p for p in about.paragraphs)
    assert any("never connects to the internet" in p for p in about.paragraphs)
    assert about.releases_url == releases_url()


def test_the_address_of_newer_versions_can_be_copied_but_not_edited(qtbot: QtBot) -> None:
    dialog = AboutDialog(about_text("1.2.3", "Guide", "1", dt.date(2026, 11, 28), URL))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QGuiApplication.clipboard().setText("something else")

    assert dialog.address is not None and dialog.copy_button is not None
    assert dialog.address.isReadOnly()
    assert dialog.address.text() == URL
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)

    assert QGuiApplication.clipboard().text() == URL
    assert dialog.address.selectedText() == URL
    shown = [label.text() for label in dialog.paragraphs]
    assert any("never connects to the internet" in text for text in shown)
    assert any("2026-11-28" in text for text in shown)


def test_without_a_releases_page_there_is_no_address_to_copy(qtbot: QtBot) -> None:
    dialog = AboutDialog(about_text("1.2.3", "Guide", "1", dt.date(2026, 11, 28), None))
    qtbot.addWidget(dialog)

    assert dialog.address is None
    assert dialog.copy_button is None
    assert "look where you got this one" in dialog.paragraphs[-1].text()


def test_close_closes_the_about_dialog(qtbot: QtBot) -> None:
    dialog = AboutDialog(about_text("1.2.3", "Guide", "1", dt.date(2026, 11, 28), URL))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert dialog.result() == AboutDialog.DialogCode.Rejected
