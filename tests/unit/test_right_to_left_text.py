"""Text that a right-to-left reader sees in the right order: menu paths with arrows pointing
left, file paths and dates kept whole, lines that start with "iPhone" still right to left."""

from __future__ import annotations

import re
from pathlib import Path

from privacy_walkthrough import resources
from privacy_walkthrough.app import main
from privacy_walkthrough.core.i18n import (
    LEFT_TO_RIGHT_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    RIGHT_TO_LEFT_MARK,
    ltr,
    right_to_left_paragraph,
)
from privacy_walkthrough.core.labels import path_text
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.translations import use_language

ARABIC_LETTER = "[\u0600-\u06ff]"
# A path separator that browsers mirror and Qt does not, between Arabic words (or brackets).
MIRRORED_SEPARATOR = re.compile(rf"{ARABIC_LETTER}[\])]?\s*(>|›|‹|<)\s*[\[(]?{ARABIC_LETTER}")


def test_left_to_right_pieces_are_isolated_only_right_to_left() -> None:
    assert ltr("/tmp/x") == "/tmp/x"
    assert right_to_left_paragraph("iPhone (iOS 18)") == "iPhone (iOS 18)"
    use_language("ar")
    assert ltr("/tmp/x") == f"{LEFT_TO_RIGHT_ISOLATE}/tmp/x{POP_DIRECTIONAL_ISOLATE}"
    assert ltr("") == ""
    assert right_to_left_paragraph("iPhone (iOS 18)") == RIGHT_TO_LEFT_MARK + "iPhone (iOS 18)"
    assert right_to_left_paragraph("1. الإعدادات") == "1. الإعدادات"  # already right to left


def test_menu_paths_point_left_in_arabic_and_right_otherwise() -> None:
    guide = load_default_guide()
    instructions = next(i for s in guide.steps for i in s.instructions if len(i.path) > 2)
    assert " › " in path_text(instructions)
    use_language("ar")
    arabic = load_default_guide()
    instructions = next(i for s in arabic.steps for i in s.instructions if len(i.path) > 2)
    text = path_text(instructions)
    assert " ◂ " in text and "›" not in text


def test_the_arabic_markdown_checklist_keeps_lines_dates_and_arrows_right_to_left(tmp_path: Path) -> None:
    out = tmp_path / "ar.md"
    assert main(["--lang", "ar", "export", "--blank", "--output", str(out)]) == 0
    markdown = out.read_text(encoding="utf-8")
    assert re.search(rf"{LEFT_TO_RIGHT_ISOLATE}\d{{4}}-\d\d-\d\d{POP_DIRECTIONAL_ISOLATE}", markdown)
    # a route line with no title starts with "iPhone/iPad (…)": a mark keeps it right to left
    routes = [line for line in markdown.splitlines() if re.match(rf"- {RIGHT_TO_LEFT_MARK}?[A-Za-z]", line)]
    assert routes and all(line.startswith("- " + RIGHT_TO_LEFT_MARK) for line in routes)
    assert " ◂ " in markdown
    assert not MIRRORED_SEPARATOR.search(markdown)


def test_the_arabic_guide_and_catalog_write_menu_paths_with_left_arrows() -> None:
    content = Path(str(resources.content_root()))
    texts = [p.read_text(encoding="utf-8") for p in content.glob("*/ar/**/*.toml")]
    po = Path(__file__).resolve().parents[2] / "gui/privacy_walkthrough/locale/ar/LC_MESSAGES"
    texts += [p.read_text(encoding="utf-8") for p in po.glob("*.po")]
    assert texts
    found = [match.group(0) for text in texts for match in MIRRORED_SEPARATOR.finditer(text)]
    assert found == []
