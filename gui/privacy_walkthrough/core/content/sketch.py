"""Draw "where to tap" as an original SVG sketch, from a step's own instructions.

On an iPhone the sketch is a simple settings screen: the screen's title, then one row for
each level of the menu path; on a Mac it is a settings window, the first level in its
sidebar and the others in its pane.  Each row carries the number of the step in the list
below the picture that names it, so the badges match that list, and the last row ends in a
switch drawn in the state to leave it in (or the value to choose).  A block with a title
shows it above the picture.  It is generated, not copied from Apple, so it stays right when
the content changes, and it is vector art, sharp at any size.

In a language written right to left the sketch is mirrored as an Arabic device shows its
settings: numbers and labels on the right, chevrons pointing left, a switch that is on with its
knob on the left, and a Mac's sidebar on the right.  Where a translation keeps the English
beside a name it could not confirm ("الإعدادات (Settings)"), the sketch leaves the English out,
as the device would; the text above it keeps it.
"""

from __future__ import annotations

import re
import textwrap
from html import escape

from privacy_walkthrough.core.content.kinds import Platform
from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.i18n import is_right_to_left, tr

WIDTH = 360
ROW_HEIGHT = 44
HEADER_HEIGHT = 52
CAPTION_HEIGHT = 34
MAC_TITLE_HEIGHT = 32
PADDING = 12
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
MAX_LABEL_CHARS = 34
MAX_CAPTION_CHARS = 42  # a block's title, a little smaller than the rows, on up to two lines
CAPTION_LINE = 19

INK = "#1c1c1e"
MUTED = "#6c6c70"
CARD = "#ffffff"
SCREEN = "#f2f2f7"
SIDEBAR = "#e5e5ea"
LINE = "#d1d1d6"
ACCENT = "#1f5fa8"
SWITCH_ON = "#1b7a3a"
SWITCH_OFF = "#8e8e93"

# A switch's state in the words a guide uses for it, in the languages it is translated into.
ON_WORDS = {"on", "yes", "enabled", "activado", "sí", "si", "تشغيل", "مفعّل", "مفعل"}
OFF_WORDS = {"off", "no", "disabled", "desactivado", "إيقاف", "متوقف", "معطّل", "معطل"}

# "(Settings)": the English a translation keeps beside a name it could not confirm ("(i)" is not).
ENGLISH_BESIDE = re.compile(r"\s*\([A-Za-z][^()]+\)")


def _clip(text: str, chars: int = MAX_LABEL_CHARS) -> str:
    text = ENGLISH_BESIDE.sub("", text).strip() or text
    return text if len(text) <= chars else text[: chars - 1] + "…"


class _Mirror:
    """x positions for a left-to-right sketch, or their mirror image right to left."""

    def __init__(self, rtl: bool) -> None:
        self.rtl = rtl
        self.start, self.end = ("end", "start") if rtl else ("start", "end")

    def x(self, at: float) -> float:
        return WIDTH - at if self.rtl else at

    def box(self, left: float, width: float) -> float:
        """The x of a box drawn from ``left`` to ``left + width`` in the left-to-right sketch."""
        return WIDTH - left - width if self.rtl else left


def _switch(x: float, y: float, on: bool, rtl: bool = False) -> str:
    """A switch 51×31 with its knob at the end (on) or the start (off); the state is also in words."""
    fill = SWITCH_ON if on else SWITCH_OFF
    knob_x = x + 35.5 if on != rtl else x + 15.5
    return (
        f'<rect x="{x}" y="{y}" width="51" height="31" rx="15.5" fill="{fill}"/>'
        f'<circle cx="{knob_x}" cy="{y + 15.5}" r="13" fill="#ffffff"/>'
    )


def _words(text: str) -> str:
    """Lower-case words only: "**Back Up This iPhone**" -> "back up this iphone"."""
    return " ".join(re.findall(r"[\w’']+", text.lower()))


def step_numbers(instructions: Instructions) -> list[int | None]:
    """For each level of the menu path, the number of the first step of the list (from the
    step that named the level before it on) whose text names it; None where none does."""
    steps = [f" {_words(text)} " for text in instructions.steps]
    numbers: list[int | None] = []
    start = 0
    for label in instructions.path:
        wanted = f" {_words(label)} "
        found = next((i for i in range(start, len(steps)) if wanted.strip() and wanted in steps[i]), None)
        numbers.append(None if found is None else found + 1)
        if found is not None:
            start = found
    return numbers


