"""Text in a sketch: measured, wrapped onto lines that fit, and drawn one ``<text>`` a line.

The core has no fonts, so the width of a text comes from a :data:`TextWidth` function: the
window passes one that measures with the font the picture is drawn in, and without one a
rough estimate is used that errs on the wide side (the sketch then wraps a little early
rather than letting a name run off its row).  SVG Tiny, which Qt draws, cannot position the
lines of one text element, so each line is a text element of its own, grouped when there
are several.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

TextWidth = Callable[[str, float, bool], float]  # text, font size, bold -> width, in sketch units
MAX_LINES = 4  # a longer name (never one of the shipped guides') ends in "…"


def rough_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` in DejaVu Sans (or the fonts that stand in)."""
    width = sum(size * (0.32 if ch == " " else 0.6) for ch in text)
    return width * 1.08 if bold else width


def line_height(size: float) -> float:
    return round(size * 1.3)


def wrap(text: str, size: float, room: float, measure: TextWidth, bold: bool = False) -> list[str]:
    """``text`` on lines no wider than ``room``, broken between words (inside a word only when
    the word alone is wider); at most MAX_LINES, the last one ending in "…" if cut."""
    room = max(room, size * 2)
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate, size, bold) <= room:
            line = candidate
            continue
        if line:
            lines.append(line)
        while len(word) > 1 and measure(word, size, bold) > room:
            cut = len(word) - 1
            while cut > 1 and measure(word[:cut], size, bold) > room:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    if len(lines) > MAX_LINES:
        last = " ".join(lines[MAX_LINES - 1 :])
        while len(last) > 1 and measure(last + "…", size, bold) > room:
            last = last[:-1]
        lines = [*lines[: MAX_LINES - 1], last.rstrip() + "…"]
    return lines or [text]


def text_lines(
    x: float,
    baseline: float,
    lines: list[str],
    size: float,
    fill: str,
    anchor: str,
    bold: bool = False,
) -> str:
    """``lines`` drawn from ``baseline`` down, one ``<text>`` each (grouped when more than one)."""
    weight = ' font-weight="bold"' if bold else ""
    step = line_height(size)
    drawn = "".join(
        f'<text x="{x}" y="{baseline + step * index}" font-size="{size}"{weight} fill="{fill}" '
        f'text-anchor="{anchor}">{escape(line)}</text>'
        for index, line in enumerate(lines)
    )
    return drawn if len(lines) == 1 else f'<g class="lines">{drawn}</g>'
