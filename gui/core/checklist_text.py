"""The checklist as Markdown (CommonMark, readable as plain text and by ``QTextDocument.setMarkdown``).

Every string from the content or the person goes through :func:`escape_markdown`, so a note
can never turn into a heading, a link, a list or raw HTML.
"""

from __future__ import annotations

import re

from privacy_walkthrough.core.checklist_model import (
    Checklist,
    ListSection,
    SourceLine,
    StepEntry,
    TextSection,
)

# ASCII punctuation that means something in CommonMark or GitHub Markdown (tables,
# strikethrough, entities, setext headings); a backslash before any of them is always safe.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&=])")
_HARD_BREAK = "\\\n"


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that shows exactly these characters.

    Each line is stripped (so indentation cannot start a code block), blank lines are
    dropped (so a note stays one paragraph), and line breaks become hard breaks.
    """
    lines = (_SPECIAL.sub(r"\\\1", line.strip()) for line in text.splitlines())
    return _HARD_BREAK.join(line for line in lines if line)


def _block(text: str, mark: str = "") -> list[str]:
    """A paragraph, optionally wrapped in ``*`` or ``**``; nothing for empty text."""
    return [f"{mark}{escape_markdown(text)}{mark}", ""] if text else []


def _step(entry: StepEntry) -> list[str]:
    lines = [f"### {entry.glyph} {escape_markdown(entry.heading)}", ""]
    lines += _block(entry.status, "**")
    lines += _block(entry.finished_on)
    lines += _block(entry.kind, "*")
    lines += _block(entry.summary)
    if entry.routes:
        lines += [f"- {escape_markdown(r)}" for r in entry.routes] + [""]
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


def _source(line: SourceLine) -> str:
    return f"{line.number}. {escape_markdown(line.text)}{_HARD_BREAK}   {escape_markdown(line.url)}"


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
