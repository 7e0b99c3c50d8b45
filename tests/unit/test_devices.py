"""The person's devices in the walkthrough: per-device ticks, updates to check again, setup."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.hash import step_content_hash
from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import (
    SETUP_PAGE,
    Answers,
    Device,
    Progress,
    StepProgress,
    StepStatus,
)
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.core.walkthrough.views import PageKind
from tests.helpers import MINUTE_CLOCK_START, MinuteClock, append_to_step, set_step_instructions, write_guide

T0 = MINUTE_CLOCK_START
IDS = ["alpha", "bravo", "charlie", "delta", "echo"]

PHONE = Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="17.5")
TABLET = Device(id="d2", kind=DeviceKind.IPAD, os_version="17.0")
LAPTOP = Device(id="m1", kind=DeviceKind.MAC, os_version="14")
DEVICES = [PHONE, TABLET, LAPTOP]


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    """alpha: per device on iPhone and iPad; bravo: a switch on iPhone/iPad; charlie: nothing to
    leave switched (no target); delta: a switch on the Mac only; echo: like bravo."""
    folder = write_guide(tmp_path / "guide", IDS)
    append_to_step(folder, "alpha", '[applicability]\ndevices = ["iphone", "ipad"]\nper_device = true\n')
    set_step_instructions(
        folder, "charlie", '[[instructions]]\nplatform = "iphone"\nsteps = ["Read this."]\n'
    )
    set_step_instructions(
        folder, "delta", '[[instructions]]\nplatform = "mac"\ntarget = "On"\nsteps = ["Turn it on."]\n'
    )
    append_to_step(folder, "delta", '[applicability]\ndevices = ["mac"]\n')
    return load_guide(folder)


@pytest.fixture
def flow(guide: Guide, calls: list[Progress], clock: MinuteClock) -> Walkthrough:
    walkthrough = Walkthrough(guide, new_progress(guide, T0), calls.append, clock=clock)
    walkthrough.set_devices(list(DEVICES))
    del calls[:]
    return walkthrough


def with_version(device: Device, version: str | None) -> Device:
    return replace(device, os_version=version)


def rechecks(flow: Walkthrough) -> dict[str, list[str]]:
    return {step_id: flow.progress.step(step_id).recheck for step_id in IDS}


# -- one tick per device ------------------------------------------------------------------


def test_a_per_device_step_is_done_only_when_every_device_is_ticked(
    flow: Walkthrough, calls: list[Progress], clock: MinuteClock
) -> None:
    assert [d.id for d in flow.fit("alpha").devices] == ["d1", "d2"]  # not the Mac
    assert not flow.can_mark_done("alpha")
    assert flow.can_mark_done("bravo")

    flow.set_device_done("alpha", "d1", True)
    entry = flow.progress.step("alpha")
    assert entry.status is StepStatus.NOT_STARTED
    assert entry.devices_done.keys() == {"d1"}
    assert T0 < entry.devices_done["d1"] <= clock.last
    assert entry.done_at is None
    assert not flow.can_mark_done("alpha")

    flow.set_device_done("alpha", "d2", True)
    entry = flow.progress.step("alpha")
    assert entry.status is StepStatus.DONE
    assert set(entry.devices_done) == {"d1", "d2"}
    assert entry.done_at is not None and entry.done_at == entry.changed_at
    assert entry.content_hash == step_content_hash(flow.guide.step("alpha"))
    assert flow.can_mark_done("alpha")

    flow.set_device_done("alpha", "d1", False)
    entry = flow.progress.step("alpha")
    assert entry.status is StepStatus.NOT_STARTED
    assert set(entry.devices_done) == {"d2"}
    assert entry.done_at is None and entry.content_hash == ""
    assert len(calls) == 3
    assert all(c is flow.progress for c in calls)


def test_marking_a_per_device_step_done_too_early_is_refused(
    flow: Walkthrough, calls: list[Progress]
) -> None:
    flow.set_device_done("alpha", "d1", True)
    del calls[:]
    before = copy.deepcopy(flow.progress)
    for status in (StepStatus.DONE, StepStatus.ACKNOWLEDGED):
        with pytest.raises(ValueError, match="every device"):
            flow.set_status("alpha", status)
    assert flow.progress == before
    assert calls == []
    flow.set_status("alpha", StepStatus.SKIPPED, reason="no time")  # other decisions are fine
    assert flow.progress.step("alpha").devices_done.keys() == {"d1"}  # ticks survive decisions


def test_ticking_the_rest_finishes_a_skipped_step(flow: Walkthrough) -> None:
    flow.set_status("alpha", StepStatus.SKIPPED, reason="later")
    flow.set_device_done("alpha", "d1", True)
    assert flow.status("alpha") is StepStatus.SKIPPED
    flow.set_device_done("alpha", "d2", True)
    assert flow.status("alpha") is StepStatus.DONE
    assert flow.progress.step("alpha").skip_reason == ""


def test_ticking_twice_changes_nothing(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.set_device_done("alpha", "d1", True)
    flow.set_device_done("alpha", "d1", True)
    flow.set_device_done("alpha", "d2", False)
    assert len(calls) == 1


def test_a_per_device_step_with_no_devices_recorded_is_marked_done_as_usual(guide: Guide) -> None:
    flow = Walkthrough(guide, new_progress(guide, T0), lambda p: None)
    assert flow.can_mark_done("alpha")
    flow.set_status("alpha", StepStatus.DONE)
    assert flow.status("alpha") is StepStatus.DONE


@pytest.mark.parametrize(
    ("step_id", "device_id", "error"),
    [
        ("bravo", "d1", ValueError),  # not a per-device step
        ("alpha", "m1", ValueError),  # the step is not about Macs
        ("alpha", "nope", KeyError),  # no such device
        ("nope", "d1", KeyError),  # no such step
    ],
)
def test_ticks_that_make_no_sense_are_refused(
    flow: Walkthrough, calls: list[Progress], step_id: str, device_id: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        flow.set_device_done(step_id, device_id, True)
    assert calls == []
    assert flow.progress.steps == {}


# -- a system update: check again ---------------------------------------------------------


def finish_some(flow: Walkthrough) -> None:
    flow.set_device_done("alpha", "d1", True)  # ticked on the iPhone, not finished
    flow.set_status("bravo", StepStatus.DONE)
    flow.set_status("charlie", StepStatus.DONE)  # nothing left switched on the device
    flow.set_status("delta", StepStatus.DONE)  # about Macs only
    flow.set_status("echo", StepStatus.SKIPPED)


def test_a_raised_version_flags_exactly_that_devices_finished_steps(
    flow: Walkthrough, calls: list[Progress]
) -> None:
    finish_some(flow)
    del calls[:]
    flow.set_devices([with_version(PHONE, "18.1"), TABLET, LAPTOP])
    assert len(calls) == 1
    assert rechecks(flow) == {"alpha": ["d1"], "bravo": ["d1"], "charlie": [], "delta": [], "echo": []}
    assert [d.id for d in flow.step_view("bravo").recheck] == ["d1"]
    assert flow.step_view("bravo").recheck[0].os_version == "18.1"

    flow.set_devices([with_version(PHONE, "18.1"), with_version(TABLET, "17.0.1"), LAPTOP])
    assert rechecks(flow) == {"alpha": ["d1"], "bravo": ["d1", "d2"], "charlie": [], "delta": [], "echo": []}
    views = [flow.step_view(step_id) for step_id in flow.guide.step_ids]
    assert [(v.step.id, [d.id for d in v.recheck]) for v in views if v.recheck] == [
        ("alpha", ["d1"]),
        ("bravo", ["d1", "d2"]),
    ]

    flow.set_devices(
        [with_version(PHONE, "18.1"), with_version(TABLET, "17.0.1"), with_version(LAPTOP, "15")]
    )
    assert rechecks(flow)["delta"] == ["m1"]
    assert rechecks(flow)["bravo"] == ["d1", "d2"]  # a Mac update does not touch iPhone steps


@pytest.mark.parametrize(
    "changed",
    [
        with_version(PHONE, "17.4"),  # lowered
        with_version(PHONE, "17.5"),  # the same
        with_version(PHONE, None),  # now unknown
        replace(PHONE, name="Old iPhone"),  # renamed only
    ],
)
def test_no_flag_unless_the_version_rose(flow: Walkthrough, changed: Device) -> None:
    finish_some(flow)
    flow.set_devices([changed, TABLET, LAPTOP])
    assert all(not flagged for flagged in rechecks(flow).values())


def test_a_version_becoming_known_is_not_an_update(flow: Walkthrough) -> None:
    flow.set_devices([with_version(PHONE, None), TABLET, LAPTOP])
    finish_some(flow)
    flow.set_devices([with_version(PHONE, "26.1"), TABLET, LAPTOP])
    assert all(not flagged for flagged in rechecks(flow).values())
    flow.set_devices([with_version(PHONE, "26.2"), TABLET, LAPTOP])
    assert rechecks(flow)["bravo"] == ["d1"]


def test_confirming_clears_the_flags_and_records_when(
    flow: Walkthrough, calls: list[Progress], clock: MinuteClock
) -> None:
    finish_some(flow)
    flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP])
    del calls[:]
    flow.confirm_still_set("bravo")
    assert len(calls) == 1
    assert list(flow.step_view("bravo").recheck) == []
    confirmed = flow.progress.step("bravo").confirmed_at
    assert confirmed is not None and flow.progress.step("bravo").changed_at < confirmed <= clock.last
    assert flow.status("bravo") is StepStatus.DONE
    assert [s for s in flow.guide.step_ids if flow.step_view(s).recheck] == ["alpha"]


def test_ticking_again_clears_that_device_only(flow: Walkthrough) -> None:
    flow.set_device_done("alpha", "d1", True)
    flow.set_device_done("alpha", "d2", True)
    flow.set_devices([with_version(PHONE, "18"), with_version(TABLET, "18"), LAPTOP])
    assert flow.progress.step("alpha").recheck == ["d1", "d2"]
    flow.set_device_done("alpha", "d1", False)
    assert flow.progress.step("alpha").recheck == ["d2"]
    assert flow.status("alpha") is StepStatus.NOT_STARTED
    flow.set_device_done("alpha", "d1", True)
    assert flow.status("alpha") is StepStatus.DONE
    assert flow.progress.step("alpha").recheck == ["d2"]


def test_doing_a_step_again_clears_its_flags(flow: Walkthrough) -> None:
    finish_some(flow)
    flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP])
    flow.set_status("bravo", StepStatus.DONE)
    assert flow.progress.step("bravo").recheck == []


# -- removing and replacing devices -------------------------------------------------------


def test_a_removed_device_leaves_no_ticks_or_flags(flow: Walkthrough) -> None:
    flow.set_device_done("alpha", "d1", True)
    flow.set_status("bravo", StepStatus.DONE)
    flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP])
    flow.progress.steps["gone-step"] = StepProgress(devices_done={"d1": T0}, recheck=["d1", "d2"])
    flow.set_devices([TABLET, LAPTOP])
    assert flow.progress.step("alpha").devices_done == {}
    assert flow.progress.step("alpha").recheck == []
    assert flow.progress.step("bravo").recheck == []
    assert flow.progress.steps["gone-step"].devices_done == {}
    assert flow.progress.steps["gone-step"].recheck == ["d2"]
    assert [d.id for d in flow.fit("alpha").devices] == ["d2"]


def test_an_id_reused_for_another_kind_is_a_new_device(flow: Walkthrough) -> None:
    flow.set_device_done("alpha", "d1", True)
    flow.set_devices([Device(id="d1", kind=DeviceKind.IPAD, os_version="18"), TABLET, LAPTOP])
    assert flow.progress.step("alpha").devices_done == {}
    assert flow.progress.step("alpha").recheck == []


def test_device_ids_must_be_unique(flow: Walkthrough, calls: list[Progress]) -> None:
    before = copy.deepcopy(flow.progress)
    with pytest.raises(ValueError, match="twice"):
        flow.set_devices([PHONE, replace(PHONE, kind=DeviceKind.MAC)])
    assert flow.progress == before
    assert calls == []


def test_the_same_devices_again_changes_nothing(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.set_devices(list(DEVICES))
    assert calls == []


# -- setup actions, saving and resuming ---------------------------------------------------


def test_every_new_action_saves_exactly_once(
    flow: Walkthrough, calls: list[Progress], clock: MinuteClock
) -> None:
    actions: list[Callable[[], None]] = [
        lambda: flow.set_answers(Answers(lives_in_uk=True)),
        lambda: flow.go_to(1),  # the set-up page
        lambda: flow.go_next(),  # leaving it: seen, in the same save
        lambda: flow.set_devices([*DEVICES, Device(id="w1", kind=DeviceKind.WATCH)]),
        lambda: flow.set_device_done("alpha", "d2", True),
        lambda: flow.set_device_done("alpha", "d1", True),
        lambda: flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP]),
        lambda: flow.confirm_still_set("alpha"),
    ]
    for count, action in enumerate(actions, start=1):
        action()
        assert len(calls) == count
        assert calls[-1] is flow.progress
        assert flow.progress.updated_at == clock.last
    flow.set_answers(Answers(lives_in_uk=True))
    assert len(calls) == len(actions)
    assert flow.progress.setup_done is True
    assert flow.progress.answers.lives_in_uk is True


def test_resume_on_the_setup_page(guide: Guide) -> None:
    progress = replace(new_progress(guide, T0), current_page=SETUP_PAGE)
    flow = Walkthrough(guide, progress, lambda p: None)
    assert flow.current.kind is PageKind.SETUP
    assert flow.index == 1
    flow.go_back()
    assert flow.current.kind is PageKind.WELCOME
    flow.go_next()
    assert flow.progress.current_page == SETUP_PAGE


def test_devices_answers_and_ticks_survive_a_restart(guide: Guide, tmp_path: Path) -> None:
    path = tmp_path / "data" / "progress.json"
    flow = Session(guide, ProgressStore(path), clock=lambda: T0).walkthrough
    flow.set_devices(list(DEVICES))
    flow.set_answers(Answers(high_risk=True, messages_businesses=False))
    flow.go_to(1)
    flow.go_next()  # through the set-up page
    flow.set_device_done("alpha", "d2", True)
    flow.set_status("bravo", StepStatus.DONE)
    flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP])
    before = copy.deepcopy(flow.progress)

    again = Session(guide, ProgressStore(path), clock=lambda: T0)
    assert again.load_result.progress is not None
    assert again.walkthrough.progress == before
    assert again.walkthrough.progress.step("alpha").devices_done == {"d2": T0}
    assert [d.id for d in list(again.walkthrough.step_view("bravo").recheck)] == ["d1"]


# -- one step's view, for the window --------------------------------------------------------


def test_a_step_view_is_a_frozen_snapshot_of_everything_the_window_shows(flow: Walkthrough) -> None:
    flow.set_device_done("alpha", "d1", True)
    view = flow.step_view("alpha")
    assert (view.step.id, view.number, view.total) == ("alpha", 1, len(IDS))
    assert view.status is StepStatus.NOT_STARTED and view.per_device and not view.can_mark_done
    assert [d.id for d in view.fit.devices] == ["d1", "d2"] and view.ticked_count == 1
    assert view.all_devices == tuple(DEVICES) and view.recheck == () and view.last_confirmed is None

    flow.set_device_done("alpha", "d2", True)  # the last tick marks it done
    flow.set_devices([with_version(PHONE, "18"), TABLET, LAPTOP])  # and an update flags it
    assert view.ticked_count == 1 and view.status is StepStatus.NOT_STARTED  # taken before: unchanged
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.status = StepStatus.DONE  # type: ignore[misc]

    again = flow.step_view("alpha")
    assert again.status is StepStatus.DONE and again.done_at is not None
    assert again.ticked_count == 2 and [d.id for d in again.recheck] == ["d1"]
    assert again.last_confirmed == T0.date()


def test_a_step_that_does_not_apply_shows_as_not_applicable(flow: Walkthrough) -> None:
    flow.set_devices([PHONE])  # delta is about Macs only
    view = flow.step_view("delta")
    assert view.status is StepStatus.NOT_APPLICABLE
    assert flow.progress.step("delta").status is StepStatus.NOT_STARTED  # as saved
