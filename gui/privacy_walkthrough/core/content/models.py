"""The guide's data model: strict records for the human-edited TOML files.

A guide lives in one folder per language (``content/<guide-id>/<lang>/``) holding
``guide.toml`` (the guide's metadata and step order) and ``steps/*.toml`` (one
recommendation per file).  Unknown fields are rejected so that a typo in a content file
is reported instead of silently ignored.  The records are :class:`msgspec.Struct` types;
:mod:`privacy_walkthrough.core.content.records` parses them and :func:`json_schema_extra` adds the
rules across fields to the exported JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Annotated, Any

from msgspec import Meta, Struct, field

from privacy_walkthrough.core.content.records import FieldRuleError

CONTENT_SCHEMA_VERSION = 1

Slug = Annotated[str, Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Version = Annotated[str, Meta(pattern=r"^\d+(?:\.\d+){0,2}$")]
NonEmpty = Annotated[str, Meta(min_length=1)]
URL_PATTERN = r"^https://[^\s/]+\.[^\s/]+(/\S*)?$"
ContentVersion = Annotated[
    int, Meta(ge=1, le=CONTENT_SCHEMA_VERSION, description="The content format version; write 1.")
]


class StrictModel(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A record of a content file: unknown fields are refused; it cannot be changed once made.

    The loader strips the whitespace around every text before the record is made.
    """


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


