"""The building blocks of the content records: the strict, frozen base model, the field
types the guide's files share (ids, versions, non-empty text), lists that refuse repeats,
and the editor hint that each field gives in the JSON Schema (``schema``).

The saved progress and the profiles use the same ids, versions and "listed twice" check.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from privacy_walkthrough.core.content.records import SLUG_PATTERN, VERSION_PATTERN

CONTENT_SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Version = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
ContentVersion = Annotated[int, Field(ge=1, le=CONTENT_SCHEMA_VERSION)]


def twice(values: list[Any]) -> list[str]:
    """The values listed more than once, as sorted text."""
    return sorted(str(value) for value, count in Counter(values).items() if count > 1)


def _once_each(values: list[Any]) -> list[Any]:
    if dupes := twice(values):
        raise PydanticCustomError("unique", "lists {dupes} more than once", {"dupes": ", ".join(dupes)})
    return values


UNIQUE = AfterValidator(_once_each)  # a list whose entries must differ (uniqueItems in the schema)


class StrictModel(BaseModel):
    """A record of a content file: unknown fields are refused; it cannot be changed once made.

    Types are strict (``"5"`` is not a number, ``1`` is not true); an enum field takes its
    value as text.  The validator is built when the model is first used (``defer_build``).
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, str_strip_whitespace=True, defer_build=True
    )


def described(text: str, **constraints: Any) -> Any:
    """A field's editor hint for the JSON Schema, with its constraints (``Annotated[X, described(...)]``)."""
    return Field(description=text, **constraints)


def choice(text: str) -> Any:
    """A field whose value is one of an enum's: taken as text from the file."""
    return Field(description=text, strict=False)
