"""The window's actions and menus, with their shortcuts in one enum."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from privacy_walkthrough import __version__
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.progress.profiles import Profile
from privacy_walkthrough.core.walkthrough.flow import PageKind, Walkthrough
from privacy_walkthrough.qt.language_menu import LanguageMenu

if TYPE_CHECKING:
    from privacy_walkthrough.qt.main_window import WalkthroughWindow


class Shortcut(Enum):
    """Every keyboard shortcut of the window (listed in Help > Keyboard shortcuts)."""

    PRINT = QKeySequence.StandardKey.Print
    QUIT = QKeySequence.StandardKey.Quit
    BACK = "Alt+Left"
    NEXT = "Alt+Right"
    SUMMARY = "Ctrl+Shift+S"
    MARK_DONE = "Ctrl+D"
    MARK_SKIPPED = "Ctrl+K"
    MARK_NOT_APPLICABLE = "Ctrl+Shift+N"
    MARK_LATER = "Ctrl+L"
    SHORTCUTS_HELP = "F1"

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.value)


class WindowActions:
    """Creates the menu bar of ``window`` and keeps the actions' enabled state current."""

    def __init__(self, window: WalkthroughWindow) -> None:
        self.window = window
        bar = window.menuBar()

        files = window.file_commands
        data = window.data_commands
        file_menu = bar.addMenu(tr("&File"))
        self.print = self._add(file_menu, tr("&Print checklist…"), files.on_print_triggered, Shortcut.PRINT)
        self.preview = self._add(file_menu, tr("Print pre&view…"), files.on_preview_triggered)
        self.save_pdf = self._add(file_menu, tr("Save checklist as P&DF…"), files.on_save_pdf_triggered)
        self.print_blank = self._add(
            file_menu, tr("Print a &blank checklist…"), files.on_print_blank_triggered
        )
        self.include_notes = QAction(tr("Include my private &notes in the checklist"), window)
        self.include_notes.setCheckable(True)
        file_menu.addAction(self.include_notes)
        file_menu.addSeparator()
        self.import_progress = self._add(file_menu, tr("&Import progress…"), files.on_import_triggered)
        self.export_progress = self._add(file_menu, tr("&Export progress…"), files.on_export_triggered)
        file_menu.addSeparator()
        self.start_over = self._add(file_menu, tr("&Start over…"), data.start_over)
        self.erase_data = self._add(file_menu, tr("&Erase all my data…"), data.erase_data)
        file_menu.addSeparator()
        self.quit = self._add(file_menu, tr("&Quit"), window.close, Shortcut.QUIT)

        go_menu = bar.addMenu(tr("&Go"))
        self.back = self._add(go_menu, tr("&Back"), window.on_back_triggered, Shortcut.BACK)
        self.next = self._add(go_menu, tr("&Next"), window.on_next_triggered, Shortcut.NEXT)
        self.summary = self._add(go_menu, tr("&Summary"), window.on_summary_triggered, Shortcut.SUMMARY)

        self.profile_menu = bar.addMenu(tr("&Profile"))
        self.profile_group = QActionGroup(window)
        self.profile_group.setExclusive(True)
        self.profile_actions: list[QAction] = []
        self.new_profile = QAction(tr("&New profile…"), window)
        self.new_profile.triggered.connect(data.new_profile)
        self.rename_profile = QAction(tr("&Rename this profile…"), window)
        self.rename_profile.triggered.connect(data.rename_profile)
        self.delete_profile = QAction(tr("&Delete this profile…"), window)
        self.delete_profile.triggered.connect(data.delete_profile)

        step_menu = bar.addMenu(tr("&Step"))
        self.mark_done = self._add(
            step_menu, tr("Mark as &done"), lambda: window.mark_current(StepStatus.DONE), Shortcut.MARK_DONE
        )
        self.mark_skipped = self._add(
            step_menu, tr("&Skip…"), lambda: window.mark_current(StepStatus.SKIPPED), Shortcut.MARK_SKIPPED
        )
        self.mark_not_applicable = self._add(
            step_menu,
            tr("&Not applicable"),
            lambda: window.mark_current(StepStatus.NOT_APPLICABLE),
            Shortcut.MARK_NOT_APPLICABLE,
        )
        self.mark_later = self._add(
            step_menu, tr("&Later"), lambda: window.mark_current(StepStatus.LATER), Shortcut.MARK_LATER
        )
        self.step_actions = (self.mark_done, self.mark_skipped, self.mark_not_applicable, self.mark_later)

        help_menu = bar.addMenu(tr("&Help"))
        self.shortcuts_help = self._add(
            help_menu, tr("&Keyboard shortcuts"), self.show_shortcuts, Shortcut.SHORTCUTS_HELP
        )
        self.language_menu = LanguageMenu(window, help_menu)
        self.about = self._add(help_menu, tr("&About Privacy Walkthrough"), self.show_about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut.sequence())
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_profiles(self, profiles: Sequence[Profile], current_id: str) -> None:
        """List the profiles, the current one checked, then the profile commands."""
        menu = self.profile_menu
        menu.clear()
        for action in self.profile_actions:
            self.profile_group.removeAction(action)
            action.deleteLater()
        self.profile_actions = []
        for profile in profiles:
            action = QAction(profile.name, self.window)
            action.setCheckable(True)
            action.setChecked(profile.id == current_id)
            action.triggered.connect(
                lambda _checked=False, pid=profile.id: self.window.data_commands.switch_profile(pid)
            )
            self.profile_group.addAction(action)
            menu.addAction(action)
            self.profile_actions.append(action)
        menu.addSeparator()
        for action in (self.new_profile, self.rename_profile, self.delete_profile):
            menu.addAction(action)
        self.language_menu.show_choice()

    def show_shortcuts(self) -> None:
        rows = "\n".join(
            tr("{keys}: {action}", keys=keys, action=action) for action, keys in self.shortcut_table()
        )
        self.window.dialogs.inform(self.window, tr("Keyboard shortcuts"), rows)

    def show_about(self) -> None:
        info = self.window.session.guide.info
        self.window.dialogs.inform(
            self.window,
            tr("About Privacy Walkthrough"),
            tr(
                "Privacy Walkthrough {version}. Guide “{guide}”, version {guide_version}, last reviewed "
                "{reviewed}. This app never connects to the internet.",
                version=__version__,
                guide=info.title,
                guide_version=info.version,
                reviewed=info.reviewed.isoformat(),
            ),
        )

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(what it does, keys) for every action that has a shortcut, for the help dialog."""
        actions = (
            self.print,
            self.quit,
            self.back,
            self.next,
            self.summary,
            *self.step_actions,
            self.shortcuts_help,
        )
        rows = [
            (
                a.text().replace("&", "").rstrip("…"),
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
            for a in actions
        ]
        rows.append((tr("Quick exit: save and close at once"), tr("Esc, twice")))
        return rows

    def update_enabled(self, walkthrough: Walkthrough) -> None:
        on_step = walkthrough.current.kind is PageKind.STEP
        for action in self.step_actions:
            action.setEnabled(on_step)
        self.back.setEnabled(walkthrough.can_go_back)
        self.next.setEnabled(walkthrough.can_go_next)
