"""How a step fits a person: every outcome comes from the content's [applicability] data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import DeviceKind, Platform
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.labels import (
    device_kind_label,
    device_label,
    device_with_version,
    os_name,
    where_to_find_version,
)
from privacy_walkthrough.core.progress.models import Answers, Device, Progress, StepProgress, StepStatus
from privacy_walkthrough.core.walkthrough.applicability import fit
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.core.walkthrough.views import Tally
from tests.helpers import append_to_step, open_ids, set_step_instructions, write_guide

T0 = dt.datetime(2026, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
IDS = ["alpha", "bravo", "charlie"]

IPHONE_17 = Device(id="d1", kind=DeviceKind.IPHONE, os_version="17.5")
IPHONE_18 = Device(id="d2", kind=DeviceKind.IPHONE, os_version="18.1")
IPHONE_UNKNOWN = Device(id="d3", kind=DeviceKind.IPHONE)
MAC_14 = Device(id="m1", kind=DeviceKind.MAC, os_version="14.5")
WATCH = Device(id="w1", kind=DeviceKind.WATCH, os_version="10.1")

BY_VERSION = """\
[[instructions]]
platform = "iphone"
before_version = "18"
path = ["Settings", "Messages", "Old"]
steps = ["Before iOS 18."]

[[instructions]]
platform = "iphone"
min_version = "18"
path = ["Settings", "Apps", "Messages", "New"]
steps = ["iOS 18 and later."]

[[instructions]]
platform = "mac"
path = ["Messages", "Settings…"]
steps = ["On a Mac."]

[[instructions]]
platform = "web"
steps = ["On the web."]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_guide(tmp_path / "guide", IDS)


def person(guide: Guide, devices: list[Device] | None = None, **answers: Any) -> Progress:
    return replace(new_progress(guide, T0), devices=devices or [], answers=Answers(**answers))


def fit_of(folder: Path, step_id: str, devices: list[Device] | None = None, **answers: Any) -> Any:
    guide = load_guide(folder)
    return fit(guide.step(step_id), person(guide, devices, **answers))


def steps_of(instructions: tuple[Any, ...]) -> list[str]:
    return [i.steps[0] for i in instructions]


# -- answers ------------------------------------------------------------------------------


def test_a_step_without_applicability_fits_everyone(folder: Path) -> None:
    found = fit_of(folder, "alpha", [IPHONE_17, MAC_14], high_risk=False, lives_in_uk=True)
    assert found.not_applicable_reason is None
    assert found.cautions == ()
    assert found.blockers == ()
    assert found.unknown_versions == ()
    assert found.devices == (IPHONE_17, MAC_14)


def test_not_applicable_rule_comes_from_the_content(folder: Path) -> None:
    assert fit_of(folder, "alpha", high_risk=False).not_applicable_reason is None
    append_to_step(
        folder,
        "alpha",
        """
        [[applicability.not_applicable_when]]
        answer = "high_risk"
        equals = false
        reason = "Only for people at risk."
        """,
    )
    assert fit_of(folder, "alpha", high_risk=False).not_applicable_reason == "Only for people at risk."
    assert fit_of(folder, "alpha", high_risk=True).not_applicable_reason is None
    assert fit_of(folder, "alpha").not_applicable_reason is None  # not answered never matches
    assert fit_of(folder, "bravo", high_risk=False).not_applicable_reason is None


def test_the_first_matching_rule_gives_the_reason(folder: Path) -> None:
    append_to_step(
        folder,
        "alpha",
        """
        [[applicability.not_applicable_when]]
        answer = "lives_in_uk"
        equals = true
        reason = "Not in the UK."

        [[applicability.not_applicable_when]]
        answer = "messages_businesses"
        equals = false
        reason = "No business chats."
        """,
    )
    both = fit_of(folder, "alpha", lives_in_uk=True, messages_businesses=False)
    assert both.not_applicable_reason == "Not in the UK."
    second = fit_of(folder, "alpha", lives_in_uk=False, messages_businesses=False)
    assert second.not_applicable_reason == "No business chats."


def test_cautions_come_from_the_content_in_order(folder: Path) -> None:
    append_to_step(
        folder,
        "alpha",
        """
        [[applicability.caution_when]]
        answer = "can_cope_without_recovery"
        equals = false
        reason = "Set up recovery first."

        [[applicability.caution_when]]
        answer = "high_risk"
        equals = true
        reason = "Think twice."
        """,
    )
    assert fit_of(folder, "alpha").cautions == ()
    assert fit_of(folder, "alpha", high_risk=True).cautions == ("Think twice.",)
    both = fit_of(folder, "alpha", high_risk=True, can_cope_without_recovery=False)
    assert both.cautions == ("Set up recovery first.", "Think twice.")
    assert both.not_applicable_reason is None


# -- devices ------------------------------------------------------------------------------


