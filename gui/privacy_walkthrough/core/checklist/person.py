"""The checklist's words about one person: effective statuses, device boxes, blockers, rechecks.

Plain data and translated plain text, like :mod:`.model`, which puts it together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privacy_walkthrough.core.checklist.labels import (
    BOX_NOT_APPLICABLE,
    BOX_OPEN,
    BOX_TICKED,
    StatusBox,
    iso_date,
    plain_inline,
    status_box,
)
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.i18n import ltr, tr
from privacy_walkthrough.core.labels import blocked_label, device_label, os_name
from privacy_walkthrough.core.progress.models import Progress, StepProgress, StepStatus
from privacy_walkthrough.core.walkthrough.applicability import Fit, effective_status, fit


@dataclass(frozen=True)
class DeviceLine:
    """One device of a per-device step, with its own box."""

    glyph: str
    text: str  # "Work iPhone — done on 2025-03-01"


@dataclass(frozen=True)
class Person:
    """What the checklist knows about the person: their progress (None: nothing saved)."""

    progress: Progress | None

    def fit(self, step: Step) -> Fit | None:
        return fit(step, self.progress) if self.progress is not None else None

    def saved(self, step: Step) -> StepProgress:
        return self.progress.step(step.id) if self.progress is not None else StepProgress()


def step_status(saved: StepProgress, step_fit: Fit | None) -> tuple[StepStatus, StatusBox]:
    """The effective status and its label: an undecided step that does not apply says why."""
    if step_fit is None:
        return saved.status, status_box(saved)
    status = effective_status(saved, step_fit)
    if status is not saved.status and step_fit.not_applicable_reason is not None:
        reason = plain_inline(step_fit.not_applicable_reason)
        return status, StatusBox(BOX_NOT_APPLICABLE, tr("Not applicable — {reason}", reason=reason))
    return status, status_box(saved)


# A step in one of these states asks nothing more of any device: it prints no open device box.
NOTHING_LEFT_TO_DO = frozenset({StepStatus.NOT_APPLICABLE, StepStatus.SKIPPED})


def device_lines(
    step: Step,
    saved: StepProgress,
    step_fit: Fit | None,
    progress: Progress | None,
    effective: StepStatus | None,
    reference: dt.datetime,
) -> tuple[DeviceLine, ...]:
    """Per-device steps: one box per device the step concerns (``effective`` None: a blank checklist).

    A blank checklist has an open box for each; a step that does not apply, or was skipped,
    lists only the devices it was done on (none, mostly): no box is left to tick.
    """
    if not step.applicability.per_device or step_fit is None or progress is None:
        return ()
    lines = []
    for device in step_fit.devices:
        label = device_label(device, progress.devices)
        if effective is None:
            lines.append(DeviceLine(BOX_OPEN, label))
        elif device.id in saved.devices_done:
            date = iso_date(saved.devices_done[device.id], reference)
            lines.append(
                DeviceLine(BOX_TICKED, tr("{device} — done on {date}", device=label, date=ltr(date)))
            )
        elif effective not in NOTHING_LEFT_TO_DO:
            lines.append(DeviceLine(BOX_OPEN, tr("{device} — not yet", device=label)))
    return tuple(lines)


def blocker_lines(step_fit: Fit | None, progress: Progress | None) -> tuple[str, ...]:
    if step_fit is None or progress is None:
        return ()
    return tuple(
        tr(
            "{blocked}: {device} runs {system} {version}; this needs {system} {needed} or later. {fix}",
            blocked=blocked_label(),
            device=device_label(b.device, progress.devices),
            system=os_name(b.device.kind),
            version=b.device.os_version or "",
            needed=b.requirement.min_version,
            fix=plain_inline(b.requirement.fix),
        )
        for b in step_fit.blockers
    )


def recheck_line(saved: StepProgress, progress: Progress | None) -> str:
    if progress is None:
        return ""
    wanted = set(saved.recheck)
    names = [device_label(d, progress.devices) for d in progress.devices if d.id in wanted]
    return tr("Check again on {devices}", devices=tr(", ").join(names)) if names else ""
