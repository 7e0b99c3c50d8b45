"""What Help > About says: the version, the licence, the guide's review date, no internet.

The app never checks for updates (that would mean a network connection), so it tells the
person where to look for a newer version, as an address they can copy. That address is the
``Releases`` project URL in ``pyproject.toml``, read from the installed package's metadata
(the release workflow checks it names the repository that builds the release).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privacy_walkthrough.core.i18n import ltr, tr

DISTRIBUTION = "privacy-walkthrough"
LICENCE_ID = "GPL-3.0-or-later"


@dataclass(frozen=True)
class AboutText:
    title: str
    heading: str  # the app's name and version
    paragraphs: tuple[str, ...]
    releases_intro: str
    releases_url: str | None  # None when the package names no releases page


def releases_url() -> str | None:
    """The ``Releases`` project URL of the installed package, if it has one."""
    from importlib import metadata  # only when About is opened: it is not needed before

    try:
        urls: list[str] = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().casefold() == "releases" and url.strip():
            return url.strip()
    return None


def about_text(
    version: str, guide_title: str, guide_version: str, reviewed: dt.date, url: str | None
) -> AboutText:
    if url is None:
        intro = tr(
            "This app never checks for updates by itself. To find a newer version, look where "
            "you got this one."
        )
    else:
        intro = tr(
            "This app never checks for updates by itself. Newer versions are listed on this "
            "page; copy its address into your web browser:"
        )
    return AboutText(
        title=tr("About Privacy Walkthrough"),
        heading=tr("Privacy Walkthrough {version}", version=version),
        paragraphs=(
            tr(
                "This app never connects to the internet. Your answers and notes stay on this "
                "computer; a link opens in your web browser only when you click it."
            ),
            tr(
                "Guide: “{guide}”, version {guide_version}, last reviewed on {reviewed}.",
                guide=guide_title,
                guide_version=guide_version,
                reviewed=ltr(reviewed.isoformat()),
            ),
            tr(
                "Free software under the GNU General Public License, version 3 or later "
                "({licence}): you may use, share and change it under that licence.",
                licence=LICENCE_ID,
            ),
        ),
        releases_intro=intro,
        releases_url=url,
    )
