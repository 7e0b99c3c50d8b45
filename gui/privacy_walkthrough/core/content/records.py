"""Typed records read from untrusted data: pydantic models, and every problem in plain words.

The guide's content, the saved progress and the list of profiles are pydantic models that
refuse unknown fields and check types strictly.  pydantic reports every wrong field of a
file at once, at any depth (``ValidationError.errors()``); :func:`problems_of` turns each
error into a :class:`Problem`: a path a person can follow (``sources.0.url``) and plain
words (allowed values listed, no "enum" or "regex").

The models are declared with ``defer_build``: a model's validator is built the first time
it is used, so importing the models costs little and a start builds only what it reads
(see ``bench/README.md``).  Rules across fields raise :func:`rule` from a model validator,
naming the field they are about.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar


def _no_pydantic_plugins() -> None:
    """Keep pydantic from loading "plugins": code named by any installed package's entry points.

    pydantic hands a plugin every record it validates (here: the person's notes, answers and
    devices), which this app never wants; finding plugins also imports ``importlib.metadata``
    (with ``email``, ``socket``, ``csv``…) when the first validator is built: 15 ms of the
    resumed step and 1.5 MB (``bench/README.md``).  ``PYDANTIC_DISABLE_PLUGINS`` skips the
    search but not that import, so pydantic's plugin loader is replaced by one that finds
    none.  pydantic imports the loader only when it builds a validator, after this has run.
    """

    def get_plugins() -> Iterable[Any]:
        return ()

    loader = types.ModuleType("pydantic.plugin._loader", "No pydantic plugins (privacy_walkthrough).")
    loader.get_plugins = get_plugins  # type: ignore[attr-defined]
    sys.modules.setdefault("pydantic.plugin._loader", loader)


_no_pydantic_plugins()

from pydantic import BaseModel, ValidationError  # noqa: E402
from pydantic_core import ErrorDetails, PydanticCustomError  # noqa: E402

R = TypeVar("R", bound=BaseModel)
Loc = tuple[str | int, ...]

BROKEN_TEXT = "holds a broken character (text that cannot be saved)"
KEY = "(key)"  # in a path: a mapping's key that could not be shown
RULE = "rule"  # the error type of a rule across fields


def rule(field: str | None, message: str) -> PydanticCustomError:
    """The error a model validator raises: ``field`` (None: the whole record) breaks a rule."""
    return PydanticCustomError(RULE, message, {"field": field} if field else None)


@dataclass(frozen=True)
class Problem:
    """One mistake: where (``("sources", 0, "url")``; empty for the whole record) and what."""

    loc: Loc
    message: str

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.loc)


class RecordError(ValueError):
    """Data that does not make a valid record; ``problems`` lists everything that was found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" if p.loc else p.message for p in problems))


def problems_of(error: ValidationError) -> list[Problem]:
    """Every error pydantic found, each with its path and in plain words."""
    return [_problem(detail) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails) -> Problem:
    loc: Loc = tuple(detail["loc"])
    if loc[-1:] == ("[key]",):  # a bad key of a mapping: pydantic names it, then "[key]"
        loc = loc[:-1]
        if detail["type"] == "string_unicode":
            loc = (*loc[:-1], KEY)
    ctx = detail.get("ctx") or {}
    if detail["type"] == RULE and ctx.get("field"):
        loc = (*loc, str(ctx["field"]))
    return Problem(loc, plain(detail))


# What a value is, in the words of a person editing a file by hand.
_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "true or false"),
    (int, "a whole number"),
    (float, "a number"),
    (str, "text"),
    (list, "a list"),
    (Mapping, "a table"),
    (dt.datetime, "a date and time"),
    (dt.date, "a date"),
    (dt.time, "a time"),
    (type(None), "nothing"),
)
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}


def kind_of(value: object) -> str:
    """``5`` -> "a whole number": what a value is, in plain words."""
    return next((words for kind, words in _KINDS if isinstance(value, kind)), "something else")


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def plain(detail: ErrorDetails) -> str:
    """One pydantic error as a person editing the file reads it, said of the field ("must be text")."""
    kind, ctx, value = detail["type"], detail.get("ctx") or {}, detail.get("input")
    if kind in _EXPECTED:
        return f"must be {_EXPECTED[kind]}, not {kind_of(value)}"
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check its spelling)"
    if kind == "string_unicode":
        return BROKEN_TEXT
    if kind in ("enum", "literal_error"):
        return f"is {_shown(value)}, but must be one of {ctx['expected']}"
    if kind == "string_too_short":
        return (
            "must not be empty"
            if ctx["min_length"] == 1
            else f"needs at least {ctx['min_length']} characters"
        )
    if kind == "string_too_long":
        return f"is too long: at most {ctx['max_length']} characters"
    if kind == "string_pattern_mismatch":
        return PATTERN_WORDS.get(str(ctx["pattern"]), f"is {_shown(value)}, which is not written as expected")
    if kind == "too_short":
        return (
            "must not be empty" if ctx["min_length"] == 1 else f"needs at least {ctx['min_length']} entries"
        )
    if kind == "too_long":
        return f"has too many entries: at most {ctx['max_length']}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"is {_shown(value)}, but must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"is {_shown(value)}, but must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind.startswith("date_") and not kind.startswith("datetime"):
        return "is not a valid date (write it like 2026-11-28)"
    if kind.startswith("datetime"):
        return "is not a valid date and time (write it like 2026-11-28T09:30:00Z)"
    if kind == "int_parsing_size":
        return "is far too large a number"
    return str(detail["msg"]).removeprefix("Value error, ")


# The patterns of the records' text fields, and what each asks for in words.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
VERSION_PATTERN = r"^\d+(?:\.\d+){0,2}$"
URL_PATTERN = r"^https://[^\s/]+\.[^\s/]+(/\S*)?$"
LANGUAGE_PATTERN = r"^[a-z]{2}(?:-[A-Z]{2})?$"
HASH_PATTERN = r"^(?:[0-9a-f]{16})?$"
PATTERN_WORDS = {
    SLUG_PATTERN: "must be lower-case letters and digits, words joined by '-' (like icloud-backup)",
    VERSION_PATTERN: 'must be a version number like "17", "17.2" or "17.2.1"',
    URL_PATTERN: "must be a full https:// address without spaces",
    LANGUAGE_PATTERN: 'must be a language code like "en", "de" or "pt-BR"',
    HASH_PATTERN: "must be 16 digits and letters a–f, or empty",
}


def parse(data: object, kind: type[R]) -> R:
    """``data`` (from TOML or JSON) as a ``kind``; raise :class:`RecordError` naming every problem."""
    try:
        return kind.model_validate(data)
    except ValidationError as error:
        raise RecordError(problems_of(error)) from None


def to_json(record: BaseModel) -> bytes:
    """The record as indented, readable JSON (UTF-8, not ASCII-escaped)."""
    return record.model_dump_json(indent=2).encode("utf-8")


def to_data(record: BaseModel) -> dict[str, Any]:
    """The record as JSON-ready builtins without the fields left at their default."""
    return record.model_dump(mode="json", exclude_defaults=True)


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed, checked as a new record (ValidationError)."""
    values = {name: getattr(record, name) for name in type(record).model_fields}
    return type(record)(**{**values, **changes})
