"""Text from files never becomes a live link: every dialog, label and status line shows it as
plain text. A hostile name (an HTML link) goes in as a step id, a profile's name, a device's
name and a guide's title; the real dialogs are built and looked at instead of shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.records import replace, to_json
from privacy_walkthrough.core.progress.models import Device, DeviceKind
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import discover_guides, load_default_guide
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory
from tests.helpers import replace_in, write_guide

HOSTILE = '<a href="https://evil.example/r">Click to restore</a>'


class LookingDialogs(Dialogs):
    """The app's real dialogs, built as the app builds them, handed to the test instead of shown."""

    def __init__(self) -> None:
        self.shown: list[QDialog] = []
        self.open_paths: list[Path] = []
        self.text_answers: list[str] = []

    def run(self, dialog: QDialog) -> int:
        self.shown.append(dialog)
        if isinstance(dialog, QInputDialog) and self.text_answers:
            dialog.setTextValue(self.text_answers.pop(0))
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected  # Cancel

    def open_path(self, parent: QWidget | None, title: str, folder: Path, file_filter: str) -> Path | None:
        return self.open_paths.pop(0)

    def hostile_labels(self) -> list[QLabel]:
        return [
            label
            for dialog in self.shown
            for label in dialog.findChildren(QLabel)
            if "evil.example" in label.text()
        ]


@pytest.fixture
def dialogs() -> LookingDialogs:
    return LookingDialogs()


def assert_plain(labels: list[QLabel]) -> None:
    """Each label shows the text as plain text, or as Markdown in which it is no link."""
    assert labels, "the hostile text was not shown at all"
    for label in labels:
        if label.textFormat() == Qt.TextFormat.PlainText:
            continue
        assert label.textFormat() == Qt.TextFormat.MarkdownText, label.text()
        document = QTextDocument()
        document.setMarkdown(label.text())
        assert "evil.example" in document.toPlainText()
        assert "<a href" not in document.toHtml(), label.text()


def window_labels(window: WalkthroughWindow) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel) if "evil.example" in label.text()]


def test_every_kind_of_message_shows_text_as_plain_text(qtbot: QtBot, dialogs: LookingDialogs) -> None:
    dialogs.confirm(None, HOSTILE, HOSTILE, "OK")
    dialogs.inform(None, HOSTILE, HOSTILE)
    dialogs.warn(None, HOSTILE, HOSTILE)
    dialogs.ask_text(None, HOSTILE, HOSTILE, HOSTILE)
    assert len(dialogs.shown) == 4
    for dialog in dialogs.shown:
        if isinstance(dialog, QMessageBox):
            assert dialog.textFormat() == Qt.TextFormat.PlainText
    assert_plain(dialogs.hostile_labels())
    assert len(dialogs.hostile_labels()) == 4


def test_an_import_whose_step_id_is_a_link_warns_in_plain_text(
    make_window: WindowFactory, dialogs: LookingDialogs, tmp_path: Path
) -> None:
    window = make_window()
    data = json.loads(to_json(new_progress(load_default_guide(), window.walkthrough.progress.created_at)))
    data["steps"] = {HOSTILE: {"status": "done"}}
    source = tmp_path / "import.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    dialogs.open_paths.append(source)
    window.file_commands.on_import_triggered()
    warning = dialogs.shown[-1]
    assert isinstance(warning, QMessageBox)
    assert "Click to restore" in warning.text()
    assert warning.textFormat() == Qt.TextFormat.PlainText
    assert_plain(dialogs.hostile_labels())


def test_a_profile_named_with_a_link_is_plain_in_every_question(
    make_window: WindowFactory, dialogs: LookingDialogs
) -> None:
    window = make_window()
    dialogs.text_answers.append(HOSTILE)
    window.data_commands.new_profile()  # the name is typed, and now shown everywhere
    assert window.data_commands.current_profile.name == HOSTILE
    assert HOSTILE in window.windowTitle()
    window.data_commands.rename_profile()
    window.data_commands.delete_profile()
    window.data_commands.erase_data()
    assert_plain(dialogs.hostile_labels())
    status = window.announcer.label  # the last announcement, at the foot of the window
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert status.text() == "" or HOSTILE in status.text()


def test_a_device_and_a_person_named_with_a_link_are_plain_on_every_page(
    make_window: WindowFactory, dialogs: LookingDialogs
) -> None:
    window = make_window()
    walkthrough = window.walkthrough
    walkthrough.set_devices([Device(id="d1", kind=DeviceKind.IPHONE, name=HOSTILE)])
    walkthrough.set_person_name(HOSTILE[:60])
    window.reload()
    for index in range(len(walkthrough.pages)):
        window.go_to_page(index)
    assert_plain(window_labels(window) + dialogs.hostile_labels())


def test_a_guide_titled_with_a_link_is_plain_in_the_chooser_and_the_window(
    make_window: WindowFactory, dialogs: LookingDialogs, tmp_path: Path
) -> None:
    folder = write_guide(tmp_path / "guides" / "hostile" / "en", ["first-step"], guide_id="hostile")
    replace_in(folder / "guide.toml", 'title = "Test guide"', f"title = '{HOSTILE}'")
    entries = discover_guides([(tmp_path / "guides", "a test")])
    assert entries[0].guide is not None and entries[0].guide.info.title == HOSTILE
    assert dialogs.choose_guide(None, entries) is None  # shown, then cancelled
    window = make_window(entries[0].guide)
    assert_plain(window_labels(window) + dialogs.hostile_labels())


def test_a_device_name_survives_as_plain_text_in_saved_progress(make_window: WindowFactory) -> None:
    window = make_window()
    progress = replace(
        window.walkthrough.progress, devices=[Device(id="d1", kind=DeviceKind.IPHONE, name=HOSTILE)]
    )
    assert progress.devices[0].name == HOSTILE  # kept as typed: shown as text, never as markup
