"""More than one guide: the person chooses, broken guides are listed with their problems,
progress is kept per guide, and the welcome page warns when the guide may be out of date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.progress.models import Device
from privacy_walkthrough.core.walkthrough.freshness import freshness_warnings
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.run import build_window
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs, open_ids, write_guide


def content_with_two_guides(root: Path) -> Path:
    write_guide(root / "test-guide" / "en", ["first-step", "second-step"])
    broken = write_guide(root / "broken-guide" / "en", ["only-step"], guide_id="broken-guide")
    (broken / "steps" / "only-step.toml").write_text('id = "only-step"\ncolour = "red"\n')
    return root


def test_a_second_guide_can_be_chosen_and_walked_through_with_its_own_progress(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    content = content_with_two_guides(tmp_path / "content")
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    dialogs.guide_choices = [None]
    assert build_window(paths, dialogs, content) is None  # cancelled: nothing opens

    dialogs.guide_choices = [2]
    window = build_window(paths, dialogs, content)
    assert window is not None
    qtbot.addWidget(window)
    offered = dialogs.offered_guides[-1]
    assert [e.guide.info.id if e.guide else None for e in offered] == ["imessage-privacy", None, "test-guide"]
    broken = offered[1]
    assert broken.error is not None
    assert any(p.file == "steps/only-step.toml" for p in broken.error.problems)
    assert window.walkthrough.guide.info.id == "test-guide"
    window.go_to_page(window.walkthrough.page_index_of_step("first-step"))
    window.step_page.decision_bar.done_button.click()
    window.on_next_triggered()
    window.step_page.decision_bar.done_button.click()
    window.on_next_triggered()
    assert not open_ids(window.walkthrough)
    saved = json.loads((paths.data / "progress" / "test-guide.json").read_text())
    assert saved["steps"]["second-step"]["status"] == "done"
    assert not (paths.data / "progress" / "imessage-privacy.json").exists()


def test_with_only_the_shipped_guide_nothing_is_asked(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    window = build_window(paths, dialogs)
    assert window is not None
    qtbot.addWidget(window)
    assert dialogs.offered_guides == []
    assert window.walkthrough.guide.info.id == "imessage-privacy"


def test_guides_in_the_persons_own_folder_are_offered(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    write_guide(paths.guides / "test-guide" / "en", ["first-step"])
    dialogs.guide_choices = [1]
    window = build_window(paths, dialogs)
    assert window is not None
    qtbot.addWidget(window)
    assert window.walkthrough.guide.info.id == "test-guide"


def test_the_welcome_page_warns_about_a_newer_system_than_the_guide_knows(make_window: WindowFactory) -> None:
    window = make_window()
    assert not window.welcome_page.freshness_label.isVisibleTo(window)
    window.walkthrough.set_devices(
        [Device(id="d1", kind=DeviceKind.IPHONE, name="My phone", os_version="27.0")]
    )
    window.go_to_page(1)
    window.go_to_page(0)
    assert window.welcome_page.freshness_label.isVisibleTo(window)
    assert "My phone runs iOS 27.0" in window.welcome_page.freshness_label.text()


def test_freshness_warnings_for_an_old_review_and_for_new_systems() -> None:
    info = load_default_guide().info
    assert freshness_warnings(info, [], info.reviewed + dt.timedelta(days=180)) == []
    old = freshness_warnings(info, [], info.reviewed + dt.timedelta(days=181))
    assert len(old) == 1 and "181 days ago" in old[0]
    mac = Device(id="d1", kind=DeviceKind.MAC, os_version="27")
    phone = Device(id="d2", kind=DeviceKind.IPHONE, os_version="26.5")
    unknown = Device(id="d3", kind=DeviceKind.IPAD)
    warnings = freshness_warnings(info, [mac, phone, unknown], info.reviewed)
    assert len(warnings) == 1 and "macOS 27" in warnings[0]
