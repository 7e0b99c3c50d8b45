"""Thousands of damaged progress files: reading one never crashes and never loses it.

Mutations start from the frozen files in ``tests/data``: byte-level (flip, truncate, insert,
delete) and JSON-level (wrong types, deep nesting, huge numbers, NaN, unknown or missing
keys).  ``parse_progress`` may only return a Progress or raise ProgressError (or its
subclass NewerProgressError); ``ProgressStore.load`` returns the progress and leaves the
file alone, sets the file aside byte for byte, or leaves a newer file exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.progress.models import PROGRESS_SCHEMA_VERSION, Progress
from privacy_walkthrough.core.progress.store import (
    NewerProgressError,
    ProgressError,
    ProgressStore,
    parse_progress,
)

DATA = Path(__file__).resolve().parents[1] / "data"
FROZEN = tuple((DATA / f"progress-v{v}.json").read_bytes() for v in range(1, PROGRESS_SCHEMA_VERSION + 1))

FUZZ = settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Raw JSON text that json.dumps cannot produce, put in through placeholder strings.
RAW = {
    "@@huge-int@@": b"9" * 5000,  # past Python's int-to-str limit: json.loads raises ValueError
    "@@long-int@@": b"-" + b"7" * 4000,
    "@@inf@@": b"1e999",
    "@@tiny@@": b"-1e-999",
    "@@deep-list@@": b"[" * 50_000 + b"]" * 50_000,
    "@@deep-object@@": b'{"a":' * 3000 + b"1" + b"}" * 3000,
    "@@lone-surrogate@@": b'"\\ud800"',
    "@@long-string@@": b'"' + b"x" * 30_000 + b'"',
}
TOKENS = [
    *RAW.values(),
    *(t.encode() for t in ('"', "{", "}", "[", "]", ",", ":", "null", "NaN", "-Infinity", "\\u", "\xff")),
    b"\xff\xfe",
    b"\xc3",
    b'"schema_version": 99,',
    b'"schema_version": 1,',
]
ODD_VALUES: list[object] = [
    *RAW,
    None,
    True,
    0,
    -1,
    1,
    2,
    3,
    2.0,
    1e308,
    float("nan"),
    float("inf"),
    "",
    "done",
    "acknowledged",
    "@summary",
    "a" * 16,
    "8092af1aa1a1c1f8",
    "privacy-walkthrough-progress",
    "2026-05-02T18:33:08Z",
    "2026-05-02T18:33:08",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    1_700_000_000,
    [],
    {},
]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
odd_values = st.one_of(
    st.sampled_from(ODD_VALUES),
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=10), scalars, max_size=3),
)


@st.composite
def byte_mutants(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(FROZEN)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


def containers(node: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) pair in a decoded JSON document."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found.append((node, key))
        containers(value, found)
    return found


@st.composite
def json_mutants(draw: st.DrawFn) -> bytes:
    doc = json.loads(draw(st.sampled_from(FROZEN)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["replace", "replace", "version", "delete", "add", "rename"]))
        if op == "version":
            doc["schema_version"] = draw(odd_values)
            continue
        spots = containers(doc, [])
        if not spots:
            break
        parent, key = draw(st.sampled_from(spots))
        if op == "replace":
            parent[key] = draw(odd_values)
        elif op == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            new_key = draw(st.text(max_size=12) | st.sampled_from(["content_hash", "status", "@@x@@"]))
            parent[new_key] = parent.pop(key) if op == "rename" else draw(odd_values)
    text = json.dumps(doc, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8
    for placeholder, replacement in RAW.items():
        raw = raw.replace(json.dumps(placeholder).encode(), replacement)
    return raw


edgy_text = st.text(st.characters(categories=["Cs", "Cc", "Zs", "Lu", "So", "Mn"]), max_size=30)
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
some_times = st.one_of(
    st.datetimes(timezones=offsets).map(dt.datetime.isoformat),
    st.datetimes().map(dt.datetime.isoformat),  # no time zone
)
edgy_times = st.none() | some_times
STEP_FIELDS = {
    "status": st.sampled_from(["not-started", "later", "done", "acknowledged", "skipped", "not-applicable"]),
    "note": edgy_text,
    "skip_reason": edgy_text,
    "changed_at": edgy_times,
    "done_at": edgy_times,
    "content_hash": st.sampled_from(["", "0123456789abcdef", "8092af1aa1a1c1f8"]),
}


@st.composite
def plausible_mutants(draw: st.DrawFn) -> bytes:
    """Values of the right type, at their edges: more of these are accepted and then saved."""
    doc = json.loads(draw(st.sampled_from(FROZEN)))
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["step", "new-step", "top"]))
        if op == "top":
            key = draw(
                st.sampled_from(["person_name", "current_page", "guide_id", "created_at", "updated_at"])
            )
            doc[key] = draw(some_times if key.endswith("_at") else edgy_text)
            continue
        step_id = draw(st.sampled_from(sorted(doc["steps"]))) if op == "step" else draw(edgy_text)
        entry = doc["steps"].setdefault(step_id, {})
        field = draw(st.sampled_from(sorted(STEP_FIELDS)))
        entry[field] = draw(STEP_FIELDS[field])
    return json.dumps(doc).encode()


def check_parse(raw: bytes) -> None:
    """Only ProgressError may escape; what is accepted must save and reload unchanged."""
    try:
        progress = parse_progress(raw, "the progress file")
    except ProgressError as exc:
        message = str(exc)
        event(f"refused: {type(exc).__name__}")
        assert message.strip() and len(message) < 1000, message[:2000]
        return
    event("accepted")
    assert progress.schema_version == PROGRESS_SCHEMA_VERSION
    assert parse_progress(to_json(progress), "again") == progress
    for moment in (progress.created_at, progress.updated_at):  # safe to show in any time zone
        for hours in (-23, 23):
            moment.astimezone(dt.timezone(dt.timedelta(hours=hours, minutes=59 if hours > 0 else -59)))


def check_load(raw: bytes) -> None:
    """load() returns the progress, or sets the file aside unchanged, or leaves a newer file be."""
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder) / "progress.json")
        store.path.write_bytes(raw)
        try:
            result = store.load()
        except NewerProgressError:
            assert store.path.read_bytes() == raw
            assert [p.name for p in Path(folder).iterdir()] == ["progress.json"]
            return
        if result.progress is not None:
            assert isinstance(result.progress, Progress)
            assert result.set_aside is None and result.problem is None
            assert store.path.read_bytes() == raw
            return
        assert result.set_aside is not None and result.problem
        assert not store.path.exists()
        assert [p.name for p in Path(folder).iterdir()] == [result.set_aside.name]
        assert result.set_aside.read_bytes() == raw


@FUZZ
@given(byte_mutants())
@example(FROZEN[0].replace(b'"schema_version": 1', b'"schema_version": ' + RAW["@@huge-int@@"]))
@example(FROZEN[0].replace(b'"person_name": "Sam"', b'"person_name": ' + RAW["@@huge-int@@"]))
def test_parse_survives_damaged_bytes(raw: bytes) -> None:
    check_parse(raw)


@FUZZ
@given(json_mutants())
@example(FROZEN[0].replace(b'"schema_version": 1', b'"schema_version": 1e999'))
@example(FROZEN[0].replace(b'"2026-05-02T18:30:47Z"', b'"0001-01-01T00:00:00+05:00"'))
@example(FROZEN[0].replace(b'"2026-05-02T18:48:48Z"', b'"9999-12-31T23:59:59Z"'))
def test_parse_survives_damaged_json(raw: bytes) -> None:
    check_parse(raw)


@settings(FUZZ, max_examples=1000)
@given(plausible_mutants())
def test_parse_survives_plausible_edits(raw: bytes) -> None:
    check_parse(raw)


@settings(FUZZ, max_examples=600)
@given(byte_mutants() | json_mutants() | plausible_mutants())
def test_load_keeps_every_damaged_file(raw: bytes) -> None:
    check_load(raw)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (b'"schema_version": 1', b'"schema_version": ' + b"9" * 5000, "not valid JSON"),
        (b'"person_name": "Sam"', b'"person_name": ' + b"9" * 5000, "not valid JSON"),
        (b'"schema_version": 1', b'"schema_version": NaN', "not valid JSON"),
        (b'"schema_version": 1', b'"schema_version": 1e999', "schema_version"),
        (b'"schema_version": 1', b'"schema_version": ' + b"9" * 4000, "schema_version"),
        (b'"2026-05-02T18:30:47Z"', b'"0001-01-01T00:00:00+05:00"', "created_at"),
        (b'"2026-05-02T18:48:48Z"', b'"9999-12-31T23:59:59Z"', "updated_at"),
        (b'"current_page": "shared-with-you"', b'"current_page": "\\ud800"', "current_page"),
        (b'"sms-and-rcs": {', b'"\\udc80": {', "steps"),
        (b'"sms-and-rcs": {', b'"' + b"x" * 5000 + b'\\n": {', "steps.xxxx"),
    ],
)
def test_regressions_are_set_aside_with_a_reason(
    old: bytes, new: bytes, problem: str, data_dir: Path
) -> None:
    """Files that crashed the app (on load, on save, or when shown), or were taken for a newer
    app's, are set aside instead, with a short reason."""
    raw = FROZEN[0].replace(old, new)
    assert raw != FROZEN[0]
    data_dir.mkdir()
    store = ProgressStore(data_dir / "progress.json")
    store.path.write_bytes(raw)
    result = store.load()
    assert result.set_aside is not None and result.set_aside.read_bytes() == raw
    assert result.problem is not None and problem in result.problem
    assert len(result.problem) < 300 and "\n" not in result.problem
