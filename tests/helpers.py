"""Small test helpers: write guides as real TOML files, and a scripted stand-in for dialogs."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

STEP_TEMPLATE = """\
schema_version = 1
id = "{id}"
title = "{title}"
summary = "Summary of {id}."
kind = "{kind}"
why = "Why {id} matters."
check = "How to check {id}."
gives_up = "What {id} costs."
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


@dataclass
class ScriptedDialogs:
    """Stands in for qt.dialogs.Dialogs: records every question, answers from a script."""

    confirm_answers: list[bool] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)
    opened_urls: list[str] = field(default_factory=list)

    def confirm(self, parent: object, title: str, text: str, accept_label: str) -> bool:
        self.asked.append(("confirm", f"{title}\n{text}"))
        return self.confirm_answers.pop(0)

    def inform(self, parent: object, title: str, text: str) -> None:
        self.asked.append(("inform", f"{title}\n{text}"))

    def warn(self, parent: object, title: str, text: str) -> None:
        self.asked.append(("warn", f"{title}\n{text}"))

    def save_path(self, parent: object, title: str, suggested: Path, file_filter: str) -> Path | None:
        self.asked.append(("save_path", title))
        return self.save_paths.pop(0)

    def open_path(self, parent: object, title: str, file_filter: str) -> Path | None:
        self.asked.append(("open_path", title))
        return self.open_paths.pop(0)

    def open_url(self, url: str) -> bool:
        self.opened_urls.append(url)
        return True
