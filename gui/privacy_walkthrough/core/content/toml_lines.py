"""Where a field is written in a TOML file, so that a problem can name its line.

One finder for the loader's problems and the content checks' findings: a top-level key, a
key inside a ``[table]``, the n-th ``[[array]]`` of tables and a key inside it
(``sources.1.url``), or a table written by its dotted name.
"""

from __future__ import annotations

import re

_ANY_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*[\w.\"' -]+[ \t]*\]\]?[ \t]*(?:#.*)?$", re.MULTILINE)


def _header(name: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]", re.MULTILINE)


def _key(name: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*=", re.MULTILINE)


def _table(name: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*\[[ \t]*{re.escape(name)}[ \t]*\](?!\])", re.MULTILINE)


def _dotted(name: str) -> re.Pattern[str]:
    """``name.sub = …`` or ``[name.sub]``: a table written by its dotted name."""
    return re.compile(rf"^[ \t]*\[*[ \t]*{re.escape(name)}[ \t]*\.", re.MULTILINE)


def _key_in_section(text: str, header: re.Match[str], key: str) -> int:
    """Where ``key`` is set between ``header`` and the next header; the header itself if not."""
    start = header.end()
    following = _ANY_HEADER.search(text, start)
    end = following.start() if following else len(text)
    match = _key(key).search(text, start, end)
    return match.start() if match else header.start()


def _offset_of(text: str, field: str) -> int | None:
    """Where ``field`` (``why``, ``sources.1.url``, ``applicability.requires.0.fix``) is written."""
    parts = field.split(".")
    at = next((i for i, part in enumerate(parts) if i > 0 and part.isdigit()), None)
    if at is not None:  # an [[array]] of tables (its name may be dotted), then maybe a key inside it
        headers = list(_header(".".join(parts[:at])).finditer(text))
        index = int(parts[at])
        if index < len(headers):
            if at + 1 < len(parts):
                return _key_in_section(text, headers[index], parts[at + 1])
            return headers[index].start()
        parts = parts[:at]
    if len(parts) >= 2:  # a key inside a [table]
        table = _table(".".join(parts[:-1])).search(text)
        if table is not None:
            return _key_in_section(text, table, parts[-1])
    match = (
        _key(parts[0]).search(text)
        or _header(parts[0]).search(text)
        or _table(parts[0]).search(text)
        or _dotted(parts[0]).search(text)
    )
    return match.start() if match else None


def locate(text: str | None, field: str, snippet: str | None = None) -> int | None:
    """The line (from 1) of ``field`` in a TOML text; of ``snippet`` inside it, when given."""
    if text is None:
        return None
    offset = _offset_of(text, field)
    if offset is None:
        return None
    if snippet:
        found = text.find(snippet, offset)
        if found >= 0:
            offset = found
    return text.count("\n", 0, offset) + 1
