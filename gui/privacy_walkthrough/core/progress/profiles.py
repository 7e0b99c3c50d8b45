"""Profiles: a helper walks several people through the guide, each with their own progress.

The default profile keeps its progress in the data folder itself (``<data>/progress/``), so
progress saved before profiles existed stays where it is.  Every other profile has its own
folder, ``<data>/profiles/<id>/progress/``.  The list of profiles, and which one was used
last, is ``<data>/profiles.json``, written atomically (0600).  Without that file there is
one profile, the default; the file is written on the first change.

A ``profiles.json`` that cannot be read is renamed aside (never overwritten) and the list
starts again from the default profile: every profile's progress files are still on disk.
Where the profiles' files are, and removing them, is :mod:`.profile_files`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from privacy_walkthrough.core.content.records import parse, replace, to_json
from privacy_walkthrough.core.files import free_name, is_newer_format, time_stamp, write_atomically
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.progress import profile_files
from privacy_walkthrough.core.progress.profile_files import PROFILES_FOLDER, PROGRESS_FOLDER
from privacy_walkthrough.core.progress.profile_list import (
    DEFAULT_ID,
    NAME_MAX_CHARS,
    REGISTRY_FORMAT,
    REGISTRY_VERSION,
    ProfileEntry,
    ProfileList,
    fresh_list,
)
from privacy_walkthrough.core.progress.store import unique_keys
from privacy_walkthrough.core.regular_files import read_regular

log = logging.getLogger(__name__)

REGISTRY_FILE = "profiles.json"
MAX_REGISTRY_BYTES = 1024 * 1024
_SLUG_MAX = 40


@dataclass(frozen=True)
class Profile:
    id: str
    name: str  # as shown; the default profile is called "Me" until it is renamed
    folder: Path  # absolute: the folder that holds progress/
    protected: bool = False  # its files are sealed with a passphrase (core.progress.sealed)
    lock_after_minutes: int = 0  # a protected profile locks again after this long unused; 0: never
    name_hidden: bool = False  # shown as "Protected profile"


class ProfileError(Exception):
    """A profile could not be created, renamed, deleted or listed; the message is for the person."""


def slug_for(name: str) -> str:
    """A folder-safe id from a name: "Zoë Smith" -> "zoe-smith"; "profile" when nothing is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:_SLUG_MAX].strip("-")
    return slug or "profile"


