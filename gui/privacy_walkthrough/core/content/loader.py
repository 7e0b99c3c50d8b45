"""Load a guide folder (``guide.toml`` + ``steps/*.toml``) into a validated :class:`Guide`.

Every problem is collected and reported with the file, the field and, where it can be
found, the line, so that a content writer sees all mistakes in one go.

A guide can come from anyone (a trainer's folder, ``--content``), so reading one has
limits (see ``content/README.md``): each file at most :data:`MAX_FILE_BYTES`, the guide
at most :data:`MAX_GUIDE_BYTES` and :data:`MAX_STEPS` steps, tables and lists nested at
most :data:`MAX_DEPTH` deep, and only ordinary files (never a FIFO or a device).  Every
way a file can fail to parse becomes a :class:`ContentProblem`, never an exception.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from privacy_walkthrough.core.content.guide import Guide, GuideInfo
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.records import RecordError, parse
from privacy_walkthrough.core.content.toml_lines import locate
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.regular_files import FileTooLargeError, read_regular

M = TypeVar("M", bound=BaseModel)

GUIDE_FILE = "guide.toml"
STEPS_FOLDER = "steps"

MAX_FILE_BYTES = 64 * 1024  # one guide or step file (the shipped ones are under 8 KB)
MAX_GUIDE_BYTES = 2 * 1024 * 1024  # every file of one guide together
MAX_STEPS = 1000  # steps listed in guide.toml, and step files in steps/ (the shipped guide has 13)
MAX_DEPTH = 16  # tables and lists inside one another (the shipped files go 3 deep)


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


def depth_of(value: Any) -> int:
    """How deep tables and lists go inside ``value`` (0 for a plain value), without recursion."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                pending.extend((child, depth) for child in item)
    return deepest


def _read(source: Traversable, limit: int) -> bytes:
    """A guide file's bytes: only an ordinary file, never more than ``limit``."""
    if isinstance(source, Path):
        return read_regular(source, limit)
    data = source.read_bytes()  # inside a zip: shipped with the app
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data


def parse_file(
    model: type[M],
    source: Traversable,
    label: str,
    problems: list[ContentProblem],
    texts: dict[str, str] | None = None,
    budget: list[int] | None = None,
) -> M | None:
    """Read and validate one file; ``budget`` holds the bytes the guide may still read."""
    limit = MAX_FILE_BYTES if budget is None else min(MAX_FILE_BYTES, budget[0])
    try:
        raw = _read(source, limit)
        text = raw.decode("utf-8")
    except FileTooLargeError as exc:
        if budget is not None and limit < MAX_FILE_BYTES:
            message = tr("makes the guide too large (at most {limit} bytes in all)", limit=MAX_GUIDE_BYTES)
        else:
            message = tr("is too large ({size} bytes; at most {limit})", size=exc.size, limit=MAX_FILE_BYTES)
        problems.append(ContentProblem(label, None, message))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        problems.append(ContentProblem(label, None, tr("cannot be read ({error})", error=error)))
        return None
    if budget is not None:
        budget[0] -= len(raw)
    if texts is not None:
        texts[label] = text
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_in_message(str(exc))
        problems.append(ContentProblem(label, None, tr("is not valid TOML: {error}", error=exc), line))
        return None
    except (RecursionError, MemoryError, ValueError, TypeError):
        problems.append(ContentProblem(label, None, tr("is not valid TOML (nested far too deep)")))
        return None
    if depth_of(data) > MAX_DEPTH:
        message = tr("has tables or lists nested too deep (at most {limit})", limit=MAX_DEPTH)
        problems.append(ContentProblem(label, None, message))
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
    budget = [MAX_GUIDE_BYTES]
    info = found.info = parse_file(GuideInfo, info_file, GUIDE_FILE, problems, found.texts, budget)
    if info is not None and len(info.steps) > MAX_STEPS:
        message = ntr(
            "lists {n} step; a guide has at most {limit}",
            "lists {n} steps; a guide has at most {limit}",
            len(info.steps),
            limit=MAX_STEPS,
        )
        problems.append(ContentProblem(GUIDE_FILE, "steps", message))
        return found

    steps_folder = folder / STEPS_FOLDER
    files = _step_files(steps_folder)
    if files is None:
        message = tr("holds more than {limit} step files", limit=MAX_STEPS)
        problems.append(ContentProblem(STEPS_FOLDER, None, message))
        return found
    stems = {f.name.removesuffix(".toml") for f in files}
    for step_file in files:
        label = f"{STEPS_FOLDER}/{step_file.name}"
        step = parse_file(Step, step_file, label, problems, found.texts, budget)
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


def _step_files(steps_folder: Traversable) -> list[Traversable] | None:
    """The ``*.toml`` files in ``steps/``, sorted by name; None when there are too many."""
    if not steps_folder.is_dir():
        return []
    files: list[Traversable] = []
    for entry in steps_folder.iterdir():
        if entry.name.endswith(".toml"):
            files.append(entry)
            if len(files) > MAX_STEPS:
                return None
    return sorted(files, key=lambda f: f.name)


def load_guide(folder: Traversable) -> Guide:
    """Load and cross-check one guide folder; raise :class:`ContentError` on any problem,
    a folder that cannot be listed included."""
    try:
        found = inspect_guide(folder)
    except OSError as exc:
        message = tr("cannot be read ({error})", error=exc.strerror or exc)
        raise ContentError([ContentProblem(folder.name, None, message)]) from exc
    return found.guide()
