"""Plain-word labels shared by the window and the checklist: statuses, kinds, platforms, devices."""

from __future__ import annotations

from collections.abc import Sequence

from privacy_walkthrough.core.content.kinds import DeviceKind, Platform, StepKind, version_key
from privacy_walkthrough.core.content.models import Instructions, NewestVersions, Step
from privacy_walkthrough.core.i18n import is_right_to_left, tr
from privacy_walkthrough.core.progress.models import Device, StepStatus

PATH_SEPARATOR = " › "
# Right to left, the path reads from the right, so its arrows point left.  Not "‹" (or ">"):
# browsers mirror those in right-to-left text and Qt does not, so one of the two would point
# the wrong way; a triangle is never mirrored and points left in the window, the PDF and the
# browser alike.  The Arabic guide and catalog write their menu paths with it too.
RIGHT_TO_LEFT_PATH_SEPARATOR = " ◂ "

_SYSTEMS = {Platform.IPHONE: "iOS", Platform.MAC: "macOS"}


def status_label(status: StepStatus) -> str:
    """The words for a status, "Done" (the checklist's ``status_box`` adds its box and a skip's reason)."""
    labels = {
        StepStatus.NOT_STARTED: tr("Not yet"),
        StepStatus.LATER: tr("Left for later"),
        StepStatus.DONE: tr("Done"),
        StepStatus.ACKNOWLEDGED: tr("Read and acknowledged"),
        StepStatus.SKIPPED: tr("Skipped"),
        StepStatus.NOT_APPLICABLE: tr("Not applicable"),
    }
    return labels[status]


def skipped_label(reason: str) -> str:
    """A skipped step's status, with the person's reason when they gave one."""
    reason = reason.strip()
    if reason:
        return tr("Skipped — reason: {reason}", reason=reason)
    return status_label(StepStatus.SKIPPED)


def blocked_label() -> str:
    """What a step is when a device's system is too old for it (the app and the paper say the same)."""
    return tr("Needs an update first")


def kind_label(kind: StepKind) -> str:
    labels = {
        StepKind.SETTING: tr("A setting to change"),
        StepKind.ADVICE: tr("Advice to read"),
        StepKind.OPTIONAL: tr("Optional"),
        StepKind.IRREVERSIBLE: tr("Irreversible: only if you decide to"),
    }
    return labels[kind]


# Apple numbered its 2025 systems after the year: there was no iOS 19–25 and no macOS 16–25.
_MAJOR_BEFORE = {("iOS", 26): "18", ("macOS", 26): "15"}


def _last_release_before(version: str, system: str = "") -> str | None:
    """The last version below ``version`` worth naming: 18 -> "17", 17.2 -> "17.1", iOS 26 ->
    "18"; else None."""
    major, minor, patch = version_key(version)
    if minor == 0 and patch == 0 and major > 0:
        return _MAJOR_BEFORE.get((system, major), str(major - 1))
    if patch == 0 and minor > 0:
        return f"{major}.{minor - 1}"
    return None


def _range(system: str, first: str, before: str) -> str:
    last = _last_release_before(before, system)
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
        last = _last_release_before(before, system)
        if last is None:
            return tr("{system} before {version}", system=system, version=before)
        return tr("{system} {version} and earlier", system=system, version=last)
    return tr("any {system} version", system=system)


def instructions_label(instructions: Instructions) -> str:
    """The device and OS range: "iPhone/iPad (iOS 18 and later)", "Mac (macOS 15)", "Web".

    Instructions for every version name the devices alone: "iPhone and iPad", "Mac".
    """
    if instructions.platform is Platform.WEB:
        return version_range_label(instructions)
    if not (instructions.min_version or instructions.before_version):
        return tr("iPhone and iPad") if instructions.platform is Platform.IPHONE else tr("Mac")
    devices = tr("iPhone/iPad") if instructions.platform is Platform.IPHONE else tr("Mac")
    return tr("{devices} ({versions})", devices=devices, versions=version_range_label(instructions))


def instructions_heading(instructions: Instructions) -> str:
    """The block's own title with its devices, "Delete old backups — iPhone/iPad (iOS 16 and
    later)"; without a title, :func:`instructions_label`."""
    label = instructions_label(instructions)
    if instructions.title:
        return tr("{title} — {devices}", title=instructions.title, devices=label)
    return label


