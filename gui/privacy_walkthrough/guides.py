"""Finding guides: the shipped ones, the person's own guide folder, and ``--content FOLDER``.

A folder can be a guide itself (holding guide.toml), a guide-id folder holding language
folders, or a content root holding several ``<guide-id>/<language>/`` guides.  A guide
that fails to load is still listed, with its problems, so the app can say what is wrong
instead of stopping.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.abc import Traversable

from privacy_walkthrough import resources
from privacy_walkthrough.core.content.loader import GUIDE_FILE, ContentError, ContentProblem, load_guide
from privacy_walkthrough.core.content.models import Guide
from privacy_walkthrough.core.i18n import tr

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


def load_default_guide() -> Guide:
    """The shipped iMessage guide (raises ContentError when it is broken)."""
    return load_guide(resources.content_root() / DEFAULT_GUIDE / DEFAULT_LANGUAGE)


def _is_guide(folder: Traversable) -> bool:
    return (folder / GUIDE_FILE).is_file()


def _language_folder(guide_folder: Traversable) -> Traversable | None:
    preferred = guide_folder / DEFAULT_LANGUAGE
    if preferred.is_dir() and _is_guide(preferred):
        return preferred
    others = sorted((f for f in guide_folder.iterdir() if f.is_dir() and _is_guide(f)), key=lambda f: f.name)
    return others[0] if others else None


def guide_folders(root: Traversable) -> Iterator[Traversable]:
    """Every guide folder in ``root`` (see the module's docstring for the shapes accepted)."""
    if not root.is_dir():
        return
    if _is_guide(root):
        yield root
        return
    own = _language_folder(root)
    if own is not None:
        yield own
        return
    children = sorted((f for f in root.iterdir() if f.is_dir()), key=lambda f: f.name)
    for child in children[:MAX_GUIDES]:
        found = _language_folder(child)
        if found is not None:
            yield found


def discover_guides(roots: Sequence[tuple[Traversable, str]]) -> list[GuideEntry]:
    """Load every guide under ``roots`` (folder, origin); broken ones carry their error."""
    entries: list[GuideEntry] = []
    for root, origin in roots:
        try:
            folders = list(guide_folders(root))
        except OSError:
            continue
        for folder in folders:
            try:
                entries.append(GuideEntry(folder, origin, load_guide(folder), None))
            except ContentError as exc:
                entries.append(GuideEntry(folder, origin, None, exc))
            except Exception as exc:  # one bad guide never stops the others from opening
                problem = ContentProblem(folder.name, None, tr("cannot be used ({error})", error=exc))
                entries.append(GuideEntry(folder, origin, None, ContentError([problem])))
    return entries


def shipped_root() -> tuple[Traversable, str]:
    return resources.content_root(), tr("shipped with the app")
