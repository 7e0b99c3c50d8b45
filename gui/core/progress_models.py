"""What the person has done so far: a versioned pydantic model saved as JSON.

Older files are brought up to :data:`PROGRESS_SCHEMA_VERSION` by the ladder in
:mod:`privacy_walkthrough.core.migrations` before they are validated here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from privacy_walkthrough.core.content_models import Slug

# v1: the first release.  v2: StepProgress.content_hash (see core.content_hash).
PROGRESS_SCHEMA_VERSION = 2
PROGRESS_FORMAT = "privacy-walkthrough-progress"

WELCOME_PAGE = "@welcome"
SUMMARY_PAGE = "@summary"


def _encodable(value: str) -> str:
    """Refuse a lone surrogate ("\\ud800" in the JSON): it loads, but could never be saved."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # its message would carry the surrogate itself
        raise ValueError("the text holds a broken character") from None
    return value


NOTE_MAX_CHARS = 20_000
Str = Annotated[str, AfterValidator(_encodable)]
Text = Annotated[Str, Field(max_length=NOTE_MAX_CHARS)]
ContentHash = Annotated[str, Field(pattern=r"^(?:[0-9a-f]{16})?$")]


def _as_utc(value: dt.datetime) -> dt.datetime:
    """Saved times are UTC; a time without a zone is read as UTC.

    Times within a day of the calendar's ends are refused: shown in a local time zone they
    would overflow (``OverflowError``) far away from the file that held them.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if not 1 < value.year < 9999:
        raise ValueError("the time is out of range")
    return value.astimezone(dt.UTC)


UtcTime = Annotated[dt.datetime, AfterValidator(_as_utc)]


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
    changed_at: UtcTime | None = None  # when the status last changed
    done_at: UtcTime | None = None  # when it was marked done or acknowledged
    # v2: hash of the step's content when it was marked done or acknowledged ("" = unknown)
    content_hash: ContentHash = ""


class Progress(BaseModel):
    """One person's progress through one guide."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    format: Annotated[str, Field(pattern=f"^{PROGRESS_FORMAT}$")] = PROGRESS_FORMAT
    # older files are migrated before validation, so only the current version is valid here
    schema_version: Annotated[
        int, Field(strict=True, ge=PROGRESS_SCHEMA_VERSION, le=PROGRESS_SCHEMA_VERSION)
    ] = PROGRESS_SCHEMA_VERSION
    guide_id: Str
    guide_version: Str
    current_page: Str = WELCOME_PAGE
    person_name: Annotated[Str, Field(max_length=200)] = ""  # optional "prepared for" on the checklist
    # Keyed by step id, a slug like the content's: anything else (say a lone surrogate, which
    # pydantic would save as U+FFFD, merging keys) means the file was damaged.
    steps: dict[Slug, StepProgress] = Field(default_factory=dict)
    created_at: UtcTime
    updated_at: UtcTime

    def step(self, step_id: str) -> StepProgress:
        """The saved state of a step; a step never touched reads as not started."""
        return self.steps.get(step_id) or StepProgress()
