"""The guide as a whole: ``guide.toml``'s record, and the loaded guide with its steps in order.

The step files' records are in :mod:`.models`; :mod:`.loader` reads both and builds a
:class:`Guide`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Annotated

from pydantic import StringConstraints

from privacy_walkthrough.core.content.fields import (
    UNIQUE,
    ContentVersion,
    NonEmpty,
    Slug,
    StrictModel,
    Version,
    described,
)
from privacy_walkthrough.core.content.models import NewestVersions, Step
from privacy_walkthrough.core.content.records import LANGUAGE_PATTERN

if TYPE_CHECKING:
    from privacy_walkthrough.core.content.translation import TranslationState


class GuideInfo(StrictModel):
    """``guide.toml``: the guide's identity and its steps in order."""

    schema_version: Annotated[ContentVersion, described("The content format version; write 1.")]
    id: Annotated[
        Slug,
        described(
            "The guide's stable id (lower-case words joined by '-'), the same as its folder "
            "name; saved progress is kept under it."
        ),
    ]
    title: Annotated[NonEmpty, described("The guide's title, shown on the welcome page and the checklist.")]
    version: Annotated[
        Version, described('The guide\'s own version, e.g. "1.0" (raise it with each release).')
    ]
    language: Annotated[
        str,
        StringConstraints(pattern=LANGUAGE_PATTERN),
        described('The language code, the same as the folder name: "en", "de", "pt-BR".'),
    ]
    description: Annotated[  # Markdown, shown on the welcome page
        NonEmpty,
        described("Markdown shown on the welcome page: what the walkthrough does and what to have ready."),
    ]
    minutes: Annotated[  # about how long the walkthrough takes
        int, described("About how many minutes the walkthrough takes (1–600).", ge=1, le=600)
    ]
    steps: Annotated[
        list[Slug],
        described(
            "The step ids in the order they are shown; each needs a file steps/<id>.toml.",
            min_length=1,
            json_schema_extra={"uniqueItems": True},
        ),
        UNIQUE,
    ]
    reviewed: Annotated[dt.date, described("The day the guide as a whole was last reviewed (a TOML date).")]
    newest_versions: Annotated[
        NewestVersions | None,
        described(
            "The newest iOS and macOS versions the guide was checked against; the welcome page warns "
            "when a person's device runs something newer."
        ),
    ] = None


@dataclass(frozen=True)
class Guide:
    """A loaded, cross-checked guide: its info and its steps in order (never written out)."""

    info: GuideInfo
    steps: tuple[Step, ...]
    # A translated guide: the English guide it was made from, and what is translated.
    source: Guide | None = None
    translation: TranslationState | None = None
    step_ids: tuple[str, ...] = dataclass_field(init=False, repr=False, compare=False)
    _by_id: dict[str, Step] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # looked up on every move between pages: kept ready
        object.__setattr__(self, "step_ids", tuple(s.id for s in self.steps))
        object.__setattr__(self, "_by_id", {s.id: s for s in self.steps})

    def step(self, step_id: str) -> Step:
        """The step with this id (raises KeyError)."""
        return self._by_id[step_id]

    def source_step(self, step_id: str) -> Step:
        """The step as written in the guide's own (English) language: what progress hashes."""
        return (self.source or self).step(step_id)

    def checked_against(self, step: Step) -> NewestVersions | None:
        """The newest versions ``step`` was checked against: its own, else the guide's."""
        return step.checked_against or self.info.newest_versions
