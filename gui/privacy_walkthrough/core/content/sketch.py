"""Draw "where to tap" as an original SVG sketch, from a step's own instructions.

On an iPhone the sketch is a simple settings screen: the screen's title, then one row for
each level of the menu path; on a Mac it is a settings window, the first level in its
sidebar and the others in its pane.  Each row carries the number of the step in the list
below the picture that names it, so the badges match that list, and the last row ends in a
switch drawn in the state to leave it in (or the value to choose).  A block with a title
shows it above the picture.  It is generated, not copied from Apple, so it stays right when
the content changes, and it is vector art, sharp at any size.

Its text is as large as the text around it: the window asks for a sketch as many units wide
as fit its room at the person's text size (:data:`WIDTH` at the usual size, fewer when the
text is larger or the window narrower), and every name wraps onto more lines rather than
being cut; a Mac window too narrow for its sidebar beside the pane shows it above the pane.

In a language written right to left the sketch is mirrored as an Arabic device shows its
settings: numbers and labels on the right, chevrons pointing left, a switch that is on with its
knob on the left, and a Mac's sidebar on the right.  Where a translation keeps the English
beside a name it could not confirm ("الإعدادات (Settings)"), the sketch leaves the English out,
as the device would; the text above it keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from privacy_walkthrough.core.content.kinds import Platform
from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.content.sketch_text import TextWidth, line_height, rough_width, text_lines, wrap
from privacy_walkthrough.core.i18n import is_right_to_left, tr

WIDTH = 360  # the sketch's width in its own units, at the usual text size
ROW_HEIGHT = 44
HEADER_HEIGHT = 52
CAPTION_HEIGHT = 34
MAC_TITLE_HEIGHT = 32
MAC_SIDE_BY_SIDE = 330  # narrower than this, a Mac's sidebar goes above its pane
SIDEBAR_SHARE = 0.42  # of a Mac window's width, beside the pane
PADDING = 12
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
LABEL_SIZE = 15
VALUE_SIZE = 14
CAPTION_SIZE = 14
TITLE_SIZE = 17

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


def _name(text: str) -> str:
    """A name as the device shows it: without the English a translation keeps beside it."""
    return ENGLISH_BESIDE.sub("", text).strip() or text


@dataclass(frozen=True)
class _Frame:
    """The sketch's width, its direction (x positions mirrored right to left) and how text is measured."""

    width: float
    rtl: bool
    measure: TextWidth
    font: str = FONT

    @property
    def start(self) -> str:
        return "end" if self.rtl else "start"

    @property
    def end(self) -> str:
        return "start" if self.rtl else "end"

    def x(self, at: float) -> float:
        return self.width - at if self.rtl else at

    def box(self, left: float, width: float) -> float:
        """The x of a box drawn from ``left`` to ``left + width`` in the left-to-right sketch."""
        return self.width - left - width if self.rtl else left

    def wrap(self, text: str, size: float, room: float, bold: bool = False) -> list[str]:
        return wrap(text, size, room, self.measure, bold)


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
    f: _Frame,
    left: float = PADDING,
    right_edge: float | None = None,
) -> tuple[str, float]:
    """One row of a settings list, and its height (more than one line when its name needs it)."""
    right_edge = f.width - PADDING if right_edge is None else right_edge
    text_left = left + 40
    far = right_edge - 12  # the row's far end: where the switch, value or chevron goes
    word = (target or "").strip().lower()
    switch = is_last and word in ON_WORDS | OFF_WORDS
    value = _name(target) if is_last and target and not switch else ""
    value_text = (f"✓ {value}" if f.rtl else f"{value} ✓") if value else ""
    room = far - text_left
    value_width = f.measure(value_text, VALUE_SIZE, False) if value else 0.0
    value_beside = value_width <= room * 0.45
    trailing = 61 if switch else (value_width + 10 if value and value_beside else (0 if value else 20))
    name = _name(label)
    lines = f.wrap(name, LABEL_SIZE, room - trailing)
    switch_below = switch and " ".join(lines).split() != name.split()  # a word would break: the
    if switch_below:  # switch goes under the name instead, and the name has the whole row
        lines = f.wrap(name, LABEL_SIZE, room)
    below = f.wrap(value_text, VALUE_SIZE, room) if value and not value_beside else []
    step = line_height(LABEL_SIZE)
    text_height = step * (len(lines) + len(below))
    height = max(ROW_HEIGHT, 25 + text_height) + (37 if switch_below else 0)
    middle = top + height / 2
    first = top + (height - text_height - (37 if switch_below else 0)) / 2 + 14.5
    parts = [
        f'<rect x="{f.box(left, right_edge - left)}" y="{top}" width="{right_edge - left}" '
        f'height="{height}" fill="{CARD}"/>',
        _number_badge(f.x(left + 20), first - 4.5 + step * (len(lines) - 1) / 2, number),
        text_lines(f.x(text_left), first, lines, LABEL_SIZE, INK, f.start),
    ]
    if not is_last:
        parts.append(
            f'<line x1="{f.x(text_left)}" y1="{top + height}" x2="{f.x(right_edge)}" '
            f'y2="{top + height}" stroke="{LINE}"/>'
        )
    if switch:
        switch_top = top + height - 37 if switch_below else middle - 15.5
        parts.append(_switch(f.x(far) if f.rtl else f.x(far) - 51, switch_top, word in ON_WORDS, f.rtl))
    elif value and value_beside:
        parts.append(text_lines(f.x(far), middle + 5, [value_text], VALUE_SIZE, ACCENT, f.end))
    elif value:
        parts.append(text_lines(f.x(far), first + step * len(lines), below, VALUE_SIZE, ACCENT, f.end))
    else:
        back = 6 if f.rtl else -6  # a chevron pointing away from the label: > or <
        parts.append(
            f'<path d="M{f.x(far) + back} {middle - 6} l{-back} 6 l{back} 6" fill="none" stroke="{MUTED}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return "".join(parts), height


def _caption(instructions: Instructions, f: _Frame) -> tuple[str, float]:
    """The block's own title above the picture, on as many lines as it needs, and its height."""
    if not instructions.title:
        return "", 0
    lines = f.wrap(_name(instructions.title), CAPTION_SIZE, f.width - 2 * PADDING, bold=True)
    height = CAPTION_HEIGHT + line_height(CAPTION_SIZE) * (len(lines) - 1)
    band = (  # on a band of its own: the picture stays legible on a dark page too
        f'<rect x="0.5" y="0.5" width="{f.width - 1}" height="{height - 6}" rx="6" fill="{CARD}" '
        f'stroke="{LINE}"/>'
    )
    text = text_lines(f.x(PADDING), CAPTION_HEIGHT - 12, lines, CAPTION_SIZE, ACCENT, f.start, bold=True)
    return band + text, height


def _svg(instructions: Instructions, f: _Frame, height: float, parts: list[str]) -> str:
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {f.width} {height}" '
            f'width="{f.width}" height="{height}" font-family="{escape(f.font)}">',
            f"<title>{escape(sketch_description(instructions))}</title>",
            *parts,
            "</svg>",
        ]
    )


