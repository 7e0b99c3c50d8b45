"""Draw "where to tap" as an original SVG sketch, from a step's own instructions.

The sketch is a simple settings screen: the screen's title, then one row for each level of
the menu path, numbered in the order to tap, and the last row ending in a switch drawn in
the state to leave it in (or the value to choose).  It is generated, not copied from Apple,
so it stays right when the content changes, and it is vector art, sharp at any size.

In a language written right to left the sketch is mirrored as an Arabic iPhone shows its
settings: the numbers and labels on the right, the chevrons pointing left, and a switch that
is on with its knob on the left.

The sketch shows what the device shows: where a translation keeps the English beside a name it
could not confirm ("الإعدادات (Settings)"), the sketch leaves the English out; the text above it
keeps it.
"""

from __future__ import annotations

import re
from html import escape

from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.i18n import is_right_to_left, tr

WIDTH = 360
ROW_HEIGHT = 44
HEADER_HEIGHT = 52
PADDING = 12
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
MAX_LABEL_CHARS = 34

INK = "#1c1c1e"
MUTED = "#6c6c70"
CARD = "#ffffff"
SCREEN = "#f2f2f7"
LINE = "#d1d1d6"
ACCENT = "#1f5fa8"
SWITCH_ON = "#1b7a3a"
SWITCH_OFF = "#8e8e93"

# A switch's state in the words a guide uses for it, in the languages it is translated into.
ON_WORDS = {"on", "yes", "enabled", "activado", "sí", "si", "تشغيل", "مفعّل", "مفعل"}
OFF_WORDS = {"off", "no", "disabled", "desactivado", "إيقاف", "متوقف", "معطّل", "معطل"}


# "(Settings)": the English a translation keeps beside a name it could not confirm ("(i)" is not).
ENGLISH_BESIDE = re.compile(r"\s*\([A-Za-z][^()]+\)")


def _clip(text: str) -> str:
    text = ENGLISH_BESIDE.sub("", text).strip() or text
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"


def _switch(x: float, y: float, on: bool, rtl: bool = False) -> str:
    """A switch 51×31 with its knob at the end (on) or the start (off); the state is also in words."""
    fill = SWITCH_ON if on else SWITCH_OFF
    knob_x = x + 35.5 if on != rtl else x + 15.5
    return (
        f'<rect x="{x}" y="{y}" width="51" height="31" rx="15.5" fill="{fill}"/>'
        f'<circle cx="{knob_x}" cy="{y + 15.5}" r="13" fill="#ffffff"/>'
    )


def _number_badge(x: float, y: float, number: int) -> str:
    return (
        f'<circle cx="{x}" cy="{y}" r="11" fill="{ACCENT}"/>'
        f'<text x="{x}" y="{y + 4.5}" font-size="13" font-weight="bold" fill="#ffffff" '
        f'text-anchor="middle">{number}</text>'
    )


def _row(index: int, label: str, top: float, is_last: bool, target: str | None, rtl: bool = False) -> str:
    def x(at: float) -> float:  # a distance from the row's start: the left, or the right in RTL
        return WIDTH - at if rtl else at

    start, end = ("end", "start") if rtl else ("start", "end")
    parts = [
        f'<rect x="{PADDING}" y="{top}" width="{WIDTH - 2 * PADDING}" height="{ROW_HEIGHT}" fill="{CARD}"/>',
        _number_badge(x(PADDING + 20), top + ROW_HEIGHT / 2, index),
        f'<text x="{x(PADDING + 40)}" y="{top + 27}" font-size="15" fill="{INK}" text-anchor="{start}">'
        f"{escape(_clip(label))}</text>",
    ]
    if not is_last:
        parts.append(
            f'<line x1="{x(PADDING + 40)}" y1="{top + ROW_HEIGHT}" x2="{x(WIDTH - PADDING)}" '
            f'y2="{top + ROW_HEIGHT}" stroke="{LINE}"/>'
        )
    far = x(WIDTH - PADDING - 12)  # the row's far end: where the switch, value or chevron goes
    word = (target or "").strip().lower()
    if is_last and word in ON_WORDS | OFF_WORDS:
        parts.append(_switch(far if rtl else far - 51, top + 6.5, word in ON_WORDS, rtl))
    elif is_last and target:
        text = f"✓ {escape(_clip(target))}" if rtl else f"{escape(_clip(target))} ✓"
        parts.append(
            f'<text x="{far}" y="{top + 27}" font-size="14" fill="{ACCENT}" text-anchor="{end}">{text}</text>'
        )
    else:
        tip, back = (far, 6) if rtl else (far, -6)  # a chevron pointing away from the label: > or <
        parts.append(
            f'<path d="M{tip + back} {top + 16} l{-back} 6 l{back} 6" fill="none" stroke="{MUTED}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return "".join(parts)


def settings_sketch_svg(instructions: Instructions, right_to_left: bool | None = None) -> str | None:
    """The sketch for one set of instructions, or None when it has no menu path.

    ``right_to_left``: mirror it (default: when the app's language is written right to left).
    """
    rtl = is_right_to_left() if right_to_left is None else right_to_left
    path = list(instructions.path)
    if not path:
        return None
    app, rows = path[0], path[1:] or path
    height = HEADER_HEIGHT + ROW_HEIGHT * len(rows) + 2 * PADDING
    title = escape(_clip(app))
    body = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="{FONT}">',
        f"<title>{escape(sketch_description(instructions))}</title>",
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{height - 1}" rx="18" fill="{SCREEN}" '
        f'stroke="{LINE}"/>',
        f'<text x="{WIDTH / 2}" y="{PADDING + 24}" font-size="17" font-weight="bold" fill="{INK}" '
        f'text-anchor="middle">{title}</text>',
    ]
    top = HEADER_HEIGHT + PADDING
    for index, label in enumerate(rows, start=1):
        body.append(_row(index, label, top, index == len(rows), instructions.target, rtl))
        top += ROW_HEIGHT
    body.append("</svg>")
    return "".join(body)


def sketch_description(instructions: Instructions) -> str:
    """The sketch in words, for screen readers: "Settings, then Apps, then … switch Off"."""
    steps = tr(", then ").join(instructions.path)
    if instructions.target:
        return tr("Open {steps}, and leave it set to {target}.", steps=steps, target=instructions.target)
    return tr("Open {steps}.", steps=steps)
