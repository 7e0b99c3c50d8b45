"""The system versions a person can pick on the set-up page, worked out from the guide.

The list offers the releases the guide's rules tell apart, and no finer: where a rule
names a minor release (iOS 17.2), that major version is offered in two parts ("iOS 17.0
or 17.1", "iOS 17.2 or a later 17.x"); every other major version is offered whole (a bare
"17" stands for any 17.x, see :func:`~privacy_walkthrough.core.content.kinds.version_span`).
The list ends with "newer than" the newest release the guide was checked on, so a person
on a newer system can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import PLATFORM_DEVICES, DeviceKind, Platform, version_key
from privacy_walkthrough.core.content.models import NewestVersions
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import device_label, os_name
from privacy_walkthrough.core.markdown_text import escape_markdown
from privacy_walkthrough.core.progress.models import Device
from privacy_walkthrough.core.walkthrough.applicability import Fit, newest_known

# In 2025 Apple numbered every system after the coming year (iOS 26, macOS 26, watchOS 26).
# The majors between each system's last release before then and 26 never existed.
YEAR_NUMBERED_FROM = 26
LAST_BEFORE_YEAR_NUMBERS = {
    DeviceKind.IPHONE: 18,
    DeviceKind.IPAD: 18,
    DeviceKind.MAC: 15,
    DeviceKind.WATCH: 11,
}


@dataclass(frozen=True)
class VersionChoice:
    """One entry of the version list: the version saved, and its words."""

    value: str  # saved as the device's version: "17.2", "26", "26.6" (newer than 26.5)
    label: str  # "iOS 17.2 or a later 17.x"


def rule_versions(guide: Guide, kind: DeviceKind) -> list[tuple[int, int, int]]:
    """Every version at which one of the guide's rules changes for this kind of device."""
    found: set[tuple[int, int, int]] = set()
    for step in guide.steps:
        for instructions in step.instructions:
            if instructions.platform is Platform.WEB or kind not in PLATFORM_DEVICES[instructions.platform]:
                continue
            for version in (instructions.min_version, instructions.before_version):
                if version:
                    found.add(version_key(version))
        for requirement in step.applicability.requires:
            if kind in requirement.devices:
                found.add(version_key(requirement.min_version))
    return sorted(found)


def _existing_majors(kind: DeviceKind, lowest: int, highest: int) -> list[int]:
    last = LAST_BEFORE_YEAR_NUMBERS[kind]
    return [m for m in range(lowest, highest + 1) if m <= last or m >= YEAR_NUMBERED_FROM]


def _next_release(version: str) -> str:
    """The first release after ``version``: "26.5" -> "26.6", "26" -> "27"."""
    major, minor, _patch = version_key(version)
    return f"{major}.{minor + 1}" if "." in version else str(major + 1)


def _part_label(system: str, major: int, first: int, end: int | None) -> str:
    """ "iOS 17.0", "iOS 17.0 or 17.1", "iOS 17.0 to 17.3", "iOS 17.2 or a later 17.x"."""
    if end is None:
        return tr(
            "{system} {first} or a later {major}.x", system=system, first=f"{major}.{first}", major=major
        )
    if end - first == 1:
        return tr("{system} {version}", system=system, version=f"{major}.{first}")
    if end - first == 2:
        return tr(
            "{system} {first} or {last}", system=system, first=f"{major}.{first}", last=f"{major}.{first + 1}"
        )
    return tr(
        "{system} {first} to {last}", system=system, first=f"{major}.{first}", last=f"{major}.{end - 1}"
    )


def version_choices(guide: Guide, kind: DeviceKind) -> list[VersionChoice]:
    """The versions offered for this kind of device, newest first (without "don't know")."""
    system = os_name(kind)
    boundaries = rule_versions(guide, kind)
    newest = newest_known(kind, guide.info.newest_versions)
    year_now = max(
        (
            version_key(v)[0]
            for v in (newest, *(newest_known(k, guide.info.newest_versions) for k in DeviceKind))
            if v
        ),
        default=0,
    )
    majors = {b[0] for b in boundaries}
    if year_now >= YEAR_NUMBERED_FROM:
        majors.add(year_now)
    if not majors:
        return []
    choices: list[VersionChoice] = []
    if newest is not None:
        choices.append(
            VersionChoice(
                _next_release(newest), tr("Newer than {system} {version}", system=system, version=newest)
            )
        )
    lowest = min(majors)
    for major in reversed(_existing_majors(kind, lowest, max(majors))):
        splits = sorted({b[1] for b in boundaries if b[0] == major and b[1] > 0})
        if not splits:
            choices.append(VersionChoice(str(major), tr("{system} {version}", system=system, version=major)))
            continue
        starts = [0, *splits]
        for index in reversed(range(len(starts))):
            first = starts[index]
            end = starts[index + 1] if index + 1 < len(starts) else None
            choices.append(VersionChoice(f"{major}.{first}", _part_label(system, major, first, end)))
    older = lowest - 1
    if older > 0:
        choices.append(
            VersionChoice(str(older), tr("Older than {system} {version}", system=system, version=lowest))
        )
    return choices


def version_text(kind: DeviceKind, version: str) -> str:
    """A version as the set-up page shows it once typed: "iOS 18.1"."""
    return tr("{system} {version}", system=os_name(kind), version=version)


def _setting_to_look_for(kind: DeviceKind, step_fit: Fit) -> str | None:
    """The last menu entry of the first instructions shown for this kind of device."""
    for instructions in step_fit.instructions:
        if instructions.platform is Platform.WEB or kind not in PLATFORM_DEVICES[instructions.platform]:
            continue
        entries = [e for e in instructions.path if not e.startswith("[")]
        if entries:
            return entries[-1]
    return None


def newer_version_notes(step_fit: Fit, newest: NewestVersions | None, devices: Sequence[Device]) -> list[str]:
    """For each device newer than the guide: what the guide was checked on, and what to look
    for if the menus differ (Markdown; names escaped).  Nothing is hidden or blocked."""
    notes = []
    for device in step_fit.newer_than_guide:
        known = newest_known(device.kind, newest)
        settings = tr("System Settings") if device.kind is DeviceKind.MAC else tr("Settings")
        setting = _setting_to_look_for(device.kind, step_fit)
        look = (
            tr(
                "If a menu is missing or named differently, look for “{setting}”: open {settings} and "
                "type it in the search field.",
                setting=escape_markdown(setting),
                settings=settings,
            )
            if setting
            else tr(
                "If a menu is missing or named differently, look for the nearest match in {settings}.",
                settings=settings,
            )
        )
        notes.append(
            tr(
                "**{device} runs a newer system than this guide.** The guide was checked up to {system} "
                "{known}; the steps should still work, but the menus may have moved. {look}",
                device=escape_markdown(device_label(device, devices)),
                system=os_name(device.kind),
                known=known or "",
                look=look,
            )
        )
    return notes
