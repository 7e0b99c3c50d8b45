"""What the person has done so far: a versioned pydantic model saved as JSON."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PROGRESS_SCHEMA_VERSION = 1
PROGRESS_FORMAT = "privacy-walkthrough-progress"

WELCOME_PAGE = "@welcome"
SUMMARY_PAGE = "@summary"

NOTE_MAX_CHARS = 20_000
Text = Annotated[str, Field(max_length=NOTE_MAX_CHARS)]


class StepStatus(StrEnum):
    NOT_STARTED = "not-started"
    LATER = "later"  # the person chose to come back to it
    DONE = "done"
    ACKNOWLEDGED = "acknowledged"  # advice that cannot be "done", only read and accepted
    SKIPPED = "skipped"
    NOT_APPLICABLE = "not-applicable"

    @property
    def is_settled(self) -> bool:
        """The person has decided about this step (it no longer counts as open)."""
        return self not in (StepStatus.NOT_STARTED, StepStatus.LATER)


class StepProgress(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    status: StepStatus = StepStatus.NOT_STARTED
    skip_reason: Text = ""
    note: Text = ""
    changed_at: dt.datetime | None = None  # when the status last changed
    done_at: dt.datetime | None = None  # when it was marked done or acknowledged


class Progress(BaseModel):
    """One person's progress through one guide."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    format: Annotated[str, Field(pattern=f"^{PROGRESS_FORMAT}$")] = PROGRESS_FORMAT
    schema_version: Annotated[int, Field(strict=True, ge=1, le=PROGRESS_SCHEMA_VERSION)] = (
        PROGRESS_SCHEMA_VERSION
    )
    guide_id: str
    guide_version: str
    current_page: str = WELCOME_PAGE
    person_name: Annotated[str, Field(max_length=200)] = ""  # optional "prepared for" on the checklist
    steps: dict[str, StepProgress] = Field(default_factory=dict)
    created_at: dt.datetime
    updated_at: dt.datetime

    def step(self, step_id: str) -> StepProgress:
        """The saved state of a step; a step never touched reads as not started."""
        return self.steps.get(step_id) or StepProgress()
