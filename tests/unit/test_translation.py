"""A guide's translation: words laid over the English guide, each step only while it is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.hash import step_content_hash
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.sketch import settings_sketch_svg
from privacy_walkthrough.core.content.translation import ReviewState, review_text
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.guides import localized
from tests.helpers import write_guide, write_translation

STEPS = ["first-step", "second-step", "third-step"]
OLD_HASH = "0123456789abcdef"


@pytest.fixture
def guide_root(tmp_path: Path) -> Path:
    """content/test-guide/{en,es}: the first step translated, the second from an older
    English version, the third not translated."""
    root = tmp_path / "test-guide"
    english = load_guide(write_guide(root / "en", STEPS))
    hashes = {"first-step": step_content_hash(english.step("first-step")), "second-step": OLD_HASH}
    write_translation(root / "es", hashes)
    return root


def spanish(root: Path) -> Guide:
    return localized(load_guide(root / "en"), root, "es")


def test_current_steps_are_translated_and_the_others_stay_english(guide_root: Path) -> None:
    guide = spanish(guide_root)

    assert guide.info.title == "Guía de prueba"
    assert guide.step("first-step").title == "Paso first step"
    assert guide.step("first-step").instructions[0].path == ["Ajustes", "Mensajes", "Paso first step"]
    assert guide.step("first-step").sources == guide.source_step("first-step").sources  # from English
    assert guide.step("second-step").title == "Second step"  # the English changed since
    assert guide.step("third-step").title == "Third step"  # never translated
    assert guide.translation is not None
    assert guide.translation.in_english == {"second-step", "third-step"}
    assert guide.translation.review.state is ReviewState.MACHINE_ASSISTED


def test_a_language_without_a_folder_or_english_itself_is_the_english_guide(guide_root: Path) -> None:
    english = load_guide(guide_root / "en")
    assert localized(english, guide_root, "ar") is english
    assert localized(english, guide_root, "en") is english


def test_a_broken_translation_never_stops_the_guide_it_gives_english(guide_root: Path) -> None:
    (guide_root / "es" / "guide.toml").write_text("schema_version = [", encoding="utf-8")
    assert spanish(guide_root).step("first-step").title == "First step"


def test_progress_keeps_english_hashes_so_it_reads_the_same_in_every_language(
    guide_root: Path, tmp_path: Path
) -> None:
    store = ProgressStore(tmp_path / "progress.json")
    session = Session(spanish(guide_root), store)
    session.walkthrough.set_status("first-step", StepStatus.DONE)

    saved = store.read().step("first-step").content_hash
    english = load_guide(guide_root / "en")
    assert saved == step_content_hash(english.step("first-step"))
    assert not Session(english, store).walkthrough.step_view("first-step").updated_since_done


def test_the_review_state_is_said_plainly() -> None:
    guide = spanish_review('state = "reviewed"\nreviewer = "Ana Pérez"\ndate = 2026-11-30')
    assert review_text(guide) == "This translation was reviewed by Ana Pérez on 2026-11-30."


def spanish_review(review: str) -> object:
    import tomllib

    from privacy_walkthrough.core.content.records import parse
    from privacy_walkthrough.core.content.translation import TranslationReview

    return parse(tomllib.loads(review), TranslationReview)


def test_a_reviewed_translation_names_its_reviewer_and_date(tmp_path: Path) -> None:
    root = tmp_path / "test-guide"
    write_guide(root / "en", STEPS)
    write_translation(root / "es", {}, review='state = "reviewed"')
    assert main(["validate", str(tmp_path)]) == 1


def test_validate_warns_about_stale_and_missing_steps_and_strict_fails(
    guide_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    current = step_content_hash(load_guide(guide_root / "en").step("second-step"))
    assert "es/steps/second-step.toml: warning: field 'translated_from'" in out
    assert OLD_HASH in out and current in out
    assert "es/steps/third-step.toml: warning: not translated yet" in out
    assert "first-step" not in out

    assert main(["validate", "--strict", str(tmp_path)]) == 1


def test_validate_finds_a_translation_whose_shape_differs_from_the_english(
    guide_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    step = guide_root / "es" / "steps" / "first-step.toml"
    step.write_text(step.read_text(encoding="utf-8").replace('["Abre Ajustes.", "Desactívalo."]', '["Uno."]'))

    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "es/steps/first-step.toml: error: field 'instructions.0.steps': has 1 entry;" in out
    assert spanish(guide_root).step("first-step").title == "First step"  # shown in English meanwhile


def test_the_sketch_is_mirrored_right_to_left_like_an_arabic_iphone(guide_root: Path) -> None:
    instructions = load_guide(guide_root / "en").step("first-step").instructions[0]
    left_to_right = settings_sketch_svg(instructions, right_to_left=False)
    right_to_left = settings_sketch_svg(instructions, right_to_left=True)
    assert left_to_right is not None and right_to_left is not None
    # The first row's number: near the left edge, or near the right edge.
    assert '<circle cx="32"' in left_to_right and '<circle cx="328"' in right_to_left
    # The chevron points right (">") or left ("<"); the switch's "off" knob sits at its start.
    assert "l6 6 l-6 6" in left_to_right and "l-6 6 l6 6" in right_to_left
    i18n.activate(i18n.CatalogTranslations({}), "ar")
    assert settings_sketch_svg(instructions) == right_to_left


def test_the_checklist_footer_carries_the_review_state_until_signed_off(tmp_path: Path) -> None:
    import datetime as dt

    from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html, render_markdown

    options = ChecklistOptions(
        generated_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC), app_version="1", blank=True
    )
    root = tmp_path / "test-guide"
    english = load_guide(write_guide(root / "en", STEPS))
    write_translation(root / "es", {})
    note = "This translation is machine-assisted and not yet reviewed by a native speaker."
    assert note in render_html(localized(english, root, "es"), None, options)
    assert note in render_markdown(localized(english, root, "es"), None, options)
    assert note not in render_html(english, None, options)

    write_translation(root / "es", {}, review='state = "reviewed"\nreviewer = "Ana"\ndate = 2026-11-30')
    assert "reviewed by" not in render_html(localized(english, root, "es"), None, options)
