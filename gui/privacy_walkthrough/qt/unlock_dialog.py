"""Ask for a protected profile's passphrase, derive its key off the event loop, and say plainly
when it is wrong.

Nothing of the profile is on screen while this dialog shows: only the label the profile list
shows for it ("Protected profile" when its name is hidden).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.sealed import SealKey, WrongPassphraseError
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.qt.key_worker import KeyWorker
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel


class UnlockDialog(QDialog):
    """``derive(passphrase)`` returns the key or raises; on success :attr:`key` holds it."""

    def __init__(
        self,
        label: str,
        derive: Callable[[str], SealKey],
        guard: UnlockGuard,
        parent: QWidget | None = None,
        *,
        cancel_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(tr("Unlock {label}", label=label))
        self.key: SealKey | None = None
        self._derive = derive
        self._guard = guard
        self.worker = KeyWorker(self)
        self.worker.finished.connect(self.on_worker_finished)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._update_wait)

        heading = HeadingLabel(tr("This profile is protected"), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        intro = WrappedLabel(
            tr("Type the passphrase for “{label}” to open it.", label=label),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        prompt = QLabel(tr("&Passphrase:"), self)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("passphraseEdit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(tr("Passphrase"))
        prompt.setBuddy(self.passphrase_edit)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # "working", with no end we can predict
        self.busy_bar.setAccessibleName(tr("Checking the passphrase"))
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.message_label = WrappedLabel("", self)
        self.message_label.setObjectName("unlockMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setAccessibleName(tr("Unlock message"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        if cancel_text:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
        self.unlock_button = QPushButton(tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.on_unlock_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(prompt)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self._update_wait()

    def on_unlock_clicked(self) -> None:
        passphrase = self.passphrase_edit.text()
        if self.worker.busy or self._guard.wait_seconds() > 0 or not passphrase:
            return
        self._set_busy(True)
        self.message_label.setText(tr("Checking the passphrase…"))
        self.worker.start(lambda: self._derive(passphrase))

    def on_worker_finished(self, key: object, error: object) -> None:
        self._set_busy(False)
        if isinstance(key, SealKey):
            self._guard.succeeded()
            self.key = key
            self.passphrase_edit.clear()
            self.accept()
            return
        self.passphrase_edit.selectAll()
        if isinstance(error, WrongPassphraseError):
            self._guard.failed()
            self.message_label.setText(
                tr(
                    "That passphrase does not open this profile. Check Caps Lock and the keyboard "
                    "language, then try again."
                )
            )
        else:
            self.message_label.setText(tr("The profile could not be opened: {reason}", reason=str(error)))
        self._update_wait()

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.passphrase_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def _update_wait(self) -> None:
        wait = self._guard.wait_seconds()
        if wait > 0:
            self.unlock_button.setEnabled(False)
            self.message_label.setText(
                tr(
                    "Too many wrong tries in a row. You can try again in {seconds} seconds.",
                    seconds=int(wait + 0.999),
                )
            )
            self._countdown.start()
        else:
            if self._countdown.isActive():
                self.message_label.setText(tr("You can try again now."))
            self._countdown.stop()
            self.unlock_button.setEnabled(not self.worker.busy)

    def reject(self) -> None:
        self.worker.wait()  # never leave a derivation running behind a closed dialog
        super().reject()
