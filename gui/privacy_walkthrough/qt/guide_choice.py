"""Which guide to open: the only one there is, or the person's choice among several."""

from __future__ import annotations

import logging
from pathlib import Path

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.i18n import ltr, tr
from privacy_walkthrough.guides import discover_guides, shipped_root
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.dialogs import Dialogs

log = logging.getLogger(__name__)


def choose_guide(
    paths: AppPaths, dialogs: Dialogs, content: Path | None
) -> tuple[Guide, dict[str, str]] | None:
    """The guide to open (the only one there is, or the person's choice among several), with
    the title of every usable guide by its id (for messages about another guide's progress)."""
    roots = [shipped_root(), (paths.guides, tr("your guides folder"))]
    if content is not None:
        roots.append((content, tr("the folder {folder}", folder=ltr(str(content)))))
    entries = discover_guides(roots)
    usable = [e for e in entries if e.guide is not None]
    if not usable:
        problems = "\n".join(str(e.error) for e in entries if e.error) or tr("No guide was found.")
        log.error("No usable guide")
        dialogs.warn(None, tr("The guide could not be loaded"), problems)
        return None
    titles = {e.guide.info.id: e.guide.info.title for e in usable if e.guide is not None}
    chosen = usable[0].guide if len(entries) == 1 else None
    if chosen is None and len(entries) > 1:
        choice = dialogs.choose_guide(None, entries)
        chosen = entries[choice].guide if choice is not None else None
    return (chosen, titles) if chosen is not None else None
