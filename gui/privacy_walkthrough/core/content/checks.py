"""Checks for content writers, on top of what the loader already refuses.

The loader (:func:`~privacy_walkthrough.core.content.loader.inspect_guide`) reports what
makes a guide unusable. These checks add what a reviewer would catch: addresses that look
wrong, the same source twice, pictures that do not exist, and, as warnings, review dates
that have gone stale, raw HTML in Markdown and unverified sources with nothing for the
reader to check. Every finding names the file, the field and, where it can be found, the line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import Enum
from urllib.parse import urlsplit

from pydantic import BaseModel

from privacy_walkthrough.core.content.findings import FileFindings, Finding, Severity, sort_findings
from privacy_walkthrough.core.content.guide import GuideInfo
from privacy_walkthrough.core.content.kinds import PLATFORM_DEVICES, Confidence, DeviceKind, StepKind
from privacy_walkthrough.core.content.loader import (
    GUIDE_FILE,
    ContentProblem,
    GuideInspection,
)
from privacy_walkthrough.core.content.models import STALE_AFTER_DAYS, AnswerRule, Step
from privacy_walkthrough.core.content.toml_lines import locate
from privacy_walkthrough.core.content.urls import same_page, url_problem
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.labels import instructions_label

# Fields that hold identifiers or addresses, not prose: never scanned for HTML or pictures.
_NOT_TEXT = frozenset({"id", "url", "language", "version", "min_version", "before_version"})
# "<b>", "</p>", "<!-- … -->", but not a Markdown autolink such as <https://example.org>.
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):)(/?[A-Za-z][A-Za-z0-9-]*|!--)")
# A Markdown picture or link whose target is a file of the app's assets: ![Alt](asset:name.svg)
_ASSET_LINK = re.compile(r"\]\(\s*<?asset:([^\s)>]*)")


# -- single checks --------------------------------------------------------------------------


def _texts(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every prose string in ``model`` with its dotted field name (``instructions.0.steps.1``)."""
    for name in type(model).model_fields:
        if name in _NOT_TEXT:
            continue
        yield from _values(getattr(model, name), f"{prefix}{name}")


def _values(value: object, field: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, BaseModel):
        yield from _texts(value, f"{field}.")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _values(item, f"{field}.{index}")


def _asset_name_problem(name: str, asset_exists: Callable[[str], bool]) -> str | None:
    if not name:
        return tr("a picture or link says 'asset:' without a file name")
    if name.startswith("/") or "\\" in name or ".." in name.split("/"):
        return tr("asset '{name}' must be a name inside the assets folder", name=name)
    if not asset_exists(name):
        return tr("asset '{name}' does not exist in the app's assets folder", name=name)
    return None


def _text_checks(
    file: FileFindings, model: BaseModel, asset_exists: Callable[[str], bool]
) -> Iterator[Finding]:
    for field, text in _texts(model):
        for match in _ASSET_LINK.finditer(text):
            problem = _asset_name_problem(match.group(1), asset_exists)
            if problem:
                yield file.error(field, problem, match.group(0)[2:].strip())
        html = _RAW_HTML.search(text)
        if html:
            tag = "<!--" if html.group(1) == "!--" else f"<{html.group(1)}>"
            message = tr(
                "raw HTML ({tag}) is not shown as intended; use Markdown (**bold**, lists, [links](…))",
                tag=tag,
            )
            yield file.warning(field, message, html.group(0))


def _review_check(file: FileFindings, reviewed: dt.date, today: dt.date) -> Iterator[Finding]:
    age = (today - reviewed).days
    if age > STALE_AFTER_DAYS:
        message = ntr(
            "last reviewed on {date}, {n} day ago (more than {limit}): check it against its "
            "sources again, then update the date",
            "last reviewed on {date}, {n} days ago (more than {limit}): check it against its "
            "sources again, then update the date",
            age,
            date=reviewed.isoformat(),
            limit=STALE_AFTER_DAYS,
        )
        yield file.warning("reviewed", message)


def _source_checks(file: FileFindings, step: Step) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, source in enumerate(step.sources):
        field = f"sources.{index}.url"
        problem = url_problem(source.url)
        if problem:
            yield file.error(field, problem)
        elif urlsplit(source.url).path.strip("/") == "":
            message = tr(
                "a home page is not a source: link the page or article that says the thing, "
                "not the site's front page"
            )
            yield file.warning(field, message)
        page = same_page(source.url)
        if page in seen:
            message = tr("the same address as sources.{first}.url: list each source once", first=seen[page])
            yield file.error(field, message)
        else:
            seen[page] = index
    has_uncertain = bool(step.uncertain and step.uncertain.strip())
    for index, source in enumerate(step.sources):
        if source.confidence is Confidence.UNVERIFIED and not has_uncertain:
            message = tr(
                "an unverified source, but the step has no 'uncertain' text: say what the sources "
                "do not settle and what the reader should check"
            )
            yield file.warning(f"sources.{index}.confidence", message)


def _instructions_checks(file: FileFindings, step: Step) -> Iterator[Finding]:
    """Blocks for the same devices and versions need their own titles; settings need an undo."""
    by_label: dict[tuple[str, str | None], int] = {}
    for index, instructions in enumerate(step.instructions):
        key = (instructions_label(instructions), instructions.title)
        if key in by_label:
            message = tr(
                "the same heading as instructions.{first}: give each block for the same devices "
                "and versions its own 'title' saying what it does",
                first=by_label[key],
            )
            yield file.warning(f"instructions.{index}", message)
        else:
            by_label[key] = index
    if step.instructions and step.kind is not StepKind.IRREVERSIBLE and not (step.undo or "").strip():
        message = tr(
            "a step with instructions needs an 'undo' text: how to put the setting back if the "
            "person loses something they need"
        )
        yield file.warning("undo" if step.undo is not None else "instructions", message)


