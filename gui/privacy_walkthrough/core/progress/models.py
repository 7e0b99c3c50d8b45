"""What the person has done so far: versioned records saved as JSON.

Older files are brought up to :data:`PROGRESS_SCHEMA_VERSION` by the ladder in
:mod:`privacy_walkthrough.core.progress.migrations` before they are parsed here
(:func:`privacy_walkthrough.core.content.records.parse`).  The records are pydantic models:
every record, from a file or built in code, is checked when it is made, and the two the
walkthrough changes in place (:class:`Progress`, :class:`StepProgress`) check every
assignment too.  Times are read as ISO 8601 text and kept in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from privacy_walkthrough.core.content.fields import Slug, Version, twice
from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.content.records import HASH_PATTERN

# v1: the first release.  v2: StepProgress.content_hash (see core.content_hash).
# v3: the person's devices and answers, setup_done; per step devices_done, recheck, confirmed_at.
PROGRESS_SCHEMA_VERSION: Final = 3  # also in Progress.schema_version
PROGRESS_FORMAT: Final = "privacy-walkthrough-progress"

WELCOME_PAGE = "@welcome"
SETUP_PAGE = "@setup"
SUMMARY_PAGE = "@summary"

DEVICE_NAME_MAX_CHARS = 60
MAX_DEVICES = 50
NOTE_MAX_CHARS = 20_000

Text = Annotated[str, StringConstraints(max_length=NOTE_MAX_CHARS)]
ContentHash = Annotated[str, StringConstraints(pattern=HASH_PATTERN)]

# RFC 3339 as the app writes it ("2026-05-02T18:30:47Z"); a time without a zone is read as UTC.
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)?")


def _time_from_text(value: object) -> object:
    """ISO text as a datetime; anything else is left for the strict check to refuse."""
    if isinstance(value, str):
        if not _TIME.fullmatch(value):
            raise PydanticCustomError("time", "is not a date and time like 2026-11-28T09:30:00Z")
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("time", "is not a valid date and time") from None
    return value


def _as_utc(value: dt.datetime) -> dt.datetime:
    """Saved times are UTC; a time without a zone is read as UTC.

    Times within a day of the calendar's ends are refused: shown in a local time zone they
    would overflow (``OverflowError``) far away from the file that held them.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if not 1 < value.year < 9999:
        raise PydanticCustomError("time", "the time is out of range")
    return value.astimezone(dt.UTC)


UtcTime = Annotated[dt.datetime, BeforeValidator(_time_from_text), AfterValidator(_as_utc)]


def _one_line(name: str) -> str:
    if any(not ch.isprintable() for ch in name):
        raise PydanticCustomError("one_line", "the name must be one line of ordinary characters")
    return name


def _printable_only(name: str) -> str:
    """A name from a file, neutralised: NUL, line breaks, right-to-left overrides and other
    invisible controls are dropped, so it always shows as the one line it looks like."""
    return "".join(ch for ch in name if ch.isprintable())


def _ids_once(devices: list[Device]) -> list[Device]:
    if dupes := twice([d.id for d in devices]):
        raise PydanticCustomError(
            "unique",
            "has the device id {dupes} twice (each device needs its own id)",
            {"dupes": ", ".join(dupes)},
        )
    return devices


class Record(BaseModel):
    """A record of the progress file: strict types, no unknown fields, built when first used.

    Every text has a length limit, which also makes pydantic check that it is real text: a
    lone surrogate ("\\ud800" in the JSON) is refused as a broken character, where it would
    load but could never be saved.
    """

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True, str_max_length=NOTE_MAX_CHARS)


class Device(Record):
    """One of the person's devices.  Frozen: change one with ``records.replace``."""

    model_config = ConfigDict(frozen=True)

    id: Slug  # "d1": stable, unique within the progress; ticks and rechecks refer to it
    kind: Annotated[DeviceKind, Field(strict=False)]
    # "Work iPhone"; "": "iPhone 2"
    name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=DEVICE_NAME_MAX_CHARS),
        AfterValidator(_one_line),
    ] = ""
    os_version: Version | None = None  # "18.1"; None: the person does not know


class Answers(Record):
    """The person's answers on the setup page; None means not answered, or not sure."""

    model_config = ConfigDict(frozen=True)

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


class StepProgress(Record):
    """One step's saved state.  Changed in place by the walkthrough; each change is checked."""

    model_config = ConfigDict(validate_assignment=True)

    status: Annotated[StepStatus, Field(strict=False)] = StepStatus.NOT_STARTED
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


class Progress(Record):
    """One person's progress through one guide.  Changed in place; each change is checked."""

    model_config = ConfigDict(validate_assignment=True)

    format: Literal["privacy-walkthrough-progress"] = PROGRESS_FORMAT
    # older files are migrated before they are parsed, so only the current version is valid here
    schema_version: Literal[3] = PROGRESS_SCHEMA_VERSION
    guide_id: str
    guide_version: str
    current_page: str = WELCOME_PAGE
    person_name: Annotated[str, StringConstraints(max_length=200), AfterValidator(_printable_only)] = (
        ""  # optional "prepared for" on the checklist
    )
    # Keyed by step id, a slug like the content's: anything else (say a lone surrogate) means
    # the file was damaged.
    steps: dict[Slug, StepProgress] = Field(default_factory=dict)
    created_at: UtcTime
    updated_at: UtcTime
    devices: Annotated[list[Device], Field(max_length=MAX_DEVICES), AfterValidator(_ids_once)] = Field(
        default_factory=list
    )  # v3
    answers: Answers = Field(default_factory=Answers)  # v3
    setup_done: bool = False  # v3: the person has been through the setup page

    def step(self, step_id: str) -> StepProgress:
        """The saved state of a step; a step never touched reads as not started."""
        return self.steps.get(step_id) or StepProgress()
