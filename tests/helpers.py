"""Small test helpers: write guides as real TOML files, and a scripted stand-in for dialogs."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from privacy_walkthrough.core.content import records

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from privacy_walkthrough.core.walkthrough.flow import Walkthrough

R = TypeVar("R", bound=BaseModel)


def open_ids(walkthrough: Walkthrough) -> list[str]:
    """The steps still open (not yet decided), in guide order."""
    return [s for s in walkthrough.guide.step_ids if not walkthrough.status(s).is_settled]


def from_json(kind: type[R], text: str | bytes) -> R:
    """A record read from JSON text (raises RecordError, a ValueError, when it is not one)."""
    return records.parse(json.loads(text), kind)


def parse_as(kind: type[R], data: Any) -> R:
    """A record made from TOML or JSON data, checked as the app checks a file (RecordError if not)."""
    return records.parse(data, kind)


STEP_TEMPLATE = """\
schema_version = 1
id = "{id}"
title = "{title}"
summary = "Summary of {id}."
kind = "{kind}"
why = "Why {id} matters."
check = "How to check {id}."
gives_up = "What {id} costs."
undo = "How to undo {id}."
applies_to = "iOS 17 and later"
completable = {completable}
reviewed = 2026-11-01

[[instructions]]
platform = "iphone"
path = ["Settings", "Messages", "{title}"]
target = "Off"
steps = ["Open Settings.", "Turn it off."]

