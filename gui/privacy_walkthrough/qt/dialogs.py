"""Every modal dialog and every hand-off to the desktop goes through this one class.

The window receives a :class:`Dialogs` in its constructor; tests pass a fake with the
same methods that records the question and returns a scripted answer, so no test ever
has to answer a real dialog.

Messages quote text from files (a step id from an import, a profile's name, a guide's
title), so every message box and question shows its text as plain text, never as rich text
whose links would open the browser around the app's link rules.  Each dialog is shown by
:meth:`Dialogs.run`, which a test can replace to look at the real dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:  # the guide chooser brings in the content models; the first paint does without
    from PySide6.QtPrintSupport import QPrinter  # loaded when first printing: the window does without

    from privacy_walkthrough.core.about import AboutText
    from privacy_walkthrough.core.progress.sealed import SealKey
    from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
    from privacy_walkthrough.guides import GuideEntry
    from privacy_walkthrough.qt.passphrase_dialog import PassphraseChoice, PassphrasePurpose


class Dialogs:
    """Real dialogs, shown modally over ``parent``."""

    def run(self, dialog: QDialog) -> int:
        """Show ``dialog`` modally; its result code."""
        return dialog.exec()

    def _message(self, icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # text from files is never rich text
        return box

    def confirm(self, parent: QWidget | None, title: str, text: str, accept_label: str) -> bool:
        box = self._message(QMessageBox.Icon.Question, parent, title, text)
        box.addButton(QMessageBox.StandardButton.Cancel)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.run(box)
        return box.clickedButton() is accept

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """A one-line question; None when cancelled."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(text)
        for shown in dialog.findChildren(QLabel):
            shown.setTextFormat(Qt.TextFormat.PlainText)
        accepted = self.run(dialog) == QDialog.DialogCode.Accepted
        return dialog.textValue() if accepted else None

    def ask_choice(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str], cancel_label: str
    ) -> int | None:
        """Which of ``choices`` (an index); None for ``cancel_label``, the default, or Escape."""
        box = self._message(QMessageBox.Icon.Warning, parent, title, text)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices]
        cancel = box.addButton(cancel_label, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.run(box)
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._message(QMessageBox.Icon.Information, parent, title, text)
        box.addButton(QMessageBox.StandardButton.Ok)
        self.run(box)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._message(QMessageBox.Icon.Warning, parent, title, text)
        box.addButton(QMessageBox.StandardButton.Ok)
        self.run(box)

    def save_path(self, parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def open_path(self, parent: QWidget | None, title: str, folder: Path, file_filter: str) -> Path | None:
        """A file to open, starting in ``folder`` (where the save dialogs suggest saving)."""
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
        return Path(name) if name else None

    def print_with_dialog(self, parent: QWidget | None, paint: Callable[[QPrinter], object]) -> bool:
        """The system print dialog; on OK, ``paint`` prints onto the chosen printer."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        paint(printer)
        return True

    def preview(self, parent: QWidget | None, paint: Callable[[QPrinter], object]) -> None:
        """Qt's print preview, which can also print."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.paintRequested.connect(paint)
        dialog.resize(900, 700)
        dialog.exec()

    def choose_guide(self, parent: QWidget | None, entries: Sequence[GuideEntry]) -> int | None:
        """Which of several guides to open (an index into ``entries``); None when cancelled."""
        from privacy_walkthrough.qt.guide_chooser import GuideChooserDialog

        dialog = GuideChooserDialog(entries, parent)
        if self.run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_index()

    def about(self, parent: QWidget | None, about: AboutText) -> None:
        """Help > About, with the address of newer versions as text to copy."""
        from privacy_walkthrough.qt.about_dialog import AboutDialog

        AboutDialog(about, parent).exec()

    def unlock(
        self, parent: QWidget | None, label: str, derive: Callable[[str], SealKey], guard: UnlockGuard
    ) -> SealKey | None:
        """Ask for a protected profile's (or file's) passphrase; the key, or None when cancelled."""
        from privacy_walkthrough.qt.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(label, derive, guard, parent)
        dialog.exec()
        return dialog.key

    def ask_new_passphrase(
        self,
        parent: QWidget | None,
        *,
        purpose: PassphrasePurpose,
        lock_after_minutes: int = 0,
        export_first: Callable[[], object] | None = None,
    ) -> PassphraseChoice | None:
        """A new passphrase (typed twice) with its options; None when cancelled."""
        from privacy_walkthrough.qt.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(
            parent, purpose=purpose, lock_after_minutes=lock_after_minutes, export_first=export_first
        )
        dialog.exec()
        return dialog.choice

    def open_url(self, url: str) -> bool:
        """Hand a link to the system browser; only ever called when the user clicks one."""
        return QDesktopServices.openUrl(QUrl(url))
