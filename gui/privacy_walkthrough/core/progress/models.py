"""What the person has done so far: versioned records saved as JSON.

Older files are brought up to :data:`PROGRESS_SCHEMA_VERSION` by the ladder in
:mod:`privacy_walkthrough.core.progress.migrations` before they are parsed here
(:func:`privacy_walkthrough.core.content.records.parse`).  Types and limits are checked when a file
is parsed; the rules in ``__post_init__`` (texts that can be saved, times in UTC, device
names on one line, device ids listed once) also hold for records built in code.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

import msgspec
from msgspec import Meta, Struct, field

from privacy_walkthrough.core.content.models import DeviceKind, Slug, Version, twice
from privacy_walkthrough.core.content.records import BROKEN_TEXT, FieldRuleError, encodes

# v1: the first release.  v2: StepProgress.content_hash (see core.content_hash).
# v3: the person's devices and answers, setup_done; per step devices_done, recheck, confirmed_at.
PROGRESS_SCHEMA_VERSION = 3
PROGRESS_FORMAT = "privacy-walkthrough-progress"

WELCOME_PAGE = "@welcome"
SETUP_PAGE = "@setup"
SUMMARY_PAGE = "@summary"

DEVICE_NAME_MAX_CHARS = 60
MAX_DEVICES = 50
NOTE_MAX_CHARS = 20_000

Text = Annotated[str, Meta(max_length=NOTE_MAX_CHARS)]
ContentHash = Annotated[str, Meta(pattern=r"^(?:[0-9a-f]{16})?$")]


def check_encodable(record: Struct, *names: str) -> None:
    """Refuse a lone surrogate ("\\ud800" in the JSON): it loads, but could never be saved."""
    for name in names:
        if not encodes(getattr(record, name)):
            raise FieldRuleError(name, BROKEN_TEXT)


def as_utc(value: dt.datetime, name: str) -> dt.datetime:
    """Saved times are UTC; a time without a zone is read as UTC.

    Times within a day of the calendar's ends are refused: shown in a local time zone they
    would overflow (``OverflowError``) far away from the file that held them.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if not 1 < value.year < 9999:
        raise FieldRuleError(name, "the time is out of range")
    return value.astimezone(dt.UTC)


def _utc_fields(record: Struct, *names: str) -> None:
    for name in names:
        value = getattr(record, name)
        if value is not None:
            msgspec.structs.force_setattr(record, name, as_utc(value, name))


class Device(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One of the person's devices.  Frozen: change one with ``records.replace``."""

    id: Slug  # "d1": stable, unique within the progress; ticks and rechecks refer to it
    kind: DeviceKind
    name: Annotated[str, Meta(max_length=DEVICE_NAME_MAX_CHARS)] = ""  # "Work iPhone"; "": "iPhone 2"
    os_version: Version | None = None  # "18.1"; None: the person does not know

    def __post_init__(self) -> None:
        check_encodable(self, "name")
        msgspec.structs.force_setattr(self, "name", self.name.strip())
        if any(not ch.isprintable() for ch in self.name):
            raise FieldRuleError("name", "the name must be one line of ordinary characters")


class Answers(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """The person's answers on the setup page; None means not answered, or not sure."""

    lives_in_uk: bool | None = None
    can_cope_without_recovery: bool | None = None  # if Apple could not help them get back in
    high_risk: bool | None = None  # may be personally targeted (spyware, stalking…)
    messages_businesses: bool | None = None  # chats with companies in Messages


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

    @property
    def is_finished(self) -> bool:
        """Done, or (for advice that cannot be done) acknowledged: it counts as done."""
        return self in (StepStatus.DONE, StepStatus.ACKNOWLEDGED)


class StepProgress(Struct, forbid_unknown_fields=True, kw_only=True):
    """One step's saved state.  Changed in place by the walkthrough, which checks it first."""

    status: StepStatus = StepStatus.NOT_STARTED
    skip_reason: Text = ""
    note: Text = ""
    changed_at: dt.datetime | None = None  # when the status last changed
    done_at: dt.datetime | None = None  # when it was marked done or acknowledged
    # v2: hash of the step's content when it was marked done or acknowledged ("" = unknown)
    content_hash: ContentHash = ""
    # v3: device id -> when the step was ticked off on that device (per-device steps)
    devices_done: dict[Slug, dt.datetime] = field(default_factory=dict)
    # v3: device ids to check again on, because their system was updated after the step was done
    recheck: list[Slug] = field(default_factory=list)
    # v3: the last time the person confirmed that the setting is still as they left it
    confirmed_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        check_encodable(self, "skip_reason", "note")
        _utc_fields(self, "changed_at", "done_at", "confirmed_at")
        self.devices_done = {key: as_utc(value, "devices_done") for key, value in self.devices_done.items()}


class Progress(Struct, forbid_unknown_fields=True, kw_only=True):
    """One person's progress through one guide."""

    format: Annotated[str, Meta(pattern=f"^{PROGRESS_FORMAT}$")] = PROGRESS_FORMAT
    # older files are migrated before they are parsed, so only the current version is valid here
    schema_version: Annotated[int, Meta(ge=PROGRESS_SCHEMA_VERSION, le=PROGRESS_SCHEMA_VERSION)] = (
        PROGRESS_SCHEMA_VERSION
    )
    guide_id: str
    guide_version: str
    current_page: str = WELCOME_PAGE
    person_name: Annotated[str, Meta(max_length=200)] = ""  # optional "prepared for" on the checklist
    # Keyed by step id, a slug like the content's: anything else (say a lone surrogate) means
    # the file was damaged.
    steps: dict[Slug, StepProgress] = field(default_factory=dict)
    created_at: dt.datetime
    updated_at: dt.datetime
    devices: Annotated[list[Device], Meta(max_length=MAX_DEVICES)] = field(default_factory=list)  # v3
    answers: Answers = field(default_factory=Answers)  # v3
    setup_done: bool = False  # v3: the person has been through the setup page

    def __post_init__(self) -> None:
        check_encodable(self, "guide_id", "guide_version", "current_page", "person_name")
        _utc_fields(self, "created_at", "updated_at")
        if dupes := twice([d.id for d in self.devices]):
            raise FieldRuleError("devices", f"device ids listed twice: {', '.join(dupes)}")

    def step(self, step_id: str) -> StepProgress:
        """The saved state of a step; a step never touched reads as not started."""
        return self.steps.get(step_id) or StepProgress()
