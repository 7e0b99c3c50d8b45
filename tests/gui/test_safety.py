"""Erase my data, unexpected errors, and the promise that nothing talks to the network."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.logging_setup import configure_logging
from privacy_walkthrough.qt.crash_handler import CrashHandler
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def test_erase_my_data_asks_first_then_deletes_only_the_apps_files(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    configure_logging(data / "logs")
    window = make_window(small_guide)
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    window.session.store.back_up()
    unrelated = data / "my-own-notes.txt"
    unrelated.write_text("not the app's")

    dialogs.confirm_answers = [False]
    window.window_actions.erase_data.trigger()
    assert window.session.store.path.exists()

    dialogs.confirm_answers = [True]
    window.window_actions.erase_data.trigger()
    assert not window.session.store.path.exists()
    assert not list((data).rglob("*.json"))
    assert not (data / "logs").exists()
    assert unrelated.read_text() == "not the app's"
    kind, text = dialogs.asked[-1]
    assert kind == "inform"
    assert "test-guide.json" in text and "backup" in text and "privacy-walkthrough.log" in text
    assert window.walkthrough.status("first-step") is StepStatus.NOT_STARTED
    assert window.walkthrough.current.key == "@welcome"


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_without_user_text_and_explained(
    qtbot: QtBot, make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    log_file = configure_logging(tmp_path / "logs")
    window = make_window(small_guide)
    handler = CrashHandler(dialogs, lambda: window, log_file)
    previous = sys.excepthook
    handler.install()
    try:
        window.on_next_triggered()
        window.step_page.note_edit.setPlainText("my secret note")
        window.step_page.flush_note()

        def broken() -> None:
            raise ValueError("contains my secret note")

        window.step_page.decision_bar.later_button.clicked.connect(broken)
        window.step_page.decision_bar.later_button.click()
    finally:
        sys.excepthook = previous
    kind, text = dialogs.asked[-1]
    assert kind == "warn"
    assert "progress is saved" in text
    assert str(log_file) in text
    logged = log_file.read_text()
    assert "Unexpected ValueError" in logged
    assert "test_safety.py" in logged
    assert "secret" not in logged


def test_the_whole_walkthrough_and_every_export_open_no_connection(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[str] = []

    def refuse(name: str):
        def fail(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            raise AssertionError(f"network use: {name}")

        return fail

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))

    window = make_window()
    dialogs.confirm_answers = [True]
    window.on_next_triggered()  # the set-up page, left as it is
    for _step in window.walkthrough.guide.steps:
        window.on_next_triggered()
        window.step_page.note_edit.setPlainText('<img src="http://example.com/x.png"> note')
        window.step_page.decision_bar.done_button.click()
    window.on_next_triggered()
    window.window_actions.include_notes.setChecked(True)
    dialogs.save_paths = [tmp_path / "c.pdf", tmp_path / "p.json"]
    window.window_actions.save_pdf.trigger()
    window.window_actions.export_progress.trigger()
    assert (tmp_path / "c.pdf").stat().st_size > 0
    assert (tmp_path / "p.json").stat().st_size > 0
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
