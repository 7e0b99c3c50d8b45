"""Style sheets do not mirror left and right by themselves: style-rtl.qss must, for every rule."""

from __future__ import annotations

import re

from privacy_walkthrough import resources


def _selectors_with(sheet: str, prop: str) -> set[str]:
    names: set[str] = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        if re.search(rf"(^|[\s;]){prop}\s*:", body):
            names |= set(re.findall(r"#(\w+)", selectors))
    return names


def test_every_left_border_has_its_right_to_left_mirror() -> None:
    sheet = resources.read_asset_text("style.qss")
    mirror = resources.read_asset_text("style-rtl.qss")
    left = _selectors_with(sheet, "border-left")
    assert left  # the check sees the sheet's accent bars
    assert left <= _selectors_with(mirror, "border-right")
