"""What the person has done so far: a versioned pydantic model saved as JSON.

Older files are brought up to :data:`PROGRESS_SCHEMA_VERSION` by the ladder in
:mod:`privacy_walkthrough.core.migrations` before they are validated here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    field_validator,
)

from privacy_walkthrough.core.content_models import DeviceKind, Slug, Version

# v1: the first release.  v2: StepProgress.content_hash (see core.content_hash).
# v3: the person's devices and answers, setup_done; per step devices_done, recheck, confirmed_at.
PROGRESS_SCHEMA_VERSION = 3
PROGRESS_FORMAT = "privacy-walkthrough-progress"

WELCOME_PAGE = "@welcome"
SETUP_PAGE = "@setup"
SUMMARY_PAGE = "@summary"

DEVICE_NAME_MAX_CHARS = 60
MAX_DEVICES = 50


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


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _one_line(value: str) -> str:
    if any(not ch.isprintable() for ch in value):
        raise ValueError("the name must be one line of ordinary characters")
    return value


DeviceName = Annotated[
    Str, BeforeValidator(_strip), AfterValidator(_one_line), Field(max_length=DEVICE_NAME_MAX_CHARS)
]


class Device(BaseModel):
    """One of the person's devices.  Frozen: change one with ``model_copy(update=…)``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug  # "d1": stable, unique within the progress; ticks and rechecks refer to it
    kind: DeviceKind
    name: DeviceName = ""  # "Work iPhone"; empty: labelled by its kind ("iPhone 2")
    os_version: Version | None = None  # "18.1"; None: the person does not know


class Answers(BaseModel):
    """The person's answers on the setup page; None means not answered, or not sure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lives_in_uk: StrictBool | None = None
    can_cope_without_recovery: StrictBool | None = None  # if Apple could not help them get back in
    high_risk: StrictBool | None = None  # may be personally targeted (spyware, stalking…)
    messages_businesses: StrictBool | None = None  # chats with companies in Messages


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
    # v3: device id -> when the step was ticked off on that device (per-device steps)
    devices_done: dict[Slug, UtcTime] = Field(default_factory=dict)
    # v3: device ids to check again on, because their system was updated after the step was done
    recheck: list[Slug] = Field(default_factory=list)
    # v3: the last time the person confirmed that the setting is still as they left it
    confirmed_at: UtcTime | None = None


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
    devices: Annotated[list[Device], Field(max_length=MAX_DEVICES)] = Field(default_factory=list)  # v3
    answers: Answers = Field(default_factory=Answers)  # v3
    setup_done: StrictBool = False  # v3: the person has been through the setup page

    @field_validator("devices")
    @classmethod
    def _device_ids_unique(cls, value: list[Device]) -> list[Device]:
        ids = [d.id for d in value]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"device ids listed twice: {', '.join(dupes)}")
        return value

    def step(self, step_id: str) -> StepProgress:
        """The saved state of a step; a step never touched reads as not started."""
        return self.steps.get(step_id) or StepProgress()
