"""Commands for content writers: ``validate`` guide folders and export the ``schema``.

``validate`` prints one line per problem, ``FILE:LINE: error|warning: field 'x': message``,
then a summary; it never shows a traceback, whatever is wrong with the files.
``schema`` writes the JSON Schema that editors use to check step files as you type.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel

from privacy_walkthrough import resources
from privacy_walkthrough.cli_language import FILE, FOLDER
from privacy_walkthrough.cli_output import write_output
from privacy_walkthrough.core.content.checks import check_guide, check_layout
from privacy_walkthrough.core.content.findings import Finding, Severity, sort_findings
from privacy_walkthrough.core.content.guide import GuideInfo
from privacy_walkthrough.core.content.loader import (
    GUIDE_FILE,
    ContentError,
    ContentProblem,
    inspect_guide,
    load_guide,
)
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.translation import GuideTranslation, StepTranslation
from privacy_walkthrough.core.content.translation_checks import check_translation
from privacy_walkthrough.core.content.translation_loader import is_translation
from privacy_walkthrough.core.files import write_atomically
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.guides import GuideFolder, find_guides

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "step": (
        Step,
        "Privacy Walkthrough step file",
        "One recommendation of a guide: content/<guide-id>/<language>/steps/<id>.toml.",
    ),
    "guide": (
        GuideInfo,
        "Privacy Walkthrough guide.toml",
        "A guide's identity and its steps in order: content/<guide-id>/<language>/guide.toml.",
    ),
    "translated-step": (
        StepTranslation,
        "Privacy Walkthrough translated step",
        "One step's words in another language: content/<guide-id>/<language>/steps/<id>.toml.",
    ),
    "translated-guide": (
        GuideTranslation,
        "Privacy Walkthrough translation's guide.toml",
        "A translation's title, description and review state: content/<guide-id>/<language>/guide.toml.",
    ),
}
# Anything reading a file or folder can raise these; each becomes one plain error line.
_FILE_TROUBLE = (OSError, UnicodeError, ValueError, RecursionError)


def add_content_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = subparsers.add_parser(
        "validate", help=tr("check guide files for mistakes (for content writers)")
    )
    validate.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        metavar=tr(FOLDER),
        help=tr(
            "a guide folder (holding guide.toml) or a folder of guides laid out as "
            "<guide-id>/<language>/ (default: the guides shipped with the app)"
        ),
    )
    validate.add_argument(
        "--strict", action="store_true", help=tr("fail on warnings too, not only on errors")
    )
    validate.add_argument(
        "--today",
        type=_iso_date,
        default=None,
        # TRANSLATORS: the placeholder of a date typed as 2026-05-31 (year, month, day).
        metavar=tr("YYYY-MM-DD"),
        help=tr("the day to judge review dates against (default: today)"),
    )
    validate.set_defaults(command=run_validate)

    schema = subparsers.add_parser("schema", help=tr("write the JSON Schema of step files or guide.toml"))
    schema.add_argument(
        "--kind", choices=tuple(SCHEMA_KINDS), default="step", help=tr("which file (default: step)")
    )
    schema.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar=tr(FILE),
        help=tr("the file to write (default: print it)"),
    )
    schema.set_defaults(command=run_schema)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a date like 2026-11-28: {value}", value=value)) from None


# -- validate -------------------------------------------------------------------------------


@dataclass
class Tally:
    errors: int = 0
    warnings: int = 0
    guides: int = 0
    steps: int = 0


def _trouble(shown_as: str, exc: BaseException) -> Finding:
    """A file system or decoding error as a plain finding, never a traceback."""
    if isinstance(exc, OSError):
        where = str(exc.filename) if exc.filename else shown_as
        reason = exc.strerror or str(exc)
        return Finding(
            Severity.ERROR, ContentProblem(where, None, tr("cannot be read ({error})", error=reason))
        )
    reason = tr("a value is nested too deeply") if isinstance(exc, RecursionError) else str(exc)
    return Finding(
        Severity.ERROR, ContentProblem(shown_as, None, tr("cannot be read ({error})", error=reason))
    )


def _asset_exists(name: str) -> bool:
    try:
        return resources.asset(name).is_file()
    except _FILE_TROUBLE:
        return False


def _translation_findings(guide: GuideFolder, tally: Tally) -> list[Finding] | None:
    """The findings for a translation folder (None: ``guide`` is a whole guide, not a translation)."""
    info = guide.folder / GUIDE_FILE
    if not info.is_file() or not is_translation(info.read_text(encoding="utf-8")):
        return None
    english_folder = guide.english
    if english_folder is None or english_folder.name == guide.folder.name or not english_folder.is_dir():
        message = tr("a translation needs the English guide beside it, in ../en/")
        return [Finding(Severity.ERROR, ContentProblem(GUIDE_FILE, None, message))]
    try:
        english = load_guide(english_folder)
    except ContentError:
        message = tr("the English guide in ../en/ has errors; fix them first (they are listed there)")
        return [Finding(Severity.ERROR, ContentProblem(GUIDE_FILE, None, message))]
    findings, usable = check_translation(guide.folder, english, guide.language)
    tally.steps += usable
    return findings


def validate_guide(guide: GuideFolder, today: dt.date, tally: Tally) -> list[str]:
    """The output lines for one guide folder; counts what it found in ``tally``."""
    try:
        translation = _translation_findings(guide, tally)
        if translation is not None:
            tally.guides += 1
            tally.errors += sum(f.severity is Severity.ERROR for f in translation)
            tally.warnings += sum(f.severity is Severity.WARNING for f in translation)
            return [finding.render(guide.shown_as) for finding in translation]
        inspection = inspect_guide(guide.folder)
        findings = check_guide(inspection, today=today, asset_exists=_asset_exists)
        if inspection.info is not None and guide.language is not None:
            text = inspection.texts.get(GUIDE_FILE)
            findings = sort_findings(
                findings
                + check_layout(inspection.info, text, guide_id=guide.guide_id, language=guide.language)
            )
        tally.steps += len(inspection.steps)
        lines = [finding.render(guide.shown_as) for finding in findings]
    except _FILE_TROUBLE as exc:
        findings = [_trouble(guide.shown_as, exc)]
        lines = [findings[0].render("")]
    tally.guides += 1
    tally.errors += sum(f.severity is Severity.ERROR for f in findings)
    tally.warnings += sum(f.severity is Severity.WARNING for f in findings)
    return lines


def summary(tally: Tally) -> str:
    guides = ntr("{n} guide", "{n} guides", tally.guides)
    if not tally.errors and not tally.warnings:
        steps = ntr("{n} step", "{n} steps", tally.steps)
        return tr("OK: {guides}, {steps}, no problems", guides=guides, steps=steps)
    return tr(
        "{errors}, {warnings} in {guides}",
        errors=ntr("{n} error", "{n} errors", tally.errors),
        warnings=ntr("{n} warning", "{n} warnings", tally.warnings),
        guides=guides,
    )


def _root_problem(root: Traversable, shown_as: str) -> Finding | None:
    if root.is_dir():
        return None
    if root.is_file():
        message = tr("is a file; give the guide's folder (the one holding guide.toml) or a folder of guides")
    else:
        message = tr("no such folder")
    return Finding(Severity.ERROR, ContentProblem(shown_as, None, message))


def run_validate(args: argparse.Namespace, out: TextIO) -> int:
    root: Traversable = resources.content_root() if args.folder is None else args.folder.resolve()
    shown_as = str(root if args.folder is None else args.folder)
    today: dt.date = args.today or dt.date.today()
    tally = Tally()
    try:
        problem = _root_problem(root, shown_as)
        guides = [] if problem else find_guides(root, shown_as)
        if not problem and not guides:
            message = tr("no guide here: expected guide.toml, or folders <guide-id>/<language>/guide.toml")
            problem = Finding(Severity.ERROR, ContentProblem(shown_as, None, message))
    except _FILE_TROUBLE as exc:
        problem, guides = _trouble(shown_as, exc), []
    if problem is not None:
        print(problem.render(""), file=out)
        tally.errors += 1
    for guide in guides:
        for line in validate_guide(guide, today, tally):
            print(line, file=out)
    print(summary(tally), file=out)
    if tally.errors or (args.strict and tally.warnings):
        return 1
    return 0


# -- schema ---------------------------------------------------------------------------------


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a step file (``step``) or of guide.toml (``guide``).

    pydantic writes it from the models (``model_json_schema``): each field's description is
    the hint an editor shows beside it, and the rules across fields come with the models.
    """
    model, title, description = SCHEMA_KINDS[kind]
    schema = model.model_json_schema()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for field in definition.get("properties", {}).values():
            field.pop("title", None)  # "Min Version": the field's name again, in other words
    schema.pop("title", None)
    schema.pop("description", None)
    return {"$schema": JSON_SCHEMA_DIALECT, "title": title, "description": description, **schema}


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    text = json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False) + "\n"
    target: Path | None = args.output
    if target is None:
        out.write(text)
        return 0
    write_output(target, lambda path: write_atomically(path, text.encode("utf-8")), out)
    return 0
