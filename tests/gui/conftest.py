"""Fixtures that build the real window on real files in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.helpers import ScriptedDialogs, write_guide

WindowFactory = Callable[..., WalkthroughWindow]
WalkthroughFactory = Callable[..., Walkthrough]


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def small_guide(tmp_path: Path) -> Guide:
    folder = write_guide(
        tmp_path / "guide",
        ["first-step", "second-step", "third-step", "read-only"],
        kinds={"read-only": "advice"},
        not_completable=("read-only",),
    )
    return load_guide(folder)


@pytest.fixture
def make_walkthrough(tmp_path: Path) -> WalkthroughFactory:
    """A walkthrough of ``guide`` (the shipped one by default) saving to a file in tmp_path:
    for tests about one widget, which build only that widget."""

    def make(guide: Guide | None = None) -> Walkthrough:
        guide = guide or load_default_guide()
        return Session(guide, ProgressStore(tmp_path / "progress.json")).walkthrough

    return make


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs) -> WindowFactory:
    """Open a window on ``guide`` (the shipped one by default) with progress in tmp_path."""

    def make(guide: Guide | None = None, folder: Path | None = None) -> WalkthroughWindow:
        guide = guide or load_default_guide()
        paths = AppPaths.resolve(folder or tmp_path / "data")
        profiles = ProfileRegistry(paths.data)
        store = ProgressStore(profiles.progress_file(profiles.last_used(), guide.info.id))
        window = WalkthroughWindow(Session(guide, store), dialogs, paths, profiles)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
