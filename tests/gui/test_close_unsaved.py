"""Closing while saves fail (a full disk) asks first, and offers to export the progress elsewhere."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def disk_full(self: ProgressStore, progress: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def window_with_an_unsaved_change(
    make_window: WindowFactory, guide: Guide, monkeypatch: pytest.MonkeyPatch
) -> WalkthroughWindow:
    window = make_window(guide)
    monkeypatch.setattr(ProgressStore, "save", disk_full)
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    assert window.session.save_error is not None
    return window


def test_closing_with_an_unsaved_change_asks_and_can_stay_open(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_an_unsaved_change(make_window, small_guide, monkeypatch)
    dialogs.choice_answers = [None]
    assert not window.close()
    assert window.isVisible()
    kind, text = dialogs.asked[-1]
    assert kind == "ask_choice"
    assert "No space left on device" in text and "Export progress" in text
    monkeypatch.undo()  # the disk has room again: the change is saved on the way out
    assert window.close()
    assert window.session.save_error is None


def test_closing_with_an_unsaved_change_can_export_it_elsewhere_first(
    make_window: WindowFactory,
    small_guide: Guide,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = window_with_an_unsaved_change(make_window, small_guide, monkeypatch)
    elsewhere = tmp_path / "usb-stick" / "progress.json"
    elsewhere.parent.mkdir()
    dialogs.choice_answers = [0]
    dialogs.save_paths = [elsewhere]
    assert window.close()
    exported = json.loads(elsewhere.read_text(encoding="utf-8"))
    assert exported["steps"]["first-step"]["status"] == "done"  # the change that was not saved


def test_closing_without_saving_is_a_choice_and_quick_exit_never_asks(
    make_window: WindowFactory, small_guide: Guide, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_an_unsaved_change(make_window, small_guide, monkeypatch)
    dialogs.choice_answers = [1]
    assert window.close()
    again = window_with_an_unsaved_change(make_window, small_guide, monkeypatch)
    asked = len(dialogs.asked)
    again.quick_exit()
    assert not again.isVisible()
    assert len(dialogs.asked) == asked
