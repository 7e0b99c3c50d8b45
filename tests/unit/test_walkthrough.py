"""The walkthrough flow as data: navigation, decisions, the on_change callback, and resume."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import (
    SETUP_PAGE,
    SUMMARY_PAGE,
    WELCOME_PAGE,
    Progress,
    StepProgress,
    StepStatus,
)
from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress
from privacy_walkthrough.core.walkthrough.views import PageKind, Tally
from tests.helpers import MINUTE_CLOCK_START, MinuteClock, open_ids, write_guide

IDS = ["alpha", "bravo", "charlie", "delta"]
T0 = MINUTE_CLOCK_START


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    folder = write_guide(
        tmp_path / "guide",
        IDS,
        kinds={"bravo": "advice", "delta": "irreversible"},
        not_completable=("bravo",),
    )
    return load_guide(folder)


@pytest.fixture
def flow(guide: Guide, calls: list[Progress], clock: MinuteClock) -> Walkthrough:
    return Walkthrough(guide, new_progress(guide, T0), calls.append, clock=clock)


def resume(guide: Guide, progress: Progress, calls: list[Progress] | None = None) -> Walkthrough:
    recorder: list[Progress] = [] if calls is None else calls
    return Walkthrough(guide, progress, recorder.append, clock=MinuteClock())


def saved(guide: Guide, **changes: object) -> Progress:
    return replace(new_progress(guide, T0), **changes)


# -- pages and navigation -----------------------------------------------------------------


def test_pages_are_welcome_setup_steps_summary(flow: Walkthrough) -> None:
    assert [p.kind for p in flow.pages] == [
        PageKind.WELCOME,
        PageKind.SETUP,
        *[PageKind.STEP] * 4,
        PageKind.SUMMARY,
    ]
    assert [p.key for p in flow.pages] == [WELCOME_PAGE, SETUP_PAGE, *IDS, SUMMARY_PAGE]
    assert [p.step.id if p.step else None for p in flow.pages] == [None, None, *IDS, None]


def test_new_walkthrough_starts_on_welcome(flow: Walkthrough, calls: list[Progress]) -> None:
    assert flow.index == 0
    assert flow.current.kind is PageKind.WELCOME
    assert not flow.can_go_back
    assert flow.can_go_next
    assert calls == []


def test_next_walks_every_page_then_stops(flow: Walkthrough, calls: list[Progress]) -> None:
    seen = [flow.current.key]
    while flow.can_go_next:
        flow.go_next()
        seen.append(flow.current.key)
        assert flow.progress.current_page == flow.current.key
    assert seen == [WELCOME_PAGE, SETUP_PAGE, *IDS, SUMMARY_PAGE]
    assert len(calls) == 6
    flow.go_next()  # on the summary: nothing happens
    assert flow.current.key == SUMMARY_PAGE
    assert len(calls) == 6


def test_back_walks_to_welcome_then_stops(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.go_to(len(flow.pages) - 1)
    del calls[:]
    seen = []
    while flow.can_go_back:
        flow.go_back()
        seen.append(flow.current.key)
    assert seen == [*reversed(IDS), SETUP_PAGE, WELCOME_PAGE]
    assert len(calls) == 6
    assert not flow.can_go_back
    flow.go_back()
    assert flow.index == 0
    assert len(calls) == 6


def test_go_to_and_go_to_step(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.go_to(4)
    assert flow.current.key == "charlie"
    flow.go_to_step("alpha")
    assert flow.index == 2
    assert flow.progress.current_page == "alpha"
    assert flow.step_number("delta") == 4
    assert flow.page_index_of_step("delta") == 5
    assert len(calls) == 2


def test_go_to_the_current_page_changes_nothing(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.go_to_step("bravo")
    flow.go_to_step("bravo")
    flow.go_to(3)
    assert len(calls) == 1


@pytest.mark.parametrize("index", [-1, 7, 100])
def test_go_to_out_of_range(flow: Walkthrough, calls: list[Progress], index: int) -> None:
    with pytest.raises(IndexError):
        flow.go_to(index)
    assert flow.index == 0
    assert flow.progress.current_page == WELCOME_PAGE
    assert calls == []


def test_go_to_unknown_step(flow: Walkthrough, calls: list[Progress]) -> None:
    with pytest.raises((KeyError, ValueError)):
        flow.go_to_step("nope")
    assert flow.index == 0
    assert calls == []


# -- decisions ----------------------------------------------------------------------------


def test_done_sets_done_at_and_clears_reason(flow: Walkthrough, clock: MinuteClock) -> None:
    flow.set_status("alpha", StepStatus.DONE, reason="ignored")
    entry = flow.progress.step("alpha")
    assert entry.status is StepStatus.DONE
    assert entry.done_at == entry.changed_at
    assert entry.done_at is not None and T0 < entry.done_at <= clock.last
    assert entry.skip_reason == ""


def test_skipped_keeps_stripped_reason(flow: Walkthrough) -> None:
    flow.set_status("alpha", StepStatus.SKIPPED, reason="  I have no Mac \n")
    entry = flow.progress.step("alpha")
    assert entry.status is StepStatus.SKIPPED
    assert entry.skip_reason == "I have no Mac"
    assert entry.done_at is None
    assert entry.changed_at is not None


@pytest.mark.parametrize("status", [StepStatus.LATER, StepStatus.NOT_APPLICABLE, StepStatus.NOT_STARTED])
def test_other_statuses_clear_reason_and_done_at(flow: Walkthrough, status: StepStatus) -> None:
    flow.set_status("alpha", StepStatus.DONE)
    flow.set_status("charlie", StepStatus.SKIPPED, reason="later maybe")
    flow.set_status("alpha", status, reason="a reason")
    flow.set_status("charlie", status, reason="a reason")
    for step_id in ("alpha", "charlie"):
        entry = flow.progress.step(step_id)
        assert entry.status is status
        assert entry.skip_reason == ""
        assert entry.done_at is None
        assert entry.changed_at is not None


def test_acknowledged_on_a_completable_step_is_done(flow: Walkthrough) -> None:
    flow.set_status("alpha", StepStatus.ACKNOWLEDGED)
    assert flow.status("alpha") is StepStatus.DONE


@pytest.mark.parametrize("status", [StepStatus.DONE, StepStatus.ACKNOWLEDGED])
def test_non_completable_step_is_acknowledged(flow: Walkthrough, status: StepStatus) -> None:
    flow.set_status("bravo", status)
    entry = flow.progress.step("bravo")
    assert entry.status is StepStatus.ACKNOWLEDGED
    assert entry.done_at is not None


def test_non_completable_step_can_still_be_skipped(flow: Walkthrough) -> None:
    flow.set_status("bravo", StepStatus.SKIPPED, reason="read it already")
    assert flow.status("bravo") is StepStatus.SKIPPED
    assert flow.progress.step("bravo").skip_reason == "read it already"


def test_status_of_a_step_not_in_the_guide(flow: Walkthrough, calls: list[Progress]) -> None:
    with pytest.raises(KeyError):
        flow.set_status("nope", StepStatus.DONE)
    with pytest.raises(KeyError):
        flow.set_note("nope", "text")
    assert "nope" not in flow.progress.steps
    assert calls == []


def test_a_refused_set_status_leaves_progress_unchanged(flow: Walkthrough, calls: list[Progress]) -> None:
    before = copy.deepcopy(flow.progress)
    with pytest.raises(ValueError):
        flow.set_status("alpha", StepStatus.SKIPPED, reason="x" * 20_001)
    assert flow.progress == before
    assert calls == []


def test_set_note(flow: Walkthrough, calls: list[Progress]) -> None:
    flow.set_note("charlie", "Asked my sister to check.")
    assert flow.progress.step("charlie").note == "Asked my sister to check."
    assert flow.status("charlie") is StepStatus.NOT_STARTED
    assert len(calls) == 1
    flow.set_note("charlie", "Asked my sister to check.")
    assert len(calls) == 1
    flow.set_note("charlie", "")
    assert flow.progress.step("charlie").note == ""
    assert len(calls) == 2


def test_note_survives_status_changes(flow: Walkthrough) -> None:
    flow.set_note("alpha", "my note")
    flow.set_status("alpha", StepStatus.SKIPPED, reason="r")
    flow.set_status("alpha", StepStatus.DONE)
    assert flow.progress.step("alpha").note == "my note"


def test_every_action_calls_on_change_once_with_the_progress(
    flow: Walkthrough, calls: list[Progress], clock: MinuteClock
) -> None:
    actions = [
        lambda: flow.go_next(),
        lambda: flow.set_status("alpha", StepStatus.DONE),
        lambda: flow.set_note("alpha", "note"),
        lambda: flow.go_to_step("charlie"),
        lambda: flow.set_status("charlie", StepStatus.SKIPPED, reason="r"),
        lambda: flow.set_status("charlie", StepStatus.SKIPPED, reason="r"),
        lambda: flow.go_back(),
        lambda: flow.go_to(6),
    ]
    for count, action in enumerate(actions, start=1):
        action()
        assert len(calls) == count
        assert calls[-1] is flow.progress
        assert flow.progress.updated_at == clock.last


def test_updated_at_stamped_from_injected_clock(guide: Guide) -> None:
    stamp = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    flow = Walkthrough(guide, new_progress(guide, T0), lambda p: None, clock=lambda: stamp)
    flow.set_status("alpha", StepStatus.DONE)
    assert flow.progress.updated_at == stamp
    assert flow.progress.step("alpha").done_at == stamp
    assert flow.progress.created_at == T0


# -- overview -----------------------------------------------------------------------------


def test_tally_open_steps_and_finished(flow: Walkthrough) -> None:
    """Delta is irreversible: never "still open", only if the person decides to."""
    assert flow.tally() == Tally(done=0, settled=0, total=4, choices=1)
    assert flow.tally().still_open == 3
    assert open_ids(flow) == IDS

    flow.set_status("alpha", StepStatus.DONE)
    flow.set_status("bravo", StepStatus.DONE)  # acknowledged
    flow.set_status("charlie", StepStatus.LATER)
    assert flow.tally() == Tally(done=2, settled=2, total=4, choices=1)
    assert open_ids(flow) == ["charlie", "delta"]

    flow.set_status("charlie", StepStatus.NOT_APPLICABLE)
    assert flow.tally() == Tally(done=2, settled=3, total=4, choices=1)
    assert flow.tally().still_open == 0
    assert flow.first_open_index() == len(flow.pages) - 1  # the irreversible step is up to the person

    flow.set_status("delta", StepStatus.SKIPPED, reason="not now")
    assert flow.tally() == Tally(done=2, settled=4, total=4)
    assert open_ids(flow) == []


def test_first_open_index(flow: Walkthrough) -> None:
    assert flow.first_open_index() == 2
    flow.set_status("alpha", StepStatus.SKIPPED)
    flow.set_status("bravo", StepStatus.LATER)
    assert flow.first_open_index() == 3
    for step_id in IDS:
        flow.set_status(step_id, StepStatus.NOT_APPLICABLE)
    assert flow.first_open_index() == len(flow.pages) - 1


# -- resume -------------------------------------------------------------------------------


def test_resume_on_a_step_and_back_works(guide: Guide) -> None:
    calls: list[Progress] = []
    flow = resume(guide, saved(guide, current_page="charlie"), calls)
    assert flow.current.key == "charlie"
    assert calls == []
    assert flow.can_go_back
    flow.go_back()
    assert flow.current.key == "bravo"
    flow.go_back()
    flow.go_back()
    assert flow.current.kind is PageKind.SETUP
    flow.go_back()
    assert flow.current.kind is PageKind.WELCOME
    assert len(calls) == 4


@pytest.mark.parametrize(
    ("page", "index"), [(WELCOME_PAGE, 0), (SETUP_PAGE, 1), (SUMMARY_PAGE, 6), ("delta", 5)]
)
def test_resume_on_special_pages(guide: Guide, page: str, index: int) -> None:
    assert resume(guide, saved(guide, current_page=page)).index == index


def test_resume_on_a_vanished_step_goes_to_first_open_step(guide: Guide) -> None:
    progress = saved(
        guide,
        current_page="removed-step",
        steps={
            "alpha": StepProgress(status=StepStatus.DONE),
            "bravo": StepProgress(status=StepStatus.SKIPPED),
        },
    )
    flow = resume(guide, progress)
    assert flow.current.key == "charlie"
    flow.go_back()
    assert flow.current.key == "bravo"


def test_resume_on_a_vanished_step_when_all_settled_goes_to_summary(guide: Guide) -> None:
    steps = {s: StepProgress(status=StepStatus.NOT_APPLICABLE) for s in IDS}
    flow = resume(guide, saved(guide, current_page="removed-step", steps=steps))
    assert flow.current.kind is PageKind.SUMMARY


def test_state_of_a_vanished_step_is_kept_untouched(guide: Guide) -> None:
    old = StepProgress(status=StepStatus.DONE, note="from an older guide", changed_at=T0, done_at=T0)
    calls: list[Progress] = []
    flow = resume(
        guide, saved(guide, current_page="removed-step", steps={"removed-step": replace(old)}), calls
    )
    flow.set_status("alpha", StepStatus.DONE)
    flow.go_next()
    flow.set_note("alpha", "n")
    assert flow.progress.steps["removed-step"] == old
    assert calls[-1].steps["removed-step"] == old
    assert flow.tally() == Tally(done=1, settled=1, total=4, choices=1)
    assert open_ids(flow) == ["bravo", "charlie", "delta"]


def test_resumed_statuses_are_used(guide: Guide) -> None:
    progress = saved(
        guide,
        current_page="bravo",
        steps={
            "alpha": StepProgress(status=StepStatus.DONE, note="n"),
            "delta": StepProgress(status=StepStatus.LATER),
        },
    )
    flow = resume(guide, progress)
    assert flow.status("alpha") is StepStatus.DONE
    assert flow.progress.step("alpha").note == "n"
    assert flow.status("bravo") is StepStatus.NOT_STARTED
    assert flow.status("delta") is StepStatus.LATER
    assert flow.tally() == Tally(done=1, settled=1, total=4, choices=1)
