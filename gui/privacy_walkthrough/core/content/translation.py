"""A guide's translation: the words of ``content/<guide>/<lang>/``, laid over the English guide.

A translation holds words only.  Its ``guide.toml`` gives the guide's title and description
and the translation's review state; each ``steps/<id>.toml`` gives one step's texts and the
content hash of the English step it was translated from (``translated_from``).  Everything
else (the order of steps, whom a step fits, sources, versions) comes from the English guide,
so a translation can never disagree with it.

A translated step is used only while its ``translated_from`` matches the English step's
hash.  When the English step changes, or has no translation, the English step is shown,
with a note that its translation is being updated; ``validate`` warns about it.  Saved
progress keeps English hashes, so it reads the same in every language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from privacy_walkthrough.core.content.fields import (
    ContentVersion,
    NonEmpty,
    Slug,
    StrictModel,
    choice,
    described,
)
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.records import LANGUAGE_PATTERN, replace, rule
from privacy_walkthrough.core.i18n import ltr, ntr, tr

LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
ContentHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


class ReviewState(StrEnum):
    MACHINE_ASSISTED = "machine-assisted"
    REVIEWED = "reviewed"


class TranslationReview(StrictModel):
    """Who has checked the translation: ``[review]`` in a translation's guide.toml."""

    state: Annotated[
        ReviewState,
        choice(
            "'machine-assisted' (not yet reviewed by a native speaker) or 'reviewed' "
            "(a native speaker checked every step; give reviewer and date)."
        ),
    ]
    reviewer: Annotated[NonEmpty | None, described("Who reviewed it (with state = 'reviewed').")] = None
    date: Annotated[dt.date | None, described("When it was reviewed (a TOML date).")] = None

    @model_validator(mode="after")
    def _reviewed_by_someone(self) -> Self:
        if self.state is ReviewState.REVIEWED and (self.reviewer is None or self.date is None):
            raise rule("reviewer", "a reviewed translation names its reviewer and date")
        return self


class GuideTranslation(StrictModel):
    """``guide.toml`` of a translation folder: the guide's words and the review state."""

    schema_version: Annotated[ContentVersion, described("The content format version; write 1.")]
    id: Annotated[Slug, described("The guide's id, the same as the English guide's.")]
    language: Annotated[LanguageCode, described('The language code, the same as the folder name: "es".')]
    title: Annotated[NonEmpty, described("The guide's title in this language.")]
    description: Annotated[NonEmpty, described("The welcome page's Markdown, in this language.")]
    review: Annotated[TranslationReview, described("Who has checked this translation ([review]).")]


class InstructionsText(StrictModel):
    """The words of one ``[[instructions]]`` table, in the English order."""

    steps: Annotated[list[NonEmpty], described("What to tap, in order.", min_length=1)]
    path: Annotated[
        list[NonEmpty], described("The menu path in Apple's own words for this language, one entry a level.")
    ] = Field(default_factory=list)
    target: Annotated[NonEmpty | None, described("The state to leave the last switch in.")] = None
    title: Annotated[NonEmpty | None, described("The block's heading, when the English has one.")] = None


class ApplicabilityText(StrictModel):
    """The words of ``[applicability]``: each rule's reason and each requirement's fix, in order."""

    not_applicable_when: list[NonEmpty] = Field(default_factory=list)
    caution_when: list[NonEmpty] = Field(default_factory=list)
    requires: list[NonEmpty] = Field(default_factory=list)


class StepTranslation(StrictModel):
    """``steps/<id>.toml`` of a translation folder: one step's words."""

    schema_version: Annotated[ContentVersion, described("The content format version; write 1.")]
    id: Annotated[Slug, described("The English step's id; the file is named <id>.toml.")]
    translated_from: Annotated[
        ContentHash,
        described(
            "The content hash of the English step this was translated from (16 hex digits; "
            "`privacy-walkthrough validate` prints the current one)."
        ),
    ]
    title: NonEmpty
    summary: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    why: NonEmpty
    check: NonEmpty
    gives_up: NonEmpty
    applies_to: NonEmpty
    uncertain: str | None = None
    undo: str | None = None
    instructions: list[InstructionsText] = Field(default_factory=list)
    applicability: ApplicabilityText = Field(default_factory=ApplicabilityText)


