"""The window shell: step list, the page stack, Back/Next, progress, menus.

The window reads the walkthrough and calls its named actions; it never writes progress
itself, and it moves between pages only with the walkthrough's own navigation (``go_next``,
``go_back``, ``go_to_step``…), the one the unit tests drive.  Resuming shows the saved page
directly, and Back walks the guide in order, so it works from wherever the person resumed.
The person's decisions are handled by :class:`~privacy_walkthrough.qt.decisions.StepDecisions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.core.view_settings import ViewSettings
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.data_commands import DataCommands
from privacy_walkthrough.qt.decisions import StepDecisions
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.file_commands import FileCommands
from privacy_walkthrough.qt.look import status_icons
from privacy_walkthrough.qt.menus import MenuTargets, WindowActions
from privacy_walkthrough.qt.nav_bar import NavigationBar
from privacy_walkthrough.qt.page_stack import PageStack
from privacy_walkthrough.qt.passphrase_commands import PassphraseCommands
from privacy_walkthrough.qt.step_list import StepListWidget
from privacy_walkthrough.qt.step_page import StepPage
from privacy_walkthrough.qt.tab_order import move_focus, reading_order

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    from privacy_walkthrough.qt.setup_page import SetupPage
    from privacy_walkthrough.qt.summary_page import SummaryPage
    from privacy_walkthrough.qt.welcome_page import WelcomePage

log = logging.getLogger(__name__)

SAVE_RETRY_MS = 5000
PREPARE_NEXT_MS = 200  # soon after the page is shown, while the person reads it


def _accessibility() -> tuple[type[QAccessible], type[QAccessibleAnnouncementEvent]]:
    """QAccessible and its announcement event, imported when first needed.

    QAccessible's enums take about 3 ms to set up; nothing is announced before the resumed
    step is shown, and the window sets them up while the person reads the first page.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    return QAccessible, QAccessibleAnnouncementEvent


