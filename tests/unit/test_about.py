"""Help > About's words: version, licence, the guide's review date, no internet, where to update."""

from __future__ import annotations

import datetime as dt

from privacy_walkthrough import __version__
from privacy_walkthrough.core.about import LICENCE_ID, about_text, releases_url

URL = "https://example.org/privacy-walkthrough/releases"


def test_about_gives_the_version_the_licence_the_review_date_and_no_internet() -> None:
    about = about_text("1.2.3", "Lock it down", "4.5", dt.date(2026, 11, 28), URL)

    text = "\n".join((about.heading, *about.paragraphs, about.releases_intro))
    assert "1.2.3" in about.heading
    assert "“Lock it down”, version 4.5, last reviewed on 2026-11-28" in text
    assert LICENCE_ID in text
    assert "GNU General Public License, version 3 or later" in text
    assert "never connects to the internet" in text
    assert "never checks for updates" in about.releases_intro
    assert about.releases_url == URL


def test_without_a_releases_page_it_says_to_look_where_the_app_came_from() -> None:
    about = about_text("1.2.3", "Guide", "1", dt.date(2026, 1, 2), None)

    assert about.releases_url is None
    assert "look where you got this one" in about.releases_intro
    assert "copy its address" not in about.releases_intro


def test_the_installed_package_names_its_releases_page() -> None:
    url = releases_url()

    assert url is not None
    assert url.startswith("https://")
    assert url.endswith("/releases")
    assert __version__  # the same installed package
