"""A protected profile through the real window and the real start: protect, quit, come back,
lock after a time unused, change and take off the passphrase."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.progress import protection, sealed
from privacy_walkthrough.core.progress.models import Answers, StepStatus
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.passphrase_dialog import PassphraseChoice
from privacy_walkthrough.qt.run import build_window
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs

NOTE = "Mateo still has my old iPad"
NAME = "Lucía Fernández"


def protected_window(make_window: WindowFactory, dialogs: ScriptedDialogs, hide_name: bool = True):
    window = make_window()
    window.data_commands.profiles.rename("default", NAME)
    window.walkthrough.go_to_step("icloud-backup")
    window.walkthrough.set_note("icloud-backup", NOTE)
    window.walkthrough.set_answers(Answers(lives_in_uk=True, high_risk=True))
    window.reload()
    dialogs.new_passphrases.append(PassphraseChoice("correct horse battery", 5, hide_name))
    window.passphrase_commands.protect()
    return window


def reopen(qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, *passphrases: str) -> WalkthroughWindow:
    """The real start again, with ``passphrases`` typed at the unlock dialog in turn."""
    dialogs.passphrases[:] = list(passphrases)
    again = build_window(AppPaths.resolve(tmp_path / "data"), dialogs)
    assert again is not None
    qtbot.addWidget(again)
    return again


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_protect_quit_and_come_back_with_the_passphrase(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = protected_window(make_window, dialogs)
    assert window.windowTitle() == "Privacy Walkthrough — Protected profile"
    assert window.passphrase_commands.idle.active
    window.walkthrough.set_status("icloud-backup", StepStatus.SKIPPED, "waiting for ADP")
    window.close()

    for path, raw in all_bytes(tmp_path / "data"):
        for secret in (NOTE, NAME, "Luc", "icloud-backup", "lives_in_uk", "high_risk", "ADP"):
            assert secret.encode() not in raw, f"{secret!r} readable in {path}"

    again = reopen(qtbot, tmp_path, dialogs, "wrong one", "correct horse battery")
    assert ("wrong passphrase", "Protected profile") in dialogs.asked
    assert again.walkthrough.progress.steps["icloud-backup"].note == NOTE
    assert again.walkthrough.progress.steps["icloud-backup"].status is StepStatus.SKIPPED
    assert again.walkthrough.progress.answers.lives_in_uk is True


def test_without_the_passphrase_nothing_opens_and_nothing_changes(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    protected_window(make_window, dialogs).close()
    before = all_bytes(tmp_path / "data")
    dialogs.passphrases[:] = ["not it", None]
    assert build_window(AppPaths.resolve(tmp_path / "data"), dialogs) is None
    assert all_bytes(tmp_path / "data") == before


def test_the_window_locks_after_a_time_unused_and_shows_nothing_until_unlocked(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = protected_window(make_window, dialogs)
    seen_while_locked = []
    real_unlock = dialogs.unlock

    def unlock(*args: object, **kwargs: object) -> object:
        seen_while_locked.append(window.isVisible())
        return real_unlock(*args, **kwargs)

    dialogs.unlock = unlock  # type: ignore[method-assign]
    dialogs.passphrases[:] = ["correct horse battery"]
    window.passphrase_commands.idle.idle_timed_out.emit()
    assert seen_while_locked == [False]
    assert window.isVisible()
    assert window.walkthrough.progress.steps["icloud-backup"].note == NOTE


def test_cancelling_the_lock_screen_closes_the_window_with_everything_saved(
    qtbot: QtBot, make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = protected_window(make_window, dialogs)
    dialogs.passphrases[:] = [None]
    window.passphrase_commands.lock()
    assert not window.isVisible()
    again = reopen(qtbot, tmp_path, dialogs, "correct horse battery")
    assert again.walkthrough.progress.steps["icloud-backup"].note == NOTE


def test_change_then_take_off_the_passphrase(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = protected_window(make_window, dialogs, hide_name=False)
    assert window.windowTitle() == f"Privacy Walkthrough — {NAME}"
    dialogs.passphrases[:] = ["correct horse battery"]
    dialogs.new_passphrases.append(PassphraseChoice("staple tuna lamp", 0, False))
    window.passphrase_commands.change()
    assert not window.passphrase_commands.idle.active  # "never by itself" now
    window.close()
    dialogs.passphrases[:] = ["correct horse battery", "staple tuna lamp"]
    window = build_window(AppPaths.resolve(tmp_path / "data"), dialogs)
    assert window is not None and ("wrong passphrase", NAME) in dialogs.asked
    dialogs.confirm_answers.append(True)
    dialogs.passphrases[:] = ["staple tuna lamp"]
    window.passphrase_commands.remove()
    progress_file = window.session.store.path
    assert NOTE.encode() in progress_file.read_bytes()
    assert not window.data_commands.current_profile.protected
    window.close()


def test_a_passphrase_change_that_fails_is_explained_and_the_old_one_still_opens(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = protected_window(make_window, dialogs, hide_name=False)

    def disk_full(folder: Path, old: object, new: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(protection, "rekey", disk_full)
    dialogs.passphrases[:] = ["correct horse battery"]
    dialogs.new_passphrases.append(PassphraseChoice("staple tuna lamp", 0, False))
    window.passphrase_commands.change()

    assert ("warn", "The passphrase was not changed\nNo space left on device") in dialogs.asked
    assert window.last_announcement != "The passphrase was changed."
    assert window.data_commands.current_profile.protected
    window.close()
    monkeypatch.undo()
    again = reopen(qtbot, tmp_path, dialogs, "correct horse battery")
    assert again.walkthrough.progress.steps["icloud-backup"].note == NOTE


def test_switching_to_a_protected_profile_asks_and_cancel_stays(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = protected_window(make_window, dialogs)
    profiles = window.data_commands.profiles
    other = profiles.create("Ana")
    dialogs.passphrases[:] = []
    window.data_commands.switch_profile(other.id)
    assert window.data_commands.current_profile.id == other.id
    dialogs.passphrases[:] = [None]
    window.data_commands.switch_profile("default")
    assert window.data_commands.current_profile.id == other.id  # cancelled: still Ana
    dialogs.passphrases[:] = ["correct horse battery"]
    window.data_commands.switch_profile("default")
    assert window.walkthrough.progress.steps["icloud-backup"].note == NOTE


def test_the_window_exports_an_encrypted_file_and_imports_it_with_its_passphrase(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = protected_window(make_window, dialogs)
    target = tmp_path / "carry.json"
    dialogs.confirm_answers.append(True)  # encrypt it
    dialogs.new_passphrases.append(PassphraseChoice("file passphrase", 0, False))
    dialogs.save_paths.append(target)
    window.file_commands.on_export_triggered()
    assert sealed.is_sealed(target.read_bytes()) and NOTE.encode() not in target.read_bytes()

    window.walkthrough.set_note("icloud-backup", "changed since")
    dialogs.open_paths.append(target)
    dialogs.passphrases[:] = ["correct horse battery", "file passphrase"]  # a wrong one first
    dialogs.confirm_answers.append(True)  # replace
    window.file_commands.on_import_triggered()
    assert ("wrong passphrase", "carry.json") in dialogs.asked
    assert window.walkthrough.progress.steps["icloud-backup"].note == NOTE


def test_printing_a_protected_profile_s_notes_asks_first(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = protected_window(make_window, dialogs)
    window.file_commands.include_notes = True
    dialogs.confirm_answers.append(False)
    window.file_commands.on_save_pdf_triggered()
    assert dialogs.asked[-1][0] == "confirm" and "not encrypted" in dialogs.asked[-1][1]
    assert not any(kind == "save_path" for kind, _ in dialogs.asked)
