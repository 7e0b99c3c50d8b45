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

# Characters that mean something anywhere in a line (CommonMark and GitHub Markdown: code,
# emphasis, links, raw HTML, entities, tables, strikethrough, heading marks) ...
_INLINE = re.compile(r"([\\`*_\[\]<>#&|~])")
# ... and at the start of a line only: list items, numbered lists, setext underlines.
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_MARK = re.compile(r"^([-+=])")
_HARD_BREAK = "\\\n"


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    line = _LIST_NUMBER.sub(r"\1\\\2", line)
    return _LINE_MARK.sub(r"\\\1", line)


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that shows exactly these characters.

    Each line is stripped (so indentation cannot start a code block), blank lines are
    dropped (so a note stays one paragraph), and line breaks become hard breaks.  Only
    characters that could mean something are escaped, so the file stays readable.
    """
    lines = (_escape_line(line) for line in text.splitlines())
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