def _rule_checks(file: FileFindings, name: str, rules: list[AnswerRule]) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, rule in enumerate(rules):
        if rule.answer.value in seen:
            message = tr(
                "the answer '{answer}' is already used in {name}.{first}: one rule per answer",
                answer=rule.answer.value,
                name=name,
                first=seen[rule.answer.value],
            )
            yield file.error(f"applicability.{name}.{index}.answer", message)
        else:
            seen[rule.answer.value] = index


def _applicability_checks(file: FileFindings, step: Step) -> Iterator[Finding]:
    """Requirements, instructions and rules must fit the devices the step concerns."""
    rules = step.applicability
    concerned = set(rules.devices)
    first_minimum: dict[DeviceKind, int] = {}
    for index, requirement in enumerate(rules.requires):
        field = f"applicability.requires.{index}.devices"
        for kind in requirement.devices:
            if kind not in concerned:
                message = tr(
                    "a minimum version for '{kind}', a device the step does not concern: add it to "
                    "applicability.devices or remove it here",
                    kind=kind.value,
                )
                yield file.error(field, message)
            elif kind in first_minimum:
                message = tr(
                    "'{kind}' already has a minimum version in applicability.requires.{first}",
                    kind=kind.value,
                    first=first_minimum[kind],
                )
                yield file.error(field, message)
            else:
                first_minimum[kind] = index
    for index, instructions in enumerate(step.instructions):
        if not PLATFORM_DEVICES[instructions.platform] & concerned:
            message = tr(
                "instructions for '{platform}', but the step concerns none of its devices "
                "(applicability.devices), so they would never be shown",
                platform=instructions.platform.value,
            )
            yield file.error(f"instructions.{index}.platform", message)
    if rules.per_device and not step.completable:
        message = tr("a step that cannot be marked done cannot be ticked off per device")
        yield file.error("applicability.per_device", message)
    yield from _rule_checks(file, "not_applicable_when", rules.not_applicable_when)
    yield from _rule_checks(file, "caution_when", rules.caution_when)
    ruled_out = {(r.answer, r.equals) for r in rules.not_applicable_when}
    for index, rule in enumerate(rules.caution_when):
        if (rule.answer, rule.equals) in ruled_out:
            message = tr(
                "this answer also makes the step not apply, so the caution would only show on a "
                "step the person is told to leave"
            )
            yield file.warning(f"applicability.caution_when.{index}.answer", message)


def check_step(
    label: str, step: Step, text: str | None, *, today: dt.date, asset_exists: Callable[[str], bool]
) -> list[Finding]:
    """The extra checks of one parsed step file (``label``: ``steps/<name>.toml``)."""
    file = FileFindings(label, text)
    return [
        *_source_checks(file, step),
        *_applicability_checks(file, step),
        *_instructions_checks(file, step),
        *_text_checks(file, step, asset_exists),
        *_review_check(file, step.reviewed, today),
    ]


def check_info(
    info: GuideInfo, text: str | None, *, today: dt.date, asset_exists: Callable[[str], bool]
) -> list[Finding]:
    """The extra checks of a parsed ``guide.toml``."""
    file = FileFindings(GUIDE_FILE, text)
    return [*_text_checks(file, info, asset_exists), *_review_check(file, info.reviewed, today)]


def check_layout(info: GuideInfo, text: str | None, *, guide_id: str | None, language: str) -> list[Finding]:
    """A guide found as ``<guide-id>/<language>/`` must say the same id and language."""
    file = FileFindings(GUIDE_FILE, text)
    found: list[Finding] = []
    if guide_id is not None and info.id != guide_id:
        message = tr("is '{id}' but the guide's folder is named '{folder}'", id=info.id, folder=guide_id)
        found.append(file.error("id", message))
    if info.language != language:
        message = tr(
            "is '{language}' but the language folder is named '{folder}'",
            language=info.language,
            folder=language,
        )
        found.append(file.error("language", message))
    return found


def check_guide(
    inspection: GuideInspection, *, today: dt.date, asset_exists: Callable[[str], bool]
) -> list[Finding]:
    """Everything the loader reported, as errors, plus the extra checks, sorted by file and line."""
    texts = inspection.texts
    findings = [Finding(Severity.ERROR, _with_line(p, inspection)) for p in inspection.problems]
    if inspection.info is not None:
        findings += check_info(inspection.info, texts.get(GUIDE_FILE), today=today, asset_exists=asset_exists)
    for label, step in inspection.steps.items():
        findings += check_step(label, step, texts.get(label), today=today, asset_exists=asset_exists)
    return sort_findings(findings)


def _with_line(problem: ContentProblem, inspection: GuideInspection) -> ContentProblem:
    """The loader's problem, pointed at the line of a nested field (``sources.1.url``) or a step id."""
    field = problem.field
    text = inspection.texts.get(problem.file)
    if not field or text is None or (problem.line is not None and "." not in field):
        return problem
    snippet = None
    info = inspection.info
    listed = re.fullmatch(r"steps\.(\d+)", field)
    if problem.file == GUIDE_FILE and listed and info is not None and int(listed.group(1)) < len(info.steps):
        snippet = f'"{info.steps[int(listed.group(1))]}"'
    line = locate(text, field, snippet)
    return problem if line is None else replace(problem, line=line)
