"""records.parse: every wrong field named at once, at any depth, in plain words, with a path."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

import pytest
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from privacy_walkthrough.core.content.records import (
    BROKEN_TEXT,
    KEY,
    SLUG_PATTERN,
    RecordError,
    parse,
    replace,
    rule,
    to_json,
)
from privacy_walkthrough.core.progress.models import StepStatus

Name = Annotated[str, StringConstraints(min_length=1, max_length=10)]


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: Name
    size: int = 1


class Box(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    label: Name
    parts: list[Part] = Field(default_factory=list)
    by_key: dict[Annotated[str, StringConstraints(pattern=SLUG_PATTERN)], int] = Field(default_factory=dict)
    made: dt.date | None = None
    status: Annotated[StepStatus, Field(strict=False)] = StepStatus.NOT_STARTED

    @model_validator(mode="after")
    def _few_parts(self) -> Self:
        if len(self.parts) > 2:
            raise rule("parts", "has more than two parts")
        return self


def problems(data: object) -> dict[str, str]:
    with pytest.raises(RecordError) as info:
        parse(data, Box)
    return {p.field: p.message for p in info.value.problems}


def test_a_good_record_parses() -> None:
    box = parse({"label": "A", "parts": [{"name": "x"}], "made": dt.date(2026, 11, 28)}, Box)
    assert box == Box(label="A", parts=[Part(name="x")], made=dt.date(2026, 11, 28))


def test_every_wrong_field_is_named_at_once_at_every_depth() -> None:
    found = problems(
        {"label": "", "parts": [{"name": "x", "size": "big", "colour": 2}], "colour": 1, "made": "soon"}
    )
    assert found == {
        "label": "must not be empty",
        "parts.0.size": "must be a whole number, not text",
        "parts.0.colour": "is not a known field (check its spelling)",
        "colour": "is not a known field (check its spelling)",
        "made": "is not a valid date (write it like 2026-11-28)",
    }


def test_a_missing_field_and_a_rule_across_fields_name_their_field() -> None:
    assert problems({}) == {"label": "is required but missing"}
    assert problems({"label": "A", "parts": [{"name": "x"}] * 3}) == {"parts": "has more than two parts"}


def test_an_enum_lists_its_values_in_plain_words() -> None:
    message = problems({"label": "A", "status": "finished"})["status"]
    assert message == (
        "is 'finished', but must be one of 'not-started', 'later', 'done', 'acknowledged', "
        "'skipped' or 'not-applicable'"
    )
    assert "enum" not in message


def test_strict_types_are_not_coerced() -> None:
    assert problems({"label": "A", "parts": [{"name": "x", "size": True}]}) == {
        "parts.0.size": "must be a whole number, not true or false"
    }


def test_a_bad_key_is_named() -> None:
    assert problems({"label": "A", "by_key": {"fine": 1, "Not OK": 2}}) == {
        "by_key.Not OK": "must be lower-case letters and digits, words joined by '-' (like icloud-backup)"
    }


def test_a_lone_surrogate_is_a_plain_problem_where_it_is() -> None:
    assert problems({"label": "A", "parts": [{"name": "\ud800"}]}) == {"parts.0.name": BROKEN_TEXT}
    assert problems({"label": "A", "by_key": {"\udc80": 1}}) == {f"by_key.{KEY}": BROKEN_TEXT}


def test_not_a_table_at_all() -> None:
    assert problems(["label"]) == {"": "must be a table, not a list"}


def test_a_record_made_in_code_is_checked_too() -> None:
    with pytest.raises(ValidationError, match="label"):
        Box(label="far too long a label")
    with pytest.raises(ValueError, match="label"):
        replace(Box(label="ok"), label="")
    assert replace(Box(label="ok"), label="fine") == Box(label="fine")


def test_json_is_indented_and_not_ascii_escaped() -> None:
    text = to_json(Box(label="Zoë")).decode("utf-8")
    assert text.startswith("{\n  ")
    assert '"label": "Zoë"' in text
