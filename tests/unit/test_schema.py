"""`schema`: the exported JSON Schema accepts every shipped file and refuses what the models refuse."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import tomllib
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from privacy_walkthrough import resources
from privacy_walkthrough.cli_output import CommandError
from privacy_walkthrough.content_cli import JSON_SCHEMA_DIALECT, add_content_commands, json_schema
from privacy_walkthrough.core.content.guide import GuideInfo
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.records import RecordError
from tests.helpers import STEP_TEMPLATE, parse_as, write_guide


def run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="privacy-walkthrough")
    add_content_commands(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    status = args.command(args, out)
    return status, out.getvalue()


def as_json(value: Any) -> Any:
    """TOML data as a JSON document holds it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def toml_file(file: Traversable) -> Any:
    return as_json(tomllib.loads(file.read_text(encoding="utf-8")))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(json_schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER)


def shipped_guides() -> list[Traversable]:
    root = resources.content_root()
    return [lang for guide in root.iterdir() if guide.is_dir() for lang in guide.iterdir() if lang.is_dir()]


def shipped_step_files() -> list[Traversable]:
    return [f for g in shipped_guides() for f in (g / "steps").iterdir() if f.name.endswith(".toml")]


# -- the document ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["step", "guide"])
def test_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = json_schema(kind)
    assert next(iter(schema)) == "$schema"
    assert schema["$schema"] == JSON_SCHEMA_DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert "Privacy Walkthrough" in schema["title"]
    assert schema["description"]
    Draft202012Validator.check_schema(schema)


def properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = list(schema.get("properties", {}).items())
    for name, definition in schema.get("$defs", {}).items():
        found += [(f"{name}.{key}", value) for key, value in definition.get("properties", {}).items()]
    return found


@pytest.mark.parametrize("kind", ["step", "guide"])
def test_every_field_is_described(kind: str) -> None:
    missing = [
        name for name, definition in properties(json_schema(kind)) if not definition.get("description")
    ]
    assert not missing


def test_step_schema_covers_the_model() -> None:
    schema = json_schema("step")
    assert set(schema["properties"]) == set(Step.model_fields)
    assert schema["additionalProperties"] is False
    assert set(schema["$defs"]["Source"]["properties"]) == {"title", "url", "publisher", "confidence"}


# -- it accepts the shipped content ---------------------------------------------------------


def test_there_are_shipped_files_to_check() -> None:
    assert len(shipped_step_files()) >= 13


@pytest.mark.parametrize("file", shipped_step_files(), ids=lambda f: f.name)
def test_every_shipped_step_file_matches_the_schema(file: Traversable) -> None:
    errors = [e.message for e in validator("step").iter_errors(toml_file(file))]
    assert not errors


@pytest.mark.parametrize("folder", shipped_guides(), ids=lambda f: f.name)
def test_every_shipped_guide_toml_matches_the_schema(folder: Traversable) -> None:
    errors = [e.message for e in validator("guide").iter_errors(toml_file(folder / "guide.toml"))]
    assert not errors


def test_a_test_guide_matches_the_schema(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "g", ["alpha"], kinds={"alpha": "advice"})
    assert validator("guide").is_valid(toml_file(folder / "guide.toml"))
    assert validator("step").is_valid(toml_file(folder / "steps" / "alpha.toml"))


# -- it refuses what the models refuse ------------------------------------------------------


def a_step(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(
        STEP_TEMPLATE.format(id="alpha", title="Alpha", kind="setting", completable="true")
    )
    data.update(changes)
    return data


def refused_by_both(model: type[BaseModel], kind: str, data: dict[str, Any]) -> bool:
    with pytest.raises(RecordError):
        parse_as(model, data)
    return not validator(kind).is_valid(as_json(data))


def test_the_sample_step_is_accepted_by_both() -> None:
    parse_as(Step, a_step())
    assert validator("step").is_valid(as_json(a_step()))


@pytest.mark.parametrize(
    "changes",
    [
        {"colour": "red"},
        {"kind": "switch"},
        {"id": "Not A Slug"},
        {"schema_version": 2},
        {"summary": "x" * 201},
        {"instructions": []},  # a setting step needs instructions
        {"sources": []},
        {"reviewed": "last week"},
        {"completable": "yes"},
    ],
    ids=lambda c: next(iter(c)),
)
def test_step_mistakes_are_refused_by_both(changes: dict[str, Any]) -> None:
    assert refused_by_both(Step, "step", a_step(**changes))


@pytest.mark.parametrize(
    ("part", "changes"),
    [
        ("sources", {"url": "http://example.org"}),
        ("sources", {"url": "https://example"}),
        ("sources", {"confidence": "certain"}),
        ("sources", {"extra": 1}),
        ("instructions", {"platform": "web"}),  # web instructions with OS versions
        ("instructions", {"steps": []}),
    ],
)
def test_nested_mistakes_are_refused_by_both(part: str, changes: dict[str, Any]) -> None:
    data = a_step()
    if part == "instructions":
        data["instructions"][0].update({"min_version": "17"})
    data[part][0].update(changes)
    assert refused_by_both(Step, "step", data)


def test_an_advice_step_needs_no_instructions() -> None:
    data = a_step(kind="advice")
    del data["instructions"]
    parse_as(Step, data)
    assert validator("step").is_valid(as_json(data))


def a_guide(tmp_path: Path) -> dict[str, Any]:
    folder = write_guide(tmp_path / "g", ["alpha", "bravo"])
    data: dict[str, Any] = tomllib.loads((folder / "guide.toml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "changes",
    [{"steps": ["alpha", "alpha"]}, {"steps": []}, {"language": "english"}, {"minutes": 0}, {"author": "me"}],
    ids=lambda c: next(iter(c)),
)
def test_guide_mistakes_are_refused_by_both(tmp_path: Path, changes: dict[str, Any]) -> None:
    data = a_guide(tmp_path)
    data.update(changes)
    assert refused_by_both(GuideInfo, "guide", data)


# -- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["step", "guide"])
def test_schema_prints_json(kind: str) -> None:
    status, output = run("schema", "--kind", kind)
    assert status == 0
    assert json.loads(output) == json_schema(kind)


def test_default_kind_is_step() -> None:
    assert json.loads(run("schema")[1]) == json_schema("step")


def test_schema_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "step.schema.json"
    status, output = run("schema", "--output", str(target))
    assert status == 0
    assert str(target) in output
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema("step")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "step.schema.json"]  # no temp file left


def test_schema_replaces_an_old_file(tmp_path: Path) -> None:
    target = tmp_path / "guide.schema.json"
    target.write_text("old", encoding="utf-8")
    run("schema", "--kind", "guide", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Privacy Walkthrough guide.toml"


def test_schema_into_a_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        run("schema", "--output", str(tmp_path / "nowhere" / "step.schema.json"))


def test_unknown_kind_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        run("schema", "--kind", "progress")
    assert info.value.code == 2
