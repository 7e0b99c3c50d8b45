"""The checklist as HTML for Qt's rich-text subset (``QTextDocument.setHtml``), ready to print.

Only simple tags and the CSS Qt understands are used, and nothing depends on colour.  Each
step is a one-cell bordered table whose first heading holds ``<a name="step-<id>">``, so the
Qt layer can find every step's block and keep it on one page.  Every string from the content
or the person is escaped: text can never become markup.
"""

from __future__ import annotations

from html import escape

from privacy_walkthrough.core.checklist.model import (
    Checklist,
    ListSection,
    SourceLine,
    StepEntry,
    TextSection,
)

STEP_ANCHOR_PREFIX = "step-"

_STEP_TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="8" '
    'style="border-style: solid; border-collapse: collapse; margin-top: 10px; margin-bottom: 4px;">'
)


def _text(text: str) -> str:
    """Escaped plain text; line breaks stay line breaks."""
    return "<br>".join(escape(line) for line in text.splitlines())


def _paragraph(text: str, tag: str = "", style: str = "") -> str:
    if not text:
        return ""
    body = f"<{tag}>{_text(text)}</{tag}>" if tag else _text(text)
    attr = f' style="{style}"' if style else ""
    return f"<p{attr}>{body}</p>"


def _step(entry: StepEntry) -> str:
    anchor = f'<a name="{escape(STEP_ANCHOR_PREFIX + entry.step_id)}"></a>'
    glyph = f'<span style="font-size: 16pt;">{escape(entry.glyph)}</span>'
    parts = [
        _STEP_TABLE,
        "<tr><td>",
        f'<h3 style="margin-top: 0px;">{anchor}{glyph} {escape(entry.heading)}</h3>',
        _paragraph(entry.status, "b"),
        _paragraph(entry.confirmed),
        _paragraph(entry.recheck, "b"),
        _paragraph(entry.kind, "i"),
        _paragraph(entry.summary),
    ]
    if entry.devices:
        parts.append(
            '<ul style="list-style-type: none;">'
            + "".join(f"<li>{escape(d.glyph)} {_text(d.text)}</li>" for d in entry.devices)
            + "</ul>"
        )
    parts += [_paragraph(b) for b in entry.blockers]
    if entry.routes:
        parts.append("<ul>" + "".join(f"<li>{_text(r)}</li>" for r in entry.routes) + "</ul>")
    parts.append(_paragraph(entry.undo))
    parts += [_paragraph(entry.sources, style="font-size: 9pt;"), _paragraph(entry.note, "i")]
    parts.append("</td></tr></table>")
    return "".join(parts)


def _list_section(section: ListSection) -> str:
    head = f"<h2>{escape(section.title)}</h2>"
    if not section.items:
        return head + _paragraph(section.empty_text)
    items = "".join(f"<li><b>{_text(i.label)}</b><br>{_text(i.text)}</li>" for i in section.items)
    return f"{head}<ul>{items}</ul>"


def _text_section(section: TextSection) -> str:
    return f"<h2>{escape(section.title)}</h2>" + "".join(_paragraph(p) for p in section.paragraphs)


def _source(line: SourceLine) -> str:
    url = escape(line.url)
    return f'<li>{_text(line.text)}<br><a href="{url}">{url}</a></li>'


def to_html(checklist: Checklist) -> str:
    """The whole document."""
    title = escape(checklist.title)
    parts = [
        '<html><head><meta charset="utf-8">',
        f"<title>{title}</title></head>",
        '<body style="font-size: 11pt;">',
        f"<h1>{title}</h1>",
        "<p>" + "<br>".join(_text(line) for line in checklist.header) + "</p>",
        f"<h2>{escape(checklist.steps_title)}</h2>",
        *(_step(e) for e in checklist.entries),
        *(_list_section(s) for s in checklist.summaries),
        _text_section(checklist.limits),
        f"<h2>{escape(checklist.sources_title)}</h2>",
        "<ol>" + "".join(_source(s) for s in checklist.sources) + "</ol>",
        "</body></html>",
    ]
    return "\n".join(parts)
