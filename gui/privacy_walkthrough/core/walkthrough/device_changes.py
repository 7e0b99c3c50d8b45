"""What a change to the person's devices does to their saved steps.

Pure functions over a :class:`Progress`, used by the walkthrough's ``set_devices``: a system
update may undo a setting, so finished steps are flagged to check again on the updated
device; a device that is gone leaves no ticks or flags behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import PLATFORM_DEVICES, DeviceKind, Platform, version_key
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.progress.models import Device, Progress


def updated_devices(old: Sequence[Device], new: Sequence[Device]) -> list[Device]:
    """Devices in ``new`` whose known version is higher than their known version in ``old``.

    A version that becomes known (it was "don't know") or goes down does not count, nor
    does a device whose kind changed (see :func:`same_devices`).
    """
    before = {d.id: d for d in old}
    raised: list[Device] = []
    for device in new:
        was = before.get(device.id)
        if was is None or was.kind is not device.kind:
            continue
        if was.os_version is None or device.os_version is None:
            continue
        if version_key(device.os_version) > version_key(was.os_version):
            raised.append(device)
    return raised


def same_devices(old: Sequence[Device], new: Sequence[Device]) -> set[str]:
    """Ids of devices still listed as the same kind.  An id that now names another kind of
    device is a different device: the old one's ticks must not carry over to it."""
    kinds = {d.id: d.kind for d in old}
    return {d.id for d in new if kinds.get(d.id) is d.kind}


def leaves_a_switch_on(step: Step, kind: DeviceKind) -> bool:
    """The step has the person leave a switch in a given state on this kind of device.

    An update of the device's system may reset such a switch; advice, and steps done on the
    web, have nothing on the device to check again.
    """
    return any(
        i.target is not None and i.platform is not Platform.WEB and kind in PLATFORM_DEVICES[i.platform]
        for i in step.instructions
    )


def flag_updated(guide: Guide, progress: Progress, old: Sequence[Device], new: Sequence[Device]) -> None:
    """Add each updated device to "check again" on the steps it matters for.

    Those are the guide's steps that concern the device's kind and that the person ticked
    on that device, or that are finished and leave a switch on that kind of device.
    """
    for device in updated_devices(old, new):
        for step in guide.steps:
            entry = progress.steps.get(step.id)
            if entry is None or device.kind not in step.applicability.devices:
                continue
            finished = entry.status.is_finished and leaves_a_switch_on(step, device.kind)
            concerned = finished or device.id in entry.devices_done
            if concerned and device.id not in entry.recheck:
                entry.recheck = [*entry.recheck, device.id]


def forget_removed(progress: Progress, kept: Iterable[str]) -> None:
    """Drop ticks and "check again" marks of devices that are no longer listed, in every step.

    Steps no longer in the guide are cleaned too: a removed device's id must not linger.
    """
    keep = set(kept)
    for entry in progress.steps.values():
        if any(d not in keep for d in entry.devices_done):
            entry.devices_done = {d: t for d, t in entry.devices_done.items() if d in keep}
        if any(d not in keep for d in entry.recheck):
            entry.recheck = [d for d in entry.recheck if d in keep]
