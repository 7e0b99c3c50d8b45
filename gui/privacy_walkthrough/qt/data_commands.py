"""Commands about whose progress this is: profiles, start over, and erase my data.

A helper walks several people through the guide, one profile each; switching profile
opens that person's own progress, and every question that could lose data asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.core.progress.profiles import Profile, ProfileError, ProfileRegistry
from privacy_walkthrough.core.progress.store import NewerProgressError, ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.data_eraser import app_files, erase_app_data, other_files
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.dialogs import Dialogs


class WindowHost(Protocol):
    def forget_shown_note(self) -> None: ...
    def reload(self) -> None: ...
    def announce(self, text: str) -> None: ...


class DataCommands:
    def __init__(
        self,
        host: WindowHost,
        session: Session,
        dialogs: Dialogs,
        parent: QWidget,
        paths: AppPaths,
        profiles: ProfileRegistry,
        open_store: Callable[[Profile], ProgressStore | None],
    ) -> None:
        self.host = host
        self.open_store = open_store  # asks for the passphrase of a protected profile
        self.session = session
        self.dialogs = dialogs
        self.parent = parent
        self.paths = paths
        self.profiles = profiles

    @property
    def current_profile(self) -> Profile:
        return self.profiles.last_used()

    def _open(self, profile: Profile) -> bool:
        """Make ``profile`` the current one and show its progress; False if it cannot be opened."""
        store = self.open_store(profile)
        if store is None:  # a protected profile, and the person cancelled
            return False
        self.host.forget_shown_note()
        store.sweep_temp_files()  # the window holds the data folder's lock
        try:
            self.session.open(store)
        except NewerProgressError as exc:
            self.dialogs.warn(self.parent, tr("Please update Privacy Walkthrough"), str(exc))
            self.host.reload()
            return False
        try:
            self.profiles.set_last_used(profile.id)
        except ProfileError as exc:  # the choice is not remembered, but the profile still opens
            self.host.announce(str(exc))
        self.host.reload()
        self.explain_set_aside()
        return True

    def explain_set_aside(self) -> None:
        """Tell the person when their saved progress was damaged and moved aside."""
        notice = self.session.set_aside_notice
        if notice is not None:
            self.dialogs.warn(
                self.parent,
                tr("Your saved progress could not be read"),
                tr(
                    "The saved progress could not be used: {problem}. It was not deleted: it was "
                    "moved to {path}. The walkthrough starts again from the beginning.",
                    problem=notice.problem,
                    path=ltr(str(notice.set_aside)),
                ),
            )

    # -- profiles -------------------------------------------------------------------------

    def switch_profile(self, profile_id: str) -> None:
        if profile_id == self.current_profile.id:
            return
        profile = next(p for p in self.profiles.profiles() if p.id == profile_id)
        if self._open(profile):
            self.host.announce(tr("Now showing the progress of {name}.", name=profile.name))

    def new_profile(self) -> None:
        name = self.dialogs.ask_text(
            self.parent, tr("New profile"), tr("Whose walkthrough is this? (a first name is enough)")
        )
        if name is None:
            return
        try:
            profile = self.profiles.create(name)
        except ProfileError as exc:
            self.dialogs.warn(self.parent, tr("The profile was not created"), str(exc))
            return
        if self._open(profile):
            self.host.announce(tr("Created the profile {name}.", name=profile.name))

    def rename_profile(self) -> None:
        current = self.current_profile
        name = self.dialogs.ask_text(self.parent, tr("Rename profile"), tr("New name:"), current.name)
        if name is None:
            return
        try:
            self.profiles.rename(current.id, name)
        except ProfileError as exc:
            self.dialogs.warn(self.parent, tr("The profile was not renamed"), str(exc))
            return
        self.host.reload()

    def delete_profile(self) -> None:
        current = self.current_profile
        if len(self.profiles.profiles()) < 2:
            self.dialogs.inform(
                self.parent,
                tr("This is the only profile"),
                tr("Create another profile first; to remove everything, use Erase all my data."),
            )
            return
        confirmed = self.dialogs.confirm(
            self.parent,
            tr("Delete the profile {name}?", name=current.name),
            tr(
                "This deletes {name}'s progress and notes from this computer. It cannot be undone. "
                "Checklists or progress files saved elsewhere are not touched.",
                name=current.name,
            ),
            tr("Delete profile"),
        )
        if not confirmed:
            return
        self.host.forget_shown_note()
        try:
            self.profiles.delete(current.id)
        except ProfileError as exc:
            self.dialogs.warn(self.parent, tr("The profile was not deleted"), str(exc))
            return
        self._open(self.profiles.last_used())  # a newer file is explained there
        self.host.announce(tr("Deleted the profile {name}.", name=current.name))

    # -- this profile's progress, and everything ------------------------------------------

    def start_over(self) -> None:
        confirmed = self.dialogs.confirm(
            self.parent,
            tr("Start over?"),
            tr(
                "All steps go back to “not yet” and your notes are cleared; your devices and answers "
                "are kept. A copy of your current progress is kept as a backup file in the data folder."
            ),
            tr("Start over"),
        )
        if not confirmed:
            return
        self.host.forget_shown_note()
        backup = self.session.start_over()
        self.host.reload()
        if backup is not None:
            self.dialogs.inform(
                self.parent,
                tr("Started over"),
                tr("Your earlier progress was kept in {path}.", path=ltr(str(backup))),
            )

    def erase_data(self) -> None:
        """Delete this app's progress, backups and logs, for every profile, after a clear question.

        The question lists every file that goes, and every file in the app's folders that the
        app did not write, which stays."""
        files = sorted(app_files(self.paths) + self.profiles.files())
        others = sorted(other_files(self.paths) + self.profiles.left_alone())
        text = ntr(
            "This deletes, from {folder}: the progress and notes of every profile, every backup "
            "and set-aside copy, and the app's log files ({n} file). It cannot be undone. "
            "Checklists or progress files you saved elsewhere are not touched.",
            "This deletes, from {folder}: the progress and notes of every profile, every backup "
            "and set-aside copy, and the app's log files ({n} files). It cannot be undone. "
            "Checklists or progress files you saved elsewhere are not touched.",
            len(files),
            folder=ltr(str(self.paths.data)),
        )
        text += "\n\n" + tr("The files:\n{files}", files=_listing(files))
        if others:
            text += "\n\n" + tr(
                "These files were not written by the app and are left as they are:\n{files}",
                files=_listing(others),
            )
        if not self.dialogs.confirm(self.parent, tr("Erase all your data?"), text, tr("Erase everything")):
            return
        self.host.forget_shown_note()
        deleted = self.profiles.erase_all() + erase_app_data(self.paths)
        self._open(self.profiles.last_used())
        message = tr("These files were deleted:\n{files}", files=_listing(deleted))
        if others:
            message += "\n\n" + tr("Left as they were:\n{files}", files=_listing(others))
        self.dialogs.inform(self.parent, tr("Your data was erased"), message)


def _listing(files: list[Path], most: int = 25) -> str:
    """One path a line, at most ``most`` of them, then how many more."""
    if not files:
        return tr("(none)")
    lines = [str(p) for p in files[:most]]
    if len(files) > most:
        lines.append(ntr("… and {n} more", "… and {n} more", len(files) - most))
    return "\n".join(lines)
