"""The checklist actions of the window: print, print preview, save as PDF, blank checklist."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QWidget

from privacy_walkthrough import __version__
from privacy_walkthrough.core.checklist import ChecklistOptions, render_html, render_json
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress_store import write_atomically
from privacy_walkthrough.core.session import Session
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.printing import checklist_document, print_checklist, write_pdf

log = logging.getLogger(__name__)


class ChecklistPrinter:
    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget) -> None:
        self.session = session
        self.dialogs = dialogs
        self.parent = parent
        self.include_notes = False

    def _options(self, *, blank: bool = False) -> ChecklistOptions:
        progress = self.session.walkthrough.progress
        return ChecklistOptions(
            generated_at=dt.datetime.now().astimezone(),
            app_version=__version__,
            include_notes=self.include_notes and not blank,
            blank=blank,
            person_name="" if blank else progress.person_name,
        )

    def html(self, *, blank: bool = False) -> str:
        return render_html(self.session.guide, self.session.walkthrough.progress, self._options(blank=blank))

    def _paint(self, device: QPagedPaintDevice, *, blank: bool = False) -> None:
        print_checklist(checklist_document(self.html(blank=blank)), device)

    def print_checklist(self, *, blank: bool = False) -> bool:
        return self.dialogs.print_with_dialog(self.parent, lambda printer: self._paint(printer, blank=blank))

    def preview(self, *, blank: bool = False) -> None:
        self.dialogs.preview(self.parent, lambda printer: self._paint(printer, blank=blank))

    def save_pdf(self, *, blank: bool = False) -> Path | None:
        name = "privacy-checklist-blank.pdf" if blank else "privacy-checklist.pdf"
        html = self.html(blank=blank)
        return self._save(
            tr("Save the checklist as PDF"),
            Path.home() / name,
            tr("PDF files (*.pdf)"),
            lambda target: write_pdf(html, target, title=tr("Privacy checklist")),
        )

    def save_progress_file(self) -> Path | None:
        """The portable progress file (notes included: it is for carrying progress along)."""
        options = ChecklistOptions(
            generated_at=dt.datetime.now().astimezone(), app_version=__version__, include_notes=True
        )
        text = render_json(self.session.guide, self.session.walkthrough.progress, options)
        return self._save(
            tr("Export progress"),
            Path.home() / "privacy-walkthrough-progress.json",
            tr("Privacy Walkthrough progress (*.json)"),
            lambda target: write_atomically(target, text.encode("utf-8")),
        )

    def _save(
        self, title: str, suggested: Path, file_filter: str, write: Callable[[Path], None]
    ) -> Path | None:
        target = self.dialogs.save_path(self.parent, title, suggested, file_filter)
        if target is None:
            return None
        if target.suffix.lower() != suggested.suffix:
            target = target.with_name(target.name + suggested.suffix)
        try:
            write(target)
        except OSError as exc:
            log.warning("Saving a file failed: %s", type(exc).__name__)
            self.dialogs.warn(
                self.parent,
                tr("The file could not be saved"),
                tr(
                    "It could not be written to {path} ({reason}). Nothing was changed there; "
                    "please choose another folder.",
                    path=str(target),
                    reason=exc.strerror or str(exc),
                ),
            )
            return None
        return target
