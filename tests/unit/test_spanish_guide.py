"""The shipped Spanish guide: complete, current, and in Spanish down to each block's heading."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.content.hash import step_content_hash
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.translation import ReviewState
from privacy_walkthrough.guides import load_default_guide, localized
from tests.helpers import write_guide, write_translation


def test_every_shipped_step_has_a_current_spanish_translation() -> None:
    english = load_default_guide("en")
    spanish = load_default_guide("es")

    assert spanish.translation is not None
    assert spanish.translation.in_english == frozenset()
    assert spanish.translation.review.state is ReviewState.MACHINE_ASSISTED
    assert [step.id for step in spanish.steps] == [step.id for step in english.steps]
    for mine, theirs in zip(spanish.steps, english.steps, strict=True):
        assert mine.title != theirs.title, mine.id


def test_the_headings_of_instruction_blocks_are_translated_too() -> None:
    backup = load_default_guide("es").step("icloud-backup")

    assert [block.title for block in backup.instructions] == [
        "Desactiva la copia de seguridad en iCloud",
        "Borra las copias antiguas",
    ]
    assert backup.instructions[0].path[0] == "Ajustes"
    assert backup.instructions[0].min_version == "16"  # versions still come from the English


def test_a_heading_where_the_english_block_has_none_keeps_the_step_in_english(tmp_path: Path) -> None:
    root = tmp_path / "test-guide"
    english = load_guide(write_guide(root / "en", ["first-step"]))
    folder = write_translation(root / "es", {"first-step": step_content_hash(english.step("first-step"))})
    step = folder / "steps" / "first-step.toml"
    step.write_text(
        step.read_text(encoding="utf-8").replace("[[instructions]]\n", '[[instructions]]\ntitle = "Extra"\n'),
        encoding="utf-8",
    )

    assert localized(english, root, "es").step("first-step").title == "First step"
