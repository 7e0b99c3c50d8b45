"""A FIFO, a device or a folder where the app expects a file: refused at once, never read.

A FIFO with no writer blocks an ordinary ``open()`` for ever, so each test runs under a
hang guard: an alarm that turns a hang into a failure instead of a stuck test run.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.content.loader import ContentError, load_guide
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.store import ProgressError, ProgressStore
from privacy_walkthrough.core.progress.transfer import read_portable_progress
from privacy_walkthrough.core.regular_files import NotRegularFileError, read_regular
from privacy_walkthrough.guides import discover_guides, load_default_guide
from privacy_walkthrough.paths import AppPaths
from tests.helpers import write_guide

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are a POSIX thing")

HANG_GUARD_SECONDS = 10  # not a speed limit: a hang turns into a failure instead of a stuck run


class HungError(Exception):
    pass


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise HungError("the app blocked on a special file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_read_regular_refuses_a_fifo_a_device_and_a_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(NotRegularFileError):
            read_regular(path, 1000)
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFileError):
        read_regular(link, 1000)


def test_a_fifo_as_the_progress_file_is_set_aside(data_dir: Path) -> None:
    store = ProgressStore(data_dir / "progress" / "imessage-privacy.json")
    store.path.parent.mkdir(parents=True)
    os.mkfifo(store.path)
    result = store.load()
    assert result.progress is None
    assert result.set_aside is not None
    assert "ordinary file" in (result.problem or "")
    assert not store.path.exists()


def test_a_fifo_as_the_list_of_profiles_is_set_aside(data_dir: Path) -> None:
    data_dir.mkdir()
    os.mkfifo(data_dir / "profiles.json")
    registry = ProfileRegistry(data_dir)
    assert registry.set_aside_notice is not None
    assert [p.id for p in registry.profiles()] == ["default"]


def test_a_fifo_to_import_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "progress.json"
    os.mkfifo(fifo)
    with pytest.raises(ProgressError, match="ordinary file"):
        read_portable_progress(fifo, load_default_guide())


def test_export_with_a_fifo_as_progress_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    os.mkfifo(paths.progress_file("imessage-privacy"))
    status = main(
        ["export", "--format", "md", "--output", str(tmp_path / "out.md"), "--data-dir", str(paths.data)]
    )
    assert status == 1
    assert "ordinary file" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_guide_file_that_is_not_a_file_is_a_problem_not_a_hang(tmp_path: Path, kind: str) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step", "second-step"])
    step = folder / "steps" / "second-step.toml"
    step.unlink()
    if kind == "fifo":
        os.mkfifo(step)
    else:
        step.symlink_to("/dev/zero")
    with pytest.raises(ContentError, match="ordinary file"):
        load_guide(folder)
    good = write_guide(tmp_path / "good", ["first-step"], guide_id="good-guide")
    entries = discover_guides([(folder, "test"), (good, "test")])
    assert [e.guide is not None for e in entries] == [False, True]
