"""The window in another language, started through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.app import main
from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt import run as run_module
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.run import build_window
from tests.gui.conftest import WindowFactory
from tests.helpers import ScriptedDialogs


def open_window(argv: list[str], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> WalkthroughWindow:
    """Start the app as from a terminal, up to its window (built as the second turn builds it).

    The event loop of the two-turn start is tested in test_fast_start.py; here the window is
    built without it, so that the test can look at it.
    """
    built: list[WalkthroughWindow] = []

    def build_only(app: object, paths: AppPaths, dialogs: object, content: object, lang: str | None) -> int:
        window = build_window(paths, ScriptedDialogs(), None, lang)
        assert window is not None
        qtbot.addWidget(window)
        built.append(window)
        return 0

    monkeypatch.setattr(run_module, "_run_window", build_only)
    assert main(argv) == 0
    return built[0]


def test_the_window_under_lang_ar_is_laid_out_right_to_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    window = open_window(["--lang", "ar", "--data-dir", str(tmp_path / "data")], monkeypatch, qtbot)

    assert i18n.current_language() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.step_list.isRightToLeft()
    assert window.nav_bar.progress_bar.isRightToLeft()
    assert window.step_page.decision_bar.isRightToLeft()
    # Qt's own words (here a standard button's) come from PySide6's qtbase_ar catalog.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_the_language_chosen_in_the_menu_is_kept_for_the_profile_and_used_next_time(
    make_window: WindowFactory,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = make_window()
    menu = window.window_actions.language_menu
    assert menu.actions[None].isChecked()  # the system's language, until one is chosen

    menu.actions["es"].trigger()

    assert any(kind == "inform" and "Privacy Walkthrough" in text for kind, text in dialogs.asked)
    assert ProfileRegistry(tmp_path / "data").language("default") == "es"
    window.close()
    again = open_window(["--data-dir", str(tmp_path / "data")], monkeypatch, qtbot)
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


def test_a_stale_translated_step_is_shown_in_english_with_a_plain_note(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    from privacy_walkthrough.core.content.hash import step_content_hash
    from privacy_walkthrough.core.content.loader import load_guide
    from privacy_walkthrough.guides import localized
    from tests.helpers import write_guide, write_translation

    root = tmp_path / "test-guide"
    english = load_guide(write_guide(root / "en", ["first-step", "second-step"]))
    current = step_content_hash(english.step("first-step"))
    write_translation(root / "es", {"first-step": current, "second-step": "0123456789abcdef"})
    window = make_window(localized(english, root, "es"))

    window.go_to_page(window.walkthrough.page_index_of_step("first-step"))
    page = window.step_page
    assert page.title_label.text() == "Paso first step"
    assert page.translation_note_label.isHidden()

    window.go_to_page(window.walkthrough.page_index_of_step("second-step"))
    page = window.step_page
    assert page.title_label.text() == "Second step"
    assert page.translation_note_label.isVisible()
    assert "shown in English" in page.translation_note_label.text()
    assert "machine-assisted" in window.welcome_page.translation_label.text()


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_the_welcome_page_says_how_long_once_in_every_language(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    window = open_window(["--lang", lang, "--data-dir", str(tmp_path / "data")], monkeypatch, qtbot)
    minutes = str(window.walkthrough.guide.info.minutes)
    texts = [label.text() for label in window.welcome_page.findChildren(QLabel)]
    assert sum(text.count(minutes) for text in texts) == 1, texts
