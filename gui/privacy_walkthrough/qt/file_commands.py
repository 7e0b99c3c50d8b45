"""The File menu's document commands: print, preview and PDF of the checklist, a blank
checklist, and carrying progress along (export and import).

The checklist's renderer and the printing module are imported by the commands that use
them, not with this module: the window is built without them (see qt/run.py).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QWidget

from privacy_walkthrough import __version__
from privacy_walkthrough.core.files import write_atomically
from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.core.progress import protection
from privacy_walkthrough.core.progress.sealed import new_key, seal
from privacy_walkthrough.core.progress.store import ProgressError
from privacy_walkthrough.core.progress.transfer import (
    file_key,
    keep_saved_notes,
    notes_it_would_delete,
    read_portable_progress,
)
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.passphrase_dialog import PassphrasePurpose

if TYPE_CHECKING:
    from privacy_walkthrough.core.checklist.render import ChecklistOptions
    from privacy_walkthrough.core.progress.models import Progress
    from privacy_walkthrough.core.progress.transfer import PortableProgress

log = logging.getLogger(__name__)


class WindowHost(Protocol):
    """What these commands need from the window."""

    def flush_note(self) -> None: ...
    def announce(self, text: str) -> None: ...
    def reload(self) -> None: ...


class FileCommands:
    def __init__(
        self,
        host: WindowHost,
        session: Session,
        dialogs: Dialogs,
        parent: QWidget,
        protected: Callable[[], bool] = lambda: False,
    ) -> None:
        self.host = host
        self.session = session
        self.dialogs = dialogs
        self.parent = parent
        self.include_notes = False
        # Where the file dialogs start, saving and opening alike: the folder last used, or home.
        self.folder = Path.home()
        self.protected = protected  # whether the profile on show is protected with a passphrase
        self.guard = UnlockGuard()  # for encrypted files to import

    # -- menu commands --------------------------------------------------------------------

    def _plain_notes_ok(self) -> bool:
        """A protected profile's notes leave the encrypted files only after a clear question."""
        if not (self.include_notes and self.protected()):
            return True
        return self.dialogs.confirm(
            self.parent,
            tr("Print your private notes?"),
            tr(
                "This profile is protected, but a printed or saved checklist is not encrypted: anyone "
                "who sees the paper or the file can read the notes in it."
            ),
            tr("Include the notes"),
        )

    def on_print_triggered(self) -> None:
        self.host.flush_note()
        if not self._plain_notes_ok():
            return
        if self.print_checklist():
            self.host.announce(tr("The checklist was sent to the printer."))

    def on_preview_triggered(self) -> None:
        self.host.flush_note()
        if self._plain_notes_ok():
            self.preview()

    def on_print_blank_triggered(self) -> None:
        self.preview(blank=True)

    def on_save_pdf_triggered(self) -> None:
        self.host.flush_note()
        if not self._plain_notes_ok():
            return
        target = self.save_pdf()
        if target is not None:
            self.host.announce(tr("The checklist was saved as {path}.", path=ltr(str(target))))

    def on_export_triggered(self) -> None:
        self.host.flush_note()
        target = self.save_progress_file()
        if target is not None:
            self.host.announce(tr("Your progress was saved as {path}.", path=ltr(str(target))))

    def on_import_triggered(self) -> None:
        source = self.dialogs.open_path(
            self.parent,
            tr("Import progress"),
            self.folder,
            tr("Privacy Walkthrough progress (*.json);;All files (*)"),
        )
        if source is None:
            return
        self.folder = source.parent
        key = None
        if protection.is_sealed_file(source):
            key = self.dialogs.unlock(
                self.parent, source.name, lambda phrase: file_key(source, phrase), self.guard
            )
            if key is None:
                return
        try:
            portable = read_portable_progress(source, self.session.guide, key, self.session.titles)
        except ProgressError as exc:
            self.dialogs.warn(
                self.parent,
                tr("Nothing was imported"),
                tr("{reason} Your progress has not changed.", reason=exc.sentence()),
            )
            return
        chosen = self._ask_to_replace(source, portable)
        if chosen is None:
            return
        backup = self.session.replace_progress(chosen)
        self.host.reload()
        message = tr("The progress from {name} is now in use.", name=source.name)
        if backup is not None:
            message = tr(
                "{message} Your earlier progress was kept in {path}.", message=message, path=ltr(str(backup))
            )
        self.dialogs.inform(self.parent, tr("Progress imported"), message)

    def _ask_to_replace(self, source: Path, portable: PortableProgress) -> Progress | None:
        """The progress to use after asking, or None: cancelled.

        Notes saved here that the file has no note for are kept, unless the person picks
        exactly "delete them".
        """
        imported = portable.progress
        replacing = tr(
            "The progress in {name} will replace the progress in this app. A copy of your "
            "current progress is kept as a backup file in the data folder. {left_out}",
            name=source.name,
            left_out=portable.notices(),
        ).strip()
        saved = self.session.walkthrough.progress
        at_risk = notes_it_would_delete(saved, imported)
        title = tr("Replace your progress?")
        if not at_risk:
            accepted = self.dialogs.confirm(self.parent, title, replacing, tr("Replace"))
            return imported if accepted else None
        titles = {step.id: step.title for step in self.session.guide.steps}
        notes = ntr(
            "The file has no note for {n} step that has a note here: {steps}.",
            "The file has no note for {n} steps that have a note here: {steps}.",
            len(at_risk),
            steps=tr("; ").join(titles.get(step_id, step_id) for step_id in at_risk),
        )
        answer = self.dialogs.ask_choice(
            self.parent,
            title,
            tr("{replacing}\n\n{notes}", replacing=replacing, notes=notes),
            [tr("Replace, keep my notes"), tr("Replace and delete these notes")],
            tr("Cancel"),
        )
        if answer is None:
            return None
        return imported if answer == 1 else keep_saved_notes(imported, saved, at_risk)

    # -- the work -------------------------------------------------------------------------

    def _options(self, *, blank: bool = False) -> ChecklistOptions:
        from privacy_walkthrough.core.checklist.render import ChecklistOptions

        progress = self.session.walkthrough.progress
        return ChecklistOptions(
            generated_at=dt.datetime.now().astimezone(),
            app_version=__version__,
            include_notes=self.include_notes and not blank,
            blank=blank,
            person_name=progress.person_name,  # the blank one too, like `export --blank`
        )

    def html(self, *, blank: bool = False) -> str:
        from privacy_walkthrough.core.checklist.render import render_html

        return render_html(self.session.guide, self.session.walkthrough.progress, self._options(blank=blank))

    def _paint(self, device: QPagedPaintDevice, *, blank: bool = False) -> None:
        from privacy_walkthrough.qt.printing import checklist_document, print_checklist

        print_checklist(checklist_document(self.html(blank=blank)), device)

    def print_checklist(self, *, blank: bool = False) -> bool:
        return self.dialogs.print_with_dialog(self.parent, lambda printer: self._paint(printer, blank=blank))

    def preview(self, *, blank: bool = False) -> None:
        self.dialogs.preview(self.parent, lambda printer: self._paint(printer, blank=blank))

    def save_pdf(self, *, blank: bool = False) -> Path | None:
        from privacy_walkthrough.qt.printing import write_pdf

        name = "privacy-checklist-blank.pdf" if blank else "privacy-checklist.pdf"
        html = self.html(blank=blank)
        return self._save(
            tr("Save the checklist as PDF"),
            self.folder / name,
            tr("PDF files (*.pdf)"),
            lambda target: write_pdf(html, target, title=tr("Privacy checklist")),
        )

    def save_progress_file(self) -> Path | None:
        """The portable progress file (notes included: it is for carrying progress along)."""
        from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_json

        options = ChecklistOptions(
            generated_at=dt.datetime.now().astimezone(), app_version=__version__, include_notes=True
        )
        data = render_json(self.session.guide, self.session.walkthrough.progress, options).encode("utf-8")
        if self.protected() and self.dialogs.confirm(
            self.parent,
            tr("Encrypt the progress file?"),
            tr(
                "This profile is protected. The exported file holds its notes and answers; encrypted, "
                "it can only be imported with the passphrase you choose now."
            ),
            tr("Encrypt it"),
        ):
            choice = self.dialogs.ask_new_passphrase(self.parent, purpose=PassphrasePurpose.EXPORT)
            if choice is None:
                return None
            data = seal(data, new_key(choice.passphrase))
        return self._save(
            tr("Export progress"),
            self.folder / "privacy-walkthrough-progress.json",
            tr("Privacy Walkthrough progress (*.json)"),
            lambda target: write_atomically(target, data),
        )

    def _save(
        self, title: str, suggested: Path, file_filter: str, write: Callable[[Path], None]
    ) -> Path | None:
        target = self.dialogs.save_path(self.parent, title, suggested, file_filter)
        if target is None:
            return None
        if target.suffix.lower() != suggested.suffix:
            target = target.with_name(target.name + suggested.suffix)
        self.folder = target.parent
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
                    path=ltr(str(target)),
                    reason=exc.strerror or str(exc),
                ),
            )
            return None
        return target
