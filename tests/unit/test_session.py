"""A session over a real store in tmp_path: quit and resume, failed saves, start over, bad files."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.progress.models import (
    PROGRESS_SCHEMA_VERSION,
    SETUP_PAGE,
    WELCOME_PAGE,
    Progress,
    StepStatus,
)
from privacy_walkthrough.core.progress.store import NewerProgressError, ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.core.walkthrough.views import PageKind
from tests.helpers import from_json, write_guide

IDS = ["alpha", "bravo", "charlie", "delta"]
T0 = dt.datetime(2026, 7, 8, 9, 10, 11, tzinfo=dt.UTC)


def clock() -> dt.datetime:
    return T0


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    return load_guide(write_guide(tmp_path / "guide", IDS, not_completable=("bravo",)))


@pytest.fixture
def path(data_dir: Path) -> Path:
    return data_dir / "progress.json"


def open_session(guide: Guide, path: Path) -> Session:
    return Session(guide, ProgressStore(path), clock=clock)


def on_disk(path: Path) -> Progress:
    return from_json(Progress, path.read_bytes())


def some_work(session: Session) -> None:
    flow = session.walkthrough
    flow.go_next()  # the setup page
    flow.go_next()
    flow.set_status("alpha", StepStatus.DONE)
    flow.set_note("alpha", "Checked on both phones.")
    flow.go_next()
    flow.set_status("bravo", StepStatus.DONE)
    flow.go_next()
    flow.set_status("charlie", StepStatus.SKIPPED, reason=" no Mac ")
    flow.set_note("delta", "ask later")


def no_space(progress: Progress) -> None:
    raise OSError(28, "No space left on device")


def test_fresh_folder_starts_on_welcome(guide: Guide, path: Path) -> None:
    session = open_session(guide, path)
    assert session.load_result.progress is None
    assert session.set_aside_notice is None
    assert session.save_error is None
    assert session.walkthrough.current.kind is PageKind.WELCOME
    assert session.walkthrough.progress.guide_id == "test-guide"
    assert session.walkthrough.progress.created_at == T0
    assert session.walkthrough.tally().settled == 0


def test_every_change_reaches_the_disk(guide: Guide, path: Path) -> None:
    session = open_session(guide, path)
    session.walkthrough.go_next()
    assert on_disk(path).current_page == SETUP_PAGE
    session.walkthrough.go_next()
    assert on_disk(path).current_page == "alpha"
    session.walkthrough.set_status("alpha", StepStatus.LATER)
    assert on_disk(path).steps["alpha"].status is StepStatus.LATER
    session.walkthrough.set_note("alpha", "written")
    assert on_disk(path) == session.walkthrough.progress


def test_quit_and_resume(guide: Guide, path: Path) -> None:
    first = open_session(guide, path)
    some_work(first)
    before = copy.deepcopy(first.walkthrough.progress)
    del first

    second = open_session(guide, path)
    flow = second.walkthrough
    assert second.load_result.progress is not None
    assert second.set_aside_notice is None
    assert flow.current.key == "charlie"
    assert flow.progress == before
    assert flow.status("alpha") is StepStatus.DONE
    assert flow.status("bravo") is StepStatus.ACKNOWLEDGED
    assert flow.status("charlie") is StepStatus.SKIPPED
    assert flow.progress.step("charlie").skip_reason == "no Mac"
    assert flow.progress.step("alpha").note == "Checked on both phones."
    assert flow.progress.step("delta").note == "ask later"
    flow.go_back()
    assert flow.current.key == "bravo"
    assert on_disk(path).current_page == "bravo"


def test_resume_after_a_step_was_removed_from_the_guide(guide: Guide, path: Path, tmp_path: Path) -> None:
    first = open_session(guide, path)
    some_work(first)
    first.walkthrough.go_to_step("charlie")
    smaller = load_guide(write_guide(tmp_path / "smaller", ["alpha", "bravo", "delta"]))
    second = open_session(smaller, path)
    assert second.load_result.progress is not None
    assert second.walkthrough.current.key == "delta"  # first open step
    second.walkthrough.set_status("delta", StepStatus.DONE)
    saved = on_disk(path)
    assert saved.steps["charlie"].status is StepStatus.SKIPPED
    assert saved.steps["charlie"].skip_reason == "no Mac"
    assert saved.steps["delta"].note == "ask later"


def test_failed_save_keeps_progress_and_retries(
    guide: Guide, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_session(guide, path)
    session.walkthrough.go_next()
    on_disk_before = path.read_bytes()

    monkeypatch.setattr(session.store, "save", no_space)
    session.walkthrough.set_status("alpha", StepStatus.DONE)
    session.walkthrough.set_note("alpha", "kept in memory")
    assert session.save_error is not None
    assert "No space left on device" in session.save_error
    assert session.walkthrough.status("alpha") is StepStatus.DONE
    assert session.walkthrough.progress.step("alpha").note == "kept in memory"
    assert path.read_bytes() == on_disk_before
    assert session.retry_save() is False
    assert session.save_error is not None

    monkeypatch.undo()
    assert session.retry_save() is True
    assert session.save_error is None
    assert on_disk(path) == session.walkthrough.progress
    assert on_disk(path).steps["alpha"].note == "kept in memory"
    assert session.retry_save() is True


def test_next_action_after_disk_recovers_also_saves(
    guide: Guide, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_session(guide, path)
    monkeypatch.setattr(session.store, "save", no_space)
    session.walkthrough.set_status("alpha", StepStatus.DONE)
    assert session.save_error is not None
    assert not path.exists()
    monkeypatch.undo()
    session.walkthrough.go_next()
    assert session.save_error is None
    assert on_disk(path).steps["alpha"].status is StepStatus.DONE


def test_failed_real_write_keeps_progress(guide: Guide, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, with the failure deep in the real store (os.replace) instead of a stub."""
    session = open_session(guide, path)
    session.walkthrough.go_next()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("privacy_walkthrough.core.progress.store.os.replace", refuse)
    session.walkthrough.set_status("alpha", StepStatus.SKIPPED, reason="why")
    assert session.save_error is not None
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json"]
    assert on_disk(path).steps == {}
    monkeypatch.undo()
    assert session.retry_save()
    assert on_disk(path).steps["alpha"].skip_reason == "why"


