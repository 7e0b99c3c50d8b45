"""The checklist renderer: guide plus progress as HTML (to print), Markdown or JSON.

Pure and Qt-free; the Qt layer loads :func:`render_html` into a ``QTextDocument`` to print
or save as PDF.  The work is split by idea:

- :mod:`.labels` and :mod:`.person`: status boxes, menu routes and one person's devices as words;
- :mod:`.model`: :class:`ChecklistOptions` and what the checklist says, as plain data;
- :mod:`.html` and :mod:`.markdown`: markup and escaping only.

``ChecklistOptions`` is importable from here too: the ``render_*`` functions take it.

The JSON form is the portable progress file itself, so it loads back with
``progress.store.parse_progress``.
"""

from __future__ import annotations

import copy

from privacy_walkthrough.core.checklist.html import to_html
from privacy_walkthrough.core.checklist.markdown import to_markdown
from privacy_walkthrough.core.checklist.model import ChecklistOptions, build_checklist
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.walkthrough.flow import new_progress

__all__ = ["ChecklistOptions", "render_html", "render_json", "render_markdown"]


def render_html(guide: Guide, progress: Progress | None, options: ChecklistOptions) -> str:
    """A printable HTML checklist for Qt's rich-text subset; all text is escaped."""
    return to_html(build_checklist(guide, progress, options))


def render_markdown(guide: Guide, progress: Progress | None, options: ChecklistOptions) -> str:
    """The same checklist as Markdown; all text is escaped."""
    return to_markdown(build_checklist(guide, progress, options))


def render_json(guide: Guide, progress: Progress | None, options: ChecklistOptions) -> str:
    """The progress file as JSON, leaving the caller's ``progress`` untouched.

    Notes are emptied unless ``options.include_notes``.  A blank checklist, or no progress
    at all, gives a fresh empty progress for ``guide`` stamped ``options.generated_at``.
    """
    if options.blank or progress is None:
        return to_json(new_progress(guide, options.generated_at)).decode("utf-8")
    export = copy.deepcopy(progress)
    if not options.include_notes:
        for entry in export.steps.values():
            entry.note = ""
    return to_json(export).decode("utf-8")
