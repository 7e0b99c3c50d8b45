"""The guide's step files: strict records for the human-edited TOML files.

A guide lives in one folder per language (``content/<guide-id>/<lang>/``) holding
``guide.toml`` (the guide's metadata and step order) and ``steps/*.toml`` (one
recommendation per file).  The records are frozen pydantic models that refuse unknown
fields, so that a typo in a content file is reported instead of silently ignored; each
field's description is the editor hint of the exported JSON Schema (``schema``).  The text
around every string is stripped, as content writers expect.  See :mod:`.fields` for the
building blocks the records share, :mod:`.records` for how problems are worded, :mod:`.kinds`
for the enums and versions they use, and :mod:`.guide` for ``guide.toml``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from privacy_walkthrough.core.content.fields import (
    UNIQUE,
    ContentVersion,
    NonEmpty,
    Slug,
    StrictModel,
    Version,
    choice,
    described,
)
from privacy_walkthrough.core.content.kinds import (
    DEFAULT_DEVICES,
    AnswerKey,
    Confidence,
    DeviceKind,
    Platform,
    StepKind,
    version_key,
    version_span,
)
from privacy_walkthrough.core.content.records import URL_PATTERN, rule

# Content not reviewed for longer is stale: `validate` warns, and the welcome page says so.
STALE_AFTER_DAYS = 180


class Source(StrictModel):
    """A page that backs the step's claims (a ``[[sources]]`` table)."""

    title: Annotated[NonEmpty, described("The page's title, as the publisher gives it.")]
    url: Annotated[
        str,
        StringConstraints(pattern=URL_PATTERN),
        described("The full https:// address of the page (no spaces; the host needs a dot)."),
    ]
    publisher: Annotated[NonEmpty, described("Who published it: Apple, a newspaper, a security lab…")]
    confidence: Annotated[
        Confidence,
        choice(
            "How sure the facts taken from this source are: 'verified' (an Apple or vendor page "
            "says it), 'corroborated' (several independent sources agree) or 'unverified' "
            "(weak or inferred; the text must then ask the reader to check)."
        ),
    ]


class Instructions(StrictModel):
    """How to do the step on one platform, for a range of OS versions."""

    model_config = ConfigDict(
        json_schema_extra={  # the rule of the validator below, for editors
            "if": {"properties": {"platform": {"const": "web"}}, "required": ["platform"]},
            "then": {"not": {"anyOf": [{"required": ["min_version"]}, {"required": ["before_version"]}]}},
        }
    )

    platform: Annotated[
        Platform, choice("Where these instructions apply: 'iphone' (iPhone and iPad), 'mac' or 'web'.")
    ]
    steps: Annotated[  # what to tap, in order (Markdown inline)
        list[NonEmpty],
        described("What to tap or click, in order; one short sentence each (inline Markdown).", min_length=1),
    ]
    min_version: Annotated[  # first OS version these apply to (inclusive)
        Version | None,
        described('The first iOS/macOS version these instructions apply to (inclusive), e.g. "18".'),
    ] = None
    before_version: Annotated[  # first OS version they no longer apply to
        Version | None,
        described(
            'The first iOS/macOS version they no longer apply to (exclusive), e.g. "18" for '
            "iOS 17 and earlier. Must be higher than min_version. Web instructions have no versions."
        ),
    ] = None
    path: Annotated[  # menu path, e.g. Settings > Apps
        list[NonEmpty],
        described('The menu path, one entry per level, e.g. ["Settings", "Apps", "Messages"].'),
    ] = Field(default_factory=list)
    target: Annotated[  # the state to leave the last switch in: "On", "Off"
        NonEmpty | None, described('The state to leave the last switch of the path in, e.g. "On" or "Off".')
    ] = None
    title: Annotated[  # what this block does, when a step has more than one task for a device
        NonEmpty | None,
        described(
            'What this block of instructions does, e.g. "Delete old backups". Needed when two '
            "blocks are for the same devices and versions, so each has its own heading."
        ),
    ] = None

    @model_validator(mode="after")
    def _versions_in_order(self) -> Self:
        low, high = self.min_version, self.before_version
        if low and high and version_key(low) >= version_key(high):
            raise rule(None, "min_version must be lower than before_version")
        if self.platform is Platform.WEB and (low or high):
            raise rule(None, "web instructions have no OS versions: remove min_version and before_version")
        return self

    def applies_to_version(self, version: str | None) -> bool:
        """Whether these instructions may fit a device on ``version`` (None: unknown, fits).

        A version written without its minor release ("17") fits when any release it stands
        for does (see :func:`version_span`); :meth:`surely_applies_to` tells them apart.
        """
        if version is None:
            return True
        low, high = version_span(version)
        if self.min_version and high <= version_key(self.min_version):
            return False
        return not (self.before_version and low >= version_key(self.before_version))

    def surely_applies_to(self, version: str | None) -> bool:
        """Whether these instructions fit every release ``version`` stands for (None: unknown)."""
        if version is None:
            return not (self.min_version or self.before_version)
        low, high = version_span(version)
        if self.min_version and low < version_key(self.min_version):
            return False
        return not (self.before_version and high > version_key(self.before_version))


