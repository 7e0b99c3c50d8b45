"""The walkthrough as data: pages in order, where the person is, and what they decided.

The GUI never edits progress itself: it calls the named actions here, and every action
ends in one place, :meth:`Walkthrough._changed`, which stamps the time and hands the
progress to the ``on_change`` callback (the app saves it there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from privacy_walkthrough.core.content_hash import changed_since_done, step_content_hash
from privacy_walkthrough.core.content_models import Guide, Step
from privacy_walkthrough.core.progress_models import (
    SUMMARY_PAGE,
    WELCOME_PAGE,
    Progress,
    StepProgress,
    StepStatus,
)


class PageKind(Enum):
    WELCOME = "welcome"
    STEP = "step"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Page:
    kind: PageKind
    key: str  # WELCOME_PAGE, SUMMARY_PAGE or the step id
    step: Step | None = None


@dataclass(frozen=True)
class Tally:
    done: int  # done or acknowledged
    settled: int  # done, acknowledged, skipped or not applicable
    total: int


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
            *(Page(PageKind.STEP, s.id, s) for s in guide.steps),
            Page(PageKind.SUMMARY, SUMMARY_PAGE),
        )
        self._index = self._resume_index()

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

    def step_number(self, step_id: str) -> int:
        """1-based position of a step in the guide."""
        return self.guide.step_ids.index(step_id) + 1

    def first_open_index(self) -> int:
        """The first step not yet decided, or the summary when all are."""
        for index, page in enumerate(self.pages):
            if page.kind is PageKind.STEP and not self.status(page.key).is_settled:
                return index
        return len(self.pages) - 1

    # -- navigation ---------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            raise IndexError(index)
        if index != self._index:
            self._index = index
            self.progress.current_page = self.current.key
            self._changed()

    def go_to_step(self, step_id: str) -> None:
        self.go_to(self.step_number(step_id))

    def go_next(self) -> None:
        if self.can_go_next:
            self.go_to(self._index + 1)

    def go_back(self) -> None:
        if self.can_go_back:
            self.go_to(self._index - 1)

    # -- decisions ----------------------------------------------------------------------

    def status(self, step_id: str) -> StepStatus:
        return self.progress.step(step_id).status

    def step_progress(self, step_id: str) -> StepProgress:
        return self.progress.step(step_id)

    def _editable(self, step_id: str) -> StepProgress:
        self.guide.step(step_id)  # raises KeyError for a step that is not in the guide
        return self.progress.steps.setdefault(step_id, StepProgress())

    def set_status(self, step_id: str, status: StepStatus, reason: str = "") -> None:
        """Record a decision.  Steps that cannot be completed are acknowledged instead."""
        step = self.guide.step(step_id)
        if status is StepStatus.DONE and not step.completable:
            status = StepStatus.ACKNOWLEDGED
        if status is StepStatus.ACKNOWLEDGED and step.completable:
            status = StepStatus.DONE
        entry = self.progress.step(step_id)
        now = self._clock()
        finished = status in (StepStatus.DONE, StepStatus.ACKNOWLEDGED)
        self.progress.steps[step_id] = StepProgress(  # validated whole before anything changes
            status=status,
            skip_reason=reason.strip() if status is StepStatus.SKIPPED else "",
            note=entry.note,
            changed_at=now,
            done_at=now if finished else None,
            content_hash=step_content_hash(step) if finished else "",
        )
        self._changed()

    def is_updated_since_done(self, step_id: str) -> bool:
        """The step was finished, and the guide has changed what it says since then."""
        if step_id not in self.guide.step_ids:
            return False
        return changed_since_done(self.guide.step(step_id), self.progress.step(step_id))

    def set_note(self, step_id: str, note: str) -> None:
        entry = self._editable(step_id)
        if entry.note != note:
            entry.note = note
            self._changed()

    def set_person_name(self, name: str) -> None:
        """Who the checklist is prepared for (optional, printed on the checklist)."""
        name = name.strip()
        if self.progress.person_name != name:
            self.progress.person_name = name
            self._changed()

    # -- overview -----------------------------------------------------------------------

    def tally(self) -> Tally:
        statuses = [self.status(s) for s in self.guide.step_ids]
        done = sum(s in (StepStatus.DONE, StepStatus.ACKNOWLEDGED) for s in statuses)
        settled = sum(s.is_settled for s in statuses)
        return Tally(done=done, settled=settled, total=len(statuses))

    def open_steps(self) -> list[Step]:
        return [s for s in self.guide.steps if not self.status(s.id).is_settled]

    @property
    def is_finished(self) -> bool:
        return not self.open_steps()

    def _changed(self) -> None:
        self.progress.updated_at = self._clock()
        self._on_change(self.progress)