def test_a_step_for_other_devices_does_not_apply(folder: Path) -> None:
    append_to_step(folder, "alpha", '[applicability]\ndevices = ["iphone", "ipad"]\n')
    mac_only = fit_of(folder, "alpha", [MAC_14])
    assert mac_only.not_applicable_reason == "None of your devices is an iPhone or iPad."
    assert mac_only.devices == ()
    assert fit_of(folder, "alpha", [MAC_14, IPHONE_17]).not_applicable_reason is None
    assert fit_of(folder, "alpha", [MAC_14, IPHONE_17]).devices == (IPHONE_17,)
    assert fit_of(folder, "alpha", []).not_applicable_reason is None  # no devices recorded
    assert fit_of(folder, "bravo", [MAC_14]).not_applicable_reason is None  # default devices


def test_an_answer_rule_is_the_reason_before_the_devices(folder: Path) -> None:
    append_to_step(
        folder,
        "alpha",
        """
        [applicability]
        devices = ["mac"]

        [[applicability.not_applicable_when]]
        answer = "lives_in_uk"
        equals = true
        reason = "Not in the UK."
        """,
    )
    assert fit_of(folder, "alpha", [IPHONE_17]).not_applicable_reason == "None of your devices is a Mac."
    assert fit_of(folder, "alpha", [IPHONE_17], lives_in_uk=True).not_applicable_reason == "Not in the UK."


@pytest.mark.parametrize(
    ("kinds", "other", "said"),
    [
        ('["iphone"]', DeviceKind.IPAD, "an iPhone"),
        ('["watch"]', DeviceKind.MAC, "an Apple Watch"),
        ('["iphone", "ipad", "mac"]', DeviceKind.WATCH, "an iPhone, iPad or Mac"),
    ],
)
def test_the_reason_names_the_kinds_of_device(folder: Path, kinds: str, other: DeviceKind, said: str) -> None:
    append_to_step(folder, "alpha", f"[applicability]\ndevices = {kinds}\n")
    found = fit_of(folder, "alpha", [Device(id="x", kind=other)])
    assert found.not_applicable_reason == f"None of your devices is {said}."


# -- minimum versions ---------------------------------------------------------------------

REQUIRES = """
[applicability]
devices = ["iphone", "ipad", "mac"]

[[applicability.requires]]
devices = ["iphone", "ipad"]
min_version = "17.2"
fix = "Update it, or sign it out of iMessage."
"""


def test_requirements_block_devices_known_to_be_older(folder: Path) -> None:
    old_iphone = Device(id="a", kind=DeviceKind.IPHONE, os_version="17.1.2")
    new_ipad = Device(id="b", kind=DeviceKind.IPAD, os_version="17.2")
    work_ipad = Device(id="c", kind=DeviceKind.IPAD, name="Work iPad", os_version="16.7")
    old_mac = Device(id="d", kind=DeviceKind.MAC, os_version="10.15")
    devices = [old_iphone, new_ipad, work_ipad, old_mac, IPHONE_UNKNOWN]
    assert fit_of(folder, "alpha", devices).blockers == ()
    append_to_step(folder, "alpha", REQUIRES)
    found = fit_of(folder, "alpha", devices)
    assert [b.device for b in found.blockers] == [old_iphone, work_ipad]
    assert found.blockers[1].text == (
        "Work iPad runs iPadOS 16.7; this needs iPadOS 17.2 or later on every device. "
        "Update it, or sign it out of iMessage."
    )
    assert found.blockers[0].text.startswith("iPhone 1 runs iOS 17.1.2; this needs iOS 17.2 or later")
    assert found.blockers[0].requirement.min_version == "17.2"
    assert found.unknown_versions == (IPHONE_UNKNOWN,)  # the Mac has no requirement here


def test_a_per_device_step_does_not_say_every_device(folder: Path) -> None:
    append_to_step(folder, "alpha", REQUIRES.replace('"mac"]\n', '"mac"]\nper_device = true\n'))
    found = fit_of(folder, "alpha", [Device(id="a", kind=DeviceKind.IPHONE, os_version="16")])
    assert (
        found.blockers[0].text
        == "iPhone runs iOS 16; this needs iOS 17.2 or later. Update it, or sign it out of iMessage."
    )


def test_a_blocker_escapes_the_name_the_person_typed(folder: Path) -> None:
    append_to_step(folder, "alpha", REQUIRES)
    sneaky = Device(id="a", kind=DeviceKind.IPHONE, name="[click](https://x.example) *me*", os_version="16")
    text = fit_of(folder, "alpha", [sneaky]).blockers[0].text
    assert text.startswith(r"\[click\](https\://x.example) \*me\* runs iOS 16")


# -- instructions by device and version ---------------------------------------------------


@pytest.mark.parametrize(
    ("devices", "shown"),
    [
        ([IPHONE_17], ["Before iOS 18.", "On the web."]),
        ([IPHONE_18], ["iOS 18 and later.", "On the web."]),
        ([IPHONE_UNKNOWN], ["Before iOS 18.", "iOS 18 and later.", "On the web."]),
        ([], ["Before iOS 18.", "iOS 18 and later.", "On a Mac.", "On the web."]),
        ([IPHONE_17, IPHONE_18], ["Before iOS 18.", "iOS 18 and later.", "On the web."]),
        ([MAC_14], ["On a Mac.", "On the web."]),
        ([IPHONE_18, MAC_14], ["iOS 18 and later.", "On a Mac.", "On the web."]),
        ([Device(id="p", kind=DeviceKind.IPAD, os_version="17")], ["Before iOS 18.", "On the web."]),
        ([WATCH], ["On the web."]),  # no instructions are for a watch
    ],
)
def test_instructions_fit_the_devices_and_their_versions(
    folder: Path, devices: list[Device], shown: list[str]
) -> None:
    set_step_instructions(folder, "alpha", BY_VERSION)
    assert steps_of(fit_of(folder, "alpha", devices).instructions) == shown


