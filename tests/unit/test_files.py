"""The app's own files: which format versions count as written by a newer app."""

from __future__ import annotations

import pytest

from privacy_walkthrough.core.files import MAX_PLAUSIBLE_VERSION, is_newer_format


@pytest.mark.parametrize(
    ("version", "newer"),
    [
        (4, True),
        (4.0, True),
        (MAX_PLAUSIBLE_VERSION, True),
        (MAX_PLAUSIBLE_VERSION + 1, False),  # damage, not a newer app
        (3, False),
        (2, False),
        (4.5, False),
        (True, False),
        ("4", False),
        (None, False),
    ],
)
def test_a_newer_format_is_a_whole_version_above_the_known_one(version: object, newer: bool) -> None:
    assert is_newer_format(version, 3) is newer
