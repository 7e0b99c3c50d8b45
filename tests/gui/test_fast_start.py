"""The two-turn start: a light window is painted first, then the walkthrough takes its place.

bench/run.py measures how fast; these check that it stays light and that nothing is lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from privacy_walkthrough.core.progress.lock import InstanceLock
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.main_window import WalkthroughWindow
from privacy_walkthrough.qt.run import build_window
from privacy_walkthrough.qt.startup import StartupWindow
from tests.gui.conftest import WindowFactory
from tests.gui.real_start import run_start
from tests.helpers import ScriptedDialogs

# What the first paint must not wait for: each costs about as much as a bare window, or more.
HEAVY = (
    "pydantic",
    "privacy_walkthrough.core.content.models",
    "segno",
    "privacy_walkthrough.qt.main_window",
    "PySide6.QtPrintSupport",
    "logging.handlers",
)


def test_the_first_turn_of_the_start_imports_nothing_heavy() -> None:
    code = (
        "import sys, privacy_walkthrough.app, privacy_walkthrough.qt.run\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_shell_says_when_it_was_painted_and_hands_its_place_over(qtbot: QtBot) -> None:
    shell = StartupWindow()
    with qtbot.waitSignal(shell.first_painted, timeout=5000):
        shell.show()
    assert shell.status_label.text() == "Opening your walkthrough…"
    shell.resize(900, 650)
    window = QMainWindow()
    qtbot.addWidget(window)

    shell.hand_over(window)

    assert window.isVisible()
    assert window.size() == QSize(900, 650)
    assert not shell.isVisible()


def test_the_walkthrough_opens_in_the_shells_place_and_explains_a_damaged_file(
    qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    paths.progress_file("imessage-privacy").write_bytes(b'{"format": ')
    shells_shown: list[bool] = []

    def look_at_the_shell(window: WalkthroughWindow) -> None:
        shells = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupWindow)]
        shells_shown.append(any(shell.isVisible() for shell in shells))

    status, opened = run_start(paths.data, dialogs, monkeypatch, on_open=look_at_the_shell)

    assert status == 0
    assert opened and shells_shown == [False]
    assert any(kind == "warn" and "could not be read" in text for kind, text in dialogs.asked)
    with InstanceLock(paths.data):  # released on the way out
        pass


SIDE_PAGES = ("welcomePage", "setupPage", "summaryPage")
# What resuming at a step must not wait for: printing, QR codes, and the pages not on show.
NOT_YET = (
    "importlib.metadata",  # pydantic's plugin search (see core/content/records.py)
    "segno",
    "PySide6.QtPrintSupport",
    "privacy_walkthrough.core.checklist.render",
    "privacy_walkthrough.core.qr",
    "privacy_walkthrough.qt.printing",
    "privacy_walkthrough.qt.setup_page",
    "privacy_walkthrough.qt.status_table",
    "privacy_walkthrough.qt.summary_page",
    "privacy_walkthrough.qt.welcome_page",
)
SECOND_TURN = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from privacy_walkthrough.qt.look import apply_look
apply_look(app)
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.run import build_window
window = build_window(AppPaths.resolve(Path(sys.argv[1])), Dialogs())
window.show()
window.grab()
print(window.step_page.title_label.text())
print(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:]))))
from pydantic import BaseModel
def records(kind):
    return [kind, *(record for sub in kind.__subclasses__() for record in records(sub))]
print(sorted(r.__name__ for r in records(BaseModel) if r.__module__.startswith("privacy_walkthrough")
             and r.__pydantic_complete__))
"""


def resume_at(make_window: WindowFactory, step_id: str) -> None:
    """Leave saved progress (in tmp_path's data folder) that resumes at ``step_id``."""
    window = make_window()
    window.go_to_page(window.walkthrough.page_index_of_step(step_id))
    window.close()


def test_resuming_at_a_step_imports_neither_printing_nor_qr_codes_nor_other_pages(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    resume_at(make_window, "icloud-backup")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    argv = [sys.executable, "-c", SECOND_TURN, str(tmp_path / "data"), *NOT_YET]
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    title, imported, built = done.stdout.splitlines()
    assert (title, imported) == ("Turn off iCloud Backup and delete old backups", "[]")
    # Only the validators the start needs are built (defer_build): the files read, as a whole,
    # and the progress of a step not yet touched. Not the list of profiles (there is none yet).
    assert built == "['GuideInfo', 'Progress', 'Step', 'StepProgress']"


def test_resuming_at_a_step_builds_no_other_page_until_it_is_needed(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    resume_at(make_window, "icloud-backup")
    window = build_window(AppPaths.resolve(tmp_path / "data"), dialogs)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.step_page.title_label.text() == window.walkthrough.guide.step("icloud-backup").title
    assert [window.findChild(QWidget, name) for name in SIDE_PAGES] == [None, None, None]
    assert list(window.step_stack.pages) == ["icloud-backup"]
    window.go_to_page(1)
    assert window.stack.currentWidget().isAncestorOf(window.setup_page)
    assert window.setup_page.isVisible()


def test_a_summary_built_late_shows_the_choices_made_before(
    make_window: WindowFactory, dialogs: ScriptedDialogs
) -> None:
    window = make_window()
    window.window_actions.include_notes.trigger()
    assert window.findChild(QWidget, "summaryPage") is None

    window.on_summary_triggered()

    assert window.summary_page.isVisible()
    assert window.summary_page.include_notes_box.isChecked()
    window.summary_page.include_notes_box.setChecked(False)
    assert not window.window_actions.include_notes.isChecked()
    dialogs.save_paths = [None]  # cancelled
    window.summary_page.pdf_button.click()
    assert dialogs.asked[-1][0] == "save_path"


def test_the_next_page_is_built_while_the_person_reads(make_window: WindowFactory) -> None:
    window = make_window()  # on the welcome page
    assert window.findChild(QWidget, "setupPage") is None
    window.on_prepare_next_timeout()
    assert window.findChild(QWidget, "setupPage") is not None

    window.go_to_page(len(window.walkthrough.pages) - 2)  # the last step
    assert window.findChild(QWidget, "summaryPage") is None
    window.on_prepare_next_timeout()
    assert window.findChild(QWidget, "summaryPage") is not None
    window.on_next_triggered()
    assert window.summary_page.isVisible()
    assert window.summary_page.steps_table.rowCount() == len(window.walkthrough.guide.steps)
