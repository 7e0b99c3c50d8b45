"""The walkthrough as data: pages in order, where the person is, and what they decided.

Pages: welcome, setup (the person's devices and answers), one per step, summary.  What a
step means for this person (:mod:`.applicability`) follows from their devices and answers;
``status`` is the effective one (an undecided step that does not apply reads as such).

The window reads one immutable record per step (:meth:`Walkthrough.step_view`, see
:mod:`.views`; how a step reads for the person is worked out in :mod:`.readings`) and moves
with :meth:`~Walkthrough.go_next` and its siblings.  It never edits progress itself: it calls
the named actions here, and every action ends in one place, :meth:`Walkthrough._changed`,
which stamps the time and hands the progress to the ``on_change`` callback (the app saves
it there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import (
    SETUP_PAGE,
    SUMMARY_PAGE,
    WELCOME_PAGE,
    Answers,
    Device,
    Progress,
    StepProgress,
    StepStatus,
)
from privacy_walkthrough.core.walkthrough import device_changes
from privacy_walkthrough.core.walkthrough.applicability import Fit
from privacy_walkthrough.core.walkthrough.readings import StepReadings
from privacy_walkthrough.core.walkthrough.views import Page, PageKind, StepView, Tally, is_choice


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_progress(guide: Guide, now: dt.datetime) -> Progress:
    return Progress(
        guide_id=guide.info.id,
        guide_version=guide.info.version,
        created_at=now,
        updated_at=now,
    )


class Walkthrough:
    """Navigation and decisions for one guide; Qt-free and saved through ``on_change``."""

    def __init__(
        self,
        guide: Guide,
        progress: Progress,
        on_change: Callable[[Progress], None],
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.guide = guide
        self.progress = progress
        self._on_change = on_change
        self._clock = clock
        self.pages: tuple[Page, ...] = (
            Page(PageKind.WELCOME, WELCOME_PAGE),
            Page(PageKind.SETUP, SETUP_PAGE),
            *(Page(PageKind.STEP, s.id, s) for s in guide.steps),
            Page(PageKind.SUMMARY, SUMMARY_PAGE),
        )
        self.readings = StepReadings(guide, progress)  # how each step reads for the person
        self._index = self._resume_index()

    # -- how a step reads (see .readings) ------------------------------------------------

    def fit(self, step_id: str) -> Fit:
        return self.readings.fit(step_id)

    def status(self, step_id: str) -> StepStatus:
        return self.readings.status(step_id)

    def step_view(self, step_id: str) -> StepView:
        return self.readings.step_view(step_id)

    def step_number(self, step_id: str) -> int:
        return self.readings.step_number(step_id)

    def can_mark_done(self, step_id: str) -> bool:
        return self.readings.can_mark_done(step_id)

    # -- where we are -------------------------------------------------------------------

    def _resume_index(self) -> int:
        """The saved page; a step that vanished from the guide resumes at the first open step."""
        for index, page in enumerate(self.pages):
            if page.key == self.progress.current_page:
                return index
        return self.first_open_index() if self.progress.current_page != WELCOME_PAGE else 0

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Page:
        return self.pages[self._index]

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_next(self) -> bool:
        return self._index < len(self.pages) - 1

    def page_index_of_step(self, step_id: str) -> int:
        """The index in :attr:`pages` of a step's page (raises KeyError for an unknown step)."""
        for index, page in enumerate(self.pages):
            if page.kind is PageKind.STEP and page.key == step_id:
                return index
        raise KeyError(step_id)

    def first_open_index(self) -> int:
        """The first step still open, or the summary when none is.

        An optional or irreversible step left undecided is not open: it is up to the person.
        """
        for index, page in enumerate(self.pages):
            step = page.step
            if step is not None and not is_choice(step) and not self.status(step.id).is_settled:
                return index
        return len(self.pages) - 1

    # -- navigation ---------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Move to a page; leaving the set-up page marks it as seen (``setup_done``)."""
        if not 0 <= index < len(self.pages):
            raise IndexError(index)
        if index != self._index:
            if self.current.kind is PageKind.SETUP:
                self.progress.setup_done = True
            self._index = index
            self.progress.current_page = self.current.key
            self._changed()

    def go_to_step(self, step_id: str) -> None:
        self.go_to(self.page_index_of_step(step_id))

    def go_next(self) -> None:
        if self.can_go_next:
            self.go_to(self._index + 1)

    def go_back(self) -> None:
        if self.can_go_back:
            self.go_to(self._index - 1)

    def go_to_summary(self) -> None:
        self.go_to(len(self.pages) - 1)

    # -- decisions ----------------------------------------------------------------------

    def _editable(self, step_id: str) -> StepProgress:
        self.guide.step(step_id)  # raises KeyError for a step that is not in the guide
        return self.progress.steps.setdefault(step_id, StepProgress())

    def set_status(self, step_id: str, status: StepStatus, reason: str = "") -> None:
        """Record a decision.  Steps that cannot be completed are acknowledged instead.

        Raises ValueError when marking done a per-device step with devices left to tick.
        Device ticks survive any decision; "check again" is cleared by every decision.
        """
        step = self.guide.step(step_id)
        if status is StepStatus.DONE and not step.completable:
            status = StepStatus.ACKNOWLEDGED
        if status is StepStatus.ACKNOWLEDGED and step.completable:
            status = StepStatus.DONE
        if status is StepStatus.DONE and not self.can_mark_done(step_id):
            raise ValueError(f"step {step_id!r} is not ticked off on every device yet")
        self.progress.steps[step_id] = self._decided(step, status, reason)
        self._changed()

    def _decided(
        self,
        step: Step,
        status: StepStatus,
        reason: str = "",
        *,
        ticks: dict[str, dt.datetime] | None = None,
        recheck: list[str] | None = None,
    ) -> StepProgress:
        """The step's progress after a decision, checked whole (ValueError) before anything changes."""
        entry = self.progress.step(step.id)
        now = self._clock()
        finished = status.is_finished
        return StepProgress(
            status=status,
            skip_reason=reason.strip() if status is StepStatus.SKIPPED else "",
            note=entry.note,
            changed_at=now,
            done_at=now if finished else None,
            content_hash=self.readings.content_hash(step) if finished else "",
            devices_done=dict(entry.devices_done) if ticks is None else ticks,
            recheck=recheck or [],
            confirmed_at=entry.confirmed_at,
        )

    def set_device_done(self, step_id: str, device_id: str, done: bool) -> None:
        """Tick (or untick) a per-device step on one device.

        Ticking the last device marks the step done; unticking a device of a finished step
        opens it again.  Raises KeyError for an unknown step or device, and ValueError for a
        step that is not ticked per device or a device the step does not concern.
        """
        step = self.guide.step(step_id)
        if not step.applicability.per_device:
            raise ValueError(f"step {step_id!r} is not ticked per device")
        step_fit = self.fit(step_id)
        if device_id not in {d.id for d in self.progress.devices}:
            raise KeyError(device_id)
        if device_id not in {d.id for d in step_fit.devices}:
            raise ValueError(f"step {step_id!r} does not concern device {device_id!r}")
        entry = self.progress.step(step_id)
        if (device_id in entry.devices_done) is done:
            return
        ticks = dict(entry.devices_done)
        if done:
            ticks[device_id] = self._clock()
        else:
            del ticks[device_id]
        recheck = [d for d in entry.recheck if d != device_id]
        every = all(d.id in ticks for d in step_fit.devices)
        if done and every and not entry.status.is_finished:
            updated = self._decided(step, StepStatus.DONE, ticks=ticks, recheck=recheck)
        elif not done and entry.status.is_finished:
            updated = self._decided(step, StepStatus.NOT_STARTED, ticks=ticks, recheck=recheck)
        else:
            updated = replace(entry, devices_done=ticks, recheck=recheck)
        self.progress.steps[step_id] = updated
        self._changed()

    # -- the person's devices and answers -------------------------------------------------

    def set_devices(self, devices: list[Device]) -> None:
        """Replace the person's devices.

        A device whose known system version rose is added to "check again" on every step
        about its kind that is finished or ticked on it; a removed device's ticks and
        "check again" marks are dropped everywhere (an id that now names another kind of
        device counts as a removed device and a new one).  Raises ValueError for devices
        that could not be saved (device ids listed twice, say), before anything changes.
        """
        old = list(self.progress.devices)
        new = list(devices)
        if new == old:
            return
        self.progress.devices = new  # checked first (unique ids, not too many): raises before any change
        device_changes.flag_updated(self.guide, self.progress, old, new)
        device_changes.forget_removed(self.progress, device_changes.same_devices(old, new))
        self._changed()

    def set_answers(self, answers: Answers) -> None:
        if answers != self.progress.answers:
            self.progress.answers = answers
            self._changed()

    # -- check again after an update ------------------------------------------------------

    def confirm_still_set(self, step_id: str) -> None:
        """The person checked: the setting is still as they left it on every flagged device."""
        entry = self._editable(step_id)
        entry.recheck = []
        entry.confirmed_at = self._clock()
        self._changed()

    def set_note(self, step_id: str, note: str) -> None:
        entry = self._editable(step_id)
        if entry.note != note:
            entry.note = note  # checked (not too long) before it changes
            self._changed()

    def set_person_name(self, name: str) -> None:
        """Who the checklist is prepared for (optional, printed on the checklist)."""
        name = name.strip()
        if self.progress.person_name != name:
            self.progress.person_name = name  # checked before it changes
            self._changed()

    # -- overview -----------------------------------------------------------------------

    def tally(self) -> Tally:
        statuses = [self.status(s) for s in self.guide.step_ids]
        done = sum(s.is_finished for s in statuses)
        settled = sum(s.is_settled for s in statuses)
        choices = sum(is_choice(s) and not self.status(s.id).is_settled for s in self.guide.steps)
        return Tally(done=done, settled=settled, total=len(statuses), choices=choices)

    def _changed(self) -> None:
        self.progress.updated_at = self._clock()
        self._on_change(self.progress)
