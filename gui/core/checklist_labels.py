"""Short plain-text labels the checklist prints: status boxes, OS version ranges, menu routes.

Every function returns translated plain text; the HTML and Markdown renderers escape it.
The box glyphs are all in DejaVu Sans, so they print with the fonts Qt falls back to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import assert_never

from privacy_walkthrough.core.content_models import Instructions, Platform, StepKind, version_key
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress_models import StepProgress, StepStatus

BOX_OPEN = "☐"  # U+2610: not started, left for later, or a blank checklist
BOX_TICKED = "☑"  # U+2611: done or acknowledged
BOX_CROSSED = "☒"  # U+2612: skipped
BOX_NOT_APPLICABLE = "⊘"  # U+2298: does not apply

FINISHED = frozenset({StepStatus.DONE, StepStatus.ACKNOWLEDGED})

_SYSTEMS = {Platform.IPHONE: "iOS", Platform.MAC: "macOS"}


@dataclass(frozen=True)
class StatusLabel:
    """A step's status as a box glyph and as words (never by colour alone)."""

    glyph: str
    text: str  # empty on a blank checklist


def status_label(entry: StepProgress) -> StatusLabel:
    """The box and the words for one step's saved status."""
    status = entry.status
    if status is StepStatus.DONE:
        return StatusLabel(BOX_TICKED, tr("Done"))
    if status is StepStatus.ACKNOWLEDGED:
        return StatusLabel(BOX_TICKED, tr("Read and acknowledged"))
    if status is StepStatus.SKIPPED:
        reason = entry.skip_reason.strip()
        if reason:
            return StatusLabel(BOX_CROSSED, tr("Skipped — reason: {reason}", reason=reason))
        return StatusLabel(BOX_CROSSED, tr("Skipped (no reason given)"))
    if status is StepStatus.NOT_APPLICABLE:
        return StatusLabel(BOX_NOT_APPLICABLE, tr("Does not apply"))
    if status is StepStatus.LATER:
        return StatusLabel(BOX_OPEN, tr("Left for later"))
    if status is StepStatus.NOT_STARTED:
        return StatusLabel(BOX_OPEN, tr("Not yet"))
    assert_never(status)


def blank_status() -> StatusLabel:
    return StatusLabel(BOX_OPEN, "")


def legend() -> str:
    """One line that explains the boxes."""
    return tr(
        "Key: {ticked} done or read · {crossed} skipped · {na} does not apply · {open} not yet",
        ticked=BOX_TICKED,
        crossed=BOX_CROSSED,
        na=BOX_NOT_APPLICABLE,
        open=BOX_OPEN,
    )


def kind_label(kind: StepKind) -> str:
    """A warning for steps that are not for everyone; empty for the others."""
    if kind is StepKind.IRREVERSIBLE:
        return tr("Irreversible — only if you decided to")
    if kind is StepKind.OPTIONAL:
        return tr("Optional")
    return ""


def iso_date(moment: dt.datetime, reference: dt.datetime) -> str:
    """``YYYY-MM-DD`` of ``moment``, seen in the time zone of ``reference`` when both have one.

    Saved times are UTC; the caller's ``generated_at`` carries the local zone, so a step
    done late in the evening prints with the local date.
    """
    if moment.tzinfo is not None and reference.tzinfo is not None:
        moment = moment.astimezone(reference.tzinfo)
    return moment.date().isoformat()


def finished_on(entry: StepProgress, reference: dt.datetime) -> str:
    """The date a finished step was done, as "Done on 2025-03-01"; empty otherwise."""
    if entry.status not in FINISHED or entry.done_at is None:
        return ""
    date = iso_date(entry.done_at, reference)
    if entry.status is StepStatus.ACKNOWLEDGED:
        return tr("Acknowledged on {date}", date=date)
    return tr("Done on {date}", date=date)


# -- OS versions and menu routes ------------------------------------------------------------


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
    if first == last:
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


def platform_label(instructions: Instructions) -> str:
    """The device and OS range: "iPhone/iPad (iOS 18 and later)", "Mac (macOS 15)", "Web"."""
    if instructions.platform is Platform.WEB:
        return version_range_label(instructions)
    devices = tr("iPhone/iPad") if instructions.platform is Platform.IPHONE else tr("Mac")
    return tr("{devices} ({versions})", devices=devices, versions=version_range_label(instructions))


def plain_inline(markdown: str) -> str:
    """Inline Markdown as plain words: links keep their text, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"(\*\*|__|\*|`)", "", text)


def route_label(instructions: Instructions) -> str:
    """Where to go, e.g. "iPhone/iPad (iOS 18 and later): Settings › Apps › Messages → Off"."""
    if instructions.path:
        route = tr(" › ").join(instructions.path)
        if instructions.target:
            route = tr("{path} → {target}", path=route, target=instructions.target)
    else:
        route = tr("; ").join(plain_inline(s) for s in instructions.steps)
    return tr("{platform}: {route}", platform=platform_label(instructions), route=route)
