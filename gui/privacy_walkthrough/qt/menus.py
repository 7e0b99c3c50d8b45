"""The window's actions and menus, with their shortcuts in one enum.

The menus are given what they trigger (:class:`MenuTargets`, plain callables), not the
window: they know nothing of it, and the window builds them like any other part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from privacy_walkthrough import __version__
from privacy_walkthrough.core.content.guide import GuideInfo
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.progress.profiles import Profile
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.views import PageKind
from privacy_walkthrough.qt.dialogs import Dialogs

Command = Callable[[], object]


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


@dataclass(frozen=True)
class MenuTargets:
    """What each menu command does."""

    print_checklist: Command
    preview: Command
    save_pdf: Command
    print_blank: Command
    import_progress: Command
    export_progress: Command
    start_over: Command
    erase_data: Command
    quit: Command
    back: Command
    next: Command
    summary: Command
    new_profile: Command
    rename_profile: Command
    delete_profile: Command
    protect_profile: Command
    change_passphrase: Command
    remove_passphrase: Command
    switch_profile: Callable[[str], object]  # the profile's id
    mark: Callable[[StepStatus], object]  # decide the step on show


class WindowActions:
    """Creates the menu bar of ``window`` and keeps the actions' enabled state current.

    ``dialogs`` and ``guide`` are for the Help menu's two messages.
    """

    def __init__(self, window: QMainWindow, targets: MenuTargets, dialogs: Dialogs, guide: GuideInfo) -> None:
        self.window = window
        self.targets = targets
        self.dialogs = dialogs
        self.guide = guide
        bar = window.menuBar()

        file_menu = bar.addMenu(tr("&File"))
        self.print = self._add(file_menu, tr("&Print checklist…"), targets.print_checklist, Shortcut.PRINT)
        self.preview = self._add(file_menu, tr("Print pre&view…"), targets.preview)
        self.save_pdf = self._add(file_menu, tr("Save checklist as P&DF…"), targets.save_pdf)
        self.print_blank = self._add(file_menu, tr("Print a &blank checklist…"), targets.print_blank)
        self.include_notes = QAction(tr("Include my private &notes in the checklist"), window)
        self.include_notes.setCheckable(True)
        file_menu.addAction(self.include_notes)
        file_menu.addSeparator()
        self.import_progress = self._add(file_menu, tr("&Import progress…"), targets.import_progress)
        self.export_progress = self._add(file_menu, tr("&Export progress…"), targets.export_progress)
        file_menu.addSeparator()
        self.start_over = self._add(file_menu, tr("&Start over…"), targets.start_over)
        self.erase_data = self._add(file_menu, tr("&Erase all my data…"), targets.erase_data)
        file_menu.addSeparator()
        self.quit = self._add(file_menu, tr("&Quit"), targets.quit, Shortcut.QUIT)

        go_menu = bar.addMenu(tr("&Go"))
        self.back = self._add(go_menu, tr("&Back"), targets.back, Shortcut.BACK)
        self.next = self._add(go_menu, tr("&Next"), targets.next, Shortcut.NEXT)
        self.summary = self._add(go_menu, tr("&Summary"), targets.summary, Shortcut.SUMMARY)

        self.profile_menu = bar.addMenu(tr("&Profile"))
        self.profile_group = QActionGroup(window)
        self.profile_group.setExclusive(True)
        self.profile_actions: list[QAction] = []
        self.new_profile = QAction(tr("&New profile…"), window)
        self.new_profile.triggered.connect(targets.new_profile)
        self.rename_profile = QAction(tr("&Rename this profile…"), window)
        self.rename_profile.triggered.connect(targets.rename_profile)
        self.delete_profile = QAction(tr("&Delete this profile…"), window)
        self.delete_profile.triggered.connect(targets.delete_profile)
        self.protect_profile = QAction(tr("&Protect with a passphrase…"), window)
        self.protect_profile.triggered.connect(targets.protect_profile)
        self.change_passphrase = QAction(tr("&Change the passphrase…"), window)
        self.change_passphrase.triggered.connect(targets.change_passphrase)
        self.remove_passphrase = QAction(tr("&Take the passphrase off…"), window)
        self.remove_passphrase.triggered.connect(targets.remove_passphrase)

        step_menu = bar.addMenu(tr("&Step"))
        self.mark_done = self._add(
            step_menu, tr("Mark as &done"), lambda: targets.mark(StepStatus.DONE), Shortcut.MARK_DONE
        )
        self.mark_skipped = self._add(
            step_menu, tr("&Skip…"), lambda: targets.mark(StepStatus.SKIPPED), Shortcut.MARK_SKIPPED
        )
        self.mark_not_applicable = self._add(
            step_menu,
            tr("&Not applicable"),
            lambda: targets.mark(StepStatus.NOT_APPLICABLE),
            Shortcut.MARK_NOT_APPLICABLE,
        )
        self.mark_later = self._add(
            step_menu, tr("&Later"), lambda: targets.mark(StepStatus.LATER), Shortcut.MARK_LATER
        )
        self.step_actions = (self.mark_done, self.mark_skipped, self.mark_not_applicable, self.mark_later)

        help_menu = bar.addMenu(tr("&Help"))
        self.shortcuts_help = self._add(
            help_menu, tr("&Keyboard shortcuts"), self.show_shortcuts, Shortcut.SHORTCUTS_HELP
        )
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
            action.triggered.connect(lambda _checked=False, pid=profile.id: self.targets.switch_profile(pid))
            self.profile_group.addAction(action)
            menu.addAction(action)
            self.profile_actions.append(action)
        menu.addSeparator()
        for action in (self.new_profile, self.rename_profile, self.delete_profile):
            menu.addAction(action)
        menu.addSeparator()
        protected = any(p.protected for p in profiles if p.id == current_id)
        passphrase_actions = (
            (self.change_passphrase, self.remove_passphrase) if protected else (self.protect_profile,)
        )
        for action in passphrase_actions:
            menu.addAction(action)

    def show_shortcuts(self) -> None:
        rows = "\n".join(
            tr("{keys}: {action}", keys=keys, action=action) for action, keys in self.shortcut_table()
        )
        self.dialogs.inform(self.window, tr("Keyboard shortcuts"), rows)

    def show_about(self) -> None:
        from privacy_walkthrough.core.about import about_text, releases_url

        info = self.guide
        about = about_text(__version__, info.title, info.version, info.reviewed, releases_url())
        self.dialogs.about(self.window, about)

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