def _phone_sketch(instructions: Instructions, numbers: list[int | None], f: _Frame) -> str:
    path = list(instructions.path)
    caption, top_offset = _caption(instructions, f)
    title = f.wrap(_name(path[0]), TITLE_SIZE, f.width - 2 * PADDING, bold=True)
    header = HEADER_HEIGHT + line_height(TITLE_SIZE) * (len(title) - 1)
    rows = list(zip(path[1:], numbers[1:], strict=True)) or [(path[0], numbers[0])]
    drawn: list[str] = []
    top = top_offset + header + PADDING
    for index, (label, number) in enumerate(rows, start=1):
        row, height = _row(number, label, top, index == len(rows), instructions.target, f)
        drawn.append(row)
        top += height
    height = top + PADDING
    screen = (
        f'<rect x="0.5" y="{top_offset + 0.5}" width="{f.width - 1}" height="{height - top_offset - 1}" '
        f'rx="18" fill="{SCREEN}" stroke="{LINE}"/>'
    )
    heading = text_lines(f.width / 2, top_offset + PADDING + 24, title, TITLE_SIZE, INK, "middle", bold=True)
    return _svg(instructions, f, height, [caption, screen, heading, *drawn])


def _whole_words(f: _Frame, text: str, size: float, room: float) -> bool:
    """``text`` wraps in ``room`` without breaking a word."""
    return " ".join(f.wrap(text, size, room)).split() == text.split()


def _fits_beside(path: list[str], f: _Frame) -> bool:
    """The sidebar beside the pane leaves every name room for its longest word."""
    side = f.width * SIDEBAR_SHARE
    pane = f.width - side - 16 - 40 - 12 - 61  # a pane row: its badge, and a switch at its end
    return _whole_words(f, _name(path[1]), VALUE_SIZE, side - 62) and all(
        _whole_words(f, _name(label), LABEL_SIZE, pane) for label in path[2:]
    )


