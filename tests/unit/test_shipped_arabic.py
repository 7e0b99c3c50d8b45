"""The shipped Arabic guide, as installed: complete, current, and every word shown is Arabic."""

from __future__ import annotations

import re

import pytest

from privacy_walkthrough import guides
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.sketch import ENGLISH_BESIDE, settings_sketch_svg
from privacy_walkthrough.core.content.translation import ReviewState
from tests.helpers import drawn_texts

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def pair() -> tuple[Guide, Guide]:
    english = guides.load_default_guide("en")
    return english, guides.load_default_guide("ar")


def test_every_step_is_translated_from_the_current_english(pair: tuple[Guide, Guide]) -> None:
    english, arabic = pair
    assert arabic.translation is not None
    assert arabic.translation.language == "ar"
    assert arabic.translation.in_english == frozenset()  # none stale, none missing
    assert arabic.translation.review.state is ReviewState.MACHINE_ASSISTED
    assert [s.id for s in arabic.steps] == [s.id for s in english.steps]


def test_the_words_the_person_reads_are_arabic(pair: tuple[Guide, Guide]) -> None:
    english, arabic = pair
    assert ARABIC.search(arabic.info.title) and ARABIC.search(arabic.info.description)
    for step in arabic.steps:
        source = english.step(step.id)
        for text in (step.title, step.summary, step.why, step.check, step.gives_up, step.applies_to):
            assert ARABIC.search(text), (step.id, text)
        for block, english_block in zip(step.instructions, source.instructions, strict=True):
            assert all(ARABIC.search(line) for line in block.steps), step.id
            if english_block.title is not None:
                # Each block's heading is shown above its taps: it must be the translated one.
                assert block.title is not None and ARABIC.search(block.title), (step.id, block.title)
        rules = step.applicability
        for reason in [r.reason for r in rules.not_applicable_when + rules.caution_when]:
            assert ARABIC.search(reason), step.id
        assert all(ARABIC.search(r.fix) for r in rules.requires), step.id


def test_paths_start_from_apples_arabic_settings_and_keep_the_english_levels(
    pair: tuple[Guide, Guide],
) -> None:
    english, arabic = pair
    names = {"Settings": "الإعدادات", "System Settings": "إعدادات النظام", "Messages": "الرسائل"}
    for step in arabic.steps:
        for block, english_block in zip(step.instructions, english.step(step.id).instructions, strict=True):
            assert len(block.path) == len(english_block.path)
            if english_block.path and english_block.path[0] in names:
                assert block.path[0] == names[english_block.path[0]], (step.id, block.path)


def test_sources_versions_and_whom_a_step_fits_come_from_the_english(pair: tuple[Guide, Guide]) -> None:
    english, arabic = pair
    for step in arabic.steps:
        source = english.step(step.id)
        assert step.sources == source.sources
        assert step.kind == source.kind
        assert [(b.platform, b.min_version, b.before_version) for b in step.instructions] == [
            (b.platform, b.min_version, b.before_version) for b in source.instructions
        ]
        assert [r.min_version for r in step.applicability.requires] == [
            r.min_version for r in source.applicability.requires
        ]


@pytest.mark.parametrize("width", [360, 220])
def test_the_sketches_show_the_arabic_names_alone_and_whole(pair: tuple[Guide, Guide], width: int) -> None:
    """The sketch imitates an Arabic iPhone or Mac: the English kept beside a name stays in the
    text, and every name is drawn whole (on more lines where it is long), at the usual width
    and at the narrower one of large text."""
    english, arabic = pair
    drawn = 0
    for step in arabic.steps:
        for block, english_block in zip(step.instructions, english.step(step.id).instructions, strict=True):
            svg = settings_sketch_svg(block, right_to_left=True, width=width)
            if svg is None or block.path == english_block.path:  # a web address, drawn as in English
                continue
            drawn += 1
            shown = [label for label in drawn_texts(svg) if not label.isdigit()]
            assert not any(re.search(r"\([A-Za-z][^()]+\)", label) for label in shown), (step.id, shown)
            whole = {ENGLISH_BESIDE.sub("", name).strip() for name in block.path}
            assert whole <= {label.removeprefix("✓ ") for label in shown}, (step.id, shown)  # each drawn
    assert drawn > 30
    # English names are drawn as they are, "Info (i)" included.
    mac_check = english.step("contact-key-verification").instructions[3]
    assert "Info (i)" in (settings_sketch_svg(mac_check, right_to_left=False) or "")