DeviceKinds = Annotated[
    list[Annotated[DeviceKind, Field(strict=False)]],
    Field(min_length=1, json_schema_extra={"uniqueItems": True}),
    UNIQUE,
]


class AnswerRule(StrictModel):
    """A rule on one of the person's answers: it matches when the answer equals ``equals``.

    An answer the person has not given (or is not sure about) never matches.
    """

    answer: Annotated[
        AnswerKey,
        choice(
            "Which answer from the setup page: 'lives_in_uk', 'can_cope_without_recovery', "
            "'high_risk' or 'messages_businesses'."
        ),
    ]
    equals: Annotated[bool, described("The rule matches when the person answered exactly this (true/false).")]
    reason: Annotated[
        NonEmpty, described("Shown to the person when the rule matches: plain words, inline Markdown.")
    ]


class Requirement(StrictModel):
    """A minimum OS version for some kinds of device (an ``[[applicability.requires]]`` table)."""

    devices: Annotated[
        DeviceKinds, described("The kinds of device this minimum is for: 'iphone', 'ipad', 'mac' or 'watch'.")
    ]
    min_version: Annotated[
        Version, described('The first OS version on which the step can be done (inclusive), e.g. "17.2".')
    ]
    fix: Annotated[
        NonEmpty,
        described("What to do when a device is older: inline Markdown, e.g. update it or sign it out."),
    ]


def _default_devices() -> list[DeviceKind]:
    return list(DEFAULT_DEVICES)


class Applicability(StrictModel):
    """Whom a step fits: the devices it concerns, answers that rule it out, minimum versions."""

    devices: Annotated[
        DeviceKinds,
        described(
            "The kinds of device the step concerns (default: iphone, ipad, mac). The step does not "
            "apply to a person who listed their devices and has none of these."
        ),
    ] = Field(default_factory=_default_devices)
    per_device: Annotated[
        bool, described("true: the person ticks the step off on each of their devices; done when all are.")
    ] = False
    not_applicable_when: Annotated[
        list[AnswerRule],
        described("Answers that make the step not apply; the first match gives the reason shown."),
    ] = Field(default_factory=list)
    caution_when: Annotated[
        list[AnswerRule], described("Answers that call for a caution, shown before the step's advice.")
    ] = Field(default_factory=list)
    requires: Annotated[
        list[Requirement],
        described("Minimum OS versions; a device known to be older is shown as blocking the step."),
    ] = Field(default_factory=list)