def test_start_over_keeps_a_backup_and_resets(guide: Guide, path: Path) -> None:
    session = open_session(guide, path)
    some_work(session)
    previous = copy.deepcopy(session.walkthrough.progress)

    backup = session.start_over()
    assert backup is not None
    assert backup.parent == path.parent
    assert backup.name.startswith("progress.backup-")
    assert from_json(Progress, backup.read_bytes()) == previous

    flow = session.walkthrough
    assert flow.current.kind is PageKind.WELCOME
    assert all(flow.status(s) is StepStatus.NOT_STARTED for s in IDS)
    assert all(flow.progress.step(s).note == "" for s in IDS)
    assert flow.progress.steps == {}
    assert on_disk(path) == flow.progress
    assert on_disk(path).current_page == WELCOME_PAGE

    again = open_session(guide, path)
    assert again.walkthrough.current.kind is PageKind.WELCOME
    assert again.walkthrough.tally().settled == 0


def test_new_walkthrough_after_start_over_still_saves(guide: Guide, path: Path) -> None:
    session = open_session(guide, path)
    some_work(session)
    session.start_over()
    session.walkthrough.go_next()
    session.walkthrough.set_status("alpha", StepStatus.LATER)
    assert on_disk(path).steps["alpha"].status is StepStatus.LATER
    assert on_disk(path).current_page == SETUP_PAGE


def test_start_over_with_nothing_saved(guide: Guide, path: Path) -> None:
    session = open_session(guide, path)
    assert session.start_over() is None
    assert on_disk(path).current_page == WELCOME_PAGE
    assert list(path.parent.glob("*.backup-*.json")) == []


def test_damaged_file_at_start_is_set_aside_and_reported(guide: Guide, path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(b'{"format": "privacy-walkthrough-progress", "steps": ')
    session = open_session(guide, path)
    notice = session.set_aside_notice
    assert notice is not None
    assert notice.set_aside is not None
    assert notice.set_aside.read_bytes() == b'{"format": "privacy-walkthrough-progress", "steps": '
    assert notice.problem
    assert session.load_result.progress is None
    assert session.walkthrough.current.kind is PageKind.WELCOME
    session.walkthrough.go_next()
    assert on_disk(path).current_page == SETUP_PAGE
    assert notice.set_aside.exists()


def test_newer_file_stops_the_session_and_is_left_alone(guide: Guide, path: Path) -> None:
    first = open_session(guide, path)
    some_work(first)
    data = json.loads(path.read_bytes())
    data["schema_version"] = PROGRESS_SCHEMA_VERSION + 1
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    with pytest.raises(NewerProgressError):
        open_session(guide, path)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json"]


def test_start_over_keeps_devices_and_answers_but_no_decisions(tmp_path: Path) -> None:
    from privacy_walkthrough.core.content.kinds import DeviceKind
    from privacy_walkthrough.core.progress.models import Answers, Device, StepStatus
    from privacy_walkthrough.guides import load_default_guide

    session = Session(load_default_guide(), ProgressStore(tmp_path / "progress.json"))
    phone = Device(id="d1", kind=DeviceKind.IPHONE, os_version="18")
    session.walkthrough.set_devices([phone])
    session.walkthrough.set_answers(Answers(high_risk=True))
    session.walkthrough.set_status("shared-with-you", StepStatus.DONE)
    session.walkthrough.set_note("shared-with-you", "done on the bus")
    session.start_over()
    again = Session(load_default_guide(), ProgressStore(tmp_path / "progress.json")).walkthrough
    assert again.progress.devices == [phone]
    assert again.progress.answers.high_risk is True
    assert again.progress.steps == {}