def test_instructions_only_for_the_devices_the_step_concerns(folder: Path) -> None:
    set_step_instructions(folder, "alpha", BY_VERSION.replace('platform = "mac"', 'platform = "iphone"'))
    append_to_step(folder, "alpha", '[applicability]\ndevices = ["iphone"]\n')
    ipad_18 = Device(id="p", kind=DeviceKind.IPAD, os_version="18")
    found = fit_of(folder, "alpha", [IPHONE_17, ipad_18])
    assert found.devices == (IPHONE_17,)
    assert all(i.platform is not Platform.MAC for i in found.instructions)
    assert "iOS 18 and later." not in steps_of(found.instructions)  # the iPad on 18 does not count


# -- the walkthrough's effective status ---------------------------------------------------


def test_an_undecided_step_that_does_not_apply_reads_not_applicable(folder: Path) -> None:
    append_to_step(
        folder,
        "alpha",
        """
        [[applicability.not_applicable_when]]
        answer = "high_risk"
        equals = false
        reason = "Only for people at risk."
        """,
    )
    guide = load_guide(folder)
    calls: list[Progress] = []
    flow = Walkthrough(guide, new_progress(guide, T0), calls.append, clock=lambda: T0)
    assert flow.status("alpha") is StepStatus.NOT_STARTED
    flow.set_answers(Answers(high_risk=False))
    assert len(calls) == 1
    assert flow.status("alpha") is StepStatus.NOT_APPLICABLE
    assert flow.progress.step("alpha").status is StepStatus.NOT_STARTED
    assert flow.fit("alpha").not_applicable_reason == "Only for people at risk."
    assert flow.tally() == Tally(done=0, settled=1, total=3)
    assert open_ids(flow) == ["bravo", "charlie"]
    assert flow.first_open_index() == flow.page_index_of_step("bravo")

    flow.set_status("alpha", StepStatus.LATER)
    assert flow.status("alpha") is StepStatus.NOT_APPLICABLE
    flow.set_status("alpha", StepStatus.DONE)  # the person decided: their decision stands
    assert flow.status("alpha") is StepStatus.DONE
    assert flow.tally() == Tally(done=1, settled=1, total=3)

    flow.set_status("bravo", StepStatus.SKIPPED)
    flow.set_status("charlie", StepStatus.DONE)
    flow.set_status("alpha", StepStatus.NOT_STARTED)
    assert not open_ids(flow)  # alpha does not apply, so nothing is open
    flow.set_answers(Answers(high_risk=True))
    assert open_ids(flow)
    assert flow.status("alpha") is StepStatus.NOT_STARTED


def test_a_step_no_longer_in_the_guide_keeps_its_stored_status(folder: Path) -> None:
    guide = load_guide(folder)
    progress = replace(person(guide, [MAC_14]), steps={"gone": StepProgress()})
    flow = Walkthrough(guide, progress, lambda p: None)
    assert flow.status("gone") is StepStatus.NOT_STARTED


# -- labels -------------------------------------------------------------------------------


def test_device_labels_use_the_name_or_the_kind_numbered_in_order() -> None:
    first = Device(id="a", kind=DeviceKind.IPHONE)
    named = Device(id="b", kind=DeviceKind.IPHONE, name="  Work iPhone ")
    third = Device(id="c", kind=DeviceKind.IPHONE)
    ipad = Device(id="d", kind=DeviceKind.IPAD)
    devices = [first, named, ipad, third]
    assert [device_label(d, devices) for d in devices] == ["iPhone 1", "Work iPhone", "iPad", "iPhone 3"]
    assert device_label(first, [first, ipad]) == "iPhone"
    assert device_with_version(named, devices) == "Work iPhone (iOS: version not known)"
    assert device_with_version(replace(ipad, os_version="17.5"), devices) == "iPad (iPadOS 17.5)"


def test_kind_and_system_names() -> None:
    assert [device_kind_label(k) for k in DeviceKind] == ["iPhone", "iPad", "Mac", "Apple Watch"]
    assert [os_name(k) for k in DeviceKind] == ["iOS", "iPadOS", "macOS", "watchOS"]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (DeviceKind.IPHONE, ["Settings > General > About", "iOS Version"]),
        (DeviceKind.IPAD, ["Settings > General > About", "iPadOS Version"]),
        (DeviceKind.MAC, ["Apple menu > About This Mac"]),
        (DeviceKind.WATCH, ["Watch app", "General > About", "watchOS"]),
    ],
)
def test_where_to_find_the_version(kind: DeviceKind, words: list[str]) -> None:
    text = where_to_find_version(kind)
    for word in words:
        assert word in text
