"""The window shell: step list, the page stack, Back/Next, progress, menus.

The window reads the walkthrough and calls its named actions; it never writes progress
itself, and it moves between pages only with the walkthrough's own navigation (``go_next``,
``go_back``, ``go_to_step``…), the one the unit tests drive.  Resuming shows the saved page
directly, and Back walks the guide in order, so it works from wherever the person resumed.
The person's decisions are handled by :class:`~privacy_walkthrough.qt.decisions.StepDecisions`,
where each part sits by qt/window_frame.py, the pages built on first use by
qt/window_pages.py, announcements by qt/announcer.py and leaving by qt/leaving.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMainWindow

from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.core.view_settings import ViewSettings
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt import window_frame, window_pages
from privacy_walkthrough.qt.announcer import Announcer, accessibility
from privacy_walkthrough.qt.data_commands import DataCommands
from privacy_walkthrough.qt.decisions import StepDecisions
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.file_commands import FileCommands
from privacy_walkthrough.qt.leaving import Leaving
from privacy_walkthrough.qt.look import status_icons
from privacy_walkthrough.qt.menus import MenuTargets, WindowActions
from privacy_walkthrough.qt.nav_bar import NavigationBar
from privacy_walkthrough.qt.page_stack import PageStack
from privacy_walkthrough.qt.passphrase_commands import PassphraseCommands
from privacy_walkthrough.qt.step_list import StepListWidget
from privacy_walkthrough.qt.step_page import StepPage
from privacy_walkthrough.qt.tab_order import move_focus

if TYPE_CHECKING:
    from privacy_walkthrough.qt.setup_page import SetupPage
    from privacy_walkthrough.qt.summary_page import SummaryPage
    from privacy_walkthrough.qt.welcome_page import WelcomePage

SAVE_RETRY_MS = 5000
PREPARE_NEXT_MS = 200  # soon after the page is shown, while the person reads it


class WalkthroughWindow(QMainWindow):
    def __init__(
        self, session: Session, dialogs: Dialogs, paths: AppPaths, profiles: ProfileRegistry
    ) -> None:
        super().__init__()
        self.setObjectName("walkthroughWindow")
        self._session = session
        self.dialogs = dialogs
        self.paths = paths
        self.setMinimumSize(800, 600)
        self.resize(1100, 760)
        self.icons = status_icons()

        self.step_list = StepListWidget(self.icons)
        self.announcer = Announcer(self)
        self.view_settings = ViewSettings.load(paths.data)  # which sections of a step are open
        self.stack = PageStack(
            lambda: window_pages.build_welcome_page(session.guide, str(paths.data), dialogs.open_url),
            lambda: window_pages.build_setup_page(self.session.guide, self.decisions),
            lambda: window_pages.build_summary_page(
                self.icons,
                self.file_commands,
                self.decisions,
                self.window_actions.include_notes,
                self.on_summary_step_requested,
            ),
            self.view_settings,
        )
        self.step_stack = self.stack.step_stack

        self.nav_bar = NavigationBar()
        self.summary_button = window_frame.summary_button()
        self.save_problem_label = window_frame.save_problem_label()

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
        self.setCentralWidget(
            window_frame.central_widget(
                self.step_list,
                self.summary_button,
                self.save_problem_label,
                self.stack,
                self.nav_bar,
                self.announcer.label,
            )
        )
        self._connect()
        self._save_retry_timer = QTimer(self)
        self._save_retry_timer.setInterval(SAVE_RETRY_MS)
        self._save_retry_timer.timeout.connect(self.on_save_retry_timeout)
        self._prepare_next = QTimer(self)  # builds the next page while the person reads
        self._prepare_next.setSingleShot(True)
        self._prepare_next.setInterval(PREPARE_NEXT_MS)
        self._prepare_next.timeout.connect(self.on_prepare_next_timeout)
        self.leaving = Leaving(self, session, dialogs, self.file_commands.save_progress_file, self.announce)
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
        self.summary_button.clicked.connect(self.on_summary_triggered)
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
        accessibility()  # set up now, not on the first click (see announce)
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
        self.announcer.announce(text)

    @property
    def last_announcement(self) -> str:
        return self.announcer.last

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
        self.leaving.quick_exit()

    def focusNextPrevChild(self, next: bool) -> bool:
        chain = window_frame.tab_chain(self.step_list, self.summary_button, self.stack, self.nav_bar)
        return move_focus(chain, next) or super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leaving.on_escape()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.step_stack.flush_note()
        if not self.leaving.may_close():
            event.ignore()
            return
        super().closeEvent(event)