def _mac_sketch(instructions: Instructions, numbers: list[int | None], f: _Frame) -> str:
    """A Mac settings window: traffic lights and the app's name in the title bar, the first
    level in the sidebar (beside the pane, or above it when the sketch is narrow), the others
    in the pane."""
    path = list(instructions.path)
    caption, top_offset = _caption(instructions, f)
    beside = f.width >= MAC_SIDE_BY_SIDE and _fits_beside(path, f)
    side = f.width * SIDEBAR_SHARE if beside else f.width
    # the title bar: the app's name over the pane, clear of the traffic lights
    title_left = side if beside else 64
    title = f.wrap(_name(path[0]), CAPTION_SIZE, f.width - title_left - 16, bold=True)
    title_height = MAC_TITLE_HEIGHT + line_height(CAPTION_SIZE) * (len(title) - 1)
    window_top = top_offset + 0.5
    top = top_offset + title_height + PADDING
    parts: list[str] = [caption]
    sidebar_parts: list[str] = []
    entry_height = 0.0
    if len(path) > 1:  # the sidebar's entry, selected
        entry = f.wrap(_name(path[1]), VALUE_SIZE, side - 62)
        step = line_height(VALUE_SIZE)
        entry_height = max(ROW_HEIGHT, 25 + step * len(entry))
        first = top + (entry_height - step * len(entry)) / 2 + 14
        sidebar_parts = [
            f'<rect x="{f.box(8, side - 16)}" y="{top}" width="{side - 16}" height="{entry_height}" rx="6" '
            f'fill="{ACCENT}"/>',
            _number_badge(f.x(28), top + entry_height / 2, numbers[1], fill="#ffffff", ink=ACCENT),
            text_lines(f.x(46), first, entry, VALUE_SIZE, "#ffffff", f.start),
        ]
    pane_top = top if beside else top + entry_height + PADDING
    pane_left = side + 8 if beside else 8
    pane_rows = list(zip(path[2:], numbers[2:], strict=True))
    rows: list[str] = []
    bottom = pane_top
    for index, (label, number) in enumerate(pane_rows, start=1):
        row, height = _row(
            number, label, bottom, index == len(pane_rows), instructions.target, f, pane_left, f.width - 8
        )
        rows.append(row)
        bottom += height
    height = max(bottom, top + entry_height, top + ROW_HEIGHT) + PADDING
    sidebar_height = height - top_offset - 1 if beside else title_height + PADDING + entry_height + 6
    parts += [
        f'<rect x="0.5" y="{window_top}" width="{f.width - 1}" height="{height - top_offset - 1}" rx="10" '
        f'fill="{SCREEN}" stroke="{LINE}"/>',
        f'<rect x="{f.box(0.5, side - (0 if beside else 1))}" y="{window_top}" '
        f'width="{side - (0 if beside else 1)}" height="{sidebar_height}" rx="10" fill="{SIDEBAR}"/>',
    ]
    for offset, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        parts.append(f'<circle cx="{f.x(16 + offset * 18)}" cy="{top_offset + 16}" r="6" fill="{colour}"/>')
    centre = f.x(title_left + (f.width - title_left) / 2)
    parts.append(text_lines(centre, top_offset + 21, title, CAPTION_SIZE, INK, "middle", bold=True))
    return _svg(instructions, f, height, [*parts, *sidebar_parts, *rows])


def settings_sketch_svg(
    instructions: Instructions,
    right_to_left: bool | None = None,
    width: float = WIDTH,
    measure: TextWidth = rough_width,
    font: str = FONT,
) -> str | None:
    """The sketch for one set of instructions, or None when it has no menu path.

    ``right_to_left``: mirror it (default: when the app's language is written right to left).
    ``width``: in the sketch's units (its text is 15 units); ``measure``: how wide a text is
    in those units (see :mod:`~privacy_walkthrough.core.content.sketch_text`) in ``font``,
    the font family the sketch names (the window's own, which it measures with).
    """
    if not instructions.path:
        return None
    f = _Frame(width, is_right_to_left() if right_to_left is None else right_to_left, measure, font)
    numbers = step_numbers(instructions)
    if instructions.platform is Platform.MAC and len(instructions.path) > 1:
        return _mac_sketch(instructions, numbers, f)
    return _phone_sketch(instructions, numbers, f)


def sketch_description(instructions: Instructions) -> str:
    """The sketch in words, for screen readers: "Settings, then Apps, then … switch Off"."""
    steps = tr(", then ").join(instructions.path)
    if instructions.target:
        return tr("Open {steps}, and leave it set to {target}.", steps=steps, target=instructions.target)
    return tr("Open {steps}.", steps=steps)
