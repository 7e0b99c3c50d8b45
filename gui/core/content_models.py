"""The guide's data model: strict pydantic models for the human-edited TOML files.

A guide lives in one folder per language (``content/<guide-id>/<lang>/``) holding
``guide.toml`` (the guide's metadata and step order) and ``steps/*.toml`` (one
recommendation per file).  Unknown fields are rejected so that a typo in a content file
is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)

CONTENT_SCHEMA_VERSION = 1

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Version = Annotated[str, Field(pattern=r"^\d+(?:\.\d+){0,2}$")]
NonEmpty = Annotated[str, Field(min_length=1)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class StepKind(StrEnum):
    """What the person is asked to do with a step."""

    SETTING = "setting"  # change a setting on a device
    ADVICE = "advice"  # read and acknowledge; nothing to switch
    OPTIONAL = "optional"  # worth doing for some people only
    IRREVERSIBLE = "irreversible"  # cannot be undone; never a default


class Platform(StrEnum):
    """Where a set of instructions applies."""

    IPHONE = "iphone"  # iPhone and iPad (iOS / iPadOS)
    MAC = "mac"  # macOS
    WEB = "web"  # a web page, on any computer


class Confidence(StrEnum):
    """How sure the facts behind a source are (see shared/reference/facts.md)."""

    VERIFIED = "verified"  # an Apple (or vendor) page says it
    CORROBORATED = "corroborated"  # several independent sources agree
    UNVERIFIED = "unverified"  # weak or inferred: the content says to check


class DeviceKind(StrEnum):
    """A kind of Apple device the person may own."""

    IPHONE = "iphone"
    IPAD = "ipad"
    MAC = "mac"
    WATCH = "watch"


# Which kinds of device a set of instructions is for; web instructions fit any device.
PLATFORM_DEVICES: Mapping[Platform, frozenset[DeviceKind]] = {
    Platform.IPHONE: frozenset({DeviceKind.IPHONE, DeviceKind.IPAD}),
    Platform.MAC: frozenset({DeviceKind.MAC}),
    Platform.WEB: frozenset(DeviceKind),
}

DEFAULT_DEVICES = (DeviceKind.IPHONE, DeviceKind.IPAD, DeviceKind.MAC)


class AnswerKey(StrEnum):
    """A question the person answers during setup (``Progress.answers``)."""

    LIVES_IN_UK = "lives_in_uk"
    CAN_COPE_WITHOUT_RECOVERY = "can_cope_without_recovery"
    HIGH_RISK = "high_risk"
    MESSAGES_BUSINESSES = "messages_businesses"


def version_key(version: str) -> tuple[int, int, int]:
    """``"17.2"`` -> ``(17, 2, 0)`` so versions compare numerically."""
    parts = [int(p) for p in version.split(".")]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


class Source(StrictModel):
    """A page that backs the step's claims (a ``[[sources]]`` table)."""

    title: NonEmpty = Field(description="The page's title, as the publisher gives it.")
    url: NonEmpty = Field(
        description="The full https:// address of the page (no spaces; the host needs a dot).",
        json_schema_extra={"pattern": r"^https://[^\s/]+\.[^\s/]+(/\S*)?$"},
    )
    publisher: NonEmpty = Field(description="Who published it: Apple, a newspaper, a security lab…")
    confidence: Confidence = Field(
        description=(
            "How sure the facts taken from this source are: 'verified' (an Apple or vendor page "
            "says it), 'corroborated' (several independent sources agree) or 'unverified' "
            "(weak or inferred; the text must then ask the reader to check)."
        )
    )

    @field_validator("url")
    @classmethod
    def _url_is_https(cls, value: str) -> str:
        if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
            raise ValueError("must be a full https:// address without spaces")
        return value


