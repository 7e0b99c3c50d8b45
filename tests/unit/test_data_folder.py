"""The data folder and the log: made private, never changed when the person chose the folder,
never followed through links, and every way it cannot be used explained, not a traceback."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.logging_setup import LOG_FILE, configure_logging
from privacy_walkthrough.paths import APP_NAME, AppPaths, DataFolderError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and owners")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(autouse=True)
def _keep_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        handler.close()
    root.handlers[:], root.level = handlers, level


# -- item 2: a folder the person points at keeps its mode ----------------------------------


def test_a_shared_folder_keeps_its_mode_and_the_app_keeps_to_a_private_subfolder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    paths = AppPaths.resolve(shared)
    paths.ensure()
    assert mode(shared) == 0o1777
    assert paths.data == shared / APP_NAME
    assert mode(paths.data) == 0o700
    assert mode(paths.progress_folder) == 0o700
    assert mode(paths.logs) == 0o700


@pytest.mark.parametrize("folder_mode", [0o755, 0o2750, 0o711])
def test_a_folder_others_can_enter_is_never_chmodded(tmp_path: Path, folder_mode: int) -> None:
    given = tmp_path / "given"
    given.mkdir()
    os.chmod(given, folder_mode)
    AppPaths.resolve(given).ensure()
    assert mode(given) == folder_mode
    assert sorted(p.name for p in given.iterdir()) == [APP_NAME]


def test_a_private_folder_is_used_as_it_is(tmp_path: Path) -> None:
    given = tmp_path / "given"
    given.mkdir(mode=0o700)
    paths = AppPaths.resolve(given)
    paths.ensure()
    assert paths.data == given
    assert mode(given) == 0o700


def test_a_shared_folder_the_app_already_uses_stays_in_use_unchanged(tmp_path: Path) -> None:
    given = tmp_path / "given"
    (given / "progress").mkdir(parents=True)
    os.chmod(given, 0o755)
    paths = AppPaths.resolve(given)
    paths.ensure()
    assert paths.data == given  # the progress already there is found
    assert mode(given) == 0o755


def test_new_folders_are_private_whatever_the_umask(tmp_path: Path, umask_000: None) -> None:
    paths = AppPaths.resolve(tmp_path / "new" / "data")
    paths.ensure()
    for folder in (paths.data, paths.progress_folder, paths.logs):
        assert mode(folder) == 0o700


# -- item 7: a folder that cannot be used says so ------------------------------------------


@pytest.mark.parametrize("name", ["progress", "logs"])
def test_a_file_where_a_folder_should_be_is_explained(data_dir: Path, name: str) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / name).write_text("not a folder")
    with pytest.raises(DataFolderError, match="is a file, not a folder"):
        AppPaths.resolve(data_dir).ensure()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_folder_of_another_user_is_explained(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    os.chown(data_dir, 65534, 65534)
    with pytest.raises(DataFolderError, match="belongs to another user"):
        AppPaths.resolve(data_dir).ensure()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_folder_that_cannot_be_written_is_explained(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o500)
    try:
        with pytest.raises(DataFolderError, match="cannot be"):
            AppPaths.resolve(data_dir).ensure()
    finally:
        data_dir.chmod(0o700)


@pytest.mark.parametrize("name", ["progress", "logs"])
def test_the_command_line_explains_an_unusable_folder_without_a_traceback(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / name).write_text("not a folder")
    exported = tmp_path / "exported.json"
    exported.write_bytes(to_json(new_progress(load_default_guide(), dt.datetime.now(dt.UTC))))
    status = main(["import", str(exported), "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert status == 1
    assert "is a file, not a folder" in err


# -- item 9: the log ---------------------------------------------------------------------


def test_the_log_is_private_whatever_the_umask(tmp_path: Path, umask_000: None) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    logging.getLogger("privacy_walkthrough.test").info("Started")
    assert mode(path) == 0o600


def test_an_old_readable_log_becomes_private(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir(mode=0o700)
    (logs / LOG_FILE).write_text("old\n")
    os.chmod(logs / LOG_FILE, 0o644)
    configure_logging(logs)
    assert mode(logs / LOG_FILE) == 0o600


def test_a_linked_log_file_is_never_followed(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir(mode=0o700)
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file\n")
    os.chmod(target, 0o644)
    (logs / LOG_FILE).symlink_to(target)
    configure_logging(logs)
    logging.getLogger("privacy_walkthrough.test").warning("Something")
    assert target.read_text() == "someone else's file\n"
    assert mode(target) == 0o644


def test_a_linked_log_folder_is_never_followed_nor_chmodded(tmp_path: Path) -> None:
    target = tmp_path / "dot-ssh"
    target.mkdir()
    os.chmod(target, 0o755)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "logs").symlink_to(target)
    with pytest.raises(DataFolderError, match="link"):
        AppPaths.resolve(data).ensure()
    assert configure_logging(data / "logs") is None
    logging.getLogger("privacy_walkthrough.test").warning("Something")
    assert mode(target) == 0o755
    assert list(target.iterdir()) == []


def test_a_fifo_as_the_log_never_blocks(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir(mode=0o700)
    os.mkfifo(logs / LOG_FILE)
    assert configure_logging(logs) is None  # returns at once: no reader is waited for
