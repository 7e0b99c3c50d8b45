"""The checklist as Markdown (CommonMark, readable as plain text and by ``QTextDocument.setMarkdown``).

Every string from the content or the person goes through :func:`escape_markdown`, so a note
can never turn into a heading, a link, a list or raw HTML.
"""

from __future__ import annotations

import re

from privacy_walkthrough.core.checklist.model import (
    Checklist,
    ListSection,
    SourceLine,
    StepEntry,
    TextSection,
)
from privacy_walkthrough.core.markdown_text import HARD_BREAK as _HARD_BREAK
from privacy_walkthrough.core.markdown_text import escape_markdown


def _block(text: str, mark: str = "") -> list[str]:
    """A paragraph, optionally wrapped in ``*`` or ``**``; nothing for empty text."""
    return [f"{mark}{escape_markdown(text)}{mark}", ""] if text else []


def _step(entry: StepEntry) -> list[str]:
    lines = [f"### {entry.glyph} {escape_markdown(entry.heading)}", ""]
    lines += _block(entry.status, "**")
    lines += _block(entry.confirmed)
    lines += _block(entry.recheck, "**")
    lines += _block(entry.kind, "*")
    lines += _block(entry.summary)
    if entry.devices:
        lines += [f"- {d.glyph} {escape_markdown(d.text)}" for d in entry.devices] + [""]
    for blocker in entry.blockers:
        lines += _block(blocker)
    if entry.routes:
        lines += [f"- {escape_markdown(r)}" for r in entry.routes] + [""]
    lines += _block(entry.undo)
    lines += _block(entry.sources)
    lines += _block(entry.note, "*")
    return lines


def _list_section(section: ListSection) -> list[str]:
    lines = [f"## {escape_markdown(section.title)}", ""]
    if not section.items:
        return lines + _block(section.empty_text)
    for item in section.items:
        label, text = escape_markdown(item.label), escape_markdown(item.text)
        lines.append(f"- **{label}**{_HARD_BREAK}  {text}" if text else f"- **{label}**")
    return [*lines, ""]


def _text_section(section: TextSection) -> list[str]:
    lines = [f"## {escape_markdown(section.title)}", ""]
    for paragraph in section.paragraphs:
        lines += _block(paragraph)
    return lines


def autolink(url: str) -> str:
    """A URL as a Markdown autolink; the few characters an autolink cannot hold are %-encoded."""
    return "<" + re.sub(r"[<>\s]", lambda m: f"%{ord(m.group()):02X}", url) + ">"


def _source(line: SourceLine) -> str:
    return f"{line.number}. {escape_markdown(line.text)}{_HARD_BREAK}   {autolink(line.url)}"


def to_markdown(checklist: Checklist) -> str:
    """The whole document."""
    lines = [f"# {escape_markdown(checklist.title)}", ""]
    lines += [_HARD_BREAK.join(escape_markdown(h) for h in checklist.header), ""]
    lines += [f"## {escape_markdown(checklist.steps_title)}", ""]
    for entry in checklist.entries:
        lines += _step(entry)
    for section in checklist.summaries:
        lines += _list_section(section)
    lines += _text_section(checklist.limits)
    lines += [f"## {escape_markdown(checklist.sources_title)}", ""]
    lines += [_source(s) for s in checklist.sources]
    return "\n".join(lines) + "\n"
