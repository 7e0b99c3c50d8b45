"""Profiles: one progress per person, kept apart across restarts, in one data folder."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.i18n import set_catalog
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.progress.profiles import Profile, ProfileError, ProfileRegistry, slug_for
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from tests.helpers import write_guide

T0 = dt.datetime(2026, 7, 8, 9, 10, 11, tzinfo=dt.UTC)


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    return load_guide(write_guide(tmp_path / "guide", ["alpha", "bravo"]))


def session_for(registry: ProfileRegistry, profile: Profile, guide: Guide) -> Session:
    return Session(guide, ProgressStore(registry.progress_file(profile, guide.info.id)), clock=lambda: T0)


def by_name(registry: ProfileRegistry, name: str) -> Profile:
    return next(p for p in registry.profiles() if p.name == name)


def on_disk(data_dir: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((data_dir / "profiles.json").read_text())
    return loaded


# -- the default profile ------------------------------------------------------------------


def test_a_fresh_folder_has_the_default_profile_and_writes_nothing(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    assert registry.profiles() == [Profile("default", "Me", data_dir.absolute())]
    assert registry.last_used().id == "default"
    assert registry.set_aside_notice is None
    assert not (data_dir / "profiles.json").exists()


def test_the_default_profile_uses_the_existing_progress_file(data_dir: Path, guide: Guide) -> None:
    old = Session(guide, ProgressStore(data_dir / "progress" / "test-guide.json"), clock=lambda: T0)
    old.walkthrough.set_status("alpha", StepStatus.DONE)
    registry = ProfileRegistry(data_dir)
    assert (
        registry.progress_file(registry.last_used(), "test-guide")
        == data_dir / "progress" / "test-guide.json"
    )
    resumed = session_for(registry, registry.last_used(), guide)
    assert resumed.walkthrough.status("alpha") is StepStatus.DONE


def test_the_default_name_is_translated(data_dir: Path) -> None:
    set_catalog({"Me": "Ich"})
    assert ProfileRegistry(data_dir).profiles()[0].name == "Ich"


# -- separate progress across restarts ----------------------------------------------------


def test_profiles_keep_separate_progress_across_restarts(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    robin = registry.create("Robin")
    session_for(registry, registry.last_used(), guide).walkthrough.set_status("alpha", StepStatus.DONE)
    session_for(registry, sam, guide).walkthrough.set_status("bravo", StepStatus.SKIPPED, reason="no")
    robin_flow = session_for(registry, robin, guide).walkthrough
    robin_flow.set_note("alpha", "Robin's note")
    registry.set_last_used(sam.id)
    del registry, robin_flow

    again = ProfileRegistry(data_dir)  # a restart
    assert [p.name for p in again.profiles()] == ["Me", "Sam", "Robin"]
    assert again.last_used().name == "Sam"
    me_flow = session_for(again, by_name(again, "Me"), guide).walkthrough
    sam_flow = session_for(again, by_name(again, "Sam"), guide).walkthrough
    robin_flow = session_for(again, by_name(again, "Robin"), guide).walkthrough
    assert (me_flow.status("alpha"), me_flow.status("bravo")) == (StepStatus.DONE, StepStatus.NOT_STARTED)
    assert (sam_flow.status("alpha"), sam_flow.status("bravo")) == (
        StepStatus.NOT_STARTED,
        StepStatus.SKIPPED,
    )
    assert robin_flow.progress.step("alpha").note == "Robin's note"
    assert me_flow.progress.step("alpha").note == ""
    assert by_name(again, "Sam").folder == data_dir.absolute() / "profiles" / "sam"


def test_files_and_folders_are_private(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    session_for(registry, sam, guide).walkthrough.set_note("alpha", "private")
    assert stat.S_IMODE((data_dir / "profiles.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(sam.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((sam.folder / "progress").stat().st_mode) == 0o700
    assert stat.S_IMODE(registry.progress_file(sam, "test-guide").stat().st_mode) == 0o600


# -- create, rename, delete, last used ----------------------------------------------------


def test_create_checks_the_name_and_derives_an_id(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    zoe = registry.create("  Zoë Smith ")
    assert (zoe.id, zoe.name) == ("zoe-smith", "Zoë Smith")
    assert registry.create("Zoe smith!").id == "zoe-smith-2"
    assert registry.create("李").id == "profile"
    for bad, message in [
        ("", "type a name"),
        ("   ", "type a name"),
        ("x" * 61, "shorter"),
        ("two\nlines", "one line"),
        ("zoë SMITH", "already"),
        ("me", "already"),  # the default profile's name
    ]:
        with pytest.raises(ProfileError, match=message):
            registry.create(bad)
    assert len(registry.profiles()) == 4
    assert registry.create("x" * 60).name == "x" * 60
    assert registry.last_used().id == "default"  # creating does not switch


def test_a_new_id_never_reuses_a_folder_left_on_disk(data_dir: Path) -> None:
    (data_dir / "profiles" / "sam" / "progress").mkdir(parents=True)
    (data_dir / "profiles" / "sam" / "progress" / "test-guide.json").write_text("{}")
    assert ProfileRegistry(data_dir).create("Sam").id == "sam-2"
    assert slug_for("default") == "default"
    assert ProfileRegistry(data_dir).create("Default").id == "default-2"


def test_rename(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    registry.create("Robin")
    renamed = registry.rename(sam.id, "Samuel")
    assert (renamed.id, renamed.name, renamed.folder) == (sam.id, "Samuel", sam.folder)
    assert registry.rename("default", "Alex").name == "Alex"
    assert registry.rename(sam.id, "samuel").name == "samuel"  # its own name, another case
    with pytest.raises(ProfileError, match="already"):
        registry.rename(sam.id, "ROBIN")
    with pytest.raises(ProfileError):
        registry.rename("nobody", "X")
    assert [p.name for p in ProfileRegistry(data_dir).profiles()] == ["Alex", "samuel", "Robin"]


def test_set_last_used(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    registry.set_last_used(sam.id)
    assert ProfileRegistry(data_dir).last_used() == sam
    with pytest.raises(ProfileError):
        registry.set_last_used("nobody")
    assert ProfileRegistry(data_dir).last_used() == sam


def test_delete_removes_the_profiles_files_and_folder(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    flow = session_for(registry, sam, guide)
    flow.walkthrough.set_note("alpha", "secret")
    backup = flow.start_over()
    leftover = sam.folder / "progress" / ".test-guide.json.abc.tmp"
    leftover.write_text("partial")
    session_for(registry, registry.last_used(), guide).walkthrough.set_note("alpha", "mine")
    registry.set_last_used(sam.id)

    deleted = registry.delete(sam.id)
    assert sorted(deleted) == sorted([registry.progress_file(sam, "test-guide"), backup, leftover])
    assert not sam.folder.exists()
    assert [p.id for p in registry.profiles()] == ["default"]
    assert registry.last_used().id == "default"  # it was the last used one
    assert [p.id for p in ProfileRegistry(data_dir).profiles()] == ["default"]
    mine = session_for(registry, registry.last_used(), guide).walkthrough
    assert mine.progress.step("alpha").note == "mine"


def test_the_last_profile_cannot_be_deleted(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    session_for(registry, registry.last_used(), guide).walkthrough.set_note("alpha", "mine")
    with pytest.raises(ProfileError, match="only profile"):
        registry.delete("default")
    assert registry.progress_file(registry.last_used(), "test-guide").exists()


def test_deleting_the_default_profile_keeps_the_data_folder(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    session_for(registry, registry.last_used(), guide).walkthrough.set_note("alpha", "mine")
    (data_dir / "logs").mkdir()
    (data_dir / "logs" / "app.log").write_text("log")
    deleted = registry.delete("default")
    assert deleted == [data_dir.absolute() / "progress" / "test-guide.json"]
    assert (data_dir / "logs" / "app.log").exists()
    assert (data_dir / "profiles.json").exists()
    assert registry.profiles() == [sam]
    assert registry.last_used() == sam
    with pytest.raises(ProfileError, match="only profile"):
        registry.delete(sam.id)


# -- a damaged list -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[]",
        b'{"format": "privacy-walkthrough-profiles", "schema_version": 1, "profiles": [], "last_used": "x"}',
        b'{"format": "privacy-walkthrough-profiles", "schema_version": 1, '
        b'"profiles": [{"id": "sam", "name": "Sam"}], "last_used": "robin"}',
        b"\xff\xfe",
    ],
)
def test_a_damaged_list_is_set_aside_and_never_overwritten(data_dir: Path, raw: bytes) -> None:
    data_dir.mkdir()
    (data_dir / "profiles.json").write_bytes(raw)
    registry = ProfileRegistry(data_dir)
    aside = registry.set_aside_notice
    assert aside is not None
    assert aside.parent == data_dir.absolute()
    assert aside.name.startswith("profiles.damaged-")
    assert aside.read_bytes() == raw
    assert [p.id for p in registry.profiles()] == ["default"]
    registry.create("Sam")
    assert aside.read_bytes() == raw
    assert on_disk(data_dir)["last_used"] == "default"


def test_a_list_from_a_newer_app_is_left_alone(data_dir: Path) -> None:
    data_dir.mkdir()
    raw = b'{"format": "privacy-walkthrough-profiles", "schema_version": 2, "profiles": []}'
    (data_dir / "profiles.json").write_bytes(raw)
    with pytest.raises(ProfileError, match="newer version"):
        ProfileRegistry(data_dir)
    assert (data_dir / "profiles.json").read_bytes() == raw
    assert [p.name for p in data_dir.iterdir()] == ["profiles.json"]


# -- erase everything ---------------------------------------------------------------------


def test_files_and_erase_all(data_dir: Path, guide: Guide) -> None:
    registry = ProfileRegistry(data_dir)
    sam = registry.create("Sam")
    session_for(registry, sam, guide).walkthrough.set_note("alpha", "secret")
    session_for(registry, registry.last_used(), guide).walkthrough.set_note("alpha", "mine")
    (data_dir / "profiles.damaged-20260101-000000.json").write_text("old")
    registry.set_last_used(sam.id)
    expected = sorted(
        [
            data_dir.absolute() / "profiles.json",
            data_dir.absolute() / "profiles.damaged-20260101-000000.json",
            registry.progress_file(sam, "test-guide"),
        ]
    )
    assert registry.files() == expected  # the default's progress is the data folder's own
    assert registry.erase_all() == expected
    assert not (data_dir / "profiles").exists()
    assert not (data_dir / "profiles.json").exists()
    assert [p.id for p in registry.profiles()] == ["default"]
    assert registry.last_used().id == "default"
    assert (data_dir / "progress" / "test-guide.json").exists()


@pytest.mark.parametrize(("version", "left_alone"), [(2.0, True), (1001, False)])
def test_the_list_reads_newer_versions_as_the_progress_file_does(
    data_dir: Path, version: float, left_alone: bool
) -> None:
    data_dir.mkdir()
    raw = json.dumps({"format": "privacy-walkthrough-profiles", "schema_version": version, "profiles": []})
    (data_dir / "profiles.json").write_text(raw)
    if left_alone:
        with pytest.raises(ProfileError, match="newer version"):
            ProfileRegistry(data_dir)
        assert (data_dir / "profiles.json").read_text() == raw
    else:  # an impossible version is damage: set aside, and a new list started
        registry = ProfileRegistry(data_dir)
        assert registry.set_aside_notice is not None and registry.set_aside_notice.read_text() == raw
