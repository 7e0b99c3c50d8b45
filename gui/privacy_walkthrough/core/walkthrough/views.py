"""What the window reads from the walkthrough: its pages, the tally, and one step's view.

Each is an immutable record worked out by :class:`~.flow.Walkthrough`, so the Qt widgets
only draw: :class:`StepView` gathers everything the step's page, the step list and the
summary's table show about a step (its status as it counts, how it fits the person, the
devices ticked, what to check again, whether the guide changed since it was done).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from privacy_walkthrough.core.content.kinds import StepKind
from privacy_walkthrough.core.content.models import NewestVersions, Step
from privacy_walkthrough.core.progress.models import Device, StepStatus
from privacy_walkthrough.core.walkthrough.applicability import Fit

# Steps for some people only, or that cannot be undone: never a to-do, "only if you decide to".
CHOICE_KINDS = frozenset({StepKind.OPTIONAL, StepKind.IRREVERSIBLE})


def is_choice(step: Step) -> bool:
    """An optional or irreversible step: undecided, it is not "still open" but up to the person."""
    return step.kind in CHOICE_KINDS


class PageKind(Enum):
    WELCOME = "welcome"
    SETUP = "setup"  # the person's devices and answers
    STEP = "step"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Page:
    kind: PageKind
    key: str  # WELCOME_PAGE, SETUP_PAGE, SUMMARY_PAGE or the step id
    step: Step | None = None


@dataclass(frozen=True)
class Tally:
    done: int  # done or acknowledged
    settled: int  # done, acknowledged, skipped or not applicable
    total: int
    choices: int = 0  # optional or irreversible steps not decided about: only if the person decides to

    @property
    def still_open(self) -> int:
        """Steps still to do: neither decided about nor left to the person's choice."""
        return self.total - self.settled - self.choices


@dataclass(frozen=True)
class StepView:
    """One step for one person, as :meth:`~.flow.Walkthrough.step_view` found it."""

    step: Step
    number: int  # its place among the guide's steps, from 1
    total: int  # how many steps the guide has
    status: StepStatus  # as it counts: an undecided step that does not apply reads as not applicable
    note: str
    skip_reason: str
    done_at: dt.datetime | None  # when it was marked done or acknowledged
    confirmed_at: dt.datetime | None  # when the person last confirmed it is still set
    ticked: frozenset[str]  # the ids of the devices it was ticked off on (per-device steps)
    fit: Fit
    all_devices: tuple[Device, ...]  # the person's devices (their names are told apart among them)
    recheck: tuple[Device, ...]  # the devices to check again on after a system update
    can_mark_done: bool  # False for a per-device step not yet ticked on every device
    updated_since_done: bool  # finished, and the guide has changed what it says since then
    checked_against: NewestVersions | None  # the newest systems the step was checked on
    newer_notes: tuple[str, ...]  # Markdown: the person's devices newer than the guide was checked on

    @property
    def per_device(self) -> bool:
        """The step is ticked off device by device."""
        return self.step.applicability.per_device

    @property
    def ticked_count(self) -> int:
        """How many of the devices the step concerns are ticked."""
        return sum(d.id in self.ticked for d in self.fit.devices)

    @property
    def last_confirmed(self) -> dt.date | None:
        """The day the step was last done or confirmed as still set, if ever."""
        times = [t for t in (self.done_at, self.confirmed_at) if t is not None]
        return max(times).date() if times else None
