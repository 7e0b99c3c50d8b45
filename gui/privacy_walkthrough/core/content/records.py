"""Typed records read from untrusted data: parsing with every problem found, and JSON.

The guide's content and the saved progress are :class:`msgspec.Struct` types.  msgspec
checks types and constraints in C while it builds the objects, imports in a few
milliseconds and keeps no per-model validator in memory, which matters because the app
parses both files before its window can show anything (see ``bench/README.md``).

msgspec stops at the first mistake.  :func:`parse` goes on where a person editing a file
by hand needs it to: it checks each top-level field on its own, so one run names every
wrong field.  Checks that span several fields live in ``__post_init__`` and raise
:class:`FieldRuleError`, which says which field they are about.

Building a record in code (``Step(...)``) checks nothing; :func:`validated` checks a record
made from the person's input before it is kept or saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import msgspec

R = TypeVar("R", bound=msgspec.Struct)
Loc = tuple[str | int, ...]

_AT = re.compile(r"^(?P<message>.*?)(?: - at (?P<key>`key` in )?`\$(?P<path>[^`]*)`)?$", re.DOTALL)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[\.\.\.\]")
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`$")
BROKEN_TEXT = "the text holds a broken character"
KEY = "(key)"  # in a path: a mapping's key, when which key is not known
_MISSING = re.compile(r"^Object missing required field `(?P<name>[^`]*)`$")


class FieldRuleError(ValueError):
    """Raised by a record's ``__post_init__``: ``field`` (None: the record) breaks a rule."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Problem:
    """One mistake: where (``("sources", 0, "url")``; empty for the whole record) and what."""

    loc: Loc
    message: str

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.loc)


class RecordError(ValueError):
    """Data that does not make a valid record; ``problems`` lists what was found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" if p.loc else p.message for p in problems))


def problem_of(error: msgspec.ValidationError, prefix: Loc = ()) -> Problem:
    """msgspec's one-line message as a :class:`Problem` with a path and plain words.

    For a bad key of a mapping msgspec names only the mapping: the path ends in :data:`KEY`.
    """
    match = _AT.match(str(error))
    assert match is not None  # the pattern matches any text
    message, path = match["message"], match["path"] or ""
    loc: Loc = prefix + tuple(name or int(index) for name, index in _PATH_PART.findall(path) if name or index)
    if match["key"]:
        loc = (*loc, KEY)
    cause = error.__cause__
    if isinstance(cause, FieldRuleError):
        return Problem(loc if cause.field is None else (*loc, cause.field), str(cause))
    if unknown := _UNKNOWN.match(message):
        return Problem((*loc, unknown["name"]), "is not a known field (check its spelling)")
    if missing := _MISSING.match(message):
        return Problem((*loc, missing["name"]), "is required but missing")
    return Problem(loc, _plain(message))


# msgspec names types as Python does; a person editing a file by hand reads these instead.
_TYPE_WORDS = {
    "`str`": "text",
    "`int`": "a whole number",
    "`float`": "a number",
    "`bool`": "true or false",
    "`array`": "a list",
    "`object`": "a table",
    "`null`": "nothing",
    "`date`": "a date",
    "`datetime`": "a date and time",
}
_INVALID_TIME = re.compile(r"^Invalid RFC3339 encoded (date|datetime)$")


def _plain(message: str) -> str:
    """msgspec's wording in plain words: ``Expected `str`, got `int``` -> "Expected text, got …"."""
    if invalid := _INVALID_TIME.match(message):
        example = "2026-11-28" if invalid[1] == "date" else "2026-11-28T09:30:00Z"
        return f"is not a valid {invalid[1].replace('datetime', 'date and time')} (write it like {example})"
    for name, words in _TYPE_WORDS.items():
        message = message.replace(name, words)
    return message.replace("`", "")


def parse(data: object, kind: type[R]) -> R:
    """``data`` (from TOML or JSON) as a ``kind``; raise :class:`RecordError` naming every wrong field."""
    try:
        return msgspec.convert(data, kind, strict=True)
    except msgspec.ValidationError as error:
        first = _with_key(problem_of(error), data, kind)
    except UnicodeEncodeError:  # a lone surrogate ("\\ud800" in JSON) where msgspec wanted no text
        raise RecordError([Problem(_broken_text(data), BROKEN_TEXT)]) from None
    problems = _field_problems(data, kind) if isinstance(data, Mapping) else []
    raise RecordError(problems or [first])


