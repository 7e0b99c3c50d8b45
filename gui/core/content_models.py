"""The guide's data model: strict pydantic models for the human-edited TOML files.

A guide lives in one folder per language (``content/<guide-id>/<lang>/``) holding
``guide.toml`` (the guide's metadata and step order) and ``steps/*.toml`` (one
recommendation per file).  Unknown fields are rejected so that a typo in a content file
is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
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
    IPHONE = "iphone"  # iPhone and iPad (iOS / iPadOS)
    MAC = "mac"  # macOS
    WEB = "web"  # a web page, on any computer


class Confidence(StrEnum):
    """How sure the facts behind a source are (see shared/reference/facts.md)."""

    VERIFIED = "verified"  # an Apple (or vendor) page says it
    CORROBORATED = "corroborated"  # several independent sources agree
    UNVERIFIED = "unverified"  # weak or inferred: the content says to check


def version_key(version: str) -> tuple[int, int, int]:
    """``"17.2"`` -> ``(17, 2, 0)`` so versions compare numerically."""
    parts = [int(p) for p in version.split(".")]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


class Source(StrictModel):
    title: NonEmpty
    url: NonEmpty
    publisher: NonEmpty
    confidence: Confidence

    @field_validator("url")
    @classmethod
    def _url_is_https(cls, value: str) -> str:
        if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
            raise ValueError("must be a full https:// address without spaces")
        return value


class Instructions(StrictModel):
    """How to do the step on one platform, for a range of OS versions."""

    platform: Platform
    min_version: Version | None = None  # first OS version these apply to (inclusive)
    before_version: Version | None = None  # first OS version they no longer apply to
    path: list[NonEmpty] = Field(default_factory=list)  # menu path, e.g. Settings > Apps
    target: NonEmpty | None = None  # the state to leave the last switch in: "On", "Off"
    steps: list[NonEmpty] = Field(min_length=1)  # what to tap, in order (Markdown inline)

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


class Step(StrictModel):
    """One recommendation of the guide."""

    schema_version: StrictInt = Field(ge=1, le=CONTENT_SCHEMA_VERSION)
    id: Slug
    title: NonEmpty
    summary: NonEmpty = Field(max_length=200)
    kind: StepKind
    why: NonEmpty  # Markdown: why it matters
    instructions: list[Instructions] = Field(default_factory=list, validate_default=True)
    check: NonEmpty  # Markdown: how to tell it is done
    gives_up: NonEmpty  # Markdown: what the person gives up
    uncertain: str | None = None  # Markdown: what the sources do not settle
    completable: StrictBool = True  # False: can only be acknowledged, never "done"
    applies_to: NonEmpty  # human summary of the OS versions, e.g. "iOS 17-26, macOS 14-26"
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date

    @field_validator("instructions")
    @classmethod
    def _setting_has_instructions(cls, value: list[Instructions], info: ValidationInfo) -> list[Instructions]:
        if info.data.get("kind") is StepKind.SETTING and not value:
            raise ValueError("a 'setting' step needs at least one [[instructions]] table")
        return value


class GuideInfo(StrictModel):
    """``guide.toml``: the guide's identity and its steps in order."""

    schema_version: StrictInt = Field(ge=1, le=CONTENT_SCHEMA_VERSION)
    id: Slug
    title: NonEmpty
    version: Version
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")]
    description: NonEmpty  # Markdown, shown on the welcome page
    minutes: StrictInt = Field(ge=1, le=600)  # about how long the walkthrough takes
    steps: list[Slug] = Field(min_length=1)
    reviewed: dt.date

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
