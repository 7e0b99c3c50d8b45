"""The progress store with real files in tmp_path: round trips, permissions, atomic saves, bad files."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.records import replace, to_json
from privacy_walkthrough.core.progress import store as progress_store
from privacy_walkthrough.core.progress.models import (
    PROGRESS_SCHEMA_VERSION,
    Progress,
    StepProgress,
    StepStatus,
)
from privacy_walkthrough.core.progress.store import (
    MAX_PROGRESS_BYTES,
    NewerProgressError,
    ProgressStore,
)
from tests.helpers import from_json

T0 = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)


class FrozenClock(dt.datetime):
    """A datetime class whose now() never moves: every stamp falls in the same second."""

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> FrozenClock:  # type: ignore[override]
        return cls(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)


def sample_progress() -> Progress:
    return Progress(
        guide_id="test-guide",
        guide_version="1.0",
        current_page="bravo",
        steps={
            "alpha": StepProgress(status=StepStatus.DONE, changed_at=T0, done_at=T0, note="Done — at home ✓"),
            "bravo": StepProgress(status=StepStatus.SKIPPED, skip_reason="No Mac", changed_at=T0),
            "gone": StepProgress(status=StepStatus.LATER, note='quotes " and \\ and\nnewlines'),
        },
        created_at=T0,
        updated_at=T0 + dt.timedelta(minutes=5),
    )


@pytest.fixture
def store(data_dir: Path) -> ProgressStore:
    return ProgressStore(data_dir / "progress.json")


def valid_bytes() -> bytes:
    return to_json(sample_progress())


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# -- saving -------------------------------------------------------------------------------


def test_nothing_saved_yet(store: ProgressStore) -> None:
    result = store.load()
    assert result.progress is None
    assert result.set_aside is None
    assert result.problem is None


def test_save_then_load_gives_equal_progress(store: ProgressStore) -> None:
    progress = sample_progress()
    store.save(progress)
    result = store.load()
    assert result.progress == progress
    assert result.set_aside is None and result.problem is None


def test_second_save_replaces_the_first(store: ProgressStore) -> None:
    store.save(sample_progress())
    changed = sample_progress()
    changed.current_page = "@summary"
    changed.steps["alpha"].note = "edited"
    store.save(changed)
    assert store.load().progress == changed


def test_save_creates_folder_0700_and_file_0600(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    store = ProgressStore(folder / "progress.json")
    store.save(sample_progress())
    assert mode(folder) == 0o700
    assert mode(store.path) == 0o600


def test_save_over_a_world_readable_file_leaves_it_0600(store: ProgressStore) -> None:
    store.path.parent.mkdir()
    store.path.write_bytes(b"{}")
    store.path.chmod(0o644)
    store.save(sample_progress())
    assert mode(store.path) == 0o600


def test_no_temp_files_left_after_saves(store: ProgressStore) -> None:
    for page in ("alpha", "bravo", "@summary"):
        progress = sample_progress()
        progress.current_page = page
        store.save(progress)
    assert names(store.path.parent) == ["progress.json"]


def test_failed_replace_keeps_old_file_and_no_temp(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(sample_progress())
    before = store.path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress_store.os, "replace", refuse)
    changed = sample_progress()
    changed.current_page = "@summary"
    with pytest.raises(OSError, match="No space left"):
        store.save(changed)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert names(store.path.parent) == ["progress.json"]
    assert store.load().progress == sample_progress()


def test_failed_fsync_keeps_old_file_and_no_temp(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(sample_progress())
    before = store.path.read_bytes()

    def refuse(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(progress_store.os, "fsync", refuse)
    with pytest.raises(OSError):
        store.save(replace(sample_progress(), current_page="alpha"))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert names(store.path.parent) == ["progress.json"]


# -- damaged files ------------------------------------------------------------------------


def progress_dict() -> dict[str, object]:
    return json.loads(valid_bytes())


def damaged_cases() -> dict[str, bytes]:
    wrong_types = progress_dict() | {"current_page": 5, "steps": {"alpha": {"status": "finished"}}}
    unknown_field = progress_dict() | {"favourite_colour": "blue"}
    wrong_format = progress_dict() | {"format": "some-other-app"}
    missing_field = {k: v for k, v in progress_dict().items() if k != "guide_id"}
    return {
        "empty": b"",
        "whitespace": b"   \n",
        "truncated": valid_bytes()[: len(valid_bytes()) // 2],
        "invalid-utf8": b'{"guide_id": "\xff\xfe"}',
        "binary": bytes(range(256)) * 4,
        "json-list": b"[1, 2, 3]",
        "json-string": b'"progress"',
        "json-null": b"null",
        "wrong-types": json.dumps(wrong_types).encode(),
        "unknown-field": json.dumps(unknown_field).encode(),
        "wrong-format": json.dumps(wrong_format).encode(),
        "missing-field": json.dumps(missing_field).encode(),
        "too-large": valid_bytes() + b" " * (MAX_PROGRESS_BYTES + 1),
    }


def assert_plain_sentence(problem: str | None) -> None:
    assert isinstance(problem, str) and problem.strip()
    assert "\n" not in problem
    for leak in (
        "Traceback",
        "Error(",
        "ValidationError",
        "JSONDecodeError",
        "`",  # problems are plain sentences, without code quotes
        "{",
        "}",
    ):
        assert leak not in problem, problem


@pytest.mark.parametrize("case", sorted(damaged_cases()))
def test_damaged_file_is_moved_aside_with_same_bytes(store: ProgressStore, case: str) -> None:
    raw = damaged_cases()[case]
    store.path.parent.mkdir()
    store.path.write_bytes(raw)
    result = store.load()
    assert result.progress is None
    assert result.set_aside is not None
    assert not store.path.exists()
    assert result.set_aside.parent == store.path.parent
    assert result.set_aside.name.startswith("progress.damaged-")
    assert result.set_aside.name.endswith(".json")
    assert list(store.path.parent.glob("*.damaged-*.json")) == [result.set_aside]
    assert result.set_aside.read_bytes() == raw
    assert_plain_sentence(result.problem)


def test_after_setting_aside_the_next_load_starts_fresh(store: ProgressStore) -> None:
    store.path.parent.mkdir()
    store.path.write_bytes(b"not json")
    assert store.load().set_aside is not None
    assert store.load().progress is None
    store.save(sample_progress())
    assert store.load().progress == sample_progress()
    assert len(list(store.path.parent.glob("*.damaged-*.json"))) == 1


def test_two_damaged_files_in_the_same_second_are_both_kept(data_dir: Path) -> None:
    store = ProgressStore(data_dir / "progress.json", clock=FrozenClock)
    data_dir.mkdir()
    asides = []
    for raw in (b"first", b"second"):
        store.path.write_bytes(raw)
        result = store.load()
        assert result.set_aside is not None
        asides.append(result.set_aside)
    assert asides[0] != asides[1]
    assert [p.read_bytes() for p in asides] == [b"first", b"second"]


def test_symlink_is_moved_aside_and_its_target_left_alone(store: ProgressStore, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(valid_bytes())
    store.path.parent.mkdir()
    store.path.symlink_to(elsewhere)
    result = store.load()
    assert result.progress is None
    assert result.set_aside is not None
    assert not store.path.exists() and not store.path.is_symlink()
    assert result.set_aside.name.startswith("progress.damaged-")
    assert result.set_aside.read_bytes() == valid_bytes()
    assert elsewhere.read_bytes() == valid_bytes()
    assert_plain_sentence(result.problem)


def test_dangling_symlink_is_moved_aside(store: ProgressStore, tmp_path: Path) -> None:
    store.path.parent.mkdir()
    store.path.symlink_to(tmp_path / "nowhere.json")
    result = store.load()
    assert result.set_aside is not None and result.set_aside.is_symlink()
    assert not store.path.is_symlink()
    assert_plain_sentence(result.problem)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_moved_aside(store: ProgressStore) -> None:
    store.path.parent.mkdir()
    store.path.write_bytes(valid_bytes())
    store.path.chmod(0)
    try:
        result = store.load()
    finally:
        for path in store.path.parent.iterdir():
            path.chmod(0o600)
    assert result.progress is None
    assert result.set_aside is not None
    assert not store.path.exists()
    assert result.set_aside.read_bytes() == valid_bytes()
    assert_plain_sentence(result.problem)


def test_read_error_is_moved_aside(store: ProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chmod 000 case, also when running as root: the read itself is refused."""
    store.path.parent.mkdir()
    store.path.write_bytes(valid_bytes())
    real_read = progress_store.read_regular

    def refuse(path: Path, max_bytes: int, *, follow_links: bool = True) -> bytes:
        if path == store.path:
            raise PermissionError(13, "Permission denied")
        return real_read(path, max_bytes, follow_links=follow_links)

    monkeypatch.setattr(progress_store, "read_regular", refuse)
    result = store.load()
    monkeypatch.undo()
    assert result.progress is None
    assert result.set_aside is not None
    assert not store.path.exists()
    assert result.set_aside.read_bytes() == valid_bytes()
    assert_plain_sentence(result.problem)
    assert result.problem is not None and "Permission denied" in result.problem


