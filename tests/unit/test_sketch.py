"""The drawn "where to tap" sketch: its numbered badges match the numbered list under it,
each block shows its own title, and a Mac is drawn as a settings window (issue 13, items 10
and 16)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from privacy_walkthrough.core.content.kinds import Platform
from privacy_walkthrough.core.content.models import Instructions
from privacy_walkthrough.core.content.sketch import ENGLISH_BESIDE, settings_sketch_svg, step_numbers
from privacy_walkthrough.guides import load_default_guide
from tests.helpers import drawn_texts, parse_as

SVG = "{http://www.w3.org/2000/svg}"


def block(**fields: object) -> Instructions:
    return parse_as(Instructions, {"platform": "iphone", "steps": ["Do it."], **fields})


def badges(svg: str) -> list[int]:
    """The numbers drawn in the badges, top to bottom."""
    root = ET.fromstring(svg)
    return [
        int(text.text)
        for text in root.iter(f"{SVG}text")
        if text.text and text.text.isdigit() and text.get("text-anchor") == "middle"
    ]


def test_each_badge_is_the_number_of_the_step_that_names_the_row() -> None:
    instructions = block(
        path=["Settings", "[your name]", "iCloud", "iCloud Backup", "Back Up This iPhone"],
        target="Off",
        steps=[
            "Open **Settings** and tap your name at the top.",
            "Tap **iCloud**, then **iCloud Backup**.",
            "Turn off **Back Up This iPhone**.",
            "Confirm if you are asked.",
        ],
    )
    assert step_numbers(instructions) == [1, 1, 2, 2, 3]
    svg = settings_sketch_svg(instructions)
    assert svg is not None
    assert badges(svg) == [1, 2, 2, 3]  # the rows under the screen's title


def test_a_row_the_list_never_names_gets_no_number() -> None:
    instructions = block(
        path=["Settings", "Hidden Menu", "Switch"], steps=["Open **Settings**.", "Turn off **Switch**."]
    )
    assert step_numbers(instructions) == [1, None, 2]
    svg = settings_sketch_svg(instructions)
    assert svg is not None and badges(svg) == [2]


def test_every_shipped_sketch_numbers_only_steps_of_its_own_list() -> None:
    guide = load_default_guide()
    checked = 0
    for step in guide.steps:
        for instructions in step.instructions:
            svg = settings_sketch_svg(instructions)
            if svg is None:
                continue
            ET.fromstring(svg)  # well-formed
            numbers = badges(svg)
            assert numbers == sorted(numbers), (step.id, numbers)
            assert all(1 <= n <= len(instructions.steps) for n in numbers), (step.id, numbers)
            checked += 1
    assert checked > 10


def test_a_block_with_a_title_shows_it_above_the_picture() -> None:
    svg = settings_sketch_svg(block(title="Delete old backups", path=["Settings", "iCloud"]))
    assert svg is not None
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert texts[0] == "Delete old backups"
    untitled = settings_sketch_svg(block(path=["Settings", "iCloud"]))
    assert untitled is not None and "Delete old backups" not in untitled


@pytest.mark.parametrize("platform", [Platform.MAC, Platform.IPHONE])
def test_a_mac_is_drawn_as_a_window_and_an_iphone_as_a_screen(platform: Platform) -> None:
    svg = settings_sketch_svg(
        block(platform=platform.value, path=["System Settings", "Privacy & Security", "Lockdown Mode"])
    )
    assert svg is not None
    traffic_lights = re.findall(r'fill="#(?:ff5f57|febc2e|28c840)"', svg)
    assert len(traffic_lights) == (3 if platform is Platform.MAC else 0)
    assert "Privacy &amp; Security" in svg


def text_boxes(svg: str) -> list[tuple[str, float, float]]:
    """Each drawn text with its left and right x, measured as the sketch measured it."""
    from privacy_walkthrough.core.content.sketch_text import rough_width

    boxes = []
    for text in ET.fromstring(svg).iter(f"{SVG}text"):
        content = text.text or ""
        width = rough_width(content, float(text.get("font-size", "0")), text.get("font-weight") == "bold")
        x = float(text.get("x", "0"))
        anchor = text.get("text-anchor", "start")
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        boxes.append((content, left, left + width))
    return boxes


@pytest.mark.parametrize("language", ["en", "es", "ar"])
@pytest.mark.parametrize("width", [360, 300, 220])
def test_every_shipped_sketch_keeps_its_text_inside_at_any_width(language: str, width: int) -> None:
    """Large text gives the sketch fewer units of room: its names wrap, none runs off the picture
    and none is cut short."""
    guide = load_default_guide(language)
    checked = 0
    for step in guide.steps:
        for instructions in step.instructions:
            svg = settings_sketch_svg(instructions, right_to_left=language == "ar", width=width)
            if svg is None:
                continue
            root = ET.fromstring(svg)
            assert float(root.get("width", "0")) == width
            for content, left, right in text_boxes(svg):
                assert left >= 0 and right <= width, (step.id, content, left, right)
            # each name drawn whole, none cut (an address too long for a line is broken, not cut)
            shown = {"".join(text.removeprefix("✓ ").removesuffix(" ✓").split()) for text in drawn_texts(svg)}
            names = {
                "".join((ENGLISH_BESIDE.sub("", name).strip() or name).split()) for name in instructions.path
            }
            assert names <= shown, (step.id, names - shown)
            checked += 1
    assert checked > 10


def test_a_long_name_wraps_onto_more_lines_instead_of_being_cut() -> None:
    name = "Messages in iCloud and every other long setting name"
    svg = settings_sketch_svg(block(path=["Settings", name], target="Off"), width=240)
    assert svg is not None
    lines = [t for t, _, _ in text_boxes(svg) if t and t != "Settings" and not t.isdigit()]
    assert len(lines) > 1 and " ".join(lines) == name


@pytest.mark.parametrize(("width", "beside"), [(360, True), (260, False)])
def test_a_narrow_mac_window_shows_its_sidebar_above_the_pane(width: int, beside: bool) -> None:
    svg = settings_sketch_svg(
        block(platform="mac", path=["System Settings", "Privacy & Security", "Lockdown Mode"]), width=width
    )
    assert svg is not None
    sidebar = next(r for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("fill") == "#e5e5ea")
    assert (float(sidebar.get("width", "0")) < width / 2) is beside
