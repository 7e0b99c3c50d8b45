"""Plain-word labels shared by the window and the checklist: statuses, kinds, platforms."""

from __future__ import annotations

from privacy_walkthrough.core.content_models import Instructions, Platform, StepKind, version_key
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress_models import StepStatus

PATH_SEPARATOR = " › "

_SYSTEMS = {Platform.IPHONE: "iOS", Platform.MAC: "macOS"}


def status_label(status: StepStatus) -> str:
    labels = {
        StepStatus.NOT_STARTED: tr("Not yet"),
        StepStatus.LATER: tr("Left for later"),
        StepStatus.DONE: tr("Done"),
        StepStatus.ACKNOWLEDGED: tr("Read and acknowledged"),
        StepStatus.SKIPPED: tr("Skipped"),
        StepStatus.NOT_APPLICABLE: tr("Not applicable"),
    }
    return labels[status]


def kind_label(kind: StepKind) -> str:
    labels = {
        StepKind.SETTING: tr("A setting to change"),
        StepKind.ADVICE: tr("Advice to read"),
        StepKind.OPTIONAL: tr("Optional"),
        StepKind.IRREVERSIBLE: tr("Irreversible: only if you decide to"),
    }
    return labels[kind]


def _last_release_before(version: str) -> str | None:
    """The last version below ``version`` worth naming: 18 -> "17", 17.2 -> "17.1"; else None."""
    major, minor, patch = version_key(version)
    if minor == 0 and patch == 0 and major > 0:
        return str(major - 1)
    if patch == 0 and minor > 0:
        return f"{major}.{minor - 1}"
    return None


def _range(system: str, first: str, before: str) -> str:
    last = _last_release_before(before)
    if last is None:
        return tr(
            "{system} {first} up to, not including, {before}", system=system, first=first, before=before
        )
    if "." in first and "." not in last:
        last = tr("{major}.x", major=last)
    if version_key(first) == version_key(last.removesuffix(".x")):
        return tr("{system} {version}", system=system, version=first)
    return tr("{system} {first}–{last}", system=system, first=first, last=last)


def version_range_label(instructions: Instructions) -> str:
    """The OS range: "iOS 18 and later", "iOS 17 and earlier", "iOS 17.2–17.x", "Web"."""
    if instructions.platform is Platform.WEB:
        return tr("Web")
    system = _SYSTEMS[instructions.platform]
    first, before = instructions.min_version, instructions.before_version
    if first and before:
        return _range(system, first, before)
    if first:
        return tr("{system} {version} and later", system=system, version=first)
    if before:
        last = _last_release_before(before)
        if last is None:
            return tr("{system} before {version}", system=system, version=before)
        return tr("{system} {version} and earlier", system=system, version=last)
    return tr("any {system} version", system=system)


def instructions_label(instructions: Instructions) -> str:
    """The device and OS range: "iPhone/iPad (iOS 18 and later)", "Mac (macOS 15)", "Web"."""
    if instructions.platform is Platform.WEB:
        return version_range_label(instructions)
    devices = tr("iPhone/iPad") if instructions.platform is Platform.IPHONE else tr("Mac")
    return tr("{devices} ({versions})", devices=devices, versions=version_range_label(instructions))


def path_text(instructions: Instructions) -> str:
    """The menu path, ending with the state to leave the switch in when there is one."""
    path = PATH_SEPARATOR.join(instructions.path)
    if instructions.target and path:
        return tr("{path} → {target}", path=path, target=instructions.target)
    return path
