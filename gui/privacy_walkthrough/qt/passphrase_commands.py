"""A profile's passphrase in the window: open a protected profile, protect, change, take off,
and lock again after a time unused.

The sealing itself is the core's (:mod:`~privacy_walkthrough.core.progress.protection`); this
module asks the questions and keeps the window's session on the right key.  Key derivation is
paid only here, when a protected profile is opened or its passphrase changes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress import protection
from privacy_walkthrough.core.progress.profiles import Profile, ProfileError, ProfileRegistry
from privacy_walkthrough.core.progress.sealed import SealKey, new_key
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.progress.unlock_guard import UnlockGuard
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.idle_watcher import IdleWatcher
from privacy_walkthrough.qt.passphrase_dialog import PassphrasePurpose

log = logging.getLogger(__name__)


def open_store(
    profiles: ProfileRegistry,
    profile: Profile,
    guide_id: str,
    dialogs: Dialogs,
    parent: QWidget | None,
    guard: UnlockGuard,
) -> ProgressStore | None:
    """The store of ``profile``'s progress, unlocked when it is protected; None when cancelled.

    A profile counts as protected when the list says so, or when its file is sealed (a crash
    between sealing the files and saving the list leaves exactly that).
    """
    path = profiles.progress_file(profile, guide_id)
    if not (profile.protected or protection.is_sealed_file(path)):
        return ProgressStore(path)
    key = dialogs.unlock(
        parent, profile.name, lambda phrase: protection.unlock(path.parent, path, phrase), guard
    )
    return None if key is None else ProgressStore(path, key=key)


class LockHost(Protocol):
    def flush_note(self) -> None: ...
    def reload(self) -> None: ...
    def announce(self, text: str) -> None: ...
    def hide(self) -> None: ...
    def show(self) -> None: ...
    def close(self) -> bool: ...


class PassphraseCommands:
    def __init__(
        self,
        host: LockHost,
        session: Session,
        dialogs: Dialogs,
        parent: QWidget,
        profiles: ProfileRegistry,
        guard: UnlockGuard,
        export_first: Callable[[], object],
    ) -> None:
        self.host = host
        self.session = session
        self.dialogs = dialogs
        self.parent = parent
        self.profiles = profiles
        self.guard = guard
        self.export_first = export_first
        self.idle = IdleWatcher(parent)
        self.idle.idle_timed_out.connect(self.lock)

    @property
    def current_profile(self) -> Profile:
        return self.profiles.last_used()

    def open_store(self, profile: Profile) -> ProgressStore | None:
        return open_store(
            self.profiles, profile, self.session.guide.info.id, self.dialogs, self.parent, self.guard
        )

    def watch(self) -> None:
        """Lock again after the current profile's idle time (when it is protected)."""
        profile = self.current_profile
        self.idle.start(profile.lock_after_minutes if profile.protected else 0)

    def _ask_current(self, title_label: str) -> SealKey | None:
        """The current passphrase again, before it is changed or taken off."""
        store = self.session.store
        path = store.path
        return self.dialogs.unlock(
            self.parent, title_label, lambda phrase: protection.unlock(path.parent, path, phrase), self.guard
        )

    def _reopen(self, profile: Profile, key: SealKey | None) -> None:
        self.session.open(
            ProgressStore(self.profiles.progress_file(profile, self.session.guide.info.id), key=key)
        )
        self.host.reload()
        self.watch()

    # -- Profile menu ---------------------------------------------------------------------

    def protect(self) -> None:
        profile = self.current_profile
        if profile.protected:
            return
        choice = self.dialogs.ask_new_passphrase(
            self.parent, purpose=PassphrasePurpose.PROTECT, export_first=self.export_first
        )
        if choice is None:
            return
        key = _derive(choice.passphrase)
        self._reseal(
            profile,
            key,
            lambda folder: protection.protect(folder, key),  # backups and set-aside copies too
            lock_after_minutes=choice.lock_after_minutes,
            hide_name=choice.hide_name,
            failed_title=tr("The profile could not be fully protected"),
            failed_text=lambda reason: tr(
                "{reason} The files already encrypted stay encrypted and open with the new "
                "passphrase; try again to finish.",
                reason=reason,
            ),
            done=tr("This profile is now protected with a passphrase."),
        )

    def change(self) -> None:
        profile = self.current_profile
        old = self._ask_current(profile.name)
        if old is None:
            return
        choice = self.dialogs.ask_new_passphrase(
            self.parent, purpose=PassphrasePurpose.CHANGE, lock_after_minutes=profile.lock_after_minutes
        )
        if choice is None:
            return
        new = _derive(choice.passphrase)
        self._reseal(
            profile,
            new,
            lambda folder: protection.rekey(folder, old, new),
            lock_after_minutes=choice.lock_after_minutes,
            hide_name=profile.name_hidden,
            failed_title=tr("The passphrase was not changed"),
            done=tr("The passphrase was changed."),
        )

    def remove(self) -> None:
        profile = self.current_profile
        confirmed = self.dialogs.confirm(
            self.parent,
            tr("Take the passphrase off this profile?"),
            tr(
                "Its progress, notes and answers will be saved unencrypted again, readable by anyone "
                "who can open your files on this computer."
            ),
            tr("Take it off"),
        )
        if not confirmed:
            return
        old = self._ask_current(profile.name)
        if old is None:
            return
        self._reseal(
            profile,
            None,
            lambda folder: protection.rekey(folder, old, None),
            failed_title=tr("The passphrase was not taken off"),
            done=tr("This profile is no longer protected."),
        )

    def _reseal(
        self,
        profile: Profile,
        key: SealKey | None,
        reseal: Callable[[Path], object],
        *,
        lock_after_minutes: int = 0,
        hide_name: bool = False,
        failed_title: str,
        failed_text: Callable[[str], str] = lambda reason: reason,
        done: str,
    ) -> None:
        """Seal the profile's files anew with ``key`` (``reseal(folder)``; no key: unsealed),
        save the progress with it, record the profile's protection, and open the profile
        again with that key.  A failure is explained and the window shown again."""
        self.host.flush_note()
        with _busy():
            try:
                reseal(self.session.store.path.parent)
                self.session.store.key = key
                self.session.save(self.session.walkthrough.progress)
                profile = self.profiles.set_protection(
                    profile.id,
                    protected=key is not None,
                    lock_after_minutes=lock_after_minutes,
                    hide_name=hide_name,
                )
            except (OSError, ProfileError) as exc:
                log.warning("Changing a profile's protection failed: %s", type(exc).__name__)
                reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
                self.dialogs.warn(self.parent, failed_title, failed_text(reason))
                self.host.reload()
                return
        self._reopen(profile, key)
        self.host.announce(done)

    # -- locking again ----------------------------------------------------------------------

    def lock(self) -> None:
        """Save, hide everything of the profile, and ask for the passphrase again."""
        self.idle.stop()
        self.host.flush_note()
        self.session.retry_save()
        self.host.hide()
        log.info("Locked after a time unused")
        profile = self.current_profile
        store = open_store(self.profiles, profile, self.session.guide.info.id, self.dialogs, None, self.guard)
        if store is None:  # the person chose to close the app instead
            self.host.close()
            return
        self.session.open(store)
        self.host.show()
        self.host.reload()
        self.watch()


def _derive(passphrase: str) -> SealKey:
    """The key of a new passphrase (deriving it takes about a second)."""
    with _busy():
        return new_key(passphrase)


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a key is derived and files are rewritten (a second or two)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
