"""Importing progress: cut to the guide, sized as it will be saved, and a damaged file in the
way explained with what to do next. Leftover temp files go at every open, commands included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.progress import transfer
from privacy_walkthrough.core.progress.store import MAX_PROGRESS_BYTES, ProgressError, ProgressStore
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths

GUIDE_ID = "imessage-privacy"


def exported_file(tmp_path: Path, extra_steps: int = 0) -> Path:
    """A portable progress file for the shipped guide, with ``extra_steps`` unknown steps."""
    guide = load_default_guide()
    data = json.loads(to_json(new_progress(guide, dt.datetime(2026, 5, 6, tzinfo=dt.UTC))))
    data["steps"] = {guide.steps[0].id: {"status": "done", "note": "kept"}}
    data["steps"].update({f"gone-{n}": {"status": "later"} for n in range(extra_steps)})
    path = tmp_path / "exported.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return path


DAMAGED = b'{"format": "privacy-walkthrough-progress", "steps": ['


def damaged_progress(tmp_path: Path) -> tuple[AppPaths, Path]:
    """A data folder whose progress file is cut short, and that file."""
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    damaged = paths.progress_file(GUIDE_ID)
    damaged.write_bytes(DAMAGED)
    return paths, damaged


def test_an_import_of_140000_unknown_steps_keeps_only_the_guides_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = exported_file(tmp_path, extra_steps=140_000)
    assert 4_000_000 < source.stat().st_size < MAX_PROGRESS_BYTES
    data = tmp_path / "data"
    assert main(["import", str(source), "--data-dir", str(data)]) == 0
    assert "140000 entries for steps this guide does not have were left out" in capsys.readouterr().out
    saved = ProgressStore(AppPaths.resolve(data).progress_file(GUIDE_ID))
    progress = saved.read()  # what was written is read back: never set aside at the next start
    assert list(progress.steps) == [load_default_guide().steps[0].id]
    assert progress.steps[load_default_guide().steps[0].id].note == "kept"


def test_an_import_that_would_save_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = exported_file(tmp_path)
    monkeypatch.setattr(transfer, "MAX_PROGRESS_BYTES", 200)
    with pytest.raises(ProgressError, match="more than the app reads back"):
        transfer.read_portable_progress(source, load_default_guide())


def test_import_over_damaged_progress_says_what_to_do_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = exported_file(tmp_path)
    paths, damaged = damaged_progress(tmp_path)
    assert main(["import", str(source), "--data-dir", str(paths.data)]) == 1
    err = capsys.readouterr().err
    assert "--yes" in err and "kept" in err
    assert damaged.read_bytes().endswith(b"[")  # nothing changed


def test_import_yes_over_damaged_progress_keeps_it_aside_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = exported_file(tmp_path)
    paths, damaged = damaged_progress(tmp_path)
    assert main(["import", str(source), "--yes", "--data-dir", str(paths.data)]) == 0
    out = capsys.readouterr().out
    aside = [p for p in paths.progress_folder.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes() == DAMAGED
    assert str(aside[0]) in out
    assert ProgressStore(damaged).read().guide_id == GUIDE_ID


@pytest.mark.parametrize("command", ["export", "import"])
def test_leftover_temp_files_are_swept_by_the_command_line(tmp_path: Path, command: str) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    progress_file = paths.progress_file(GUIDE_ID)
    progress_file.write_bytes(to_json(new_progress(load_default_guide(), dt.datetime.now(dt.UTC))))
    leftover = progress_file.parent / f".{progress_file.name}.k1ll3d.tmp"
    leftover.write_text("a full copy of the progress, notes included")
    if command == "export":
        argv = ["export", "--format", "md", "--output", str(tmp_path / "out.md")]
    else:
        argv = ["import", str(exported_file(tmp_path)), "--yes"]
    assert main([*argv, "--data-dir", str(paths.data)]) == 0
    assert not leftover.exists()
