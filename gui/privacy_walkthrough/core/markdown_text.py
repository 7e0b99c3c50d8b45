"""Plain text made safe to show as Markdown: every character shows as itself.

Used wherever text the person typed (a device's name, a note) is put into Markdown, so it
can never turn into a heading, a link, a list or raw HTML.
"""

from __future__ import annotations

import re

# Characters that mean something anywhere in a line (CommonMark and GitHub Markdown: code,
# emphasis, links, raw HTML, entities, tables, strikethrough, heading marks) ...
_INLINE = re.compile(r"([\\`*_\[\]<>#&|~])")
# ... and at the start of a line only: list items, numbered lists, setext underlines.
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_MARK = re.compile(r"^([-+=])")
# GitHub Markdown also makes bare addresses into links (https://…, www.…, name@host): the
# ':' before '//', the '.' after 'www' and every '@' are escaped, so none ever becomes one.
_AUTOLINK = re.compile(r"(:)(?=//)|(?<=www)(\.)|(@)", re.IGNORECASE)
HARD_BREAK = "\\\n"


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    line = _AUTOLINK.sub(lambda match: "\\" + match.group(0), line)
    line = _LIST_NUMBER.sub(r"\1\\\2", line)
    return _LINE_MARK.sub(r"\\\1", line)


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that shows exactly these characters.

    Each line is stripped (so indentation cannot start a code block), blank lines are
    dropped (so a note stays one paragraph), and line breaks become hard breaks.  Only
    characters that could mean something are escaped, so the file stays readable.
    """
    lines = (_escape_line(line) for line in text.splitlines())
    return HARD_BREAK.join(line for line in lines if line)