def checked_against_label(step: Step, versions: NewestVersions | None) -> str:
    """ "Checked against iOS and iPadOS up to 26.5 and macOS up to 26.5." for the systems of the
    devices the step concerns; empty when the versions are not known."""
    if versions is None:
        return ""
    kinds = set(step.applicability.devices)
    systems = []
    if kinds & {DeviceKind.IPHONE, DeviceKind.IPAD}:
        systems.append(tr("iOS and iPadOS up to {version}", version=versions.ios))
    if DeviceKind.MAC in kinds:
        systems.append(tr("macOS up to {version}", version=versions.macos))
    if not systems:
        return ""
    return tr("Checked against {systems}.", systems=tr(" and ").join(systems))


def path_separator() -> str:
    """What goes between the levels of a menu path in the active language: " › ", or " ◂ "
    right to left."""
    return RIGHT_TO_LEFT_PATH_SEPARATOR if is_right_to_left() else PATH_SEPARATOR


def path_text(instructions: Instructions) -> str:
    """The menu path, ending with the state to leave the switch in when there is one."""
    path = path_separator().join(instructions.path)
    if instructions.target and path:
        return tr("{path} → {target}", path=path, target=instructions.target)
    return path


# -- devices ---------------------------------------------------------------------------------


def device_kind_label(kind: DeviceKind) -> str:
    """ "iPhone", "iPad", "Mac", "Apple Watch"."""
    labels = {
        DeviceKind.IPHONE: tr("iPhone"),
        DeviceKind.IPAD: tr("iPad"),
        DeviceKind.MAC: tr("Mac"),
        DeviceKind.WATCH: tr("Apple Watch"),
    }
    return labels[kind]


def os_name(kind: DeviceKind) -> str:
    """The system a kind of device runs: "iOS", "iPadOS", "macOS", "watchOS"."""
    names = {
        DeviceKind.IPHONE: "iOS",
        DeviceKind.IPAD: "iPadOS",
        DeviceKind.MAC: "macOS",
        DeviceKind.WATCH: "watchOS",
    }
    return names[kind]


def device_label(device: Device, devices: Sequence[Device]) -> str:
    """The device's name; unnamed, its kind, numbered when there are several of that kind.

    The number is the device's place among the devices of its kind in ``devices`` (named
    ones included), so naming one device never renumbers another: "Work iPhone", "iPhone 2".
    """
    if device.name.strip():
        return device.name.strip()
    same_kind = [d.id for d in devices if d.kind is device.kind]
    kind = device_kind_label(device.kind)
    if len(same_kind) < 2 or device.id not in same_kind:
        return kind
    return tr("{kind} {number}", kind=kind, number=same_kind.index(device.id) + 1)


def device_with_version(device: Device, devices: Sequence[Device]) -> str:
    """ "Work iPhone (iOS 18.1)", "iPad (iPadOS: version not known)"."""
    system = os_name(device.kind)
    if device.os_version is None:
        version = tr("{system}: version not known", system=system)
    else:
        version = tr("{system} {version}", system=system, version=device.os_version)
    return tr("{device} ({version})", device=device_label(device, devices), version=version)


def where_to_find_version(kind: DeviceKind) -> str:
    """Where the person can read the system version of a kind of device, in plain words."""
    texts = {
        DeviceKind.IPHONE: tr(
            "on the iPhone, open Settings > General > About and look at iOS Version "
            "(on older versions it is called Software Version)."
        ),
        DeviceKind.IPAD: tr(
            "on the iPad, open Settings > General > About and look at iPadOS Version "
            "(on older versions it is called Software Version)."
        ),
        DeviceKind.MAC: tr(
            "on the Mac, choose Apple menu > About This Mac. The window shows the macOS name and "
            "version number."
        ),
        DeviceKind.WATCH: tr(
            "on the iPhone it is paired with, open the Watch app and tap General > About; or, on the "
            "watch, open Settings > General > About. Look for the watchOS version (the label may "
            "differ slightly between versions)."
        ),
    }
    return texts[kind]