class ProfileRegistry:
    """The profiles of one data folder."""

    def __init__(self, data: Path) -> None:
        self.data = Path(os.path.abspath(data))
        self.path = self.data / REGISTRY_FILE
        self.set_aside_notice: Path | None = None  # where a damaged profiles.json was moved
        self._registry = self._load()

    # -- reading ------------------------------------------------------------------------

    def _load(self) -> ProfileList:
        if not self.path.exists() and not self.path.is_symlink():
            return fresh_list()
        try:
            if self.path.is_symlink():
                raise ValueError("a link")
            raw = read_regular(self.path, MAX_REGISTRY_BYTES, follow_links=False)  # never a FIFO
            data = json.loads(raw.decode("utf-8"), object_pairs_hook=unique_keys)  # ValueError if twice
            if isinstance(data, dict) and data.get("format") == REGISTRY_FORMAT:
                self._refuse_newer(data.get("schema_version"))
            return parse(data, ProfileList)
        except (OSError, ValueError, RecursionError):  # ValueError: bad JSON and RecordError too
            aside = free_name(self.data, f"profiles.damaged-{time_stamp(dt.datetime.now(dt.UTC))}", ".json")
            try:
                os.replace(self.path, aside)
            except OSError as exc:
                raise ProfileError(
                    tr("The list of profiles cannot be read or moved aside ({error}).", error=exc.strerror)
                ) from exc
            log.warning("The list of profiles could not be read and was set aside")
            self.set_aside_notice = aside
            return fresh_list()

    def _refuse_newer(self, version: object) -> None:
        if is_newer_format(version, REGISTRY_VERSION):
            raise ProfileError(
                tr(
                    "The list of profiles was saved by a newer version of Privacy Walkthrough. "
                    "Please update the app; the file has been left as it is."
                )
            )

    def _profile(self, entry: ProfileEntry) -> Profile:
        folder = self.data if entry.id == DEFAULT_ID else self.data / PROFILES_FOLDER / entry.id
        if entry.name_hidden:  # "Protected profile", numbered when there are more
            hidden = [e.id for e in self._registry.profiles if e.name_hidden]
            name = tr("Protected profile")
            if len(hidden) > 1:
                name = tr("Protected profile {number}", number=hidden.index(entry.id) + 1)
        else:
            name = entry.name or tr("Me")
        return Profile(entry.id, name, folder, entry.protected, entry.lock_after_minutes, entry.name_hidden)

    def profiles(self) -> list[Profile]:
        """Every profile, in the order they were created (at least one)."""
        return [self._profile(e) for e in self._registry.profiles]

    def _find(self, profile_id: str) -> ProfileEntry:
        for entry in self._registry.profiles:
            if entry.id == profile_id:
                return entry
        raise ProfileError(tr("There is no such profile."))

    def last_used(self) -> Profile:
        return self._profile(self._find(self._registry.last_used))

    def progress_file(self, profile: Profile, guide_id: str) -> Path:
        return profile.folder / PROGRESS_FOLDER / f"{guide_id}.json"

    # -- changing -----------------------------------------------------------------------

    def _save(self, registry: ProfileList) -> None:
        try:
            write_atomically(self.path, to_json(registry))
        except OSError as exc:
            raise ProfileError(
                tr("The list of profiles could not be saved ({error}).", error=exc.strerror)
            ) from exc
        self._registry = registry

    def _checked_name(self, name: str, ignore: str | None = None) -> str:
        name = name.strip()
        if not name:
            raise ProfileError(tr("Please type a name."))
        if len(name) > NAME_MAX_CHARS:
            raise ProfileError(
                ntr(
                    "Please use a shorter name (at most {n} character).",
                    "Please use a shorter name (at most {n} characters).",
                    NAME_MAX_CHARS,
                )
            )
        if any(not ch.isprintable() for ch in name):  # line breaks, tabs, broken characters
            raise ProfileError(tr("Please use a name on one line, with ordinary characters."))
        taken = {p.name.casefold() for p in self.profiles() if p.id != ignore}
        if name.casefold() in taken:
            raise ProfileError(tr("There is already a profile called {name}.", name=name))
        return name

    def _new_id(self, name: str) -> str:
        """A slug from the name, with a counter when taken; never the id of a folder on disk."""
        base = slug_for(name)
        taken = {e.id for e in self._registry.profiles} | {DEFAULT_ID}
        candidate, counter = base, 2
        while candidate in taken or (self.data / PROFILES_FOLDER / candidate).exists():
            candidate = f"{base}-{counter}"
            counter += 1
        return candidate

    def create(self, name: str) -> Profile:
        """A new profile with its own, empty folder; it does not become the last used one."""
        name = self._checked_name(name)
        entry = ProfileEntry(id=self._new_id(name), name=name)
        profile = self._profile(entry)
        try:
            self.data.mkdir(mode=0o700, parents=True, exist_ok=True)
            (self.data / PROFILES_FOLDER).mkdir(mode=0o700, exist_ok=True)
            profile.folder.mkdir(mode=0o700)  # a new id: never a folder that is already there
            (profile.folder / PROGRESS_FOLDER).mkdir(mode=0o700)
            for folder in (self.data / PROFILES_FOLDER, profile.folder, profile.folder / PROGRESS_FOLDER):
                os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask
        except OSError as exc:
            raise ProfileError(
                tr("The profile's folder could not be made ({error}).", error=exc.strerror)
            ) from exc
        registry = replace(self._registry, profiles=[*self._registry.profiles, entry])
        self._save(registry)
        return profile

    def rename(self, profile_id: str, name: str) -> Profile:
        entry = self._find(profile_id)
        name = self._checked_name(name, ignore=profile_id)
        return self._replace_entry(entry, replace(entry, name=name))

    def _replace_entry(self, old: ProfileEntry, new: ProfileEntry) -> Profile:
        entries = [new if e.id == old.id else e for e in self._registry.profiles]
        last = new.id if self._registry.last_used == old.id else self._registry.last_used
        self._save(replace(self._registry, profiles=entries, last_used=last))
        return self._profile(new)

    def set_protection(
        self, profile_id: str, *, protected: bool, lock_after_minutes: int = 0, hide_name: bool = False
    ) -> Profile:
        """Record that a profile's files are (or no longer are) sealed with a passphrase.

        Sealing the files is :mod:`~privacy_walkthrough.core.progress.protection`'s job; call this
        after it.  ``hide_name`` lists the profile as "Protected profile" and moves its folder to
        a neutral name, so neither the list nor a folder name says whose it is.
        """
        entry = self._find(profile_id)
        new_id = entry.id
        if protected and hide_name and entry.id != DEFAULT_ID and not entry.id.startswith("protected"):
            new_id = self._new_id("protected")
            try:
                os.rename(self.data / PROFILES_FOLDER / entry.id, self.data / PROFILES_FOLDER / new_id)
            except OSError as exc:
                raise ProfileError(
                    tr("The profile's folder could not be renamed ({error}).", error=exc.strerror)
                ) from exc
        hidden = protected and hide_name
        if hidden:
            name = ""
        elif not entry.name_hidden:
            name = entry.name
        else:  # a hidden name is not coming back: the profile needs one in the list again
            name = self._checked_name(
                self._profile(entry).name.replace(tr("Protected profile"), tr("Profile"))
            )
        updated = ProfileEntry(
            id=new_id,
            name=name,
            protected=protected,
            name_hidden=hidden,
            lock_after_minutes=lock_after_minutes if protected else 0,  # type: ignore[arg-type]
            language=entry.language,
        )
        return self._replace_entry(entry, updated)

    def language(self, profile_id: str) -> str | None:
        """The language the profile chose in the Language menu; None: follow the system."""
        return self._find(profile_id).language or None

    def set_language(self, profile_id: str, language: str | None) -> None:
        """Remember ``language`` for the profile (None: follow the system again)."""
        entry = self._find(profile_id)
        if entry.language != (language or ""):
            changed = replace(entry, language=language or "")
            entries = [changed if e.id == profile_id else e for e in self._registry.profiles]
            self._save(replace(self._registry, profiles=entries))

    def set_last_used(self, profile_id: str) -> None:
        self._find(profile_id)
        if self._registry.last_used != profile_id:
            self._save(replace(self._registry, last_used=profile_id))

    def delete(self, profile_id: str) -> list[Path]:
        """Delete a profile's progress files and folder, and take it off the list.

        The default profile's folder is the data folder itself, so only its progress files
        go.  The last remaining profile cannot be deleted.  Returns the deleted files.
        """
        entry = self._find(profile_id)
        if len(self._registry.profiles) < 2:
            raise ProfileError(tr("The only profile cannot be deleted."))
        profile = self._profile(entry)
        deleted = self._delete_files(profile)
        remaining = [e for e in self._registry.profiles if e.id != profile_id]
        last = self._registry.last_used
        self._save(ProfileList(profiles=remaining, last_used=remaining[0].id if last == profile_id else last))
        return deleted

    def _delete_files(self, profile: Profile) -> list[Path]:
        progress = profile.folder / PROGRESS_FOLDER
        folders = [] if profile.id == DEFAULT_ID else [progress, profile.folder]
        try:
            return profile_files.remove(profile_files.progress_files(progress), folders)
        except OSError as exc:
            raise ProfileError(
                tr("Some of the profile's files could not be deleted ({error}).", error=exc.strerror)
            ) from exc

    # -- everything (see .profile_files) ------------------------------------------------------

    def files(self) -> list[Path]:
        """This registry's own files: the list of profiles and the other profiles' progress."""
        return profile_files.registry_files(self.data)

    def left_alone(self) -> list[Path]:
        """Files in the other profiles' progress folders that the app did not write."""
        return profile_files.left_alone(self.data)

    def erase_all(self) -> list[Path]:
        """Delete :meth:`files` and the then-empty profile folders; back to the default profile only.

        The default profile's progress files are not touched: they are the data folder's own.
        """
        folders = [sub for f in profile_files.profile_folders(self.data) for sub in (f / PROGRESS_FOLDER, f)]
        try:
            deleted = profile_files.remove(self.files(), [*folders, self.data / PROFILES_FOLDER])
        except OSError as exc:
            raise ProfileError(tr("Some files could not be deleted ({error}).", error=exc.strerror)) from exc
        self._registry = fresh_list()
        self.set_aside_notice = None
        return deleted