class WalkthroughWindow(QMainWindow):
    def __init__(
        self, session: Session, dialogs: Dialogs, paths: AppPaths, profiles: ProfileRegistry
    ) -> None:
        super().__init__()
        self.setObjectName("walkthroughWindow")
        self._session = session
        self.dialogs = dialogs
        self.paths = paths
        self.last_announcement = ""
        self.setMinimumSize(800, 600)
        self.resize(1100, 760)
        self.icons = status_icons()

        self.step_list = StepListWidget(self.icons)
        self.statusBar()  # there from the start: the first message does not shift the layout
        self.view_settings = ViewSettings.load(paths.data)  # which sections of a step are open
        self.stack = PageStack(
            self._build_welcome_page, self._build_setup_page, self._build_summary_page, self.view_settings
        )
        self.step_stack = self.stack.step_stack

        self.nav_bar = NavigationBar()
        self.save_problem_label = QLabel()
        self.save_problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_problem_label.setObjectName("saveProblemLabel")
        self.save_problem_label.setWordWrap(True)
        self.save_problem_label.hide()

        self.file_commands = FileCommands(
            self, session, dialogs, self, lambda: self.data_commands.current_profile.protected
        )
        self.passphrase_commands = PassphraseCommands(
            self, session, dialogs, self, profiles, UnlockGuard(), self.file_commands.on_save_pdf_triggered
        )
        self.data_commands = DataCommands(
            self, session, dialogs, self, paths, profiles, self.passphrase_commands.open_store
        )
        self.decisions = StepDecisions(self, session, dialogs, self)
        self.window_actions = WindowActions(self, self._menu_targets(), dialogs, session.guide.info)
        self._build_layout()
        self._connect()
        self._save_retry_timer = QTimer(self)
        self._save_retry_timer.setInterval(SAVE_RETRY_MS)
        self._save_retry_timer.timeout.connect(self.on_save_retry_timeout)
        self._prepare_next = QTimer(self)  # builds the next page while the person reads
        self._prepare_next.setSingleShot(True)
        self._prepare_next.setInterval(PREPARE_NEXT_MS)
        self._prepare_next.timeout.connect(self.on_prepare_next_timeout)
        self._quick_exit = False
        self._escape_armed = QTimer(self)
        self._escape_armed.setSingleShot(True)
        self._escape_armed.setInterval(800)
        self.reload()

    @property
    def session(self) -> Session:
        """The one session of this window (switching profile changes its progress file)."""
        return self._session

    @property
    def walkthrough(self) -> Walkthrough:
        return self.session.walkthrough

    # -- the pages (built on first use) ---------------------------------------------------

    @property
    def step_page(self) -> StepPage:
        """The page of the step on show (or of the current step when another page is shown)."""
        return self.stack.step_page(self.walkthrough)

    @property
    def welcome_page(self) -> WelcomePage:
        return self.stack.welcome.page()

    @property
    def setup_page(self) -> SetupPage:
        return self.stack.setup.page()

    @property
    def summary_page(self) -> SummaryPage:
        return self.stack.summary.page()

    def _build_welcome_page(self) -> WelcomePage:
        from privacy_walkthrough.qt.welcome_page import WelcomePage

        page = WelcomePage(self.session.guide, str(self.paths.data))
        page.promise_label.linkActivated.connect(self.dialogs.open_url)
        return page

    def _build_setup_page(self) -> SetupPage:
        from privacy_walkthrough.qt.setup_page import SetupPage

        page = SetupPage(self.session.guide)
        page.devices_changed.connect(self.decisions.on_devices_changed)
        page.answers_changed.connect(self.decisions.on_answers_changed)
        return page

    def _build_summary_page(self) -> SummaryPage:
        from privacy_walkthrough.qt.summary_page import SummaryPage

        page = SummaryPage(self.icons)
        page.include_notes_box.setChecked(self.file_commands.include_notes)
        page.step_requested.connect(self.on_summary_step_requested)
        page.print_requested.connect(self.file_commands.on_print_triggered)
        page.preview_requested.connect(self.file_commands.on_preview_triggered)
        page.pdf_requested.connect(self.file_commands.on_save_pdf_triggered)
        page.person_name_edited.connect(self.decisions.on_person_name_edited)
        page.include_notes_box.toggled.connect(self.window_actions.include_notes.setChecked)
        return page

    def _steps_column(self) -> QWidget:
        """The step list, with the way to the summary always in sight under it (with many
        steps the list's own last entry is below the fold)."""
        self.summary_button = QPushButton(tr("Summary and checklist"))
        self.summary_button.setObjectName("summaryButton")
        self.summary_button.setAccessibleDescription(tr("Every step's status, and printing the checklist"))
        self.summary_button.clicked.connect(self.on_summary_triggered)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.step_list, 1)
        layout.addWidget(self.summary_button)
        return column

    def _build_layout(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 8, 8)
        right_layout.addWidget(self.save_problem_label)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.nav_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._steps_column())
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        self.step_list.setMinimumWidth(200)
        self.setCentralWidget(splitter)
        QWidget.setTabOrder(self.step_list, self.stack)

    def _menu_targets(self) -> MenuTargets:
        files, data = self.file_commands, self.data_commands

        def saved_language() -> str | None:
            return data.profiles.language(data.current_profile.id)

        def set_language(code: str | None) -> None:
            data.profiles.set_language(data.current_profile.id, code)

        return MenuTargets(
            saved_language=saved_language,
            set_language=set_language,
            print_checklist=files.on_print_triggered,
            preview=files.on_preview_triggered,
            save_pdf=files.on_save_pdf_triggered,
            print_blank=files.on_print_blank_triggered,
            import_progress=files.on_import_triggered,
            export_progress=files.on_export_triggered,
            start_over=data.start_over,
            erase_data=data.erase_data,
            quit=self.close,
            back=self.on_back_triggered,
            next=self.on_next_triggered,
            summary=self.on_summary_triggered,
            new_profile=data.new_profile,
            rename_profile=data.rename_profile,
            delete_profile=data.delete_profile,
            switch_profile=data.switch_profile,
            protect_profile=self.passphrase_commands.protect,
            change_passphrase=self.passphrase_commands.change,
            remove_passphrase=self.passphrase_commands.remove,
            mark=self.decisions.mark_current,
        )

    def _connect(self) -> None:
        self.step_stack.status_chosen.connect(self.decisions.on_status_chosen)
        self.step_stack.note_edited.connect(self.decisions.on_note_edited)
        self.step_stack.link_activated.connect(self.dialogs.open_url)
        self.step_stack.device_ticked.connect(self.decisions.on_device_ticked)
        self.step_stack.still_set_confirmed.connect(self.decisions.on_still_set_confirmed)
        self.nav_bar.back_button.clicked.connect(self.on_back_triggered)
        self.nav_bar.next_button.clicked.connect(self.on_next_triggered)
        self.nav_bar.quick_exit_button.clicked.connect(self.quick_exit)
        self.step_list.page_requested.connect(self.go_to_page)
        self.window_actions.include_notes.toggled.connect(self.on_include_notes_toggled)

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the walkthrough's current page and state."""
        self.stack.show_current(self.walkthrough)
        self._prepare_next.start()
        self.refresh_state()

    def show_decision(self, step_id: str) -> None:
        """Show a step's page and the totals again after a decision on it."""
        self.step_stack.fill(self.walkthrough, step_id)
        self.refresh_state()

    def on_prepare_next_timeout(self) -> None:
        """Build and lay out the next page while the person reads this one (if it is new)."""
        _accessibility()  # set up now, not on the first click (see announce)
        self.stack.prepare_next(self.walkthrough)

    def reload(self) -> None:
        """Show the session from scratch (after opening another profile, importing, starting over)."""
        profile = self.data_commands.current_profile
        self.setWindowTitle(tr("Privacy Walkthrough — {name}", name=profile.name))
        self.window_actions.show_profiles(self.data_commands.profiles.profiles(), profile.id)
        self.step_list.populate(self.walkthrough)
        self.refresh()
        self.passphrase_commands.watch()

    def forget_shown_note(self) -> None:
        """Drop the notes on screen without saving them (their progress is being replaced)."""
        self.step_stack.forget_notes()

    def flush_note(self) -> None:
        self.step_stack.flush_note()

    def refresh_state(self) -> None:
        """Show the totals, the buttons' and menus' state and any save problem again."""
        walkthrough = self.walkthrough
        self.nav_bar.show_state(walkthrough)
        self.step_list.refresh(walkthrough)
        self.window_actions.update_enabled(walkthrough)
        self.show_save_state()

    def show_save_state(self) -> None:
        error = self.session.save_error
        self.save_problem_label.setVisible(error is not None)
        if error is not None:
            self.save_problem_label.setText(error)
            self.save_problem_label.setAccessibleName(error)
            if not self._save_retry_timer.isActive():
                self._save_retry_timer.start()
        else:
            self._save_retry_timer.stop()

    def announce(self, text: str) -> None:
        """Show a short status message and have screen readers read it out."""
        self.statusBar().showMessage(text, 6000)
        self.last_announcement = text
        accessible, announcement = _accessibility()
        accessible.updateAccessibility(announcement(self, text))

    # -- navigation: the walkthrough's own ------------------------------------------------

    def _move(self, move: Callable[[], None]) -> None:
        """Hand over the note on screen, make the walkthrough's move, show where it led."""
        self.step_stack.flush_note()
        move()
        self.refresh()
        self.announce(self.step_list.currentItem().text().replace("\n", tr(", ")).replace("\u200b", ""))

    def go_to_page(self, index: int) -> None:
        self._move(lambda: self.walkthrough.go_to(index))

    def on_back_triggered(self) -> None:
        self._move(self.walkthrough.go_back)

    def on_next_triggered(self) -> None:
        if self.walkthrough.can_go_next:
            self._move(self.walkthrough.go_next)
        else:
            self.finish()

    def finish(self) -> None:
        """Finish, on the summary: say that the progress is kept, and close only if the person agrees."""
        self.step_stack.flush_note()
        still_open = self.walkthrough.tally().still_open
        text = tr(
            "Your progress is saved on this computer: open the app again to pick up where you left off."
        )
        if still_open:
            text = ntr(
                "{text} {n} step is still open.", "{text} {n} steps are still open.", still_open, text=text
            )
        if self.dialogs.confirm(self, tr("Close Privacy Walkthrough?"), text, tr("Close")):
            self.close()

    def on_summary_triggered(self) -> None:
        self._move(self.walkthrough.go_to_summary)

    def on_summary_step_requested(self, step_id: str) -> None:
        self._move(lambda: self.walkthrough.go_to_step(step_id))

    # -- the window's own state -----------------------------------------------------------

    def on_save_retry_timeout(self) -> None:
        self.session.retry_save()
        self.show_save_state()

    def on_include_notes_toggled(self, include: bool) -> None:
        self.file_commands.include_notes = include
        summary = self.stack.summary.built  # a summary built later starts with the same choice
        if summary is not None and summary.include_notes_box.isChecked() != include:
            summary.include_notes_box.setChecked(include)

    # -- leaving ------------------------------------------------------------------------

    def quick_exit(self) -> None:
        """Save and close at once, with no question asked, the way Safety Check does."""
        log.info("Quick exit")
        self._quick_exit = True  # no question, even when saving fails: leaving fast comes first
        self.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.closeAllWindows()  # a print preview or message left open closes too
            app.quit()

    def tab_chain(self) -> list[QWidget]:
        """The Tab stops in reading order: the step list, the page from top to bottom, Back,
        Next, and Quick exit last (see qt/tab_order.py)."""
        nav = self.nav_bar
        ends = [nav.back_button, nav.next_button, nav.quick_exit_button]
        first = [self.step_list, self.summary_button]
        return [*first, *reading_order(self.stack), *(b for b in ends if b.isEnabled())]

    def focusNextPrevChild(self, next: bool) -> bool:
        return move_focus(self.tab_chain(), next) or super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self._escape_armed.isActive():
                self.quick_exit()
                return
            self._escape_armed.start()
            self.announce(tr("Press Escape again to save and close at once."))
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.step_stack.flush_note()
        saved = self.session.save_error is None or self.session.retry_save()
        if not saved and not self._quick_exit and not self._may_close_unsaved():
            event.ignore()
            return
        super().closeEvent(event)

    def _may_close_unsaved(self) -> bool:
        """Saving fails (a full disk, say): ask before closing, and offer to export the progress
        to another place first.  True when the window may close."""
        while True:
            choice = self.dialogs.ask_choice(
                self,
                tr("Your latest changes are not saved"),
                tr(
                    "{problem} If you close the app now, the changes since the last save are lost. "
                    "You can export your progress to another place (another disk, a USB stick) first.",
                    problem=self.session.save_error or "",
                ),
                [tr("Export progress…"), tr("Close without saving")],
                tr("Keep the app open"),
            )
            if choice is None:
                return False
            if choice == 1 or self.file_commands.save_progress_file() is not None:
                return True
