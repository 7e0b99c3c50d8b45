"""Set, change or take off a profile's passphrase, saying first that a forgotten one is final."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.sealed import MIN_PASSPHRASE_CHARS
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel

LOCK_CHOICES = (0, 5, 15)  # minutes without activity; 0: never lock by itself


class PassphrasePurpose(Enum):
    PROTECT = "protect"  # a profile that had none
    CHANGE = "change"  # a profile's new passphrase
    EXPORT = "export"  # a progress file to carry to another computer


@dataclass(frozen=True, repr=False)
class PassphraseChoice:
    passphrase: str
    lock_after_minutes: int
    hide_name: bool

    def __repr__(self) -> str:  # never in a log or a traceback
        return f"PassphraseChoice(lock_after_minutes={self.lock_after_minutes}, hide_name={self.hide_name})"


def passphrase_problem(passphrase: str, repeated: str) -> str | None:
    """Why a new passphrase cannot be used, in plain words; None when it can."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        return ntr(
            "Use at least {n} character. A few unrelated words are easy to remember and hard to guess.",
            "Use at least {n} characters. A few unrelated words are easy to remember and hard to guess.",
            MIN_PASSPHRASE_CHARS,
        )
    if passphrase != repeated:
        return tr("The two passphrases are not the same.")
    return None


class PassphraseDialog(QDialog):
    """``export_first`` is offered before a passphrase is set: a printable checklist to keep."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        purpose: PassphrasePurpose,
        lock_after_minutes: int = 0,
        export_first: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.choice: PassphraseChoice | None = None
        titles = {
            PassphrasePurpose.PROTECT: tr("Protect this profile with a passphrase"),
            PassphrasePurpose.CHANGE: tr("Choose a new passphrase"),
            PassphrasePurpose.EXPORT: tr("Encrypt the progress file"),
        }
        self.setWindowTitle(titles[purpose])
        heading = HeadingLabel(titles[purpose], self)
        if purpose is PassphrasePurpose.EXPORT:
            explanation = tr(
                "The file will be encrypted with this passphrase. It is needed to import the file "
                "again. If it is forgotten, nobody can open the file: there is no recovery."
            )
        else:
            explanation = tr(
                "The saved progress, its backups and the answers in this profile will be encrypted on "
                "this computer. The app will ask for the passphrase each time this profile is opened.\n\n"
                "If the passphrase is forgotten, nobody can open this profile again: there is no "
                "recovery, by design. Write it down somewhere safe, away from this computer."
            )
        warning = WrappedLabel(explanation, self)
        warning.setObjectName("passphraseWarning")
        warning.setTextFormat(Qt.TextFormat.PlainText)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(tr("New passphrase"))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(tr("New passphrase again"))
        self.lock_combo = QComboBox(self)
        self.lock_combo.setAccessibleName(tr("Lock again after"))
        for minutes in LOCK_CHOICES:
            text = (
                tr("Never by itself")
                if minutes == 0
                else ntr("{n} minute without use", "{n} minutes without use", minutes)
            )
            self.lock_combo.addItem(text, minutes)
        self.lock_combo.setCurrentIndex(max(0, self.lock_combo.findData(lock_after_minutes)))
        self.hide_check = QCheckBox(tr("&Show it as “Protected profile” in the list of profiles"), self)
        self.hide_check.setChecked(True)
        profile = purpose is not PassphrasePurpose.EXPORT
        self.lock_combo.setVisible(profile)
        self.hide_check.setVisible(profile and purpose is PassphrasePurpose.PROTECT)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("&New passphrase:"), self.passphrase_edit)
        form.addRow(tr("&Type it again:"), self.repeat_edit)
        if profile:
            form.addRow(tr("&Lock again after:"), self.lock_combo)
        self.problem_label = WrappedLabel("", self)
        self.problem_label.setObjectName("passphraseProblem")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        labels = {
            PassphrasePurpose.PROTECT: tr("&Protect"),
            PassphrasePurpose.CHANGE: tr("&Change passphrase"),
            PassphrasePurpose.EXPORT: tr("&Encrypt and save"),
        }
        accept = QPushButton(labels[purpose], self)
        accept.setDefault(True)
        buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
        if export_first is not None:
            export = QPushButton(tr("&Save a printable checklist first…"), self)
            export.setObjectName("exportFirstButton")
            export.clicked.connect(lambda: export_first())
            buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.on_accept_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.hide_check)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def on_accept_clicked(self) -> None:
        problem = passphrase_problem(self.passphrase_edit.text(), self.repeat_edit.text())
        if problem is not None:
            self.problem_label.setText(problem)
            self.passphrase_edit.setFocus()
            return
        self.choice = PassphraseChoice(
            self.passphrase_edit.text(), int(self.lock_combo.currentData()), self.hide_check.isChecked()
        )
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self.accept()
