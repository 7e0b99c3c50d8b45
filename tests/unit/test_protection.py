"""Protecting a profile's folder: every saved file sealed, read back with the key, and taken off again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privacy_walkthrough.core.progress import sealed
from privacy_walkthrough.core.progress.protection import protect, rekey, unlock
from privacy_walkthrough.core.progress.sealed import KdfParams
from privacy_walkthrough.core.progress.store import LockedProgressError, ProgressStore
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import load_default_guide

FAST = KdfParams(log2_n=10)
NOTE = "Ana has the old iPad"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    guide = load_default_guide()
    progress = new_progress(guide, dt.datetime(2026, 11, 30, tzinfo=dt.UTC))
    progress.person_name = NOTE
    store = ProgressStore(folder / "imessage-privacy.json")
    store.save(progress)
    store.back_up()
    return folder


def test_protecting_seals_every_file_and_the_store_reads_it_with_the_key(folder: Path) -> None:
    key = sealed.new_key("a long passphrase", FAST)
    files = protect(folder, key)
    assert len(files) == 2
    for path in folder.iterdir():
        assert NOTE.encode() not in path.read_bytes()
        assert sealed.is_sealed(path.read_bytes())
    store = ProgressStore(folder / "imessage-privacy.json", key=key)
    assert store.load().progress.person_name == NOTE


def test_a_protected_file_without_the_key_is_locked_and_left_alone(folder: Path) -> None:
    protect(folder, sealed.new_key("a long passphrase", FAST))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(LockedProgressError):
        ProgressStore(folder / "imessage-privacy.json").load()
    with pytest.raises(LockedProgressError):
        ProgressStore(folder / "imessage-privacy.json", key=sealed.new_key("another phrase", FAST)).load()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_saving_with_a_key_seals_and_a_damaged_sealed_file_is_set_aside(folder: Path) -> None:
    key = sealed.new_key("a long passphrase", FAST)
    protect(folder, key)
    path = folder / "imessage-privacy.json"
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 0xFF
    path.write_bytes(bytes(damaged))
    result = ProgressStore(path, key=key).load()
    assert result.progress is None
    assert result.set_aside is not None and result.set_aside.read_bytes() == bytes(damaged)
    assert "damaged" in (result.problem or "")


def test_changing_and_removing_the_passphrase(folder: Path) -> None:
    old = sealed.new_key("a long passphrase", FAST)
    new = sealed.new_key("a newer passphrase", FAST)
    protect(folder, old)
    moved, kept = rekey(folder, old, new)
    assert (len(moved), kept) == (2, [])
    assert ProgressStore(folder / "imessage-privacy.json", key=new).load().progress.person_name == NOTE
    assert rekey(folder, old, None) == ([], moved)  # the old key opens nothing now: nothing changes
    rekey(folder, new, None)
    assert NOTE.encode() in (folder / "imessage-privacy.json").read_bytes()
    assert ProgressStore(folder / "imessage-privacy.json").load().progress.person_name == NOTE


def test_unlock_finds_the_key_from_the_progress_file_or_another_sealed_file(folder: Path) -> None:
    key = sealed.new_key("a long passphrase", FAST)
    protect(folder, key)
    path = folder / "imessage-privacy.json"
    assert unlock(folder, path, "a long passphrase").key == key.key
    with pytest.raises(sealed.WrongPassphraseError):
        unlock(folder, path, "not the passphrase")
    damaged = bytearray(path.read_bytes())
    damaged[12] ^= 0xFF  # in the header: this file cannot tell a right passphrase any more
    path.write_bytes(bytes(damaged))
    assert unlock(folder, path, "a long passphrase").key == key.key  # from the backup
    for other in folder.glob("*.backup-*.json"):
        other.write_bytes(other.read_bytes()[:20])
    fresh = unlock(folder, path, "a long passphrase")  # nothing can tell: a new key for new saves
    assert fresh.salt != key.salt
    result = ProgressStore(path, key=fresh).load()  # the damaged file is set aside, not overwritten
    assert result.progress is None and result.set_aside is not None
    assert result.set_aside.read_bytes() == bytes(damaged)
