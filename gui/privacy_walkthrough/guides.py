"""Finding guides: the shipped ones, the person's own guide folder, ``--content FOLDER``,
and what ``validate`` checks.

A folder can be a guide itself (holding guide.toml or a steps folder), a guide-id folder
holding language folders, or a content root holding several ``<guide-id>/<language>/``
guides; hidden folders are skipped.  :func:`find_guides` lists every one (``validate``
checks them all); the app opens one language per guide (:func:`guide_folders`).  A guide
that fails to load is still listed, with its problems, so the app can say what is wrong
instead of stopping.

A guide is loaded in the language the app speaks when it has a translation folder for it
(``<guide-id>/<lang>/``, see :mod:`privacy_walkthrough.core.content.translation`), and in
English otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.abc import Traversable

from privacy_walkthrough import resources
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import (
    GUIDE_FILE,
    STEPS_FOLDER,
    ContentError,
    ContentProblem,
    load_guide,
)
from privacy_walkthrough.core.content.translation_loader import is_translation, load_translated_guide
from privacy_walkthrough.core.i18n import current_language, tr

DEFAULT_GUIDE = "imessage-privacy"
DEFAULT_LANGUAGE = "en"
MAX_GUIDES = 50  # guide folders looked at in one place (a guides folder, --content)


@dataclass(frozen=True)
class GuideFolder:
    """A guide folder found under a root; ``guide_id``/``language`` come from its place there."""

    folder: Traversable
    shown_as: str  # its path for messages, from the root as the person gave it
    guide_id: str | None = None
    language: str | None = None
    guide_root: Traversable | None = None  # the guide-id folder holding its language folders

    @property
    def english(self) -> Traversable | None:
        """The English folder beside it (what a translation folder translates)."""
        return None if self.guide_root is None else self.guide_root / DEFAULT_LANGUAGE


@dataclass(frozen=True)
class GuideEntry:
    folder: Traversable
    origin: str  # where it was found, in words: "shipped with the app", "your guides folder", …
    guide: Guide | None
    error: ContentError | None

    @property
    def title(self) -> str:
        if self.guide is not None:
            return self.guide.info.title
        return tr("A guide that cannot be used ({folder})", folder=self.folder.name)


def load_default_guide(language: str | None = None) -> Guide:
    """The shipped iMessage guide, in ``language`` (default: the app's) where translated.

    Raises ContentError when the English guide is broken; a broken translation gives English.
    """
    guide_root = resources.content_root() / DEFAULT_GUIDE
    return localized(load_guide(guide_root / DEFAULT_LANGUAGE), guide_root, language)


def localized(guide: Guide, guide_root: Traversable | None, language: str | None = None) -> Guide:
    """``guide`` in ``language`` (default: the app's) if ``guide_root/<language>/`` translates it."""
    language = language or current_language()
    if guide_root is None or language == guide.info.language:
        return guide
    folder = guide_root / language
    try:
        if not (folder / GUIDE_FILE).is_file():
            return guide
    except OSError:
        return guide
    return load_translated_guide(folder, guide)


def is_translation_folder(folder: Traversable) -> bool:
    """A translation's folder: it holds only words, laid over the English guide beside it."""
    info = folder / GUIDE_FILE
    try:
        return info.is_file() and is_translation(info.read_text(encoding="utf-8"))
    except (OSError, UnicodeError):
        return False  # loading it as a guide says what is wrong


def is_guide_folder(folder: Traversable) -> bool:
    return (folder / GUIDE_FILE).is_file() or (folder / STEPS_FOLDER).is_dir()


def _subfolders(folder: Traversable) -> list[Traversable]:
    return sorted(
        (f for f in folder.iterdir() if f.is_dir() and not f.name.startswith(".")), key=lambda f: f.name
    )


def find_guides(
    root: Traversable, shown_as: str | None = None, limit: int | None = None
) -> list[GuideFolder]:
    """Every guide folder in ``root``: itself, ``<language>/`` or ``<guide-id>/<language>/``
    (looking into the first ``limit`` folders only, when given)."""
    shown_as = root.name if shown_as is None else shown_as
    if is_guide_folder(root):
        return [GuideFolder(root, shown_as)]
    found: list[GuideFolder] = []
    for first in _subfolders(root)[:limit]:
        if is_guide_folder(first):  # root is one guide's folder, holding a folder per language
            found.append(GuideFolder(first, f"{shown_as}/{first.name}", root.name, first.name, root))
            continue
        for second in _subfolders(first)[:limit]:
            if is_guide_folder(second):
                place = f"{shown_as}/{first.name}/{second.name}"
                found.append(GuideFolder(second, place, first.name, second.name, first))
    return found


def _guide_choices(root: Traversable) -> list[GuideFolder]:
    """One folder per guide in ``root``: its English one if it has one, else its first whole
    language (a translation folder is never a guide by itself)."""
    if not root.is_dir():
        return []
    chosen: dict[str | None, GuideFolder] = {}
    for found in find_guides(root, limit=MAX_GUIDES):
        if is_translation_folder(found.folder):
            continue
        if found.guide_id not in chosen or found.language == DEFAULT_LANGUAGE:
            chosen[found.guide_id] = found
    return list(chosen.values())


def guide_folders(root: Traversable) -> list[Traversable]:
    """One folder per guide in ``root``: its English one if it has one, else its first language."""
    return [found.folder for found in _guide_choices(root)]


def discover_guides(roots: Sequence[tuple[Traversable, str]]) -> list[GuideEntry]:
    """Load every guide under ``roots`` (folder, origin); broken ones carry their error."""
    entries: list[GuideEntry] = []
    for root, origin in roots:
        try:
            choices = _guide_choices(root)
        except OSError:
            continue
        for found in choices:
            folder = found.folder
            try:
                guide = localized(load_guide(folder), found.guide_root)
                entries.append(GuideEntry(folder, origin, guide, None))
            except ContentError as exc:
                entries.append(GuideEntry(folder, origin, None, exc))
            except Exception as exc:  # one bad guide never stops the others from opening
                problem = ContentProblem(folder.name, None, tr("cannot be used ({error})", error=exc))
                entries.append(GuideEntry(folder, origin, None, ContentError([problem])))
    return _first_of_each_id(entries)


def _first_of_each_id(entries: list[GuideEntry]) -> list[GuideEntry]:
    """A guide whose id an earlier one has (the shipped guide's, say) would share its progress
    file: it is listed as one that cannot be used."""
    seen: dict[str, GuideEntry] = {}
    kept: list[GuideEntry] = []
    for entry in entries:
        guide = entry.guide
        if guide is not None and guide.info.id in seen:
            first = seen[guide.info.id]
            message = tr(
                "has the id '{id}' of the guide {origin}; give it its own id",
                id=guide.info.id,
                origin=first.origin,
            )
            error = ContentError([ContentProblem("guide.toml", "id", message)])
            kept.append(GuideEntry(entry.folder, entry.origin, None, error))
            continue
        if guide is not None:
            seen[guide.info.id] = entry
        kept.append(entry)
    return kept


def guide_titles(roots: Sequence[tuple[Traversable, str]]) -> Callable[[str], str | None]:
    """A guide id -> the title of the usable guide under ``roots`` with that id.

    The guides are looked for only when a title is first asked for (a message about
    another guide's progress), never on the way to a command's ordinary result.
    """
    found: dict[str, str] | None = None

    def title(guide_id: str) -> str | None:
        nonlocal found
        if found is None:
            entries = discover_guides(roots)
            found = {e.guide.info.id: e.guide.info.title for e in entries if e.guide is not None}
        return found.get(guide_id)

    return title


def shipped_root() -> tuple[Traversable, str]:
    return resources.content_root(), tr("shipped with the app")
