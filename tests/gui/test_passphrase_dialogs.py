"""The unlock and passphrase dialogs, built on their own and driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.progress import sealed
from privacy_walkthrough.core.progress.sealed import KdfParams, WrongPassphraseError
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.qt.passphrase_dialog import PassphraseDialog, PassphrasePurpose
from privacy_walkthrough.qt.unlock_dialog import UnlockDialog

KEY = sealed.new_key("right passphrase", KdfParams(log2_n=10))


def derive(passphrase: str) -> sealed.SealKey:
    if passphrase != "right passphrase":
        raise WrongPassphraseError("wrong")
    return KEY


def type_and_unlock(qtbot: QtBot, dialog: UnlockDialog, passphrase: str) -> None:
    dialog.passphrase_edit.setText(passphrase)
    with qtbot.waitSignal(dialog.worker.finished, timeout=30_000):  # generous: a loaded CI machine
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_the_right_passphrase_unlocks(qtbot: QtBot) -> None:
    dialog = UnlockDialog("Protected profile", derive, UnlockGuard())
    qtbot.addWidget(dialog)
    dialog.show()
    type_and_unlock(qtbot, dialog, "right passphrase")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key is KEY
    assert dialog.passphrase_edit.text() == ""


def test_a_wrong_passphrase_is_refused_in_plain_words_and_five_slow_it_down(qtbot: QtBot) -> None:
    guard = UnlockGuard()
    dialog = UnlockDialog("Protected profile", derive, guard)
    qtbot.addWidget(dialog)
    dialog.show()
    type_and_unlock(qtbot, dialog, "wrong")
    assert dialog.key is None
    assert dialog.isVisible()
    assert "does not open this profile" in dialog.message_label.text()
    for _ in range(4):
        type_and_unlock(qtbot, dialog, "wrong again")
    assert guard.failures == 5
    assert "try again in 2 seconds" in dialog.message_label.text()
    assert not dialog.unlock_button.isEnabled()


def test_a_hostile_profile_label_stays_plain_text(qtbot: QtBot) -> None:
    hostile = '<a href="https://evil.example/r">Click to restore</a>'
    dialog = UnlockDialog(hostile, derive, UnlockGuard())
    qtbot.addWidget(dialog)
    assert hostile in dialog.windowTitle()
    labels = [w for w in dialog.findChildren(type(dialog.message_label)) if hostile in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_setting_a_passphrase_says_it_cannot_be_recovered_and_checks_it(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, purpose=PassphrasePurpose.PROTECT)
    qtbot.addWidget(dialog)
    warning = dialog.findChild(type(dialog.problem_label), "passphraseWarning")
    assert "no recovery" in warning.text()
    dialog.passphrase_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.on_accept_clicked()
    assert dialog.choice is None and "at least 8" in dialog.problem_label.text()
    dialog.passphrase_edit.setText("four random words here")
    dialog.repeat_edit.setText("four random words hero")
    dialog.on_accept_clicked()
    assert dialog.choice is None and "not the same" in dialog.problem_label.text()
    dialog.repeat_edit.setText("four random words here")
    dialog.lock_combo.setCurrentIndex(dialog.lock_combo.findData(5))
    dialog.on_accept_clicked()
    assert dialog.choice is not None
    assert (dialog.choice.passphrase, dialog.choice.lock_after_minutes) == ("four random words here", 5)
    assert "four random" not in repr(dialog.choice)


def test_the_checklist_can_be_saved_before_the_passphrase_is_set(qtbot: QtBot) -> None:
    exported = []
    dialog = PassphraseDialog(
        None, purpose=PassphrasePurpose.PROTECT, export_first=lambda: exported.append(True)
    )
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "exportFirstButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert exported == [True]
    assert dialog.choice is None
