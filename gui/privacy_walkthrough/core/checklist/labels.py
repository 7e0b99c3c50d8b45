"""Short plain-text labels the checklist prints: status boxes, OS version ranges, menu routes.

Every function returns translated plain text; the HTML and Markdown renderers escape it.
The box glyphs are all in DejaVu Sans, so they print with the fonts Qt falls back to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from privacy_walkthrough.core.content.kinds import StepKind
from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.i18n import ltr, right_to_left_paragraph, tr
from privacy_walkthrough.core.labels import (
    instructions_heading,
    kind_label,
    path_text,
    skipped_label,
    status_label,
)
from privacy_walkthrough.core.progress.models import StepProgress, StepStatus

BOX_OPEN = "☐"  # U+2610: not started, left for later, or a blank checklist
BOX_TICKED = "☑"  # U+2611: done or acknowledged
BOX_CROSSED = "☒"  # U+2612: skipped
BOX_NOT_APPLICABLE = "⊘"  # U+2298: does not apply


@dataclass(frozen=True)
class StatusBox:
    """A step's status as a box glyph and as words (never by colour alone)."""

    glyph: str
    text: str  # empty on a blank checklist


GLYPHS = {
    StepStatus.DONE: BOX_TICKED,
    StepStatus.ACKNOWLEDGED: BOX_TICKED,
    StepStatus.SKIPPED: BOX_CROSSED,
    StepStatus.NOT_APPLICABLE: BOX_NOT_APPLICABLE,
    StepStatus.LATER: BOX_OPEN,
    StepStatus.NOT_STARTED: BOX_OPEN,
}


def status_box(entry: StepProgress) -> StatusBox:
    """The box and the words for one step's saved status (a skip says why, or that no reason was given)."""
    status = entry.status
    if status is StepStatus.SKIPPED:
        return StatusBox(BOX_CROSSED, skipped_label(entry.skip_reason))
    return StatusBox(GLYPHS[status], status_label(status))


def blank_box() -> StatusBox:
    return StatusBox(BOX_OPEN, "")


def legend() -> str:
    """One line that explains the boxes."""
    return tr(
        "Key: {ticked} done or read · {crossed} skipped · {na} not applicable · {open} not yet",
        ticked=BOX_TICKED,
        crossed=BOX_CROSSED,
        na=BOX_NOT_APPLICABLE,
        open=BOX_OPEN,
    )


def kind_warning(kind: StepKind) -> str:
    """A warning for steps that are not for everyone (the app's words); empty for the others."""
    if kind in (StepKind.IRREVERSIBLE, StepKind.OPTIONAL):
        return kind_label(kind)
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
    """A finished step's status with its date, "Done on 2025-03-01"; empty when not finished or undated."""
    if not entry.status.is_finished or entry.done_at is None:
        return ""
    date = iso_date(entry.done_at, reference)
    if entry.status is StepStatus.ACKNOWLEDGED:
        return tr("Read and acknowledged on {date}", date=ltr(date))
    return tr("Done on {date}", date=ltr(date))


def sentences(parts: tuple[str, ...] | list[str]) -> str:
    """Instruction steps as one line: a full sentence is followed by a space, a phrase by "; "."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text:
            text += " " if text.endswith((".", "!", "?", ":")) else tr("; ")
        text += part
    return text


def plain_inline(markdown: str) -> str:
    """Inline Markdown as plain words: links keep their text, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"(\*\*|__|\*|`)", "", text)


def plain_text(markdown: str) -> str:
    """A short Markdown text as one plain paragraph: list marks and line breaks become spaces."""
    lines = (re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip() for line in markdown.splitlines())
    return plain_inline(" ".join(line for line in lines if line))


def route_label(instructions: Instructions) -> str:
    """Where to go, e.g. "iPhone/iPad (iOS 18 and later): Settings › Apps › Messages → Off"."""
    route = path_text(instructions) or sentences([plain_inline(s) for s in instructions.steps])
    # Right to left, a route that starts with "iPhone/iPad" still reads right to left.
    return right_to_left_paragraph(
        tr("{platform}: {route}", platform=instructions_heading(instructions), route=route)
    )