class MismatchError(ValueError):
    """A translated step whose shape differs from the English one (``field``: where)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def _same_count(name: str, english: int, translated: int) -> None:
    if english != translated:
        raise MismatchError(
            name,
            ntr(
                "has {n} entry; the English step has {expected}",
                "has {n} entries; the English step has {expected}",
                translated,
                expected=english,
            ),
        )


def translate_step(english: Step, words: StepTranslation) -> Step:
    """``english`` in ``words``' language (raises :class:`MismatchError` if the shapes differ)."""
    _same_count("instructions", len(english.instructions), len(words.instructions))
    instructions = []
    for index, (source, text) in enumerate(zip(english.instructions, words.instructions, strict=True)):
        _same_count(f"instructions.{index}.steps", len(source.steps), len(text.steps))
        _same_count(f"instructions.{index}.path", len(source.path), len(text.path))
        for name in ("target", "title"):
            if (getattr(source, name) is None) != (getattr(text, name) is None):
                raise MismatchError(
                    f"instructions.{index}.{name}", tr("must be given exactly when English has it")
                )
        instructions.append(
            replace(source, steps=text.steps, path=text.path, target=text.target, title=text.title)
        )
    if (english.uncertain is None) != (words.uncertain is None):
        raise MismatchError("uncertain", tr("must be given exactly when English has it"))
    rules = english.applicability
    texts = words.applicability
    _same_count(
        "applicability.not_applicable_when", len(rules.not_applicable_when), len(texts.not_applicable_when)
    )
    _same_count("applicability.caution_when", len(rules.caution_when), len(texts.caution_when))
    _same_count("applicability.requires", len(rules.requires), len(texts.requires))
    applicability = replace(
        rules,
        not_applicable_when=[
            replace(r, reason=t)
            for r, t in zip(rules.not_applicable_when, texts.not_applicable_when, strict=True)
        ],
        caution_when=[
            replace(r, reason=t) for r, t in zip(rules.caution_when, texts.caution_when, strict=True)
        ],
        requires=[replace(r, fix=t) for r, t in zip(rules.requires, texts.requires, strict=True)],
    )
    return replace(
        english,
        title=words.title,
        summary=words.summary,
        why=words.why,
        check=words.check,
        gives_up=words.gives_up,
        applies_to=words.applies_to,
        uncertain=words.uncertain,
        undo=words.undo,
        instructions=instructions,
        applicability=applicability,
    )


@dataclass(frozen=True)
class TranslationState:
    """What a translated guide is made of: its language, its review, and the steps left in English."""

    language: str
    review: TranslationReview
    in_english: frozenset[str]  # step ids shown in English: not translated, or the English changed


def review_text(review: TranslationReview) -> str:
    """The review state in words, for the welcome page and the checklist's footer."""
    if review.state is ReviewState.REVIEWED and review.reviewer and review.date:
        return tr(
            "This translation was reviewed by {name} on {date}.",
            name=review.reviewer,
            date=ltr(review.date.isoformat()),
        )
    return tr("This translation is machine-assisted and not yet reviewed by a native speaker.")


def in_english_note() -> str:
    return tr("The translation of this step is being updated; it is shown in English for now.")


def localize(
    english: Guide, info: GuideTranslation, steps: dict[str, StepTranslation], hashes: dict[str, str]
) -> Guide:
    """``english`` with the translated words laid over it, each step only while it is current.

    ``hashes``: each English step's content hash.  A step whose translation is missing, was
    made from another version of the English step, or does not fit its shape stays English.
    """
    localized: list[Step] = []
    in_english: set[str] = set()
    for step in english.steps:
        words = steps.get(step.id)
        if words is None or words.translated_from != hashes[step.id]:
            localized.append(step)
            in_english.add(step.id)
            continue
        try:
            localized.append(translate_step(step, words))
        except MismatchError:
            localized.append(step)
            in_english.add(step.id)
    guide_info = replace(english.info, title=info.title, description=info.description, language=info.language)
    state = TranslationState(info.language, info.review, frozenset(in_english))
    return Guide(info=guide_info, steps=tuple(localized), source=english, translation=state)
