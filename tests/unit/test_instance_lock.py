"""One writer per data folder, checked with real second processes."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.progress.lock import (
    InstanceLock,
    InstanceLockedError,
    InstanceLockError,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

HOLDER = textwrap.dedent(
    """\
    import subprocess, sys
    from pathlib import Path
    from privacy_walkthrough.core.progress.lock import InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    if len(sys.argv) > 2:  # also start a long-lived child that could inherit the lock
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], close_fds=False)
        print("child", child.pid, flush=True)
    print("locked", flush=True)
    sys.stdin.read()  # hold the lock until stdin closes or we are killed
    """
)


def hold_in_other_process(folder: Path, *extra: str) -> tuple[subprocess.Popen[str], int | None]:
    """Start a process that takes the lock; return it once it says so (and its child's pid)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    child = None
    line = proc.stdout.readline().split()
    if line and line[0] == "child":
        child = int(line[1])
        line = proc.stdout.readline().split()
    assert line == ["locked"], line
    return proc, child


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL


@pytest.fixture
def folder(data_dir: Path) -> Path:
    return data_dir


def test_acquire_and_release(folder: Path) -> None:
    lock = InstanceLock(folder)
    lock.acquire()
    assert lock.held
    assert lock.path == folder / ".lock"
    assert lock.path.read_text().strip() == str(os.getpid())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    lock.acquire()  # a second acquire by the holder is harmless
    lock.release()
    assert not lock.held
    lock.release()  # and so is a second release
    with InstanceLock(folder):
        pass


def test_second_lock_in_the_same_process_is_refused(folder: Path) -> None:
    with InstanceLock(folder):
        with pytest.raises(InstanceLockedError) as info:
            InstanceLock(folder).acquire()
        assert info.value.pid == os.getpid()
    with InstanceLock(folder) as again:  # released at the end of the with block
        assert again.held


def test_context_manager_releases_on_error(folder: Path) -> None:
    with pytest.raises(RuntimeError), InstanceLock(folder):
        raise RuntimeError("boom")
    InstanceLock(folder).acquire()


def test_message_is_plain_and_translatable(folder: Path) -> None:
    with InstanceLock(folder):
        with pytest.raises(InstanceLockedError) as info:
            InstanceLock(folder).acquire()
        assert str(info.value) == (
            "Privacy Walkthrough is already open with this data folder. Close the other window first."
        )
        i18n.set_catalog({}, pseudo=True)
        with pytest.raises(InstanceLockedError) as info:
            InstanceLock(folder).acquire()
        assert str(info.value).startswith("[") and str(info.value).endswith("~~]")


@posix_only
def test_second_process_is_refused_until_the_first_is_killed(folder: Path) -> None:
    proc, _ = hold_in_other_process(folder)
    try:
        with pytest.raises(InstanceLockedError) as info:
            InstanceLock(folder).acquire()
        assert info.value.pid == proc.pid
    finally:
        kill(proc)
    assert (folder / ".lock").read_text().strip() == str(proc.pid)  # the stale pid is still there
    with InstanceLock(folder) as lock:  # the kernel dropped the dead process's lock
        assert lock.path.read_text().strip() == str(os.getpid())


def test_second_process_gets_the_lock_after_a_clean_exit(folder: Path) -> None:
    proc, _ = hold_in_other_process(folder)
    proc.communicate("")  # closing stdin lets it exit normally
    assert proc.returncode == 0
    with InstanceLock(folder):
        pass


def test_lock_file_left_by_a_crash_is_recovered(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    (folder / ".lock").write_text("999999\n")
    with InstanceLock(folder) as lock:
        assert lock.path.read_text().strip() == str(os.getpid())


@posix_only
def test_children_of_the_app_do_not_keep_the_lock(folder: Path) -> None:
    """A browser or helper started by the app must not hold the folder after the app dies."""
    proc, child = hold_in_other_process(folder, "--with-child")
    assert child is not None
    try:
        kill(proc)
        with InstanceLock(folder):
            pass
    finally:
        os.kill(child, signal.SIGKILL)


def test_unusable_folder_is_a_clear_error_not_a_lock(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    with pytest.raises(InstanceLockError) as info:
        InstanceLock(not_a_folder).acquire()
    assert not isinstance(info.value, InstanceLockedError)
    assert str(not_a_folder) in str(info.value)


@posix_only
def test_lock_file_that_is_a_link_is_refused(folder: Path, tmp_path: Path) -> None:
    folder.mkdir()
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    (folder / ".lock").symlink_to(target)
    with pytest.raises(InstanceLockError):
        InstanceLock(folder).acquire()
    assert target.read_text() == "keep"
