"""How the person likes the window: which sections of a step page are open.

Kept in ``view-settings.json`` in the data folder, for every profile and guide alike (it
holds nothing about the person).  Saved atomically; a file that cannot be read is set aside
under a new name (never overwritten) and the defaults are used, which lose nothing but
which sections were open.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from privacy_walkthrough.core.files import free_name, time_stamp, write_atomically

log = logging.getLogger(__name__)

FILE_NAME = "view-settings.json"
FORMAT = "privacy-walkthrough-view-settings"


class Section(StrEnum):
    """A section of a step page that opens and closes."""

    WHY = "why"
    UNCERTAIN = "uncertain"
    SOURCES = "sources"


@dataclass
class ViewSettings:
    """Which sections are open; saved to ``path`` after every change (None: not saved)."""

    path: Path | None = None
    open_sections: set[Section] = field(default_factory=set)
    problem: str | None = None  # why the saved settings could not be read or written

    @classmethod
    def load(cls, folder: Path) -> ViewSettings:
        path = folder / FILE_NAME
        settings = cls(path=path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings.problem = f"{type(exc).__name__}: {exc}"
            return settings
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a view settings file")
            settings.open_sections = {Section(name) for name in data.get("open_sections", [])}
        except (ValueError, TypeError) as exc:
            aside = free_name(folder, f"{path.stem}.damaged-{time_stamp(dt.datetime.now())}", path.suffix)
            try:
                path.rename(aside)
            except OSError:
                aside = path
            settings.problem = f"{path.name} could not be read ({exc}); kept as {aside.name}"
            log.warning("View settings not read: %s", settings.problem)
        return settings

    def is_open(self, section: Section) -> bool:
        return section in self.open_sections

    def set_open(self, section: Section, is_open: bool) -> None:
        if is_open == (section in self.open_sections):
            return
        if is_open:
            self.open_sections.add(section)
        else:
            self.open_sections.discard(section)
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        data = {"format": FORMAT, "open_sections": sorted(s.value for s in self.open_sections)}
        try:
            write_atomically(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:  # only which sections are open is lost; the window carries on
            self.problem = f"{type(exc).__name__}: {exc}"
            log.warning("View settings not saved: %s", self.problem)
