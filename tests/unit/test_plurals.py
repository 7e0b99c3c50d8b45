"""Counted phrases take the language's own plural forms (Arabic six, Spanish three)."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.core.i18n import ntr
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.progress.transfer import PortableProgress
from privacy_walkthrough.translations import use_language
from tests.unit.test_cli import make_progress


def still_open(n: int) -> str:
    # the sentence the window shows on closing (qt/main_window.py), from the real catalog
    return ntr("{text} {n} step is still open.", "{text} {n} steps are still open.", n, text="…")


def test_arabic_counts_0_1_2_11_each_take_their_own_form() -> None:
    use_language("ar")
    assert still_open(0) == "… لا توجد خطوات مفتوحة (0)."
    assert still_open(1) == "… ما زالت خطوة واحدة مفتوحة."
    assert still_open(2) == "… ما زالت خطوتان مفتوحتين."
    assert still_open(3) == "… ما زالت 3 خطوات مفتوحة."
    assert still_open(11) == "… ما زالت 11 خطوةً مفتوحة."
    assert still_open(100) == "… ما زالت 100 خطوة مفتوحة."


def test_spanish_and_english_singular_and_plural() -> None:
    assert still_open(1) == "… 1 step is still open."
    assert still_open(11) == "… 11 steps are still open."
    use_language("es")
    assert still_open(1) == "… Queda 1 paso pendiente."
    assert still_open(0) == "… Quedan 0 pasos pendientes."
    assert still_open(11) == "… Quedan 11 pasos pendientes."


def test_an_import_that_leaves_out_steps_counts_them_in_arabic(tmp_path: Path) -> None:
    progress = ProgressStore(make_progress(tmp_path / "data")).read()
    use_language("ar")
    notices = [
        PortableProgress(progress, tuple(f"gone-{i}" for i in range(n))).dropped_notice() for n in (1, 2, 11)
    ]
    assert notices == [
        "تُرك مُدخل واحد لخطوة لا يضمها هذا الدليل.",
        "تُرك مُدخلان لخطوتين لا يضمهما هذا الدليل.",
        "تُرك 11 مُدخلًا لخطوات لا يضمها هذا الدليل.",
    ]
