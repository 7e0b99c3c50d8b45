"""The list of profiles records which are protected; a hidden name leaves no trace in it or on disk."""

from __future__ import annotations

import json
from pathlib import Path

from privacy_walkthrough.core.progress.profiles import ProfileRegistry


def test_protecting_with_a_hidden_name_moves_the_folder_and_drops_the_name(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    zoe = registry.create("Zoë Smith")
    (zoe.folder / "progress" / "imessage-privacy.json").write_text("{}")
    registry.set_last_used(zoe.id)
    protected = registry.set_protection(zoe.id, protected=True, lock_after_minutes=5, hide_name=True)
    assert protected.name == "Protected profile"
    assert (protected.protected, protected.lock_after_minutes) == (True, 5)
    assert "zoe" not in protected.folder.name
    assert (protected.folder / "progress" / "imessage-privacy.json").is_file()
    assert not zoe.folder.exists()
    saved = (data_dir / "profiles.json").read_text()
    assert "Zo" not in saved and "zoe" not in saved
    again = ProfileRegistry(data_dir)
    assert again.last_used() == protected
    assert [p.name for p in again.profiles()] == ["Me", "Protected profile"]


def test_two_hidden_profiles_are_numbered_and_a_shown_name_stays(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    a = registry.create("Ana")
    b = registry.create("Bea")
    registry.set_protection(a.id, protected=True, hide_name=True)
    registry.set_protection(b.id, protected=True, hide_name=True)
    registry.set_protection("default", protected=True, hide_name=False)
    names = [(p.name, p.protected) for p in registry.profiles()]
    assert names == [("Me", True), ("Protected profile 1", True), ("Protected profile 2", True)]
    json.loads((data_dir / "profiles.json").read_text())  # still a valid list


def test_taking_protection_off_gives_a_hidden_profile_a_plain_name_again(data_dir: Path) -> None:
    registry = ProfileRegistry(data_dir)
    ana = registry.create("Ana")
    hidden = registry.set_protection(ana.id, protected=True, lock_after_minutes=15, hide_name=True)
    plain = registry.set_protection(hidden.id, protected=False)
    assert (plain.name, plain.protected, plain.lock_after_minutes) == ("Profile", False, 0)
    assert ProfileRegistry(data_dir).profiles()[1] == plain
