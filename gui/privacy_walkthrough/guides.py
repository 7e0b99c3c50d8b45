"""Finding guides: the shipped ones, the person's own guide folder, and ``--content FOLDER``.

A folder can be a guide itself (holding guide.toml), a guide-id folder holding language
folders, or a content root holding several ``<guide-id>/<language>/`` guides.  A guide
that fails to load is still listed, with its problems, so the app can say what is wrong
instead of stopping.

A guide is loaded in the language the app speaks when it has a translation folder for it
(``<guide-id>/<lang>/``, see :mod:`privacy_walkthrough.core.content.translation`), and in
English otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.abc import Traversable

from privacy_walkthrough import resources
from privacy_walkthrough.core.content.loader import GUIDE_FILE, ContentError, ContentProblem, load_guide
from privacy_walkthrough.core.content.models import Guide
from privacy_walkthrough.core.content.translation_loader import is_translation, load_translated_guide
from privacy_walkthrough.core.i18n import current_language, tr

DEFAULT_GUIDE = "imessage-privacy"
DEFAULT_LANGUAGE = "en"
MAX_GUIDES = 50  # guide folders looked at in one place (a guides folder, --content)


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


def _is_guide(folder: Traversable) -> bool:
    """A folder holding a whole guide (a translation's folder holds only its words)."""
    info = folder / GUIDE_FILE
    if not info.is_file():
        return False
    try:
        return not is_translation(info.read_text(encoding="utf-8"))
    except (OSError, UnicodeError):
        return True  # loading it says what is wrong


def _language_folder(guide_folder: Traversable) -> Traversable | None:
    preferred = guide_folder / DEFAULT_LANGUAGE
    if preferred.is_dir() and _is_guide(preferred):
        return preferred
    others = sorted((f for f in guide_folder.iterdir() if f.is_dir() and _is_guide(f)), key=lambda f: f.name)
    return others[0] if others else None


def _guide_places(root: Traversable) -> Iterator[tuple[Traversable, Traversable | None]]:
    """(guide folder, the guide-id folder that may hold its translations) for each guide."""
    if not root.is_dir():
        return
    if _is_guide(root):
        yield root, None
        return
    own = _language_folder(root)
    if own is not None:
        yield own, root
        return
    children = sorted((f for f in root.iterdir() if f.is_dir()), key=lambda f: f.name)
    for child in children[:MAX_GUIDES]:
        found = _language_folder(child)
        if found is not None:
            yield found, child


def guide_folders(root: Traversable) -> Iterator[Traversable]:
    """Every guide folder in ``root`` (see the module's docstring for the shapes accepted)."""
    for folder, _translations in _guide_places(root):
        yield folder


def discover_guides(roots: Sequence[tuple[Traversable, str]]) -> list[GuideEntry]:
    """Load every guide under ``roots`` (folder, origin); broken ones carry their error."""
    entries: list[GuideEntry] = []
    for root, origin in roots:
        try:
            places = list(_guide_places(root))
        except OSError:
            continue
        for folder, translations in places:
            try:
                entries.append(GuideEntry(folder, origin, localized(load_guide(folder), translations), None))
            except ContentError as exc:
                entries.append(GuideEntry(folder, origin, None, exc))
            except Exception as exc:  # one bad guide never stops the others from opening
                problem = ContentProblem(folder.name, None, tr("cannot be used ({error})", error=exc))
                entries.append(GuideEntry(folder, origin, None, ContentError([problem])))
    return entries


def shipped_root() -> tuple[Traversable, str]:
    return resources.content_root(), tr("shipped with the app")
