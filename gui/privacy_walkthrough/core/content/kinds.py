"""The words a guide is written in: kinds of step, platforms, kinds of device, how sure a
source is, the questions of the set-up page, and system versions compared as numbers.

Shared by the content records (:mod:`.models`), the person's progress and the Qt layer;
nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


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
    """How sure the facts behind a source are (see content/SOURCES.md)."""

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