def version_span(version: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The versions a written version stands for, as ``[low, high)`` keys.

    A person who writes only a major version runs some release of it that they did not
    name: ``"17"`` is any 17.x, ``"17.2"`` any 17.2.x, and ``"17.2.1"`` that release alone.
    """
    low = version_key(version)
    parts = version.count(".") + 1
    if parts == 1:
        return low, (low[0] + 1, 0, 0)
    if parts == 2:
        return low, (low[0], low[1] + 1, 0)
    return low, (low[0], low[1], low[2] + 1)


def described(text: str) -> Meta:
    """A field's description for the JSON Schema (``Annotated[str, described("...")]``)."""
    return Meta(description=text)


class Source(StrictModel, frozen=True):
    """A page that backs the step's claims (a ``[[sources]]`` table)."""

    title: Annotated[NonEmpty, described("The page's title, as the publisher gives it.")]
    url: Annotated[
        NonEmpty,
        Meta(
            description="The full https:// address of the page (no spaces; the host needs a dot).",
            extra_json_schema={"pattern": URL_PATTERN},
        ),
    ]
    publisher: Annotated[NonEmpty, described("Who published it: Apple, a newspaper, a security lab…")]
    confidence: Annotated[
        Confidence,
        described(
            "How sure the facts taken from this source are: 'verified' (an Apple or vendor page "
            "says it), 'corroborated' (several independent sources agree) or 'unverified' "
            "(weak or inferred; the text must then ask the reader to check)."
        ),
    ]

    def __post_init__(self) -> None:
        if not re.match(URL_PATTERN, self.url):
            raise FieldRuleError("url", "must be a full https:// address without spaces")


class Instructions(StrictModel, frozen=True):
    """How to do the step on one platform, for a range of OS versions."""

    platform: Annotated[
        Platform, described("Where these instructions apply: 'iphone' (iPhone and iPad), 'mac' or 'web'.")
    ]
    steps: Annotated[  # what to tap, in order (Markdown inline)
        list[NonEmpty],
        Meta(
            min_length=1,
            description="What to tap or click, in order; one short sentence each (inline Markdown).",
        ),
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
    ] = field(default_factory=list)
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

    def __post_init__(self) -> None:
        low, high = self.min_version, self.before_version
        if low and high and version_key(low) >= version_key(high):
            raise FieldRuleError(None, "min_version must be lower than before_version")
        if self.platform is Platform.WEB and (self.min_version or self.before_version):
            raise FieldRuleError(None, "web instructions have no OS versions")

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


def twice(values: list[Any]) -> list[str]:
    """The values listed more than once, as sorted text."""
    return sorted(str(value) for value, count in Counter(values).items() if count > 1)


DeviceKinds = Annotated[list[DeviceKind], Meta(min_length=1, extra_json_schema={"uniqueItems": True})]


class AnswerRule(StrictModel, frozen=True):
    """A rule on one of the person's answers: it matches when the answer equals ``equals``.

    An answer the person has not given (or is not sure about) never matches.
    """

    answer: Annotated[
        AnswerKey,
        described(
            "Which answer from the setup page: 'lives_in_uk', 'can_cope_without_recovery', "
            "'high_risk' or 'messages_businesses'."
        ),
    ]
    equals: Annotated[bool, described("The rule matches when the person answered exactly this (true/false).")]
    reason: Annotated[
        NonEmpty, described("Shown to the person when the rule matches: plain words, inline Markdown.")
    ]


class Requirement(StrictModel, frozen=True):
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

    def __post_init__(self) -> None:
        if dupes := twice(self.devices):
            raise FieldRuleError("devices", f"listed twice: {', '.join(dupes)}")


def _default_devices() -> list[DeviceKind]:
    return list(DEFAULT_DEVICES)


class Applicability(StrictModel, frozen=True):
    """Whom a step fits: the devices it concerns, answers that rule it out, minimum versions."""

    devices: Annotated[
        DeviceKinds,
        described(
            "The kinds of device the step concerns (default: iphone, ipad, mac). The step does not "
            "apply to a person who listed their devices and has none of these."
        ),
    ] = field(default_factory=_default_devices)
    per_device: Annotated[
        bool, described("true: the person ticks the step off on each of their devices; done when all are.")
    ] = False
    not_applicable_when: Annotated[
        list[AnswerRule],
        described("Answers that make the step not apply; the first match gives the reason shown."),
    ] = field(default_factory=list)
    caution_when: Annotated[
        list[AnswerRule], described("Answers that call for a caution, shown before the step's advice.")
    ] = field(default_factory=list)
    requires: Annotated[
        list[Requirement],
        described("Minimum OS versions; a device known to be older is shown as blocking the step."),
    ] = field(default_factory=list)

    def __post_init__(self) -> None:
        if dupes := twice(self.devices):
            raise FieldRuleError("devices", f"listed twice: {', '.join(dupes)}")


class NewestVersions(StrictModel, frozen=True):
    """The newest system versions a guide was checked against."""

    ios: Annotated[
        Version, described('The newest iOS / iPadOS version the guide was checked against, e.g. "26.5".')
    ]
    macos: Annotated[
        Version, described('The newest macOS version the guide was checked against, e.g. "26.5".')
    ]


class Step(StrictModel, frozen=True):
    """One recommendation of the guide (a file ``steps/<id>.toml``)."""

    schema_version: ContentVersion
    id: Annotated[
        Slug,
        described("The step's stable id: lower-case words joined by '-'; the file must be named <id>.toml."),
    ]
    title: Annotated[NonEmpty, described('A short imperative title, e.g. "Turn off iCloud Backup".')]
    summary: Annotated[
        NonEmpty,
        Meta(
            max_length=200, description="One or two plain sentences (at most 200 characters) shown in lists."
        ),
    ]
    kind: Annotated[
        StepKind,
        described(
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
        Meta(
            min_length=1, description="The pages that back the step's claims; at least one [[sources]] table."
        ),
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
    ] = field(default_factory=list)
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
    ] = field(default_factory=Applicability)

    def __post_init__(self) -> None:
        if self.kind is StepKind.SETTING and not self.instructions:
            raise FieldRuleError("instructions", "a 'setting' step needs at least one [[instructions]] table")


class GuideInfo(StrictModel, frozen=True):
    """``guide.toml``: the guide's identity and its steps in order."""

    schema_version: ContentVersion
    id: Annotated[
        Slug,
        described(
            "The guide's stable id (lower-case words joined by '-'), the same as its folder "
            "name; saved progress is kept under it."
        ),
    ]
    title: Annotated[NonEmpty, described("The guide's title, shown on the welcome page and the checklist.")]
    version: Annotated[
        Version, described('The guide\'s own version, e.g. "1.0" (raise it with each release).')
    ]
    language: Annotated[
        str,
        Meta(
            pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$",
            description='The language code, the same as the folder name: "en", "de", "pt-BR".',
        ),
    ]
    description: Annotated[  # Markdown, shown on the welcome page
        NonEmpty,
        described("Markdown shown on the welcome page: what the walkthrough does and what to have ready."),
    ]
    minutes: Annotated[  # about how long the walkthrough takes
        int, Meta(ge=1, le=600, description="About how many minutes the walkthrough takes (1–600).")
    ]
    steps: Annotated[
        list[Slug],
        Meta(
            min_length=1,
            description="The step ids in the order they are shown; each needs a file steps/<id>.toml.",
            extra_json_schema={"uniqueItems": True},
        ),
    ]
    reviewed: Annotated[dt.date, described("The day the guide as a whole was last reviewed (a TOML date).")]
    newest_versions: Annotated[
        NewestVersions | None,
        described(
            "The newest iOS and macOS versions the guide was checked against; the welcome page warns "
            "when a person's device runs something newer."
        ),
    ] = None

    def __post_init__(self) -> None:
        if dupes := twice(self.steps):
            raise FieldRuleError("steps", f"step ids listed twice: {', '.join(dupes)}")


# Rules across fields, for the exported JSON Schema (the records check them in __post_init__).
SCHEMA_RULES: Mapping[str, Mapping[str, Any]] = {
    "Instructions": {
        "if": {"properties": {"platform": {"const": "web"}}, "required": ["platform"]},
        "then": {"not": {"anyOf": [{"required": ["min_version"]}, {"required": ["before_version"]}]}},
    },
    "Step": {
        "if": {"properties": {"kind": {"const": "setting"}}, "required": ["kind"]},
        "then": {"required": ["instructions"], "properties": {"instructions": {"minItems": 1}}},
    },
}


@dataclass(frozen=True)
class Guide:
    """A loaded, cross-checked guide: its info and its steps in order (never written out)."""

    info: GuideInfo
    steps: tuple[Step, ...]
    step_ids: tuple[str, ...] = dataclass_field(init=False, repr=False, compare=False)
    _by_id: dict[str, Step] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # looked up on every move between pages: kept ready
        object.__setattr__(self, "step_ids", tuple(s.id for s in self.steps))
        object.__setattr__(self, "_by_id", {s.id: s for s in self.steps})

    def step(self, step_id: str) -> Step:
        """The step with this id (raises KeyError)."""
        return self._by_id[step_id]

    def checked_against(self, step: Step) -> NewestVersions | None:
        """The newest versions ``step`` was checked against: its own, else the guide's."""
        return step.checked_against or self.info.newest_versions
