"""Reading the command line: the window's short path agrees with the full parser."""

from __future__ import annotations

import pytest

from privacy_walkthrough.app import build_parser, window_arguments


@pytest.mark.parametrize(
    "argv",
    [[], ["--data-dir", "somewhere"], ["--color-scheme", "dark", "--pseudo-locale"], ["--content", "guides"]],
)
def test_window_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    short = window_arguments(argv)
    assert short is not None
    assert vars(short) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["export", "--format", "md"], ["--help"], ["--version"], ["--color-scheme", "blue"], ["--bogus"]]
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_arguments(argv) is None
