"""Old progress files keep working: the migration ladder, frozen files, and content hashes.

``tests/data/progress-vN.json`` are files written by the app's own core at schema N (v1 by
the released app, before v2 existed).  Never edit them: freeze a new one per new version.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from privacy_walkthrough.core.content.hash import step_content_hash
from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.progress import migrations
from privacy_walkthrough.core.progress.models import (
    PROGRESS_SCHEMA_VERSION,
    Answers,
    Device,
    Progress,
    StepProgress,
    StepStatus,
)
from privacy_walkthrough.core.progress.store import (
    NewerProgressError,
    ProgressError,
    ProgressStore,
    parse_progress,
)
from privacy_walkthrough.core.progress.transfer import read_portable_progress
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.guides import load_default_guide
from tests.helpers import from_json, write_guide

DATA = Path(__file__).resolve().parents[1] / "data"
VERSIONS = range(1, PROGRESS_SCHEMA_VERSION + 1)
T1 = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)


def frozen(version: int) -> bytes:
    return (DATA / f"progress-v{version}.json").read_bytes()


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def at(text: str, status: StepStatus, *, done: bool = False, **fields: str) -> StepProgress:
    return StepProgress(status=status, changed_at=utc(text), done_at=utc(text) if done else None, **fields)


EXPECTED_V1 = Progress(
    guide_id="imessage-privacy",
    guide_version="1.0",
    current_page="shared-with-you",
    person_name="Sam",
    steps={
        "what-imessage-protects": at("2026-05-02T18:33:08Z", StepStatus.DONE, done=True),
        "icloud-backup": at(
            "2026-05-02T18:35:29Z", StepStatus.DONE, done=True, note="Done on my iPhone and the iPad."
        ),
        "advanced-data-protection": at(
            "2026-05-02T18:38:37Z", StepStatus.SKIPPED, skip_reason="My old iPad can't update"
        ),
        "contact-key-verification": at(
            "2026-05-02T18:40:58Z", StepStatus.LATER, note='Ask Alex about "verification codes" — later ✓'
        ),
        "contacts-backups": at("2026-05-02T18:44:06Z", StepStatus.ACKNOWLEDGED, done=True),
        "lockdown-mode": at("2026-05-02T18:46:27Z", StepStatus.NOT_APPLICABLE),
        "sms-and-rcs": StepProgress(note="Check the carrier settings\non Sunday"),
    },
    created_at=utc("2026-05-02T18:30:47Z"),
    updated_at=utc("2026-05-02T18:48:48Z"),
)

EXPECTED_V2 = Progress(
    guide_id="imessage-privacy",
    guide_version="1.0",
    current_page="sms-and-rcs",
    person_name="Robin",
    steps={
        "what-imessage-protects": at(
            "2026-12-05T09:03:32Z", StepStatus.DONE, done=True, content_hash="8092af1aa1a1c1f8"
        ),
        "icloud-backup": at(
            "2026-12-05T09:06:11Z",
            StepStatus.DONE,
            done=True,
            note="Turned off on the iPhone; the iPad has no backup.",
            content_hash="136b974a0d6fe550",
        ),
        "advanced-data-protection": at(
            "2026-12-05T09:09:43Z", StepStatus.DONE, done=True, content_hash="37d6f8e9a346d533"
        ),
        "contact-key-verification": at(
            "2026-12-05T09:12:22Z", StepStatus.SKIPPED, skip_reason="Nobody I talk to uses it yet"
        ),
        "contacts-backups": at(
            "2026-12-05T09:15:01Z", StepStatus.ACKNOWLEDGED, done=True, content_hash="a6805e312de28d6e"
        ),
        "lockdown-mode": at(
            "2026-12-05T09:17:40Z", StepStatus.LATER, note="Read about it — maybe before the trip ✈"
        ),
        "shared-with-you": at("2026-12-05T09:21:12Z", StepStatus.NOT_APPLICABLE),
    },
    created_at=utc("2026-12-05T09:00:53Z"),
    updated_at=utc("2026-12-05T09:22:58Z"),
)


def done_v3(text: str, content_hash: str, **fields: Any) -> StepProgress:
    return StepProgress(
        status=StepStatus.DONE,
        changed_at=utc(text),
        done_at=utc(text),
        content_hash=content_hash,
        **fields,
    )


EXPECTED_V3 = Progress(
    guide_id="imessage-privacy",
    guide_version="1.0",
    current_page="sms-and-rcs",
    person_name="Kim",
    steps={
        "what-imessage-protects": done_v3("2027-02-14T19:13:03Z", "8092af1aa1a1c1f8"),
        "icloud-backup": done_v3(
            "2027-02-14T19:22:45Z",
            "136b974a0d6fe550",
            note="Computer backup on Sundays ✓",
            devices_done={"d1": utc("2027-02-14T19:17:54Z"), "d2": utc("2027-02-14T19:21:08Z")},
            recheck=["d1"],
        ),
        "advanced-data-protection": at(
            "2027-02-14T19:29:13Z", StepStatus.SKIPPED, skip_reason='Not until the "recovery key" is printed'
        ),
        "contact-key-verification": done_v3("2027-02-14T19:34:04Z", "b134faded743753b", recheck=["d1"]),
        "audio-and-message-expiry": StepProgress(
            devices_done={"d1": utc("2027-02-14T19:37:18Z")}, recheck=["d1"]
        ),
        "lockdown-mode": at("2027-02-14T19:40:32Z", StepStatus.NOT_APPLICABLE),
        "shared-with-you": done_v3(
            "2027-02-14T19:43:46Z", "ef19c10817dc15d5", confirmed_at=utc("2027-02-14T19:48:37Z")
        ),
    },
    created_at=utc("2027-02-14T19:01:44Z"),
    updated_at=utc("2027-02-14T19:51:51Z"),
    devices=[
        Device(id="d1", kind=DeviceKind.IPHONE, name="Kim's iPhone", os_version="18.2"),
        Device(id="d2", kind=DeviceKind.IPAD, os_version="17.5"),
        Device(id="d3", kind=DeviceKind.MAC, name="Work Mac"),
        Device(id="d4", kind=DeviceKind.WATCH, os_version="10.2"),
    ],
    answers=Answers(lives_in_uk=False, can_cope_without_recovery=False, messages_businesses=True),
    setup_done=True,
)

EXPECTED = {1: EXPECTED_V1, 2: EXPECTED_V2, 3: EXPECTED_V3}


# -- the ladder ---------------------------------------------------------------------------


def test_ladder_has_one_documented_rung_per_version() -> None:
    assert sorted(migrations.LADDER) == list(range(2, PROGRESS_SCHEMA_VERSION + 1))
    for target, rung in migrations.LADDER.items():
        assert rung.__name__ == f"upgrade_to_v{target}"
        assert rung.__doc__ and rung.__doc__.strip()


def test_every_released_version_has_a_frozen_file_and_expected_values() -> None:
    assert sorted(EXPECTED) == list(VERSIONS)
    for version in VERSIONS:
        assert json.loads(frozen(version))["schema_version"] == version


@pytest.mark.parametrize("version", VERSIONS)
def test_each_rung_is_pure_and_stamps_its_version(version: int) -> None:
    data = json.loads(frozen(version))
    for target in range(version + 1, PROGRESS_SCHEMA_VERSION + 1):
        snapshot = copy.deepcopy(data)
        upgraded = migrations.LADDER[target](data)
        assert data == snapshot  # the argument is not changed
        assert upgraded["schema_version"] == target
        data = upgraded
    assert data["schema_version"] == PROGRESS_SCHEMA_VERSION
    assert migrations.upgrade(json.loads(frozen(version))) == data


def test_upgrade_to_v2_adds_an_unknown_hash_and_keeps_everything_else() -> None:
    v1 = json.loads(frozen(1))
    v1_copy = copy.deepcopy(v1)
    v2 = migrations.upgrade_to_v2(v1)
    assert v1 == v1_copy
    assert v2["schema_version"] == 2
    assert v2["steps"].keys() == v1["steps"].keys()
    for step_id, entry in v2["steps"].items():
        assert entry == v1["steps"][step_id] | {"content_hash": ""}
    assert {k: v for k, v in v2.items() if k not in ("steps", "schema_version")} == {
        k: v for k, v in v1.items() if k not in ("steps", "schema_version")
    }


@pytest.mark.parametrize("steps", [None, [], "steps", 5, {"a": None}, {"a": [1]}, {"a": {"x": 1}}])
def test_upgrade_to_v2_copes_with_damaged_input(steps: object) -> None:
    out = migrations.upgrade_to_v2({"steps": steps, "schema_version": 1})
    assert out["schema_version"] == 2
    if isinstance(steps, dict):
        assert out["steps"].keys() == steps.keys()


V3_STEP_DEFAULTS = {"devices_done": {}, "recheck": [], "confirmed_at": None}


def test_upgrade_to_v3_adds_defaults_only_and_keeps_everything_else() -> None:
    v2 = json.loads(frozen(2))
    v2_copy = copy.deepcopy(v2)
    v3 = migrations.upgrade_to_v3(v2)
    assert v2 == v2_copy
    assert v3["schema_version"] == 3
    assert (v3["devices"], v3["answers"], v3["setup_done"]) == ([], {}, False)
    for step_id, entry in v3["steps"].items():
        assert entry == v2["steps"][step_id] | V3_STEP_DEFAULTS
    new_keys = {"steps", "schema_version", "devices", "answers", "setup_done"}
    assert {k: v for k, v in v3.items() if k not in new_keys} == {
        k: v for k, v in v2.items() if k not in new_keys
    }


def test_upgrade_to_v3_keeps_values_already_there_for_validation_to_judge() -> None:
    data = {"schema_version": 2, "devices": "odd", "steps": {"a": {"recheck": 5}}}
    out = migrations.upgrade_to_v3(data)
    assert out["devices"] == "odd"
    assert out["steps"]["a"]["recheck"] == 5
    with pytest.raises(ProgressError, match="devices"):
        parse_progress(json.dumps(json.loads(frozen(2)) | {"devices": "odd"}).encode(), "the test file")


@pytest.mark.parametrize("steps", [None, [], "steps", 5, {"a": None}, {"a": [1]}, {"a": {"x": 1}}])
def test_upgrade_to_v3_copes_with_damaged_input(steps: object) -> None:
    out = migrations.upgrade_to_v3({"steps": steps, "schema_version": 2})
    assert out["schema_version"] == 3
    if isinstance(steps, dict):
        assert out["steps"].keys() == steps.keys()


@pytest.mark.parametrize("version", [1, 2])
def test_older_frozen_files_upgrade_to_no_devices_no_answers_and_setup_not_done(version: int) -> None:
    progress = parse_progress(frozen(version), "the test file")
    assert progress.schema_version == 3
    assert progress.devices == [] and progress.answers == Answers() and progress.setup_done is False
    for entry in progress.steps.values():
        assert (entry.devices_done, entry.recheck, entry.confirmed_at) == ({}, [], None)
    # statuses are kept as they were: nothing is re-judged against the person's devices
    assert {k: e.status for k, e in progress.steps.items()} == {
        k: e.status for k, e in EXPECTED[version].steps.items()
    }


@pytest.mark.parametrize(
    "version", [PROGRESS_SCHEMA_VERSION, PROGRESS_SCHEMA_VERSION + 1, 0, -1, "1", 1.0, True]
)
def test_upgrade_leaves_current_newer_and_odd_versions_alone(version: object) -> None:
    data = {"schema_version": version, "steps": {"a": {}}}
    assert migrations.upgrade(data) is data


# -- frozen files -------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_frozen_file_parses_to_the_expected_values(version: int) -> None:
    progress = parse_progress(frozen(version), "the test file")
    assert progress == EXPECTED[version]
    assert progress.schema_version == PROGRESS_SCHEMA_VERSION


def test_v1_steps_have_no_hash_so_none_is_flagged() -> None:
    progress = parse_progress(frozen(1), "the test file")
    assert all(entry.content_hash == "" for entry in progress.steps.values())


@pytest.mark.parametrize("version", VERSIONS)
def test_frozen_file_loads_and_is_saved_in_the_current_format(version: int, data_dir: Path) -> None:
    data_dir.mkdir()
    store = ProgressStore(data_dir / "imessage-privacy.json")
    shutil.copyfile(DATA / f"progress-v{version}.json", store.path)
    result = store.load()
    assert result.set_aside is None and result.problem is None
    assert result.progress == EXPECTED[version]
    store.save(result.progress)
    assert json.loads(store.path.read_bytes())["schema_version"] == PROGRESS_SCHEMA_VERSION
    assert store.load().progress == EXPECTED[version]


@pytest.mark.parametrize("version", VERSIONS)
def test_file_newer_than_known_is_left_untouched(version: int, data_dir: Path) -> None:
    data = json.loads(frozen(version)) | {"schema_version": PROGRESS_SCHEMA_VERSION + 1, "new": [1]}
    raw = json.dumps(data, indent=2).encode()
    data_dir.mkdir()
    path = data_dir / "imessage-privacy.json"
    path.write_bytes(raw)
    before = path.stat()
    with pytest.raises(NewerProgressError, match="newer version"):
        ProgressStore(path).load()
    assert path.read_bytes() == raw
    assert [p.name for p in data_dir.iterdir()] == ["imessage-privacy.json"]
    assert path.stat().st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize("version", VERSIONS)
def test_frozen_file_can_be_imported_as_a_portable_file(version: int) -> None:
    """ "Import progress" reads files exported by older versions through the same ladder."""
    progress = read_portable_progress(DATA / f"progress-v{version}.json", load_default_guide()).progress
    assert progress == EXPECTED[version]


def test_v1_file_with_unknown_step_ids_keeps_them(data_dir: Path) -> None:
    data = json.loads(frozen(1))
    data["steps"]["a-step-from-a-later-guide"] = {
        "status": "done",
        "skip_reason": "",
        "note": "kept",
        "changed_at": "2026-05-02T18:50:00Z",
        "done_at": "2026-05-02T18:50:00Z",
    }
    data_dir.mkdir()
    store = ProgressStore(data_dir / "progress.json")
    store.path.write_text(json.dumps(data))
    progress = store.load().progress
    assert progress is not None
    kept = progress.steps["a-step-from-a-later-guide"]
    assert (kept.status, kept.note, kept.content_hash) == (StepStatus.DONE, "kept", "")
    store.save(progress)
    assert store.load().progress == progress


# -- a newer guide over older progress ----------------------------------------------------


def test_newer_guide_keeps_vanished_steps_and_shows_new_ones_not_started(tmp_path: Path) -> None:
    old_guide = load_guide(write_guide(tmp_path / "old", ["alpha", "bravo", "charlie"]))
    path = tmp_path / "data" / "progress.json"
    first = Session(old_guide, ProgressStore(path), clock=lambda: T1)
    first.walkthrough.set_status("alpha", StepStatus.DONE)
    first.walkthrough.set_status("bravo", StepStatus.SKIPPED, reason="not for me")
    first.walkthrough.set_note("bravo", "bravo's note")
    # Rewrite the saved file the way the released (v1) app wrote it.
    v1 = json.loads(path.read_bytes()) | {"schema_version": 1}
    for entry in v1["steps"].values():
        del entry["content_hash"]
    path.write_text(json.dumps(v1))

    new_guide = load_guide(write_guide(tmp_path / "new", ["alpha", "charlie", "delta"]))
    second = Session(new_guide, ProgressStore(path), clock=lambda: T1)
    flow = second.walkthrough
    assert second.load_result.progress is not None and second.set_aside_notice is None
    assert flow.status("alpha") is StepStatus.DONE
    assert not flow.step_view("alpha").updated_since_done  # v1 did not know the content: not flagged
    assert flow.status("delta") is StepStatus.NOT_STARTED
    assert flow.status("charlie") is StepStatus.NOT_STARTED
    with pytest.raises(KeyError):  # bravo left the guide: there is no page, so no view, for it
        flow.step_view("bravo")
    flow.set_status("delta", StepStatus.LATER)
    saved = from_json(Progress, path.read_bytes())
    assert saved.steps["bravo"].status is StepStatus.SKIPPED
    assert saved.steps["bravo"].skip_reason == "not for me"
    assert saved.steps["bravo"].note == "bravo's note"


# -- "updated since you did this" ---------------------------------------------------------


def edit_step(folder: Path, step_id: str, old: str, new: str) -> None:
    path = folder / "steps" / f"{step_id}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_changed_step_is_flagged_until_done_again(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["alpha", "bravo"], not_completable=("bravo",))
    path = tmp_path / "data" / "progress.json"
    flow = Session(load_guide(folder), ProgressStore(path), clock=lambda: T1).walkthrough
    flow.set_status("alpha", StepStatus.DONE)
    flow.set_status("bravo", StepStatus.ACKNOWLEDGED)
    alpha_hash = flow.progress.step("alpha").content_hash
    assert alpha_hash == step_content_hash(flow.guide.step("alpha"))
    assert len(alpha_hash) == 16 and int(alpha_hash, 16) >= 0
    assert not flow.step_view("alpha").updated_since_done

    edit_step(folder, "alpha", "Why alpha matters.", "Why alpha matters, now on iOS 27 too.")
    edit_step(folder, "bravo", "reviewed = 2026-11-01", "reviewed = 2027-02-03")  # re-review only
    flow = Session(load_guide(folder), ProgressStore(path), clock=lambda: T1).walkthrough
    assert flow.step_view("alpha").updated_since_done
    assert not flow.step_view("bravo").updated_since_done
    with pytest.raises(KeyError):  # a view is of a step in the guide
        flow.step_view("not-in-the-guide")

    flow.set_status("alpha", StepStatus.DONE)  # done again with the new text
    assert not flow.step_view("alpha").updated_since_done
    flow.set_status("alpha", StepStatus.SKIPPED)
    assert flow.progress.step("alpha").content_hash == ""
    assert not flow.step_view("alpha").updated_since_done


def test_content_hash_is_stable_and_ignores_only_the_review_date(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["alpha"])
    first = step_content_hash(load_guide(folder).step("alpha"))
    assert step_content_hash(load_guide(folder).step("alpha")) == first
    edit_step(folder, "alpha", "reviewed = 2026-11-01", "reviewed = 2030-01-01")
    assert step_content_hash(load_guide(folder).step("alpha")) == first
    edit_step(folder, "alpha", '"Turn it off."', '"Turn it off, then back on."')
    assert step_content_hash(load_guide(folder).step("alpha")) != first


def test_content_hashes_saved_by_earlier_versions_still_match(tmp_path: Path) -> None:
    """The hashes people's files hold were made by the first release (then built on pydantic):
    a new way of reading the content must give the same ones, or every finished step would
    say "updated since you did this"."""
    guide = load_guide(write_guide(tmp_path / "guide", ["alpha", "bravo"], kinds={"bravo": "advice"}))
    assert step_content_hash(guide.step("alpha")) == "728bc114aa479d9e"
    assert step_content_hash(guide.step("bravo")) == "9d5b8168f1800c6a"


@pytest.mark.parametrize("bad", ["abc", "A" * 16, "0" * 17, "g" * 16, 5])
def test_content_hash_must_look_like_one(bad: object) -> None:
    data = json.loads(frozen(2))
    data["steps"]["icloud-backup"]["content_hash"] = bad
    with pytest.raises(ProgressError, match="content_hash"):
        parse_progress(json.dumps(data).encode(), "the test file")
