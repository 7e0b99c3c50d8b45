"""Progress saved for another guide: the person is told the guides' titles, not their ids
(issue #13 item 16), through the real start, the window's File > Import and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.real_start import run_start
from tests.helpers import ScriptedDialogs, write_guide

OTHER_ID = "signal-privacy"
OTHER_TITLE = "Keep your Signal chats private"
SHIPPED_TITLE = load_default_guide().info.title


def data_folder(tmp_path: Path, *, installed: bool) -> AppPaths:
    """A data folder; ``installed``: with a second guide (OTHER_ID) in its guides folder."""
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    if installed:
        folder = write_guide(paths.guides / OTHER_ID / "en", ["first-step"], guide_id=OTHER_ID)
        info = folder / "guide.toml"
        info.write_text(info.read_text().replace('"Test guide"', f'"{OTHER_TITLE}"'))
    return paths


def other_guides_progress(path: Path) -> Path:
    """A valid progress file whose guide id is OTHER_ID."""
    data = {
        "format": "privacy-walkthrough-progress",
        "schema_version": 3,
        "guide_id": OTHER_ID,
        "guide_version": "1.0",
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def warnings(dialogs: ScriptedDialogs) -> str:
    return "\n".join(text for kind, text in dialogs.asked if kind == "warn")


@pytest.mark.parametrize("installed", [True, False])
def test_the_start_names_the_guides_by_title(
    tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, installed: bool
) -> None:
    paths = data_folder(tmp_path, installed=installed)
    other_guides_progress(paths.progress_file("imessage-privacy"))
    if installed:
        dialogs.guide_choices = [0]  # two guides: the shipped one is chosen
    status, opened = run_start(paths.data, dialogs, monkeypatch)
    assert status == 0 and opened
    text = warnings(dialogs)
    assert f"not for “{SHIPPED_TITLE}”" in text
    assert "“imessage-privacy”" not in text
    if installed:
        assert f"another guide, “{OTHER_TITLE}”," in text
        assert OTHER_ID not in text.replace(str(paths.data), "")
    else:
        assert f"one that is not installed here (its id is “{OTHER_ID}”)" in text


@pytest.mark.parametrize("installed", [True, False])
def test_an_import_through_the_window_names_the_guides_by_title(
    tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, installed: bool
) -> None:
    paths = data_folder(tmp_path, installed=installed)
    if installed:
        dialogs.guide_choices = [0]
    dialogs.open_paths.append(other_guides_progress(tmp_path / "from-elsewhere.json"))

    def import_it(window: WalkthroughWindow) -> None:
        window.window_actions.import_progress.trigger()

    status, opened = run_start(paths.data, dialogs, monkeypatch, on_open=import_it)
    assert status == 0 and opened
    text = warnings(dialogs)
    assert text.startswith("Nothing was imported\nThe file from-elsewhere.json holds progress for another")
    assert f"not for “{SHIPPED_TITLE}”. Your progress has not changed." in text
    if installed:
        assert f"another guide, “{OTHER_TITLE}”," in text and OTHER_ID not in text
    else:
        assert f"one that is not installed here (its id is “{OTHER_ID}”)" in text


@pytest.mark.parametrize("installed", [True, False])
def test_the_command_line_names_the_guides_by_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], installed: bool
) -> None:
    from privacy_walkthrough.app import main

    paths = data_folder(tmp_path, installed=installed)
    imported = other_guides_progress(tmp_path / "from-elsewhere.json")
    assert main(["import", str(imported), "--yes", "--data-dir", str(paths.data)]) == 1
    other_guides_progress(paths.progress_file("imessage-privacy"))
    out = tmp_path / "out.md"
    assert main(["export", "--format", "md", "--output", str(out), "--data-dir", str(paths.data)]) == 1
    errors = capsys.readouterr().err
    assert errors.count(f"not for “{SHIPPED_TITLE}”") == 2
    if installed:
        assert errors.count(f"another guide, “{OTHER_TITLE}”,") == 2
    else:
        assert errors.count(f"its id is “{OTHER_ID}”") == 2