[[sources]]
title = "Source for {id}"
url = "https://example.org/{id}"
publisher = "Example"
confidence = "verified"
"""


def write_guide(
    folder: Path,
    step_ids: list[str],
    *,
    guide_id: str = "test-guide",
    kinds: dict[str, str] | None = None,
    not_completable: tuple[str, ...] = (),
) -> Path:
    """Write a small, valid guide (guide.toml + steps/*.toml) and return its folder."""
    kinds = kinds or {}
    (folder / "steps").mkdir(parents=True, exist_ok=True)
    ids = ", ".join(f'"{s}"' for s in step_ids)
    (folder / "guide.toml").write_text(
        textwrap.dedent(
            f"""\
            schema_version = 1
            id = "{guide_id}"
            title = "Test guide"
            version = "1.0"
            language = "en"
            description = "A guide for tests."
            minutes = 5
            steps = [{ids}]
            reviewed = 2026-11-01
            """
        ),
        encoding="utf-8",
    )
    for step_id in step_ids:
        (folder / "steps" / f"{step_id}.toml").write_text(
            STEP_TEMPLATE.format(
                id=step_id,
                title=step_id.replace("-", " ").capitalize(),
                kind=kinds.get(step_id, "setting"),
                completable="false" if step_id in not_completable else "true",
            ),
            encoding="utf-8",
        )
    return folder


TRANSLATED_STEP = """\
schema_version = 1
id = "{id}"
translated_from = "{hash}"
title = "{title}"
summary = "Resumen de {id}."
why = "Por qué importa {id}."
check = "Cómo comprobar {id}."
gives_up = "Lo que cuesta {id}."
applies_to = "iOS 17 y posteriores"

[[instructions]]
path = ["Ajustes", "Mensajes", "{title}"]
target = "Desactivado"
steps = ["Abre Ajustes.", "Desactívalo."]
"""


def write_translation(
    folder: Path,
    step_hashes: dict[str, str],
    *,
    language: str = "es",
    guide_id: str = "test-guide",
    review: str = 'state = "machine-assisted"',
) -> Path:
    """Write a translation folder (guide.toml + steps/*.toml) for the steps given, with the
    English hash each was translated from (see :func:`write_guide` for the English guide)."""
    (folder / "steps").mkdir(parents=True, exist_ok=True)
    (folder / "guide.toml").write_text(
        f'schema_version = 1\nid = "{guide_id}"\nlanguage = "{language}"\n'
        f'title = "Guía de prueba"\ndescription = "Una guía para las pruebas."\n\n[review]\n{review}\n',
        encoding="utf-8",
    )
    for step_id, made_from in step_hashes.items():
        title = "Paso " + step_id.replace("-", " ")
        (folder / "steps" / f"{step_id}.toml").write_text(
            TRANSLATED_STEP.format(id=step_id, hash=made_from, title=title), encoding="utf-8"
        )
    return folder


def append_to_step(folder: Path, step_id: str, toml: str) -> None:
    """Add TOML (say an ``[applicability]`` table) at the end of a written step file."""
    path = folder / "steps" / f"{step_id}.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + textwrap.dedent(toml), encoding="utf-8")


def set_step_instructions(folder: Path, step_id: str, instructions: str) -> None:
    """Replace the step's ``[[instructions]]`` tables with ``instructions`` (TOML text)."""
    path = folder / "steps" / f"{step_id}.toml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("[[instructions]]", 1)
    sources = rest[rest.index("[[sources]]") :]
    path.write_text(head + textwrap.dedent(instructions) + "\n" + sources, encoding="utf-8")


@dataclass
class ScriptedDialogs:
    """Stands in for qt.dialogs.Dialogs: records every question, answers from a script."""

    confirm_answers: list[bool] = field(default_factory=list)
    text_answers: list[str | None] = field(default_factory=list)
    choice_answers: list[int | None] = field(default_factory=list)
    guide_choices: list[int | None] = field(default_factory=list)
    offered_guides: list[list[object]] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # where each file dialog started
    asked: list[tuple[str, str]] = field(default_factory=list)
    opened_urls: list[str] = field(default_factory=list)
    shown_about: list[object] = field(default_factory=list)
    passphrases: list[str | None] = field(default_factory=list)  # typed at each unlock; None: Cancel
    new_passphrases: list[Any] = field(default_factory=list)  # PassphraseChoice, or None: Cancel

    def confirm(self, parent: object, title: str, text: str, accept_label: str) -> bool:
        self.asked.append(("confirm", f"{title}\n{text}"))
        return self.confirm_answers.pop(0)

    def ask_text(self, parent: object, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("ask_text", f"{title}\n{label}"))
        return self.text_answers.pop(0)

    def choose_guide(self, parent: object, entries: list[object]) -> int | None:
        self.offered_guides.append(list(entries))
        return self.guide_choices.pop(0)

    def inform(self, parent: object, title: str, text: str) -> None:
        self.asked.append(("inform", f"{title}\n{text}"))

    def ask_choice(
        self, parent: object, title: str, text: str, choices: list[str], cancel_label: str
    ) -> int | None:
        self.asked.append(("ask_choice", f"{title}\n{text}\n{' / '.join([*choices, cancel_label])}"))
        return self.choice_answers.pop(0)

    def warn(self, parent: object, title: str, text: str) -> None:
        self.asked.append(("warn", f"{title}\n{text}"))

    def save_path(self, parent: object, title: str, suggested: Path, file_filter: str) -> Path | None:
        self.asked.append(("save_path", title))
        self.folders.append(suggested.parent)
        return self.save_paths.pop(0)

    def open_path(self, parent: object, title: str, folder: Path, file_filter: str) -> Path | None:
        self.asked.append(("open_path", title))
        self.folders.append(folder)
        return self.open_paths.pop(0)

    def about(self, parent: object, about: object) -> None:
        self.shown_about.append(about)

    def open_url(self, url: str) -> bool:
        self.opened_urls.append(url)
        return True

    def unlock(self, parent: object, label: str, derive: Callable[[str], Any], guard: Any) -> Any:
        """Type the scripted passphrases in turn, as the real dialog lets a person retry."""
        from privacy_walkthrough.core.progress.sealed import WrongPassphraseError

        self.asked.append(("unlock", label))
        while self.passphrases:
            phrase = self.passphrases.pop(0)
            if phrase is None:
                return None
            try:
                return derive(phrase)
            except WrongPassphraseError:
                guard.failed()
                self.asked.append(("wrong passphrase", label))
        raise AssertionError("the app asked for a passphrase the test did not script")

    def ask_new_passphrase(self, parent: object, *, purpose: Any, **options: Any) -> Any:
        self.asked.append(("new passphrase", purpose.value))
        return self.new_passphrases.pop(0)

    # -- print and preview: each dialog "chooses" a real QPrinter that the test sets up ------

    def answer_print_dialogs(self, *choices: Callable[[QPrinter], object] | None) -> None:
        """Script the next print and preview dialogs, in order.

        Each choice sets up the real QPrinter the dialog hands over: PDF output to a file, or
        a named CUPS queue.  None stands for Cancel in the print dialog.
        """
        self._printer_choices().extend(choices)

    def print_with_dialog(self, parent: object, paint: Callable[[QPrinter], object]) -> bool:
        self.asked.append(("print", ""))
        printer = self._next_printer()
        if printer is None:
            return False
        paint(printer)
        return True

    def preview(self, parent: object, paint: Callable[[QPrinter], object]) -> None:
        """The preview paints its pages once, on the printer the script chose."""
        self.asked.append(("preview", ""))
        printer = self._next_printer()
        assert printer is not None, "a preview cannot be cancelled before it paints"
        paint(printer)

    def _printer_choices(self) -> list[Callable[[QPrinter], object] | None]:
        choices: list[Callable[[QPrinter], object] | None] = self.__dict__.setdefault("scripted_printers", [])
        return choices

    def _next_printer(self) -> QPrinter | None:
        from PySide6.QtPrintSupport import QPrinter  # tests/unit use these helpers without Qt

        choices = self._printer_choices()
        assert choices, "the test did not script this print dialog: call answer_print_dialogs()"
        choice = choices.pop(0)
        if choice is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        choice(printer)
        return printer


def step_file(folder: Path, step_id: str) -> Path:
    return folder / "steps" / f"{step_id}.toml"


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a test file in place; the old text must be there (a guard on the test's setup)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


MINUTE_CLOCK_START = dt.datetime(2026, 5, 6, 7, 8, 9, tzinfo=dt.UTC)


class MinuteClock:
    """A clock for the walkthrough: each call is one minute later than the one before."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dt.datetime:
        self.calls += 1
        return MINUTE_CLOCK_START + dt.timedelta(minutes=self.calls)

    @property
    def last(self) -> dt.datetime:
        return MINUTE_CLOCK_START + dt.timedelta(minutes=self.calls)


def drawn_texts(svg: str) -> list[str]:
    """Each text of an SVG sketch, its lines joined (a name on several lines is a group of texts)."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    texts = []
    for element in ET.fromstring(svg):
        if element.tag == f"{ns}text":
            texts.append(element.text or "")
        elif element.tag == f"{ns}g":
            texts.append(" ".join(line.text or "" for line in element.iter(f"{ns}text")))
    return texts