# -- a newer app's file -------------------------------------------------------------------


@pytest.mark.parametrize("extra", [{}, {"a_field_from_the_future": True}])
def test_newer_schema_raises_and_leaves_file_untouched(
    store: ProgressStore, extra: dict[str, object]
) -> None:
    data = progress_dict() | {"schema_version": PROGRESS_SCHEMA_VERSION + 1} | extra
    raw = json.dumps(data).encode()
    store.path.parent.mkdir()
    store.path.write_bytes(raw)
    store.path.chmod(0o600)
    with pytest.raises(NewerProgressError) as info:
        store.load()
    assert store.path.read_bytes() == raw
    assert names(store.path.parent) == ["progress.json"]
    assert mode(store.path) == 0o600
    assert "newer version" in str(info.value)


@pytest.mark.parametrize(
    "version", [str(PROGRESS_SCHEMA_VERSION + 1), float(PROGRESS_SCHEMA_VERSION + 1), 0, -1, None, "1"]
)
def test_odd_schema_version_is_never_read_as_current(store: ProgressStore, version: object) -> None:
    """A loosely written or impossible version is refused: left alone if newer, else set aside."""
    raw = json.dumps(progress_dict() | {"schema_version": version}).encode()
    store.path.parent.mkdir()
    store.path.write_bytes(raw)
    try:
        result = store.load()
    except NewerProgressError:
        assert store.path.read_bytes() == raw
        return
    assert result.progress is None
    assert result.set_aside is not None
    assert result.set_aside.read_bytes() == raw


