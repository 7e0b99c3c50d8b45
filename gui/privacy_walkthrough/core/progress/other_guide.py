"""Progress saved for another guide: the message names both guides by their titles.

A guide's id ("imessage-privacy") means nothing to the person; its title does.  The title
of the guide the file is for comes from the guides installed here (``titles``); only when
none of them has that id is the id shown, said plainly.
"""

from __future__ import annotations

from collections.abc import Callable

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.i18n import tr

GuideTitles = Callable[[str], "str | None"]  # a guide id -> the title of the installed guide


def no_titles(guide_id: str) -> str | None:
    """No guide is known besides the one in use."""
    return None


def other_guide_problem(what: str, found_id: str, guide: Guide, titles: GuideTitles = no_titles) -> str:
    """Why ``what`` ("the file x.json") cannot be used: it holds progress for guide ``found_id``."""
    title = titles(found_id)
    if title:
        return tr(
            "{what} holds progress for another guide, “{found}”, not for “{expected}”",
            what=what,
            found=title,
            expected=guide.info.title,
        )
    return tr(
        "{what} holds progress for another guide, one that is not installed here (its id is "
        "“{found}”), not for “{expected}”",
        what=what,
        found=found_id,
        expected=guide.info.title,
    )