class Instructions(StrictModel):
    """How to do the step on one platform, for a range of OS versions."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"platform": {"const": "web"}}, "required": ["platform"]},
            "then": {"not": {"anyOf": [{"required": ["min_version"]}, {"required": ["before_version"]}]}},
        }
    )

    platform: Platform = Field(
        description="Where these instructions apply: 'iphone' (iPhone and iPad), 'mac' or 'web'."
    )
    min_version: Version | None = Field(  # first OS version these apply to (inclusive)
        default=None,
        description='The first iOS/macOS version these instructions apply to (inclusive), e.g. "18".',
    )
    before_version: Version | None = Field(  # first OS version they no longer apply to
        default=None,
        description=(
            'The first iOS/macOS version they no longer apply to (exclusive), e.g. "18" for '
            "iOS 17 and earlier. Must be higher than min_version. Web instructions have no versions."
        ),
    )
    path: list[NonEmpty] = Field(  # menu path, e.g. Settings > Apps
        default_factory=list,
        description='The menu path, one entry per level, e.g. ["Settings", "Apps", "Messages"].',
    )
    target: NonEmpty | None = Field(  # the state to leave the last switch in: "On", "Off"
        default=None, description='The state to leave the last switch of the path in, e.g. "On" or "Off".'
    )
    steps: list[NonEmpty] = Field(  # what to tap, in order (Markdown inline)
        min_length=1, description="What to tap or click, in order; one short sentence each (inline Markdown)."
    )

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Instructions:
        low, high = self.min_version, self.before_version
        if low and high and version_key(low) >= version_key(high):
            raise ValueError("min_version must be lower than before_version")
        if self.platform is Platform.WEB and (self.min_version or self.before_version):
            raise ValueError("web instructions have no OS versions")
        return self

    def applies_to_version(self, version: str | None) -> bool:
        """Whether these instructions fit a device on ``version`` (None: unknown, fits)."""
        if version is None:
            return True
        key = version_key(version)
        if self.min_version and key < version_key(self.min_version):
            return False
        return not (self.before_version and key >= version_key(self.before_version))


def _unique(values: list[DeviceKind]) -> list[DeviceKind]:
    dupes = sorted({v.value for v in values if values.count(v) > 1})
    if dupes:
        raise ValueError(f"listed twice: {', '.join(dupes)}")
    return values


DeviceKinds = Annotated[
    list[DeviceKind], Field(min_length=1, json_schema_extra={"uniqueItems": True}), AfterValidator(_unique)
]


class AnswerRule(StrictModel):
    """A rule on one of the person's answers: it matches when the answer equals ``equals``.

    An answer the person has not given (or is not sure about) never matches.
    """

    answer: AnswerKey = Field(
        description=(
            "Which answer from the setup page: 'lives_in_uk', 'can_cope_without_recovery', "
            "'high_risk' or 'messages_businesses'."
        )
    )
    equals: StrictBool = Field(
        description="The rule matches when the person answered exactly this (true/false)."
    )
    reason: NonEmpty = Field(
        description="Shown to the person when the rule matches: plain words, inline Markdown."
    )


class Requirement(StrictModel):
    """A minimum OS version for some kinds of device (an ``[[applicability.requires]]`` table)."""

    devices: DeviceKinds = Field(
        description="The kinds of device this minimum is for: 'iphone', 'ipad', 'mac' or 'watch'."
    )
    min_version: Version = Field(
        description='The first OS version on which the step can be done (inclusive), e.g. "17.2".'
    )
    fix: NonEmpty = Field(
        description="What to do when a device is older: inline Markdown, e.g. update it or sign it out."
    )


class Applicability(StrictModel):
    """Whom a step fits: the devices it concerns, answers that rule it out, minimum versions."""

    devices: DeviceKinds = Field(
        default_factory=lambda: list(DEFAULT_DEVICES),
        description=(
            "The kinds of device the step concerns (default: iphone, ipad, mac). The step does not "
            "apply to a person who listed their devices and has none of these."
        ),
    )
    per_device: StrictBool = Field(
        default=False,
        description="true: the person ticks the step off on each of their devices; done when all are.",
    )
    not_applicable_when: list[AnswerRule] = Field(
        default_factory=list,
        description="Answers that make the step not apply; the first match gives the reason shown.",
    )
    caution_when: list[AnswerRule] = Field(
        default_factory=list,
        description="Answers that call for a caution, shown before the step's advice.",
    )
    requires: list[Requirement] = Field(
        default_factory=list,
        description="Minimum OS versions; a device known to be older is shown as blocking the step.",
    )


class Step(StrictModel):
    """One recommendation of the guide (a file ``steps/<id>.toml``)."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"kind": {"const": "setting"}}, "required": ["kind"]},
            "then": {"required": ["instructions"], "properties": {"instructions": {"minItems": 1}}},
        }
    )

    schema_version: StrictInt = Field(
        ge=1, le=CONTENT_SCHEMA_VERSION, description="The content format version; write 1."
    )
    id: Slug = Field(
        description="The step's stable id: lower-case words joined by '-'; the file must be named <id>.toml."
    )
    title: NonEmpty = Field(description='A short imperative title, e.g. "Turn off iCloud Backup".')
    summary: NonEmpty = Field(
        max_length=200, description="One or two plain sentences (at most 200 characters) shown in lists."
    )
    kind: StepKind = Field(
        description=(
            "What the person is asked to do: 'setting' (change a setting; needs instructions), "
            "'advice' (read and acknowledge), 'optional' (for some people only) or "
            "'irreversible' (cannot be undone; never a default)."
        )
    )
    why: NonEmpty = Field(description="Markdown: why it matters, in plain words.")  # why it matters
    instructions: list[Instructions] = Field(
        default_factory=list,
        validate_default=True,
        description=(
            "How to do it, one [[instructions]] table per platform and range of OS versions. "
            "Required (at least one) for 'setting' steps."
        ),
    )
    check: NonEmpty = Field(description="Markdown: how to tell that the step is done.")
    gives_up: NonEmpty = Field(description="Markdown: what the person gives up by doing it.")
    uncertain: str | None = Field(
        default=None,
        description=(
            "Markdown: what the sources do not settle, worded as things to check. "
            "Needed whenever a source is 'unverified'."
        ),
    )
    completable: StrictBool = Field(
        default=True,
        description="false: the step can only be acknowledged, never marked done (default true).",
    )
    applies_to: NonEmpty = Field(
        description='A human summary of the OS versions, e.g. "iOS 17–26, macOS 14–26".'
    )
    sources: list[Source] = Field(
        min_length=1, description="The pages that back the step's claims; at least one [[sources]] table."
    )
    reviewed: dt.date = Field(
        description="The day the step was last checked against its sources (a TOML date: 2026-11-28)."
    )
    applicability: Applicability = Field(
        default_factory=Applicability,
        description=(
            "Whom the step fits: an [applicability] table with the devices it concerns, whether it is "
            "ticked per device, answers that rule it out or call for a caution, and minimum versions."
        ),
    )

    @field_validator("instructions")
    @classmethod
    def _setting_has_instructions(cls, value: list[Instructions], info: ValidationInfo) -> list[Instructions]:
        if info.data.get("kind") is StepKind.SETTING and not value:
            raise ValueError("a 'setting' step needs at least one [[instructions]] table")
        return value


