"""records.parse: every wrong field named, in plain words, with a path a person can follow."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
import pytest

from privacy_walkthrough.core.content.records import (
    BROKEN_TEXT,
    FieldRuleError,
    RecordError,
    parse,
    to_json,
    validated,
)

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=10)]


class Part(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: Name
    size: int = 1


class Box(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    label: Name
    parts: list[Part] = msgspec.field(default_factory=list)
    by_key: dict[Annotated[str, msgspec.Meta(pattern="^[a-z]+$")], int] = msgspec.field(default_factory=dict)
    made: dt.date | None = None

    def __post_init__(self) -> None:
        if len(self.parts) > 2:
            raise FieldRuleError("parts", "at most two parts")


def problems(data: object) -> dict[str, str]:
    with pytest.raises(RecordError) as info:
        parse(data, Box)
    return {p.field: p.message for p in info.value.problems}


def test_a_good_record_parses() -> None:
    box = parse({"label": "A", "parts": [{"name": "x"}], "made": "2026-11-28"}, Box)
    assert box == Box(label="A", parts=[Part(name="x")], made=dt.date(2026, 11, 28))


def test_every_wrong_top_level_field_is_named_at_once() -> None:
    found = problems({"label": "", "parts": [{"name": "x", "size": "big"}], "colour": 1, "made": "soon"})
    assert found == {
        "label": "Expected text of length >= 1",
        "parts.0.size": "Expected a whole number, got text",
        "colour": "is not a known field (check its spelling)",
        "made": "is not a valid date (write it like 2026-11-28)",
    }


def test_a_missing_field_and_a_rule_across_fields_name_their_field() -> None:
    assert problems({}) == {"label": "is required but missing"}
    assert problems({"label": "A", "parts": [{"name": "x"}] * 3}) == {"parts": "at most two parts"}


def test_a_bad_key_is_named() -> None:
    assert problems({"label": "A", "by_key": {"fine": 1, "Not OK": 2}}) == {
        "by_key.Not OK": "Expected text matching regex '^[a-z]+$'"
    }


def test_a_lone_surrogate_is_a_plain_problem_where_it_is() -> None:
    broken = {"label": "A", "parts": [{"name": "x", "size": "\ud800"}]}
    assert problems(broken) == {"parts.0.size": BROKEN_TEXT}


def test_not_a_table_at_all() -> None:
    assert problems(["label"]) == {"": "Expected a table, got a list"}


def test_validated_checks_a_record_made_in_code() -> None:
    box = Box(label="far too long a label")  # building it checks nothing
    with pytest.raises(RecordError, match="label"):
        validated(box)
    assert validated(Box(label="ok")) == Box(label="ok")


def test_json_is_indented_and_not_ascii_escaped() -> None:
    text = to_json(Box(label="Zoë")).decode("utf-8")
    assert text.startswith("{\n  ")
    assert '"label": "Zoë"' in text
