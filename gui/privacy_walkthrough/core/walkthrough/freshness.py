"""Is the guide still fresh for this person?  Its review date, and the newest system
versions it was checked against compared with the versions of the person's devices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from privacy_walkthrough.core.content.guide import GuideInfo
from privacy_walkthrough.core.content.kinds import DeviceKind, version_key
from privacy_walkthrough.core.content.models import STALE_AFTER_DAYS
from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.core.labels import device_label, os_name
from privacy_walkthrough.core.progress.models import Device


def freshness_warnings(info: GuideInfo, devices: Sequence[Device], today: dt.date) -> list[str]:
    """Plain sentences for the welcome page; empty when the guide is fresh for these devices."""
    warnings: list[str] = []
    age = (today - info.reviewed).days
    if age > STALE_AFTER_DAYS:
        warnings.append(
            ntr(
                "This guide was last reviewed {n} day ago, on {date}. Apple may have changed "
                "settings since; where a step does not match your screen, trust your device.",
                "This guide was last reviewed {n} days ago, on {date}. Apple may have changed "
                "settings since; where a step does not match your screen, trust your device.",
                age,
                date=ltr(info.reviewed.isoformat()),
            )
        )
    newest = info.newest_versions
    if newest is None:
        return warnings
    for device in devices:
        if device.os_version is None or device.kind is DeviceKind.WATCH:
            continue
        known = newest.macos if device.kind is DeviceKind.MAC else newest.ios
        if version_key(device.os_version) > version_key(known):
            warnings.append(
                tr(
                    "{device} runs {os} {version}, newer than {os} {known}, the newest version this "
                    "guide was checked against. Menus may have moved; where a step does not match your "
                    "screen, trust your device.",
                    device=device_label(device, devices),
                    os=os_name(device.kind),
                    version=device.os_version,
                    known=known,
                )
            )
    return warnings
