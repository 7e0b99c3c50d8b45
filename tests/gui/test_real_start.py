"""The real start (run_gui: paths, lock, guide discovery, the window) on bad data folders and
bad files, and a real small file system that is full or read-only (a tmpfs, mounted when the
tests run as root, as in CI)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from privacy_walkthrough.app import main
from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import APP_NAME, AppPaths
from tests.gui.real_start import run_start
from tests.helpers import ScriptedDialogs, write_guide

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folders, FIFOs and mounts")
GUIDE_ID = "imessage-privacy"


def start(
    data: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, *, opens: bool = True
) -> tuple[int, list[Path]]:
    """run_gui as the app runs it; the window, once open, is closed. The status and the progress
    file the window had open (none when it did not open)."""
    status, windows = run_start(data, dialogs, monkeypatch, opens=opens)
    return status, [window.session.store.path for window in windows]


def warnings(dialogs: ScriptedDialogs) -> str:
    return "\n".join(text for kind, text in dialogs.asked if kind == "warn")


# -- item 7: every start-up failure is a message, in the window and on the command line -------


@pytest.mark.parametrize("name", ["progress", "logs"])
def test_a_file_where_a_folder_should_be_is_explained_at_start(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / name).write_text("a file")
    status, opened = start(data, dialogs, monkeypatch, opens=False)
    assert status == 1 and not opened
    assert "is a file, not a folder" in warnings(dialogs)
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_data_folder_of_another_user_is_explained_at_start(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.chown(data, 65534, 65534)
    status, opened = start(data, dialogs, monkeypatch, opens=False)
    assert status == 1 and not opened
    assert "belongs to another user" in warnings(dialogs)


# -- item 2: a shared folder keeps its mode; the app keeps to a private subfolder -----------


def test_the_real_start_never_chmods_a_shared_data_dir(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    status, opened = start(shared, dialogs, monkeypatch)
    assert status == 0 and opened
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / APP_NAME).stat().st_mode) == 0o700
    assert opened[0] == shared / APP_NAME / "progress" / f"{GUIDE_ID}.json"


# -- item 5: FIFOs in the data folder never freeze the start ---------------------------------


@pytest.mark.parametrize("fifo", ["progress", "profiles"])
def test_a_fifo_in_the_data_folder_is_set_aside_at_start(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, fifo: str
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    os.mkfifo(paths.progress_file(GUIDE_ID) if fifo == "progress" else paths.data / "profiles.json")
    status, opened = start(paths.data, dialogs, monkeypatch)
    assert status == 0 and opened
    assert "could not be read" in warnings(dialogs)


# -- item 6: one bad guide never stops the app from opening the others -----------------------


def test_a_guide_nested_500_deep_is_listed_and_the_shipped_one_opens(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    folder = write_guide(paths.guides / "deep" / "en", ["first-step"], guide_id="deep")
    step = folder / "steps" / "first-step.toml"
    step.write_text("deep = " + "[" * 500 + "]" * 500 + "\n" + step.read_text())
    dialogs.guide_choices = [0]
    status, opened = start(paths.data, dialogs, monkeypatch)
    assert status == 0 and opened
    offered = dialogs.offered_guides[0]
    assert [e.guide is not None for e in offered] == [True, False]  # type: ignore[attr-defined]


# -- a real small file system: full, and read-only -------------------------------------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs mounted at tmp_path/mnt (root only: CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs these as root)")
    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"no tmpfs could be mounted here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Write until the file system is full."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def test_a_full_disk_keeps_the_saved_progress_whole(tmpfs: Path) -> None:
    paths = AppPaths.resolve(tmpfs / "data")
    paths.ensure()
    store = ProgressStore(paths.progress_file(GUIDE_ID))
    guide = load_default_guide()
    first = new_progress(guide, store._now())
    store.save(first)
    before = store.path.read_bytes()
    fill(tmpfs)
    big = first.model_copy(update={"person_name": "x" * 200})
    with pytest.raises(OSError) as caught:
        for _ in range(50):  # the bigger file no longer fits
            store.save(big.model_copy(update={"current_page": "@summary"}))
    assert caught.value.errno == errno.ENOSPC
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == [store.path.name]  # no temp file left


def test_a_read_only_disk_is_explained_at_start_and_by_import(
    qtbot: QtBot,
    tmpfs: Path,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmpfs / "data"
    AppPaths.resolve(data).ensure()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    status, opened = start(data, dialogs, monkeypatch, opens=False)
    assert status == 1 and not opened
    assert "read-only" in warnings(dialogs)
    exported = tmp_path / "exported.json"
    exported.write_bytes(to_json(new_progress(load_default_guide(), ProgressStore(exported)._now())))
    assert main(["import", str(exported), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err
