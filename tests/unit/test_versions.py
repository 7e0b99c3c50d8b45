"""The versions a person can pick, and the advice each one leads to (issue 13, items 2–3).

Every version the set-up page offers must lead to correct advice: the list is worked out
from the guide's own rules, a version given without its minor release never blocks a step,
and a version newer than the guide is said to be so on every step, with nothing hidden.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import DeviceKind, version_span
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import Device, Progress
from privacy_walkthrough.core.walkthrough.applicability import Fit, fit
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.core.walkthrough.versions import newer_version_notes, version_choices
from privacy_walkthrough.guides import load_default_guide
from tests.helpers import append_to_step, set_step_instructions, write_guide

T0 = dt.datetime(2026, 5, 6, 7, 8, 9, tzinfo=dt.UTC)

RULES = """
[applicability]
devices = ["iphone", "ipad", "mac"]

[[applicability.requires]]
devices = ["iphone", "ipad"]
min_version = "17.2"
fix = "Update it, or sign it out of iMessage."
"""

INSTRUCTIONS = """
[[instructions]]
platform = "iphone"
before_version = "17.2"
path = ["Settings", "Old place"]
steps = ["Before 17.2."]

[[instructions]]
platform = "iphone"
min_version = "17.2"
path = ["Settings", "Privacy", "New place"]
target = "On"
steps = ["17.2 and later."]
"""


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    folder = write_guide(tmp_path / "guide", ["alpha", "bravo"])
    set_step_instructions(folder, "alpha", INSTRUCTIONS)
    append_to_step(folder, "alpha", RULES)
    guide_toml = folder / "guide.toml"
    guide_toml.write_text(
        guide_toml.read_text(encoding="utf-8") + '\n[newest_versions]\nios = "26.5"\nmacos = "26.5"\n',
        encoding="utf-8",
    )
    return load_guide(folder)


def person(guide: Guide, *devices: Device) -> Progress:
    return replace(new_progress(guide, T0), devices=list(devices))


def fit_for(guide: Guide, version: str | None, kind: DeviceKind = DeviceKind.IPHONE) -> Fit:
    device = Device(id="d1", kind=kind, os_version=version)
    return fit(guide.step("alpha"), person(guide, device), guide.info.newest_versions)


def shown(step_fit: Fit) -> list[str]:
    return [i.steps[0] for i in step_fit.instructions]


# -- what a written version stands for ---------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "low", "high"),
    [
        ("17", (17, 0, 0), (18, 0, 0)),
        ("17.2", (17, 2, 0), (17, 3, 0)),
        ("17.2.1", (17, 2, 1), (17, 2, 2)),
    ],
)
def test_a_version_stands_for_the_releases_it_does_not_rule_out(
    version: str, low: tuple[int, int, int], high: tuple[int, int, int]
) -> None:
    assert version_span(version) == (low, high)


# -- the list is worked out from the guide's rules ---------------------------------------------


def test_the_list_splits_a_major_where_a_rule_names_a_minor_release(guide: Guide) -> None:
    choices = version_choices(guide, DeviceKind.IPHONE)
    labels = [c.label for c in choices]
    assert labels[0] == "Newer than iOS 26.5"
    assert "iOS 17.0 or 17.1" in labels
    assert "iOS 17.2 or a later 17.x" in labels
    assert "iOS 17" not in labels  # a bare 17 would straddle the rule
    assert "iOS 18" in labels and "iOS 26" in labels
    assert not any(label.startswith(("iOS 19", "iOS 2")) and label != "iOS 26" for label in labels[1:])
    assert labels[-1] == "Older than iOS 17"


def test_every_choice_leads_to_advice_without_a_maybe(guide: Guide) -> None:
    """A picked entry is never ambiguous for the rules: no "check your version first"."""
    for kind in (DeviceKind.IPHONE, DeviceKind.IPAD):
        for choice in version_choices(guide, kind):
            found = fit_for(guide, choice.value, kind)
            assert found.maybe_blockers == (), choice
            assert found.conditional == (), choice
            key_low = version_span(choice.value)[0]
            assert bool(found.blockers) is (key_low < (17, 2, 0)), choice
            expected = ["Before 17.2."] if key_low < (17, 2, 0) else ["17.2 and later."]
            assert shown(found) == expected, choice


def test_the_shipped_guide_offers_every_release_its_rules_tell_apart() -> None:
    guide = load_default_guide()
    iphone = [c.label for c in version_choices(guide, DeviceKind.IPHONE)]
    assert "iOS 17.0 or 17.1" in iphone and "iOS 17.2 or a later 17.x" in iphone
    assert "iOS 16.0 or 16.1" in iphone and "iOS 16.2 or a later 16.x" in iphone
    mac = [c.label for c in version_choices(guide, DeviceKind.MAC)]
    assert "macOS 14.0 or 14.1" in mac and "macOS 14.2 or a later 14.x" in mac
    assert "macOS 15" in mac  # a real release no rule names, between 14 and 26
    assert mac[0] == "Newer than macOS 26.5"
    for kind in (DeviceKind.IPHONE, DeviceKind.IPAD, DeviceKind.MAC, DeviceKind.WATCH):
        for choice in version_choices(guide, kind):
            progress = person(guide, Device(id="d1", kind=kind, os_version=choice.value))
            for step in guide.steps:
                found = fit(step, progress, guide.info.newest_versions)
                assert found.maybe_blockers == () and found.conditional == (), (choice, step.id)


# -- a bare major version ("some 17.x") ----------------------------------------------------------


def test_a_bare_major_never_blocks_a_step_a_later_release_allows(guide: Guide) -> None:
    found = fit_for(guide, "17")
    assert found.blockers == ()
    assert [m.requirement.min_version for m in found.maybe_blockers] == ["17.2"]
    assert found.maybe_blockers[0].text.startswith("iPhone runs iOS 17; this step needs iOS 17.2 or later.")
    assert "If it is 17.2 or later, go ahead. If it is older: Update it" in found.maybe_blockers[0].text
    assert shown(found) == ["Before 17.2.", "17.2 and later."]  # both, each with its condition
    assert shown(Fit(**{**found.__dict__, "instructions": found.conditional})) == shown(found)


def test_a_bare_major_below_the_rule_still_blocks(guide: Guide) -> None:
    found = fit_for(guide, "16")
    assert [b.requirement.min_version for b in found.blockers] == ["17.2"]
    assert found.maybe_blockers == ()
    assert shown(found) == ["Before 17.2."]
    assert found.conditional == ()


def test_an_exact_version_is_exact(guide: Guide) -> None:
    assert fit_for(guide, "17.5").maybe_blockers == ()
    assert shown(fit_for(guide, "17.5")) == ["17.2 and later."]
    assert fit_for(guide, "17.1.2").blockers != ()


# -- newer than the guide -------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["26.6", "27", "30.1"])
def test_a_newer_version_is_said_on_every_step_and_hides_nothing(guide: Guide, version: str) -> None:
    found = fit_for(guide, version)
    assert found.blockers == () and found.maybe_blockers == ()
    assert shown(found) == ["17.2 and later."]
    assert [d.os_version for d in found.newer_than_guide] == [version]
    notes = newer_version_notes(found, guide.info.newest_versions, found.devices)
    assert len(notes) == 1
    assert "checked up to iOS 26.5" in notes[0]
    assert "look for “New place”" in notes[0]
    other = fit(guide.step("bravo"), person(guide, *found.devices), guide.info.newest_versions)
    assert other.newer_than_guide == found.devices  # on every step, not only this one


@pytest.mark.parametrize("version", ["26", "26.5", "18"])
def test_a_known_version_is_not_called_newer(guide: Guide, version: str) -> None:
    assert fit_for(guide, version).newer_than_guide == ()


def test_the_newer_choice_is_newer(guide: Guide) -> None:
    newer = version_choices(guide, DeviceKind.MAC)[0]
    assert newer.label == "Newer than macOS 26.5"
    assert fit_for(guide, newer.value, DeviceKind.MAC).newer_than_guide != ()