class NewestVersions(StrictModel):
    """The newest system versions a guide was checked against."""

    ios: Annotated[
        Version, described('The newest iOS / iPadOS version the guide was checked against, e.g. "26.5".')
    ]
    macos: Annotated[
        Version, described('The newest macOS version the guide was checked against, e.g. "26.5".')
    ]


@cache
def _FOR_EVERYONE() -> Applicability:  # noqa: N802 (a constant, made when first needed)
    """The applicability of a step that has no [applicability] table: one shared, frozen record.

    Made from its defaults without a check (``model_construct``), once: a start need not build
    Applicability's own validator for it, and steps do not each pay for making it.
    """
    return Applicability.model_construct()


class Step(StrictModel):
    """One recommendation of the guide (a file ``steps/<id>.toml``)."""

    model_config = ConfigDict(
        json_schema_extra={  # the rule of the validator below, for editors
            "if": {"properties": {"kind": {"const": "setting"}}, "required": ["kind"]},
            "then": {"required": ["instructions"], "properties": {"instructions": {"minItems": 1}}},
        }
    )

    schema_version: Annotated[ContentVersion, described("The content format version; write 1.")]
    id: Annotated[
        Slug,
        described("The step's stable id: lower-case words joined by '-'; the file must be named <id>.toml."),
    ]
    title: Annotated[NonEmpty, described('A short imperative title, e.g. "Turn off iCloud Backup".')]
    summary: Annotated[
        NonEmpty,
        described("One or two plain sentences (at most 200 characters) shown in lists.", max_length=200),
    ]
    kind: Annotated[
        StepKind,
        choice(
            "What the person is asked to do: 'setting' (change a setting; needs instructions), "
            "'advice' (read and acknowledge), 'optional' (for some people only) or "
            "'irreversible' (cannot be undone; never a default)."
        ),
    ]
    why: Annotated[NonEmpty, described("Markdown: why it matters, in plain words.")]
    check: Annotated[NonEmpty, described("Markdown: how to tell that the step is done.")]
    gives_up: Annotated[NonEmpty, described("Markdown: what the person gives up by doing it.")]
    applies_to: Annotated[
        NonEmpty, described('A human summary of the OS versions, e.g. "iOS 17–26, macOS 14–26".')
    ]
    sources: Annotated[
        list[Source],
        described("The pages that back the step's claims; at least one [[sources]] table.", min_length=1),
    ]
    reviewed: Annotated[
        dt.date, described("The day the step was last checked against its sources (a TOML date: 2026-11-28).")
    ]
    instructions: Annotated[
        list[Instructions],
        described(
            "How to do it, one [[instructions]] table per platform and range of OS versions. "
            "Required (at least one) for 'setting' steps."
        ),
    ] = Field(default_factory=list)
    undo: Annotated[
        str | None,
        described(
            "Markdown: how to undo the step, so a person who loses something they need can put it "
            "back. Needed for every step with instructions, except 'irreversible' ones."
        ),
    ] = None
    checked_against: Annotated[
        NewestVersions | None,
        described(
            "The newest iOS and macOS versions this step was checked against, when they differ "
            "from the guide's newest_versions."
        ),
    ] = None
    uncertain: Annotated[
        str | None,
        described(
            "Markdown: what the sources do not settle, worded as things to check. "
            "Needed whenever a source is 'unverified'."
        ),
    ] = None
    completable: Annotated[
        bool, described("false: the step can only be acknowledged, never marked done (default true).")
    ] = True
    applicability: Annotated[
        Applicability,
        described(
            "Whom the step fits: an [applicability] table with the devices it concerns, whether it is "
            "ticked per device, answers that rule it out or call for a caution, and minimum versions."
        ),
    ] = Field(default_factory=lambda: _FOR_EVERYONE())

    @model_validator(mode="after")
    def _settings_have_instructions(self) -> Self:
        if self.kind is StepKind.SETTING and not self.instructions:
            raise rule("instructions", "a 'setting' step needs at least one [[instructions]] table")
        return self
