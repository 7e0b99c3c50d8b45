"""Plain-word labels shared by the window and the checklist: statuses, kinds, platforms."""

from __future__ import annotations

from privacy_walkthrough.core.content_models import Instructions, Platform, StepKind
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress_models import StepStatus

PATH_SEPARATOR = " › "


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


def _os_name(platform: Platform) -> str:
    return tr("macOS") if platform is Platform.MAC else tr("iOS and iPadOS")


def platform_label(platform: Platform) -> str:
    labels = {
        Platform.IPHONE: tr("iPhone and iPad"),
        Platform.MAC: tr("Mac"),
        Platform.WEB: tr("On the web"),
    }
    return labels[platform]


def version_range_label(instructions: Instructions) -> str:
    """``"iOS and iPadOS 18 and later"``, ``"macOS before 14.2"``, or ``""`` for any version."""
    low, high = instructions.min_version, instructions.before_version
    os_name = _os_name(instructions.platform)
    if low and high:
        return tr("{os} {low} up to (not including) {high}", os=os_name, low=low, high=high)
    if low:
        return tr("{os} {low} and later", os=os_name, low=low)
    if high:
        return tr("{os} before {high}", os=os_name, high=high)
    return ""


def instructions_label(instructions: Instructions) -> str:
    """``"iPhone and iPad · iOS and iPadOS 18 and later"``."""
    versions = version_range_label(instructions)
    platform = platform_label(instructions.platform)
    return tr("{platform} · {versions}", platform=platform, versions=versions) if versions else platform


def path_text(instructions: Instructions) -> str:
    """The menu path, ending with the state to leave the switch in when there is one."""
    path = PATH_SEPARATOR.join(instructions.path)
    if instructions.target and path:
        return tr("{path} → {target}", path=path, target=instructions.target)
    return path