def _number_badge(x: float, y: float, number: int | None, fill: str = ACCENT, ink: str = "#ffffff") -> str:
    if number is None:  # a level the list does not name: a plain dot, no number to mismatch
        return f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}"/>'
    return (
        f'<circle cx="{x}" cy="{y}" r="11" fill="{fill}"/>'
        f'<text x="{x}" y="{y + 4.5}" font-size="13" font-weight="bold" fill="{ink}" '
        f'text-anchor="middle">{number}</text>'
    )


def _row(
    number: int | None,
    label: str,
    top: float,
    is_last: bool,
    target: str | None,
    left: float = PADDING,
    right_edge: float = WIDTH - PADDING,
    chars: int = MAX_LABEL_CHARS,
    m: _Mirror | None = None,
) -> str:
    m = m or _Mirror(False)
    parts = [
        f'<rect x="{m.box(left, right_edge - left)}" y="{top}" width="{right_edge - left}" '
        f'height="{ROW_HEIGHT}" fill="{CARD}"/>',
        _number_badge(m.x(left + 20), top + ROW_HEIGHT / 2, number),
        f'<text x="{m.x(left + 40)}" y="{top + 27}" font-size="15" fill="{INK}" text-anchor="{m.start}">'
        f"{escape(_clip(label, chars))}</text>",
    ]
    if not is_last:
        parts.append(
            f'<line x1="{m.x(left + 40)}" y1="{top + ROW_HEIGHT}" x2="{m.x(right_edge)}" '
            f'y2="{top + ROW_HEIGHT}" stroke="{LINE}"/>'
        )
    far = m.x(right_edge - 12)  # the row's far end: where the switch, value or chevron goes
    word = (target or "").strip().lower()
    if is_last and word in ON_WORDS | OFF_WORDS:
        parts.append(_switch(far if m.rtl else far - 51, top + 6.5, word in ON_WORDS, m.rtl))
    elif is_last and target:
        text = f"✓ {escape(_clip(target))}" if m.rtl else f"{escape(_clip(target))} ✓"
        parts.append(
            f'<text x="{far}" y="{top + 27}" font-size="14" fill="{ACCENT}" text-anchor="{m.end}">'
            f"{text}</text>"
        )
    else:
        back = 6 if m.rtl else -6  # a chevron pointing away from the label: > or <
        parts.append(
            f'<path d="M{far + back} {top + 16} l{-back} 6 l{back} 6" fill="none" stroke="{MUTED}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return "".join(parts)


def _caption(instructions: Instructions, m: _Mirror) -> tuple[str, float]:
    """The block's own title above the picture (on up to two lines), and the height it takes."""
    if not instructions.title:
        return "", 0
    lines = textwrap.wrap(
        ENGLISH_BESIDE.sub("", instructions.title).strip() or instructions.title, MAX_CAPTION_CHARS
    )
    if len(lines) > 2:
        lines = [lines[0], _clip(" ".join(lines[1:]), MAX_CAPTION_CHARS)]
    height = CAPTION_HEIGHT + CAPTION_LINE * (len(lines) - 1)
    parts = [  # on a band of its own: the picture stays legible on a dark page too
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{height - 6}" rx="6" fill="{CARD}" '
        f'stroke="{LINE}"/>'
    ]
    for index, line in enumerate(lines):
        parts.append(
            f'<text x="{m.x(PADDING)}" y="{CAPTION_HEIGHT - 12 + CAPTION_LINE * index}" font-size="14" '
            f'font-weight="bold" fill="{ACCENT}" text-anchor="{m.start}">{escape(line)}</text>'
        )
    return "".join(parts), height


def _open(instructions: Instructions, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="{FONT}">',
        f"<title>{escape(sketch_description(instructions))}</title>",
    ]


def _phone_sketch(instructions: Instructions, numbers: list[int | None], m: _Mirror) -> str:
    path = list(instructions.path)
    caption, top_offset = _caption(instructions, m)
    app = path[0]
    rows = list(zip(path[1:], numbers[1:], strict=True)) or [(path[0], numbers[0])]
    height = top_offset + HEADER_HEIGHT + ROW_HEIGHT * len(rows) + 2 * PADDING
    body = _open(instructions, height)
    body += [
        caption,
        f'<rect x="0.5" y="{top_offset + 0.5}" width="{WIDTH - 1}" height="{height - top_offset - 1}" '
        f'rx="18" fill="{SCREEN}" stroke="{LINE}"/>',
        f'<text x="{WIDTH / 2}" y="{top_offset + PADDING + 24}" font-size="17" font-weight="bold" '
        f'fill="{INK}" text-anchor="middle">{escape(_clip(app))}</text>',
    ]
    top = top_offset + HEADER_HEIGHT + PADDING
    for index, (label, number) in enumerate(rows, start=1):
        body.append(_row(number, label, top, index == len(rows), instructions.target, m=m))
        top += ROW_HEIGHT
    body.append("</svg>")
    return "".join(body)


def _mac_sketch(instructions: Instructions, numbers: list[int | None], m: _Mirror) -> str:
    """A Mac settings window: traffic lights and the app's name in the title bar, the first
    level in the sidebar, the others in the pane."""
    path = list(instructions.path)
    caption, top_offset = _caption(instructions, m)
    pane_rows = list(zip(path[2:], numbers[2:], strict=True))
    side = WIDTH * 0.42
    height = top_offset + MAC_TITLE_HEIGHT + ROW_HEIGHT * max(1, len(pane_rows)) + 2 * PADDING
    body = _open(instructions, height)
    window_top = top_offset + 0.5
    body += [
        caption,
        f'<rect x="0.5" y="{window_top}" width="{WIDTH - 1}" height="{height - top_offset - 1}" rx="10" '
        f'fill="{SCREEN}" stroke="{LINE}"/>',
        f'<rect x="{m.box(0.5, side)}" y="{window_top}" width="{side}" '
        f'height="{height - top_offset - 1}" rx="10" fill="{SIDEBAR}"/>',
    ]
    for offset, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        body.append(f'<circle cx="{m.x(16 + offset * 18)}" cy="{top_offset + 16}" r="6" fill="{colour}"/>')
    body.append(
        f'<text x="{m.x(side + (WIDTH - side) / 2)}" y="{top_offset + 21}" font-size="14" font-weight="bold" '
        f'fill="{INK}" text-anchor="middle">{escape(_clip(path[0]))}</text>'
    )
    top = top_offset + MAC_TITLE_HEIGHT + PADDING
    if len(path) > 1:  # the sidebar's entry, selected
        body += [
            f'<rect x="{m.box(8, side - 16)}" y="{top}" width="{side - 16}" height="{ROW_HEIGHT}" rx="6" '
            f'fill="{ACCENT}"/>',
            _number_badge(m.x(28), top + ROW_HEIGHT / 2, numbers[1], fill="#ffffff", ink=ACCENT),
            f'<text x="{m.x(46)}" y="{top + 27}" font-size="14" fill="#ffffff" text-anchor="{m.start}">'
            f"{escape(_clip(path[1], 16))}</text>",
        ]
    for index, (label, number) in enumerate(pane_rows, start=1):
        body.append(
            _row(number, label, top, index == len(pane_rows), instructions.target, side + 8, WIDTH - 8, 20, m)
        )
        top += ROW_HEIGHT
    body.append("</svg>")
    return "".join(body)


def settings_sketch_svg(instructions: Instructions, right_to_left: bool | None = None) -> str | None:
    """The sketch for one set of instructions, or None when it has no menu path.

    ``right_to_left``: mirror it (default: when the app's language is written right to left).
    """
    if not instructions.path:
        return None
    m = _Mirror(is_right_to_left() if right_to_left is None else right_to_left)
    numbers = step_numbers(instructions)
    if instructions.platform is Platform.MAC and len(instructions.path) > 1:
        return _mac_sketch(instructions, numbers, m)
    return _phone_sketch(instructions, numbers, m)


def sketch_description(instructions: Instructions) -> str:
    """The sketch in words, for screen readers: "Settings, then Apps, then … switch Off"."""
    steps = tr(", then ").join(instructions.path)
    if instructions.target:
        return tr("Open {steps}, and leave it set to {target}.", steps=steps, target=instructions.target)
    return tr("Open {steps}.", steps=steps)