class NewestVersions(StrictModel):
    """The newest system versions a guide was checked against."""

    ios: Version = Field(
        description='The newest iOS / iPadOS version the guide was checked against, e.g. "26.5".'
    )
    macos: Version = Field(description='The newest macOS version the guide was checked against, e.g. "26.5".')


class GuideInfo(StrictModel):
    """``guide.toml``: the guide's identity and its steps in order."""

    schema_version: StrictInt = Field(
        ge=1, le=CONTENT_SCHEMA_VERSION, description="The content format version; write 1."
    )
    id: Slug = Field(
        description=(
            "The guide's stable id (lower-case words joined by '-'), the same as its folder "
            "name; saved progress is kept under it."
        )
    )
    title: NonEmpty = Field(description="The guide's title, shown on the welcome page and the checklist.")
    version: Version = Field(description='The guide\'s own version, e.g. "1.0" (raise it with each release).')
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")] = Field(
        description='The language code, the same as the folder name: "en", "de", "pt-BR".'
    )
    description: NonEmpty = Field(  # Markdown, shown on the welcome page
        description="Markdown shown on the welcome page: what the walkthrough does and what to have ready."
    )
    minutes: StrictInt = Field(  # about how long the walkthrough takes
        ge=1, le=600, description="About how many minutes the walkthrough takes (1–600)."
    )
    steps: list[Slug] = Field(
        min_length=1,
        description="The step ids in the order they are shown; each needs a file steps/<id>.toml.",
        json_schema_extra={"uniqueItems": True},
    )
    reviewed: dt.date = Field(description="The day the guide as a whole was last reviewed (a TOML date).")
    newest_versions: NewestVersions | None = Field(
        default=None,
        description=(
            "The newest iOS and macOS versions the guide was checked against; the welcome page warns "
            "when a person's device runs something newer."
        ),
    )

    @field_validator("steps")
    @classmethod
    def _steps_unique(cls, value: list[str]) -> list[str]:
        dupes = sorted({s for s in value if value.count(s) > 1})
        if dupes:
            raise ValueError(f"step ids listed twice: {', '.join(dupes)}")
        return value


class Guide(StrictModel):
    """A loaded, cross-checked guide: its info and its steps in order."""

    info: GuideInfo
    steps: tuple[Step, ...]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)