def _field_problems(data: Mapping[Any, Any], kind: type[msgspec.Struct]) -> list[Problem]:
    """Each top-level field checked on its own (checks across fields are left out)."""
    fields = {f.encode_name: f for f in msgspec.structs.fields(kind)}
    problems = [
        Problem((str(key),), "is not a known field (check its spelling)") for key in data if key not in fields
    ]
    for name, info in fields.items():
        if name not in data:
            if info.required:
                problems.append(Problem((name,), "is required but missing"))
            continue
        try:
            msgspec.convert(data[name], info.type, strict=True)
        except msgspec.ValidationError as error:
            problems.append(_with_key(problem_of(error, (name,)), data, kind))
    return problems


def _with_key(problem: Problem, data: object, kind: Any) -> Problem:
    """The problem with the bad key named in its path, where msgspec gave only the mapping."""
    if problem.loc[-1:] != (KEY,):
        return problem
    key = _bad_key(data, kind, problem.loc[:-1])
    return problem if key is None else Problem((*problem.loc[:-1], key), problem.message)


def _bad_key(data: object, kind: Any, loc: Loc) -> str | None:
    """The first key of the mapping at ``loc`` in ``data`` that its type refuses."""
    for part in loc:
        kind = _inner(kind)
        if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
            fields = {f.encode_name: f.type for f in msgspec.structs.fields(kind)}
            kind = fields.get(str(part))
        else:
            args = get_args(kind)
            kind = args[-1] if args else None  # list[X] -> X, dict[K, V] -> V
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    args = get_args(_inner(kind))
    if not isinstance(data, Mapping) or len(args) != 2:
        return None
    for key in data:
        try:
            msgspec.convert(key, args[0], strict=True)
        except (msgspec.ValidationError, UnicodeEncodeError):
            return str(key)
    return None


def _inner(kind: Any) -> Any:
    """``Annotated[X, ...]`` and ``X | None`` as ``X``."""
    while get_origin(kind) is Annotated or (
        get_origin(kind) in (Union, UnionType) and type(None) in get_args(kind)
    ):
        args = [a for a in get_args(kind) if a is not type(None)]
        kind = args[0]
    return kind


def _broken_text(value: object, loc: Loc = ()) -> Loc:
    """Where the first text that cannot be encoded is (a broken key: the mapping's path + KEY)."""
    items: list[tuple[object, Loc]] = []
    if isinstance(value, str):
        return loc if not value.isascii() and not encodes(value) else ()
    if isinstance(value, Mapping):
        items = [(key, (*loc, KEY)) for key in value] + [(v, (*loc, str(k))) for k, v in value.items()]
    elif isinstance(value, list):
        items = [(item, (*loc, index)) for index, item in enumerate(value)]
    for item, where in items:
        found = _broken_text(item, where)
        if found:
            return found
    return ()


def encodes(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (a lone surrogate, "\\ud800", cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decode_json(data: bytes, kind: type[R]) -> R:
    """A JSON document as a ``kind``: raises msgspec.DecodeError (a ValueError) when it is not one."""
    return msgspec.json.decode(data, type=kind)


def to_json(record: msgspec.Struct) -> bytes:
    """The record as indented, readable JSON (UTF-8, not ASCII-escaped)."""
    return msgspec.json.format(msgspec.json.encode(record), indent=2)


def to_data(record: msgspec.Struct) -> dict[str, Any]:
    """The record as JSON-ready builtins: enums as values, dates and times as ISO text."""
    data = msgspec.to_builtins(record)
    assert isinstance(data, dict)
    return data


def validated(record: R) -> R:
    """``record`` checked as if it had been read from a file; raise :class:`RecordError` if not valid."""
    return parse(msgspec.to_builtins(record), type(record))


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed (not checked: see :func:`validated`)."""
    return msgspec.structs.replace(record, **changes)
