"""Escaping for the step page and the sketches: the same as the standard library's."""

from __future__ import annotations

import html

import pytest

from privacy_walkthrough.core.html_text import escape
from privacy_walkthrough.core.markdown_text import escape_markdown

SAMPLES = ["plain", "a & b", "<script>alert('x')</script>", 'say "hi"', "&amp; already", "", "✓ Zoë <3"]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_matches_the_html_module(text: str, quote: bool) -> None:
    assert escape(text, quote=quote) == html.escape(text, quote=quote)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("https://evil.example/r", "https\\://evil.example/r"),
        ("see www.evil.example", "see www\\.evil.example"),
        ("write to me@evil.example", "write to me\\@evil.example"),
        ("HTTP://X.Y", "HTTP\\://X.Y"),
    ],
)
def test_a_bare_address_in_escaped_markdown_is_never_a_link(text: str, escaped: str) -> None:
    """GitHub Markdown makes bare addresses into links; escaped, they stay text."""
    assert escape_markdown(text) == escaped
