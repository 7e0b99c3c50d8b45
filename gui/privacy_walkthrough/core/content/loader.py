"""Load a guide folder (``guide.toml`` + ``steps/*.toml``) into a validated :class:`Guide`.

Every problem is collected and reported with the file, the field and, where it can be
found, the line, so that a content writer sees all mistakes in one go.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.abc import Traversable
from typing import Any, TypeVar

from pydantic import BaseModel

from privacy_walkthrough.core.content.models import Guide, GuideInfo, Step
from privacy_walkthrough.core.content.records import RecordError, parse
from privacy_walkthrough.core.content.toml_lines import locate
from privacy_walkthrough.core.i18n import tr

M = TypeVar("M", bound=BaseModel)

GUIDE_FILE = "guide.toml"
STEPS_FOLDER = "steps"


@dataclass(frozen=True)
class ContentProblem:
    file: str
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            return tr(
                "{where}: field '{field}': {message}", where=where, field=self.field, message=self.message
            )
        return tr("{where}: {message}", where=where, message=self.message)


class ContentError(Exception):
    """A guide that cannot be used; ``problems`` lists every mistake found."""

    def __init__(self, problems: Iterable[ContentProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _line_in_message(message: str) -> int | None:
    """Python before 3.14 gives a TOML error's line only in its message: "(at line 5, …)"."""
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _parse(
    model: type[M],
    source: Traversable,
    label: str,
    problems: list[ContentProblem],
    texts: dict[str, str] | None = None,
) -> M | None:
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(ContentProblem(label, None, tr("cannot be read ({error})", error=exc)))
        return None
    if texts is not None:
        texts[label] = text
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_in_message(str(exc))
        problems.append(ContentProblem(label, None, tr("is not valid TOML: {error}", error=exc), line))
        return None
    try:
        return parse(data, model)
    except RecordError as exc:
        for problem in exc.problems:
            line = locate(text, problem.field) if problem.field else None
            problems.append(ContentProblem(label, problem.field or "(file)", problem.message, line))
        return None


@dataclass
class GuideInspection:
    """Everything :func:`inspect_guide` found in a guide folder, usable even when it is broken.

    Files are named by their label relative to the guide folder (``guide.toml``,
    ``steps/<name>.toml``), as in :class:`ContentProblem`.
    """

    info: GuideInfo | None = None
    steps: dict[str, Step] = field(default_factory=dict)  # label -> every step file that parsed
    texts: dict[str, str] = field(default_factory=dict)  # label -> the raw text of every file read
    problems: list[ContentProblem] = field(default_factory=list)
    by_id: dict[str, Step] = field(default_factory=dict)  # id -> step, for steps named after their file

    def guide(self) -> Guide:
        """The cross-checked guide; raise :class:`ContentError` if anything was wrong."""
        if self.problems or self.info is None:
            raise ContentError(self.problems)
        return Guide(info=self.info, steps=tuple(self.by_id[s] for s in self.info.steps))


def inspect_guide(folder: Traversable) -> GuideInspection:
    """Parse and cross-check one guide folder, collecting every problem instead of raising.

    File system errors other than reading a single file (a steps folder that cannot be
    listed, say) are not caught here.
    """
    found = GuideInspection()
    problems = found.problems
    info_file = folder / GUIDE_FILE
    if not info_file.is_file():
        problems.append(ContentProblem(GUIDE_FILE, None, tr("is missing from {folder}", folder=folder.name)))
        return found
    info = found.info = _parse(GuideInfo, info_file, GUIDE_FILE, problems, found.texts)

    steps_folder = folder / STEPS_FOLDER
    files = sorted(
        (f for f in steps_folder.iterdir() if f.name.endswith(".toml")) if steps_folder.is_dir() else [],
        key=lambda f: f.name,
    )
    stems = {f.name.removesuffix(".toml") for f in files}
    for step_file in files:
        label = f"{STEPS_FOLDER}/{step_file.name}"
        step = _parse(Step, step_file, label, problems, found.texts)
        stem = step_file.name.removesuffix(".toml")
        if step is not None:
            found.steps[label] = step
        if step is not None and step.id != stem:
            message = tr("is '{id}' but the file is named '{stem}.toml'", id=step.id, stem=stem)
            problems.append(ContentProblem(label, "id", message))
        elif step is not None:
            found.by_id[step.id] = step

    if info is not None:
        for index, step_id in enumerate(info.steps):
            if step_id not in stems:
                file = f"{STEPS_FOLDER}/{step_id}.toml"
                message = tr("no file {file} for step '{id}'", file=file, id=step_id)
                problems.append(ContentProblem(GUIDE_FILE, f"steps.{index}", message))
        for stem in sorted(stems - set(info.steps)):
            message = tr("is not listed in guide.toml's steps")
            problems.append(ContentProblem(f"{STEPS_FOLDER}/{stem}.toml", "id", message))
    return found


def load_guide(folder: Traversable) -> Guide:
    """Load and cross-check one guide folder; raise :class:`ContentError` on any problem."""
    return inspect_guide(folder).guide()
