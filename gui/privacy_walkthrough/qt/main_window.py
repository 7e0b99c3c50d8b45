"""The window shell: step list, the page stack, Back/Next, progress, menus.

The window reads the walkthrough and calls its named actions; it never writes progress
itself.  Resuming shows the saved page directly, and Back walks the guide in order, so it
works from wherever the person resumed.
"""

from __future__ import annotations

import datetime as dt
import logging
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.content.models import StepKind
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import Answers, Device, StepStatus
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.walkthrough.flow import PageKind, Walkthrough
from privacy_walkthrough.core.walkthrough.freshness import freshness_warnings
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.data_commands import DataCommands
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.file_commands import FileCommands
from privacy_walkthrough.qt.lazy_page import LazyPage
from privacy_walkthrough.qt.look import status_icons
from privacy_walkthrough.qt.menus import WindowActions
from privacy_walkthrough.qt.step_list import StepListWidget
from privacy_walkthrough.qt.step_page import StepPage
from privacy_walkthrough.qt.step_stack import StepStackWidget

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


class StackPage(IntEnum):
    WELCOME = 0
    SETUP = 1
    STEP = 2
    SUMMARY = 3


class WalkthroughWindow(QMainWindow):
    def __init__(
        self, session: Session, dialogs: Dialogs, paths: AppPaths, profiles: ProfileRegistry
    ) -> None:
        super().__init__()
        self.setObjectName("walkthroughWindow")
        self.session = session
        self.dialogs = dialogs
        self.paths = paths
        self.last_announcement = ""
        self.setMinimumSize(800, 600)
        self.resize(1100, 760)
        self.icons = status_icons()

        self.step_list = StepListWidget(self.icons)
        # One page per step, built the first time it is shown and kept: moving between steps
        # then only swaps pages instead of building and laying out a page's text again.
        self.step_stack = StepStackWidget()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        # The welcome, set-up and summary pages are built the first time they are needed.
        self._welcome = LazyPage(self._build_welcome_page)
        self._setup = LazyPage(self._build_setup_page)
        self._summary = LazyPage(self._build_summary_page)
        for page in (self._welcome, self._setup, self.step_stack, self._summary):
            self.stack.addWidget(page)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setAccessibleName(tr("Progress"))
        self.save_problem_label = QLabel()
        self.save_problem_label.setObjectName("saveProblemLabel")
        self.save_problem_label.setWordWrap(True)
        self.save_problem_label.hide()
        self.quick_exit_button = QPushButton(tr("&Quick exit"))
        self.quick_exit_button.setObjectName("quickExitButton")
        self.quick_exit_button.setAccessibleDescription(
            tr("Save and close the app at once. Shortcut: press Escape twice.")
        )
        self.back_button = QPushButton(tr("&Back"))
        self.back_button.setObjectName("backButton")
        self.next_button = QPushButton(tr("&Next"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)

        self.file_commands = FileCommands(self, dialogs, self)
        self.data_commands = DataCommands(self, dialogs, self, paths, profiles)
        self.window_actions = WindowActions(self)
        self._build_layout()
        self._connect()
        self._save_retry_timer = QTimer(self)
        self._save_retry_timer.setInterval(SAVE_RETRY_MS)
        self._save_retry_timer.timeout.connect(self.on_save_retry_timeout)
        self._prepare_next = QTimer(self)  # builds the next page while the person reads
        self._prepare_next.setSingleShot(True)
        self._prepare_next.setInterval(PREPARE_NEXT_MS)
        self._prepare_next.timeout.connect(self.on_prepare_next_timeout)
        self._escape_armed = QTimer(self)
        self._escape_armed.setSingleShot(True)
        self._escape_armed.setInterval(800)
        self.reload()

    @property
    def walkthrough(self) -> Walkthrough:
        return self.session.walkthrough

    @property
    def step_page(self) -> StepPage:
        """The page of the step on show (or of the current step when another page is shown)."""
        current = self.step_stack.currentWidget()
        if isinstance(current, StepPage):
            return current
        page = self.walkthrough.current
        step_id = page.key if page.kind is PageKind.STEP else self.walkthrough.guide.step_ids[0]
        return self.step_stack.page_for(step_id)

    # -- the pages built on first use -----------------------------------------------------

    @property
    def welcome_page(self) -> WelcomePage:
        return self._welcome.page()

    @property
    def setup_page(self) -> SetupPage:
        return self._setup.page()

    @property
    def summary_page(self) -> SummaryPage:
        return self._summary.page()

    def _build_welcome_page(self) -> WelcomePage:
        from privacy_walkthrough.qt.welcome_page import WelcomePage

        page = WelcomePage(self.session.guide, str(self.paths.data))
        page.promise_label.linkActivated.connect(self.dialogs.open_url)
        return page

    def _build_setup_page(self) -> SetupPage:
        from privacy_walkthrough.qt.setup_page import SetupPage

        page = SetupPage()
        page.devices_changed.connect(self.on_setup_devices_changed)
        page.answers_changed.connect(self.on_setup_answers_changed)
        return page

    def _build_summary_page(self) -> SummaryPage:
        from privacy_walkthrough.qt.summary_page import SummaryPage

        page = SummaryPage(self.icons)
        page.include_notes_box.setChecked(self.file_commands.include_notes)
        page.step_requested.connect(self.on_summary_step_requested)
        page.print_requested.connect(self.file_commands.on_print_triggered)
        page.preview_requested.connect(self.file_commands.on_preview_triggered)
        page.pdf_requested.connect(self.file_commands.on_save_pdf_triggered)
        page.person_name_edited.connect(self.on_summary_person_name_edited)
        page.include_notes_box.toggled.connect(self.window_actions.include_notes.setChecked)
        return page

    def _build_layout(self) -> None:
        nav = QHBoxLayout()
        nav.addWidget(self.quick_exit_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 8, 8)
        right_layout.addWidget(self.save_problem_label)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.progress_bar)
        right_layout.addLayout(nav)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.step_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        self.step_list.setMinimumWidth(200)
        self.setCentralWidget(splitter)
        QWidget.setTabOrder(self.step_list, self.stack)
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.quick_exit_button)

    def _connect(self) -> None:
        self.step_stack.status_chosen.connect(self.on_step_status_chosen)
        self.step_stack.note_edited.connect(self.on_step_note_edited)
        self.step_stack.link_activated.connect(self.dialogs.open_url)
        self.step_stack.device_ticked.connect(self.on_step_device_ticked)
        self.step_stack.still_set_confirmed.connect(self.on_step_still_set_confirmed)
        self.back_button.clicked.connect(self.on_back_triggered)
        self.next_button.clicked.connect(self.on_next_triggered)
        self.quick_exit_button.clicked.connect(self.quick_exit)
        self.step_list.page_requested.connect(self.go_to_page)
        self.window_actions.include_notes.toggled.connect(self.on_include_notes_toggled)

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the walkthrough's current page and state."""
        walkthrough = self.walkthrough
        page = walkthrough.current
        if page.kind is PageKind.WELCOME:
            self.welcome_page.show_freshness(
                freshness_warnings(walkthrough.guide.info, walkthrough.progress.devices, dt.date.today())
            )
            self.stack.setCurrentIndex(StackPage.WELCOME)
        elif page.kind is PageKind.SETUP:
            self.setup_page.show_progress(walkthrough.progress)
            self.stack.setCurrentIndex(StackPage.SETUP)
        elif page.kind is PageKind.SUMMARY:
            self.summary_page.show_walkthrough(walkthrough)
            self.stack.setCurrentIndex(StackPage.SUMMARY)
        else:
            self.step_stack.show_step(walkthrough, page.key)
            self.stack.setCurrentIndex(StackPage.STEP)
        self._prepare_next.start()
        self._refresh_state()

    def _show_step(self, step_id: str) -> None:
        self.step_stack.fill(self.walkthrough, step_id)

    def on_prepare_next_timeout(self) -> None:
        """Build and lay out the next page while the person reads this one (if it is new)."""
        _accessibility()  # set up now, not on the first click (see announce)
        walkthrough = self.walkthrough
        following = walkthrough.index + 1
        if following >= len(walkthrough.pages):
            return
        kind = walkthrough.pages[following].kind
        if kind is PageKind.SETUP and self._setup.built is None:
            self.setup_page.show_progress(walkthrough.progress)
            self._setup.lay_out_now(self.stack.size())
        elif kind is PageKind.SUMMARY and self._summary.built is None:
            self.summary_page.show_walkthrough(walkthrough)
            self._summary.lay_out_now(self.stack.size())
        else:
            self.step_stack.prepare_next(walkthrough)

    def reload(self) -> None:
        """Show the session from scratch (after opening another profile, importing, starting over)."""
        profile = self.data_commands.current_profile
        self.setWindowTitle(tr("Privacy Walkthrough — {name}", name=profile.name))
        self.window_actions.show_profiles(self.data_commands.profiles.profiles(), profile.id)
        self.step_list.populate(self.walkthrough)
        self.refresh()

    def forget_shown_note(self) -> None:
        """Drop the notes on screen without saving them (their progress is being replaced)."""
        self.step_stack.forget_notes()

    def flush_note(self) -> None:
        self.step_stack.flush_note()

    def _refresh_state(self) -> None:
        walkthrough = self.walkthrough
        tally = walkthrough.tally()
        self.progress_bar.setRange(0, tally.total)
        self.progress_bar.setValue(tally.done)
        text = tr("{done} of {total} done", done=tally.done, total=tally.total)
        self.progress_bar.setFormat(text)
        self.progress_bar.setAccessibleDescription(text)
        self.back_button.setEnabled(walkthrough.can_go_back)
        self.next_button.setText(tr("&Next") if walkthrough.can_go_next else tr("&Finish"))
        self.next_button.setEnabled(True)
        self.step_list.refresh(walkthrough)
        self.window_actions.update_enabled(walkthrough)
        self._show_save_state()

    def _show_save_state(self) -> None:
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

    # -- navigation ---------------------------------------------------------------------

    def go_to_page(self, index: int) -> None:
        self.step_stack.flush_note()
        self.walkthrough.go_to(index)
        self.refresh()
        self.announce(self.step_list.currentItem().text().replace("\n", ", "))

    def on_back_triggered(self) -> None:
        self.go_to_page(max(0, self.walkthrough.index - 1))

    def on_next_triggered(self) -> None:
        if self.walkthrough.can_go_next:
            self.go_to_page(self.walkthrough.index + 1)
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
            text = tr("{text} {count} step(s) are still open.", text=text, count=still_open)
        if self.dialogs.confirm(self, tr("Close Privacy Walkthrough?"), text, tr("Close")):
            self.close()

    def on_summary_triggered(self) -> None:
        self.go_to_page(len(self.walkthrough.pages) - 1)

    def on_summary_step_requested(self, step_id: str) -> None:
        self.go_to_page(self.walkthrough.page_index_of_step(step_id))

    # -- decisions ----------------------------------------------------------------------

    def on_step_status_chosen(self, step_id: str, status: StepStatus, reason: str) -> None:
        step = self.walkthrough.guide.step(step_id)
        if status is StepStatus.DONE and not self.walkthrough.can_mark_done(step_id):
            self.announce(tr("Tick each device first: this step is done when it is done on every device."))
            return
        if status is StepStatus.DONE and step.kind is StepKind.IRREVERSIBLE:
            confirmed = self.dialogs.confirm(
                self,
                tr("This cannot be undone"),
                tr(
                    "Mark “{title}” as done only if you have really done it. Deleting an Apple "
                    "Account is permanent: you lose iCloud content, purchases, subscriptions, "
                    "iMessage, FaceTime and Find My for that account.",
                    title=step.title,
                ),
                tr("I have done this"),
            )
            if not confirmed:
                return
        self.walkthrough.set_status(step_id, status, reason)
        self._show_step(step_id)
        self._refresh_state()
        self.announce(
            tr("{title}: {status}", title=step.title, status=self.step_page.decision_bar.status_label.text())
        )

    def mark_current(self, status: StepStatus) -> None:
        page = self.walkthrough.current
        if page.kind is PageKind.STEP:
            if status is StepStatus.SKIPPED:
                self.step_page.decision_bar.on_skip_button_clicked()
            else:
                self.on_step_status_chosen(page.key, status, "")

    def on_step_device_ticked(self, step_id: str, device_id: str, ticked: bool) -> None:
        self.walkthrough.set_device_done(step_id, device_id, ticked)
        self._show_step(step_id)
        self._refresh_state()
        self.announce(self.step_page.decision_bar.status_label.text())

    def on_step_still_set_confirmed(self, step_id: str) -> None:
        self.walkthrough.confirm_still_set(step_id)
        self._show_step(step_id)
        self._refresh_state()
        self.announce(tr("Thank you: marked as checked again."))

    def on_setup_devices_changed(self, devices: list[Device]) -> None:
        self.walkthrough.set_devices(devices)
        self._refresh_state()

    def on_setup_answers_changed(self, answers: Answers) -> None:
        self.walkthrough.set_answers(answers)
        self._refresh_state()

    def on_step_note_edited(self, step_id: str, note: str) -> None:
        self.walkthrough.set_note(step_id, note)
        self._show_save_state()

    def on_save_retry_timeout(self) -> None:
        self.session.retry_save()
        self._show_save_state()

    def on_summary_person_name_edited(self, name: str) -> None:
        self.walkthrough.set_person_name(name)
        self._show_save_state()

    def on_include_notes_toggled(self, include: bool) -> None:
        self.file_commands.include_notes = include
        summary = self._summary.built  # a summary built later starts with the same choice
        if summary is not None and summary.include_notes_box.isChecked() != include:
            summary.include_notes_box.setChecked(include)

    # -- leaving ------------------------------------------------------------------------

    def quick_exit(self) -> None:
        """Save and close at once, with no question asked, the way Safety Check does."""
        log.info("Quick exit")
        self.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.closeAllWindows()  # a print preview or message left open closes too
            app.quit()

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
        if self.session.save_error is not None:
            self.session.retry_save()
        super().closeEvent(event)