# -- backups ------------------------------------------------------------------------------


def test_back_up_copies_and_keeps_the_original(store: ProgressStore) -> None:
    store.save(sample_progress())
    original = store.path.read_bytes()
    backup = store.back_up()
    assert backup is not None
    assert backup.parent == store.path.parent
    assert backup.name.startswith("progress.backup-") and backup.name.endswith(".json")
    assert backup.read_bytes() == original
    assert store.path.read_bytes() == original
    assert mode(backup) == 0o600
    assert from_json(Progress, backup.read_bytes()) == sample_progress()
    assert not [n for n in names(store.path.parent) if n.endswith(".tmp")]


def test_back_up_without_a_file(store: ProgressStore) -> None:
    assert store.back_up() is None
    assert not store.path.parent.exists() or names(store.path.parent) == []


def test_two_backups_in_the_same_second_get_distinct_names(data_dir: Path) -> None:
    store = ProgressStore(data_dir / "progress.json", clock=FrozenClock)
    store.save(sample_progress())
    first = store.back_up()
    changed = replace(sample_progress(), current_page="alpha")
    store.save(changed)
    second = store.back_up()
    assert first is not None and second is not None
    assert first != second
    assert first.exists() and second.exists()
    assert from_json(Progress, first.read_bytes()) == sample_progress()
    assert from_json(Progress, second.read_bytes()) == changed
    assert len(list(data_dir.glob("progress.backup-*.json"))) == 2


def test_backup_name_carries_the_clock_time(data_dir: Path) -> None:
    store = ProgressStore(data_dir / "progress.json", clock=FrozenClock)
    store.save(sample_progress())
    backup = store.back_up()
    assert backup is not None
    assert "20260304-050607" in backup.name
