"""The checklist actions of the window: print, print preview, save as PDF, blank checklist."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QWidget

from privacy_walkthrough import __version__
from privacy_walkthrough.core.checklist import ChecklistOptions, render_html
from privacy_walkthrough.core.i18n import tr
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

    def html(self, *, blank: bool = False) -> str:
        progress = self.session.walkthrough.progress
        options = ChecklistOptions(
            generated_at=dt.datetime.now().astimezone(),
            app_version=__version__,
            include_notes=self.include_notes and not blank,
            blank=blank,
            person_name="" if blank else progress.person_name,
        )
        return render_html(self.session.guide, progress, options)

    def _paint(self, device: QPagedPaintDevice, *, blank: bool = False) -> None:
        print_checklist(checklist_document(self.html(blank=blank)), device)

    def print_checklist(self, *, blank: bool = False) -> bool:
        return self.dialogs.print_with_dialog(self.parent, lambda printer: self._paint(printer, blank=blank))

    def preview(self, *, blank: bool = False) -> None:
        self.dialogs.preview(self.parent, lambda printer: self._paint(printer, blank=blank))

    def save_pdf(self, *, blank: bool = False) -> Path | None:
        name = "privacy-checklist-blank.pdf" if blank else "privacy-checklist.pdf"
        target = self.dialogs.save_path(
            self.parent, tr("Save the checklist as PDF"), Path.home() / name, tr("PDF files (*.pdf)")
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(self.html(blank=blank), target, title=tr("Privacy checklist"))
        except OSError as exc:
            log.warning("Saving the PDF failed: %s", type(exc).__name__)
            self.dialogs.warn(
                self.parent,
                tr("The PDF could not be saved"),
                tr(
                    "The checklist could not be written to {path} ({reason}). Nothing was changed there; "
                    "please choose another folder.",
                    path=str(target),
                    reason=exc.strerror or str(exc),
                ),
            )
            return None
        return target
