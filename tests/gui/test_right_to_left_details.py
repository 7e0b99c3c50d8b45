"""Details of the window under Arabic that a right-to-left reader sees: menu paths whose arrows
point left, headings that start with "iPhone" still right-aligned, paths and dates kept whole,
section arrows pointing the way the heading reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.i18n import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE, RIGHT_TO_LEFT_MARK
from privacy_walkthrough.qt.collapsible import CollapsibleSection
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.test_language import open_window


def arabic_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> WalkthroughWindow:
    return open_window(["--lang", "ar", "--data-dir", str(tmp_path / "data")], monkeypatch, qtbot)


def labels(window: WalkthroughWindow, name: str) -> list[str]:
    page = window.step_page
    return [label.text() for label in page.content_box.findChildren(QLabel) if label.objectName() == name]


def open_step(window: WalkthroughWindow, step_id: str) -> None:
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))


def test_menu_paths_point_left_and_platform_headings_read_right_to_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    window = arabic_window(tmp_path, monkeypatch, qtbot)
    open_step(window, "read-receipts-and-unknown-senders")
    paths = labels(window, "pathLabel")
    assert paths and all(" ◂ " in path and "›" not in path and " > " not in path for path in paths)
    assert paths[0].startswith("الإعدادات ◂ الرسائل ◂ ")
    open_step(window, "lock-messages-app")
    headings = labels(window, "heading3")
    # "iPhone/iPad (iOS 18 …)": Qt would take it for a left-to-right paragraph and left-align it
    assert any(h.startswith(RIGHT_TO_LEFT_MARK + "iPhone/iPad") for h in headings)
    assert not any(h[0].isascii() and h[0].isalpha() for h in headings)


def test_the_data_folder_and_dates_are_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    window = arabic_window(tmp_path, monkeypatch, qtbot)
    promise = window.welcome_page.promise_label.text()
    start = promise.index(LEFT_TO_RIGHT_ISOLATE)
    folder = promise[start + 1 : promise.index(POP_DIRECTIONAL_ISOLATE, start)]
    assert folder.replace("\u200b", "").startswith(str(tmp_path / "data"))
    open_step(window, "icloud-backup")
    meta = window.step_page.meta_label.text()
    reviewed = window.walkthrough.guide.step("icloud-backup").reviewed.isoformat()
    assert f"{LEFT_TO_RIGHT_ISOLATE}{reviewed}{POP_DIRECTIONAL_ISOLATE}" in meta


def test_a_closed_section_arrow_points_the_way_its_heading_reads(qtbot: QtBot) -> None:
    section = CollapsibleSection("لماذا يهم ذلك")
    qtbot.addWidget(section)
    assert section.toggle_button.arrowType() == Qt.ArrowType.RightArrow
    section.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    section.set_open(False)
    assert section.toggle_button.arrowType() == Qt.ArrowType.LeftArrow
    section.set_open(True)
    assert section.toggle_button.arrowType() == Qt.ArrowType.DownArrow


def test_the_summary_counts_its_choices_in_arabic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    window = arabic_window(tmp_path, monkeypatch, qtbot)
    window.on_summary_triggered()
    text = window.summary_page.tally_label.text()
    assert "فقط إذا قرّرت ذلك" in text
    assert "only" not in text
