"""Start-up as the person meets it: one copy per data folder, damaged files explained,
and steps whose advice changed after they were done flagged again."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.progress.lock import InstanceLock
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.run import build_window, run_gui
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs, write_guide


def gui_args(data: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data, pseudo_locale=False, color_scheme="system")


def test_a_second_copy_on_the_same_data_folder_says_so_and_stops(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with InstanceLock(data):
        assert run_gui(gui_args(data), dialogs) == 1
    kind, text = dialogs.asked[-1]
    assert kind == "warn"
    assert "already open" in text


def test_a_damaged_progress_file_is_set_aside_and_explained(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    damaged = paths.progress_file("imessage-privacy")
    damaged.write_bytes(b'{"format": "privacy-walkthrough-progress", "steps": [')
    leftover = damaged.parent / f".{damaged.name}.abc123.tmp"
    leftover.write_text("half a save")
    window = build_window(paths, dialogs)
    assert window is not None
    qtbot.addWidget(window)
    notice = window.session.set_aside_notice
    assert notice is not None and notice.set_aside is not None
    assert notice.set_aside.read_bytes() == b'{"format": "privacy-walkthrough-progress", "steps": ['
    assert not damaged.exists()
    assert not leftover.exists()
    assert window.walkthrough.current.key == "@welcome"


def test_a_step_changed_after_it_was_done_is_flagged(make_window: WindowFactory, tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step", "second-step"])
    window = make_window(load_guide(folder))
    window.on_next_triggered()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    assert "Updated since" not in window.step_page.decision_bar.status_label.text()
    window.close()

    step_file = folder / "steps" / "first-step.toml"
    step_file.write_text(step_file.read_text().replace("Turn it off.", "Turn it off, then restart."))
    again = make_window(load_guide(folder))
    assert again.walkthrough.current.key == "first-step"
    assert "Updated since you did this" in again.step_page.decision_bar.status_label.text()
    assert (
        "updated since you did this"
        in again.step_list.item(again.walkthrough.page_index_of_step("first-step")).text()
    )
    saved = json.loads((tmp_path / "data" / "progress" / "test-guide.json").read_text())
    assert saved["steps"]["first-step"]["status"] == "done"
    again.step_page.decision_bar.done_button.click()
    assert "Updated since" not in again.step_page.decision_bar.status_label.text()
