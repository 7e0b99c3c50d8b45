"""The window in another language, started through the real entry point."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from privacy_walkthrough.app import main
from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def open_and_close(argv: list[str]) -> WalkthroughWindow:
    """Run the app as from a terminal; return its window, looked at once open, then closed."""
    seen: list[WalkthroughWindow] = []

    def close_once_open() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, WalkthroughWindow)]
        if windows and windows[0].isVisible():
            seen.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(10, close_once_open)

    QTimer.singleShot(0, close_once_open)
    assert main(argv) == 0
    assert seen
    return seen[0]


def test_the_window_under_lang_ar_is_laid_out_right_to_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its crash handler
    window = open_and_close(["--lang", "ar", "--data-dir", str(tmp_path / "data")])

    assert i18n.current_language() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.step_list.isRightToLeft()
    assert window.progress_bar.isRightToLeft()
    # Qt's own words (here a standard button's) come from PySide6's qtbase_ar catalog.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_the_language_chosen_in_the_menu_is_kept_for_the_profile_and_used_next_time(
    make_window: WindowFactory, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    menu = window.window_actions.language_menu
    assert menu.actions[None].isChecked()  # the system's language, until one is chosen

    menu.actions["es"].trigger()

    assert any(kind == "inform" and "Privacy Walkthrough" in text for kind, text in dialogs.asked)
    assert ProfileRegistry(tmp_path / "data").language("default") == "es"
    window.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    again = open_and_close(["--data-dir", str(tmp_path / "data")])
    assert i18n.current_language() == "es"
    assert again.window_actions.language_menu.actions["es"].isChecked()
    assert not QApplication.isRightToLeft()


def test_an_unknown_language_is_refused_with_the_list_of_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "xx", "--data-dir", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert "xx" in err and "es" in err and "ar" in err


def test_qt_buttons_speak_the_language(qtbot: object) -> None:
    from privacy_walkthrough.qt.language import apply_language
    from privacy_walkthrough.translations import use_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_language("es")
    apply_language(app)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"
