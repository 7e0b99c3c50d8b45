"""Draw "where to tap" as an original SVG sketch, from a step's own instructions.

On an iPhone the sketch is a simple settings screen: the screen's title, then one row for
each level of the menu path; on a Mac it is a settings window, the first level in its
sidebar and the others in its pane.  Each row carries the number of the step in the list
below the picture that names it, so the badges match that list, and the last row ends in a
switch drawn in the state to leave it in (or the value to choose).  A block with a title
shows it above the picture.  It is generated, not copied from Apple, so it stays right when
the content changes, and it is vector art, sharp at any size.
"""

from __future__ import annotations

import re
from html import escape

from privacy_walkthrough.core.content.kinds import Platform
from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.i18n import tr

WIDTH = 360
ROW_HEIGHT = 44
HEADER_HEIGHT = 52
CAPTION_HEIGHT = 34
MAC_TITLE_HEIGHT = 32
PADDING = 12
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
MAX_LABEL_CHARS = 34

INK = "#1c1c1e"
MUTED = "#6c6c70"
CARD = "#ffffff"
SCREEN = "#f2f2f7"
SIDEBAR = "#e5e5ea"
LINE = "#d1d1d6"
ACCENT = "#1f5fa8"
SWITCH_ON = "#1b7a3a"
SWITCH_OFF = "#8e8e93"

ON_WORDS = {"on", "yes", "enabled"}
OFF_WORDS = {"off", "no", "disabled"}


def _clip(text: str) -> str:
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"


def _switch(x: float, y: float, on: bool) -> str:
    """A switch 51×31 with its knob right (on) or left (off); the state is also in words."""
    fill = SWITCH_ON if on else SWITCH_OFF
    knob_x = x + 35.5 if on else x + 15.5
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
) -> str:
    label = label if len(label) <= chars else label[: chars - 1] + "…"
    parts = [
        f'<rect x="{left}" y="{top}" width="{right_edge - left}" height="{ROW_HEIGHT}" fill="{CARD}"/>',
        _number_badge(left + 20, top + ROW_HEIGHT / 2, number),
        f'<text x="{left + 40}" y="{top + 27}" font-size="15" fill="{INK}">{escape(label)}</text>',
    ]
    if not is_last:
        parts.append(
            f'<line x1="{left + 40}" y1="{top + ROW_HEIGHT}" x2="{right_edge}" '
            f'y2="{top + ROW_HEIGHT}" stroke="{LINE}"/>'
        )
    right = right_edge - 12
    word = (target or "").strip().lower()
    if is_last and word in ON_WORDS | OFF_WORDS:
        parts.append(_switch(right - 51, top + 6.5, word in ON_WORDS))
    elif is_last and target:
        parts.append(
            f'<text x="{right}" y="{top + 27}" font-size="14" fill="{ACCENT}" text-anchor="end">'
            f"{escape(_clip(target))} ✓</text>"
        )
    else:
        parts.append(
            f'<path d="M{right - 6} {top + 16} l6 6 l-6 6" fill="none" stroke="{MUTED}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return "".join(parts)


def _caption(instructions: Instructions) -> tuple[str, float]:
    """The block's own title above the picture, and the height it takes."""
    if not instructions.title:
        return "", 0
    text = (  # on a band of its own: the picture stays legible on a dark page too
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{CAPTION_HEIGHT - 6}" rx="6" fill="{CARD}" '
        f'stroke="{LINE}"/>'
        f'<text x="{PADDING}" y="{CAPTION_HEIGHT - 12}" font-size="15" font-weight="bold" fill="{ACCENT}">'
        f"{escape(_clip(instructions.title))}</text>"
    )
    return text, CAPTION_HEIGHT


def _open(instructions: Instructions, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="{FONT}">',
        f"<title>{escape(sketch_description(instructions))}</title>",
    ]


def _phone_sketch(instructions: Instructions, numbers: list[int | None]) -> str:
    path = list(instructions.path)
    caption, top_offset = _caption(instructions)
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
        body.append(_row(number, label, top, index == len(rows), instructions.target))
        top += ROW_HEIGHT
    body.append("</svg>")
    return "".join(body)


def _mac_sketch(instructions: Instructions, numbers: list[int | None]) -> str:
    """A Mac settings window: traffic lights and the app's name in the title bar, the first
    level in the sidebar, the others in the pane."""
    path = list(instructions.path)
    caption, top_offset = _caption(instructions)
    pane_rows = list(zip(path[2:], numbers[2:], strict=True))
    side = WIDTH * 0.42
    height = top_offset + MAC_TITLE_HEIGHT + ROW_HEIGHT * max(1, len(pane_rows)) + 2 * PADDING
    body = _open(instructions, height)
    window_top = top_offset + 0.5
    body += [
        caption,
        f'<rect x="0.5" y="{window_top}" width="{WIDTH - 1}" height="{height - top_offset - 1}" rx="10" '
        f'fill="{SCREEN}" stroke="{LINE}"/>',
        f'<rect x="0.5" y="{window_top}" width="{side}" height="{height - top_offset - 1}" rx="10" '
        f'fill="{SIDEBAR}"/>',
    ]
    for offset, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        body.append(f'<circle cx="{16 + offset * 18}" cy="{top_offset + 16}" r="6" fill="{colour}"/>')
    body.append(
        f'<text x="{side + (WIDTH - side) / 2}" y="{top_offset + 21}" font-size="14" font-weight="bold" '
        f'fill="{INK}" text-anchor="middle">{escape(_clip(path[0]))}</text>'
    )
    top = top_offset + MAC_TITLE_HEIGHT + PADDING
    if len(path) > 1:  # the sidebar's entry, selected
        label = path[1] if len(path[1]) <= 16 else path[1][:15] + "…"
        body += [
            f'<rect x="8" y="{top}" width="{side - 16}" height="{ROW_HEIGHT}" rx="6" fill="{ACCENT}"/>',
            _number_badge(28, top + ROW_HEIGHT / 2, numbers[1], fill="#ffffff", ink=ACCENT),
            f'<text x="46" y="{top + 27}" font-size="14" fill="#ffffff">{escape(label)}</text>',
        ]
    for index, (label, number) in enumerate(pane_rows, start=1):
        body.append(
            _row(number, label, top, index == len(pane_rows), instructions.target, side + 8, WIDTH - 8, 20)
        )
        top += ROW_HEIGHT
    body.append("</svg>")
    return "".join(body)


def settings_sketch_svg(instructions: Instructions) -> str | None:
    """The sketch for one set of instructions, or None when it has no menu path."""
    if not instructions.path:
        return None
    numbers = step_numbers(instructions)
    if instructions.platform is Platform.MAC and len(instructions.path) > 1:
        return _mac_sketch(instructions, numbers)
    return _phone_sketch(instructions, numbers)


def sketch_description(instructions: Instructions) -> str:
    """The sketch in words, for screen readers: "Settings, then Apps, then … switch Off"."""
    steps = tr(", then ").join(instructions.path)
    if instructions.target:
        return tr("Open {steps}, and leave it set to {target}.", steps=steps, target=instructions.target)
    return tr("Open {steps}.", steps=steps)
