"""Load a translation folder (``content/<guide>/<lang>/``) over its English guide.

Problems are collected, as the guide loader does, so ``validate`` can show them all; the app
uses :func:`load_translated_guide`, which never fails because of a translation: whatever
cannot be used is shown in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.abc import Traversable

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.hash import step_content_hash
from privacy_walkthrough.core.content.loader import GUIDE_FILE, STEPS_FOLDER, ContentProblem, parse_file
from privacy_walkthrough.core.content.translation import (
    GuideTranslation,
    MismatchError,
    StepTranslation,
    localize,
    translate_step,
)
from privacy_walkthrough.core.i18n import tr

TRANSLATION_KEY = "review"  # a guide.toml with a [review] table is a translation


def is_translation(guide_toml_text: str) -> bool:
    """Whether a guide.toml is a translation's (it has a ``[review]`` table)."""
    return any(line.strip().startswith(f"[{TRANSLATION_KEY}]") for line in guide_toml_text.splitlines())


@dataclass
class TranslationInspection:
    """What a translation folder holds, checked against its English guide."""

    info: GuideTranslation | None = None
    steps: dict[str, StepTranslation] = field(default_factory=dict)  # by step id
    hashes: dict[str, str] = field(default_factory=dict)  # each English step's current hash
    problems: list[ContentProblem] = field(default_factory=list)  # errors: unusable files
    stale: dict[str, str] = field(default_factory=dict)  # step id -> the hash it was made from
    missing: list[str] = field(default_factory=list)  # English steps with no translation
    texts: dict[str, str] = field(default_factory=dict)


def inspect_translation(
    folder: Traversable, english: Guide, language: str | None = None
) -> TranslationInspection:
    """Parse a translation folder and compare it with ``english``, collecting every problem."""
    found = TranslationInspection(hashes={s.id: step_content_hash(s) for s in english.steps})
    problems = found.problems
    info_file = folder / GUIDE_FILE
    if not info_file.is_file():
        problems.append(ContentProblem(GUIDE_FILE, None, tr("is missing from {folder}", folder=folder.name)))
        return found
    info = found.info = parse_file(GuideTranslation, info_file, GUIDE_FILE, problems, found.texts)
    if info is not None and info.id != english.info.id:
        message = tr(
            "is '{id}' but the English guide's id is '{english}'", id=info.id, english=english.info.id
        )
        problems.append(ContentProblem(GUIDE_FILE, "id", message))
    if info is not None and language is not None and info.language != language:
        message = tr(
            "is '{language}' but the language folder is named '{folder}'",
            language=info.language,
            folder=language,
        )
        problems.append(ContentProblem(GUIDE_FILE, "language", message))
    steps_folder = folder / STEPS_FOLDER
    files = sorted(
        (f for f in steps_folder.iterdir() if f.name.endswith(".toml")) if steps_folder.is_dir() else [],
        key=lambda f: f.name,
    )
    for step_file in files:
        label = f"{STEPS_FOLDER}/{step_file.name}"
        stem = step_file.name.removesuffix(".toml")
        words = parse_file(StepTranslation, step_file, label, problems, found.texts)
        if words is None:
            continue
        if words.id != stem:
            message = tr("is '{id}' but the file is named '{stem}.toml'", id=words.id, stem=stem)
            problems.append(ContentProblem(label, "id", message))
        elif stem not in found.hashes:
            problems.append(ContentProblem(label, "id", tr("the English guide has no step '{id}'", id=stem)))
        else:
            try:
                translate_step(english.step(stem), words)
            except MismatchError as exc:
                problems.append(ContentProblem(label, exc.field, str(exc)))
                continue
            found.steps[stem] = words
            if words.translated_from != found.hashes[stem]:
                found.stale[stem] = words.translated_from
    found.missing = [s.id for s in english.steps if s.id not in found.steps and s.id not in found.stale]
    found.missing = [i for i in found.missing if f"{STEPS_FOLDER}/{i}.toml" not in {p.file for p in problems}]
    return found


def load_translated_guide(folder: Traversable, english: Guide) -> Guide:
    """``english`` in the language of ``folder``: every usable, current step translated.

    A translation whose guide.toml cannot be used gives the English guide unchanged.
    """
    try:
        found = inspect_translation(folder, english)
    except (OSError, UnicodeError, ValueError, RecursionError):
        return english
    if found.info is None or found.info.id != english.info.id:
        return english
    return localize(english, found.info, found.steps, found.hashes)
