"""Escaping for the step page and the sketches: the same as the standard library's."""

from __future__ import annotations

import html

import pytest

from privacy_walkthrough.core.html_text import escape

SAMPLES = ["plain", "a & b", "<script>alert('x')</script>", 'say "hi"', "&amp; already", "", "✓ Zoë <3"]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_matches_the_html_module(text: str, quote: bool) -> None:
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
