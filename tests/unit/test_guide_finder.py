"""One guide finder: validate checks every guide folder, the app opens one language per guide."""

from __future__ import annotations

from pathlib import Path

from privacy_walkthrough.guides import find_guides, guide_folders
from tests.helpers import write_guide


def test_validate_and_the_app_find_guides_by_the_same_rules(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for place in ("alpha/en", "alpha/fr", "bravo/de", "bravo/es", ".hidden/en"):
        write_guide(root / place, ["one"])
    (root / "charlie" / "notes").mkdir(parents=True)  # no guide.toml, no steps: not a guide
    (root / "delta" / "en" / "steps").mkdir(parents=True)  # a broken guide: validate says why

    found = find_guides(root, "content")
    assert [(f.shown_as, f.guide_id, f.language) for f in found] == [
        ("content/alpha/en", "alpha", "en"),
        ("content/alpha/fr", "alpha", "fr"),
        ("content/bravo/de", "bravo", "de"),
        ("content/bravo/es", "bravo", "es"),
        ("content/delta/en", "delta", "en"),
    ]
    opened = [(folder.parent.name, folder.name) for folder in guide_folders(root)]  # type: ignore[attr-defined]
    assert opened == [("alpha", "en"), ("bravo", "de"), ("delta", "en")]


def test_a_guide_folder_or_a_guides_languages_are_found_as_they_are(tmp_path: Path) -> None:
    one = write_guide(tmp_path / "one", ["one"])
    assert [f.folder for f in find_guides(one)] == guide_folders(one) == [one]
    write_guide(tmp_path / "languages" / "fr", ["one"])
    write_guide(tmp_path / "languages" / "en", ["one"])
    assert [f.language for f in find_guides(tmp_path / "languages")] == ["en", "fr"]
    assert guide_folders(tmp_path / "languages") == [tmp_path / "languages" / "en"]
