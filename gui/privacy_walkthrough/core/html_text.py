"""Escaping text for HTML and SVG, without the ``html`` module.

``html`` loads its 2,000-entry entity table on import (about 3 ms), which the step page
and the settings sketches would pay before the resumed step is shown; they only need to
escape.  The result is the same as ``html.escape``'s.
"""

from __future__ import annotations

_PLAIN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_QUOTED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str, quote: bool = True) -> str:
    """``&``, ``<`` and ``>`` (and with ``quote`` both quote marks) as character references."""
    return text.translate(_QUOTED if quote else _PLAIN)
