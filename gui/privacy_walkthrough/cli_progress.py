"""Which guide and whose progress a command works on: the profile named with ``--profile``
(or the one used last), its progress file, unlocked when the profile is protected.

Shared by ``export`` and ``import`` (:mod:`privacy_walkthrough.cli`,
:mod:`privacy_walkthrough.cli_import`); every problem becomes a :class:`CommandError`.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from privacy_walkthrough.cli_output import CommandError
from privacy_walkthrough.cli_passphrase import PassphraseCommandError, unlock_store
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import ContentError
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.lock import InstanceLock, InstanceLockError
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.progress.other_guide import GuideTitles, no_titles, other_guide_problem
from privacy_walkthrough.core.progress.profiles import Profile, ProfileError, ProfileRegistry
from privacy_walkthrough.core.progress.store import ProgressError, ProgressStore
from privacy_walkthrough.guides import guide_titles, load_default_guide, shipped_root
from privacy_walkthrough.paths import AppPaths


def load_guide() -> Guide:
    try:
        return load_default_guide()
    except ContentError as exc:
        raise CommandError(tr("The guide shipped with the app is broken:\n{problems}", problems=exc)) from exc


@contextlib.contextmanager
def passphrase_errors() -> Iterator[None]:
    try:
        yield
    except PassphraseCommandError as exc:
        raise CommandError(str(exc)) from exc


def progress_store(args: argparse.Namespace, guide: Guide) -> ProgressStore:
    """The progress of the profile named with --profile, or of the profile used last."""
    return profile_and_progress(args, guide)[1]


def profile_and_progress(args: argparse.Namespace, guide: Guide) -> tuple[Profile, ProgressStore]:
    """The profile named with --profile (or used last) and its progress, unlocked if protected."""
    try:
        registry = ProfileRegistry(AppPaths.resolve(args.data_dir).data)
        profiles = registry.profiles()
    except ProfileError as exc:
        raise CommandError(str(exc)) from exc
    if args.profile is None:
        profile = registry.last_used()
    else:
        wanted = args.profile.strip().casefold()
        matches = [p for p in profiles if p.name.casefold() == wanted or p.id == wanted]
        if not matches:
            names = ", ".join(p.name for p in profiles)
            raise CommandError(
                tr("There is no profile “{name}”. Profiles: {names}.", name=args.profile, names=names)
            )
        profile = matches[0]
    store = ProgressStore(registry.progress_file(profile, guide.info.id))
    _sweep(registry.data, store)
    if not getattr(args, "blank", False):
        with passphrase_errors():
            unlock_store(store, profile, args)
    return profile, store


def _sweep(data: Path, store: ProgressStore) -> None:
    """Delete temp files a killed save left (each a full copy of the progress, notes included).

    Only while holding the data folder's lock, so a save in progress in an open window is
    never touched; when the window has the lock, it has swept them itself.
    """
    if not store.path.parent.is_dir():
        return
    lock = InstanceLock(data)
    try:
        lock.acquire()
    except InstanceLockError:
        return
    try:
        store.sweep_temp_files()
    finally:
        lock.release()


def installed_titles(args: argparse.Namespace) -> GuideTitles:
    """The titles of the guides shipped with the app and in the data folder's guides folder
    (looked up only for a message about another guide's progress)."""
    guides = AppPaths.resolve(args.data_dir).guides
    return guide_titles([shipped_root(), (guides, tr("your guides folder"))])


def saved_progress(store: ProgressStore, guide: Guide, titles: GuideTitles = no_titles) -> Progress | None:
    """The progress saved in ``store``; a file of another guide names both guides' titles."""
    if not store.path.exists() and not store.path.is_symlink():
        return None
    try:
        progress = store.read()
    except ProgressError as exc:
        raise CommandError(tr("The saved progress cannot be used: {reason}.", reason=exc)) from exc
    if progress.guide_id != guide.info.id:
        what = tr("the file {name}", name=str(store.path))
        problem = other_guide_problem(what, progress.guide_id, guide, titles)
        raise CommandError(tr("The saved progress cannot be used: {reason}.", reason=problem))
    return progress


def blank_progress(store: ProgressStore, guide: Guide) -> Progress | None:
    """The person's devices for a blank checklist, as the app's has them; nothing if unreadable."""
    try:
        return saved_progress(store, guide)
    except CommandError:
        return None  # a blank checklist needs no progress: it just lists no devices then
