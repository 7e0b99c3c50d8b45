"""`validate`, run on guides broken one mistake at a time (written by helpers.write_guide, then edited)."""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_walkthrough import resources
from privacy_walkthrough.content_cli import add_content_commands
from privacy_walkthrough.core.content.toml_lines import locate
from privacy_walkthrough.core.content.urls import url_problem
from tests.helpers import replace_in, step_file, write_guide

TODAY = "2026-11-28"  # the shipped guide was reviewed on this day
IDS = ["alpha", "bravo", "charlie"]
LINE = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<severity>error|warning): "
    r"(?:field '(?P<field>[^']+)': )?(?P<message>.+)$"
)


@dataclass(frozen=True)
class Reported:
    file: str
    line: int | None
    severity: str
    field: str | None
    message: str


@dataclass(frozen=True)
class Run:
    status: int
    output: str

    @property
    def reported(self) -> list[Reported]:
        lines = self.output.splitlines()
        found = []
        for text in lines[:-1]:
            match = LINE.match(text)
            assert match, f"not FILE:LINE: severity: … : {text!r}"
            line = int(match["line"]) if match["line"] else None
            found.append(Reported(match["file"], line, match["severity"], match["field"], match["message"]))
        return found

    @property
    def summary(self) -> str:
        return self.output.splitlines()[-1]

    def only(self) -> Reported:
        assert len(self.reported) == 1, self.output
        return self.reported[0]


def run(*argv: str) -> Run:
    parser = argparse.ArgumentParser(prog="privacy-walkthrough")
    add_content_commands(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    status = args.command(args, out)
    return Run(status, out.getvalue())


def validate(folder: Path, *extra: str) -> Run:
    return run("validate", str(folder), "--today", TODAY, *extra)


@pytest.fixture
def guide_dir(tmp_path: Path) -> Path:
    return write_guide(tmp_path / "guide", IDS)


def append_to(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_number(path: Path, startswith: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and line.startswith(startswith))


def assert_error(run_: Run, path: Path, field: str | None, line: int | None) -> Reported:
    found = run_.only()
    assert (found.file, found.field, found.line) == (str(path), field, line), run_.output
    assert found.severity == "error"
    assert run_.status == 1
    assert run_.summary == "1 error, 0 warnings in 1 guide"
    return found


SOURCE = '\n[[sources]]\ntitle = "Two"\nurl = "{url}"\npublisher = "P"\nconfidence = "{confidence}"\n'


# -- clean guides ---------------------------------------------------------------------------


def test_shipped_content_is_clean_in_strict_mode() -> None:
    result = run("validate", "--strict", "--today", TODAY)
    assert result.status == 0, result.output
    assert result.output == "OK: 1 guide, 17 steps, no problems\n"


def test_shipped_guide_folder_is_clean_in_strict_mode() -> None:
    folder = Path(str(resources.content_root() / "imessage-privacy" / "en"))
    assert validate(folder, "--strict").output == "OK: 1 guide, 17 steps, no problems\n"


def test_a_valid_guide_is_clean(guide_dir: Path) -> None:
    result = validate(guide_dir, "--strict")
    assert (result.status, result.output) == (0, "OK: 1 guide, 3 steps, no problems\n")


def two_guides(root: Path) -> tuple[Path, Path]:
    first = write_guide(root / "test-guide" / "en", IDS)
    second = write_guide(root / "other-guide" / "de", ["one", "two"], guide_id="other-guide")
    replace_in(second / "guide.toml", 'language = "en"', 'language = "de"')
    return first, second


def test_content_root_with_two_guides_validates_both(tmp_path: Path) -> None:
    two_guides(tmp_path / "content")
    (tmp_path / "content" / "README.md").write_text("notes", encoding="utf-8")
    result = validate(tmp_path / "content", "--strict")
    assert (result.status, result.output) == (0, "OK: 2 guides, 5 steps, no problems\n")


def test_content_root_reports_the_broken_guide_by_its_full_path(tmp_path: Path) -> None:
    _, second = two_guides(tmp_path / "content")
    replace_in(step_file(second, "two"), "reviewed = 2026-11-01\n", 'reviewed = 2026-11-01\ncolour = "red"\n')
    result = validate(tmp_path / "content")
    found = result.only()
    assert found.file == str(step_file(second, "two"))
    assert (found.field, found.line) == ("colour", line_number(step_file(second, "two"), "colour"))
    assert result.summary == "1 error, 0 warnings in 2 guides"
    assert result.status == 1


def test_guide_id_folder_holding_languages(tmp_path: Path) -> None:
    write_guide(tmp_path / "test-guide" / "en", IDS)
    result = validate(tmp_path / "test-guide")
    assert result.output == "OK: 1 guide, 3 steps, no problems\n"


def test_guide_in_the_wrong_folder(tmp_path: Path) -> None:
    _, second = two_guides(tmp_path / "content")
    replace_in(second / "guide.toml", 'id = "other-guide"', 'id = "another-guide"')
    found = validate(tmp_path / "content").only()
    assert (found.file, found.field) == (str(second / "guide.toml"), "id")
    assert found.line == line_number(second / "guide.toml", "id")
    assert "other-guide" in found.message


def test_language_folder_must_match(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "content" / "test-guide" / "fr", IDS)
    found = validate(tmp_path / "content").only()
    assert (found.file, found.field) == (str(folder / "guide.toml"), "language")


# -- what the loader refuses -----------------------------------------------------------------


def test_unknown_field(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    replace_in(path, "reviewed = 2026-11-01\n", 'reviewed = 2026-11-01\ncolour = "red"\n')
    assert_error(validate(guide_dir), path, "colour", line_number(path, "colour"))


def test_wrong_type(guide_dir: Path) -> None:
    path = guide_dir / "guide.toml"
    replace_in(path, "minutes = 5", 'minutes = "five"')
    assert_error(validate(guide_dir), path, "minutes", line_number(path, "minutes"))


def test_bad_toml(guide_dir: Path) -> None:
    path = step_file(guide_dir, "charlie")
    replace_in(path, 'kind = "setting"', "kind = setting")
    found = assert_error(validate(guide_dir), path, None, line_number(path, "kind"))
    assert "TOML" in found.message


def test_file_that_is_not_utf8(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    path.write_bytes(b'title = "\xff\xfe"\n')
    found = assert_error(validate(guide_dir), path, None, None)
    assert "cannot be read" in found.message


def test_duplicate_id_in_guide_toml(guide_dir: Path) -> None:
    path = guide_dir / "guide.toml"
    replace_in(path, '"alpha", "bravo", "charlie"', '"alpha", "bravo", "alpha", "charlie"')
    found = assert_error(validate(guide_dir), path, "steps", line_number(path, "steps"))
    assert "alpha" in found.message


def test_dangling_id_points_at_its_line(guide_dir: Path) -> None:
    path = guide_dir / "guide.toml"
    replace_in(path, '"charlie"]', '"charlie",\n  "echo",\n]')
    found = assert_error(validate(guide_dir), path, "steps.3", line_number(path, '  "echo"'))
    assert "steps/echo.toml" in found.message


def test_unlisted_file(guide_dir: Path) -> None:
    replace_in(guide_dir / "guide.toml", '"alpha", "bravo", "charlie"', '"alpha", "charlie"')
    path = step_file(guide_dir, "bravo")
    found = assert_error(validate(guide_dir), path, "id", line_number(path, "id"))
    assert "guide.toml" in found.message


def test_id_not_matching_file_name(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(path, 'id = "alpha"', 'id = "alfa"')
    found = assert_error(validate(guide_dir), path, "id", line_number(path, "id"))
    assert "alfa" in found.message and "alpha.toml" in found.message


def test_missing_guide_toml(guide_dir: Path) -> None:
    (guide_dir / "guide.toml").unlink()
    assert_error(validate(guide_dir), guide_dir / "guide.toml", None, None)


def test_step_without_sources(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[[sources]]")], encoding="utf-8")
    found = validate(guide_dir).only()
    assert (found.file, found.field, found.severity) == (str(path), "sources", "error")


def test_nested_problem_points_at_its_own_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "charlie")
    replace_in(path, 'platform = "iphone"', 'platform = "web"\nmin_version = "17"')
    assert_error(validate(guide_dir), path, "instructions.0", line_number(path, "[[instructions]]"))


def test_five_mistakes_in_one_step_file_are_all_named_in_one_run(guide_dir: Path) -> None:
    """Through the installed command: every mistake, at every depth, with its file, line and field."""
    path = step_file(guide_dir, "alpha")
    replace_in(path, "reviewed = 2026-11-01", 'reviewed = "yesterday"\ncolour = "red"')
    replace_in(path, 'url = "https://example.org/alpha"', 'url = "ftp://example.org/alpha"\nauthor = "Me"')
    append_to(
        path, '\n[[sources]]\nurl = "https://example.org/two"\npublisher = "P"\nconfidence = "verified"\n'
    )
    argv = [sys.executable, "-m", "privacy_walkthrough", "validate", str(guide_dir), "--today", TODAY]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    found = Run(done.returncode, done.stdout)

    second_source = line_number(path, "[[sources]]", after=line_number(path, "[[sources]]"))
    assert {(r.file, r.line, r.field): r.message for r in found.reported} == {
        (
            str(path),
            line_number(path, "reviewed"),
            "reviewed",
        ): "is not a valid date (write it like 2026-11-28)",
        (str(path), line_number(path, "colour"), "colour"): "is not a known field (check its spelling)",
        (
            str(path),
            line_number(path, "url"),
            "sources.0.url",
        ): "must be a full https:// address without spaces",
        (
            str(path),
            line_number(path, "author"),
            "sources.0.author",
        ): "is not a known field (check its spelling)",
        (str(path), second_source, "sources.1.title"): "is required but missing",
    }
    assert found.summary == "5 errors, 0 warnings in 1 guide"
    assert found.status == 1


# -- addresses and sources ------------------------------------------------------------------


def test_http_url_names_the_url_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    replace_in(path, "https://example.org/bravo", "http://example.org/bravo")
    assert_error(validate(guide_dir), path, "sources.0.url", line_number(path, "url"))


@pytest.mark.parametrize(
    "url",
    [
        "https://exa_mple.org/x",
        "https://example..org/x",
        "https://me@example.org/",
        "https://example.org:99999/",
    ],
)
def test_bad_url_the_model_lets_through(guide_dir: Path, url: str) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, SOURCE.format(url=url, confidence="verified"))
    second_url = line_number(path, "url", after=line_number(path, 'title = "Two"'))
    assert_error(validate(guide_dir), path, "sources.1.url", second_url)


def test_duplicate_source_url(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, SOURCE.format(url="https://EXAMPLE.org/alpha/", confidence="verified"))
    second_url = line_number(path, "url", after=line_number(path, 'title = "Two"'))
    found = assert_error(validate(guide_dir), path, "sources.1.url", second_url)
    assert "sources.0.url" in found.message


def test_same_host_different_pages_is_fine(guide_dir: Path) -> None:
    other_page = SOURCE.format(url="https://example.org/other", confidence="verified")
    append_to(step_file(guide_dir, "alpha"), other_page)
    assert validate(guide_dir, "--strict").status == 0


@pytest.mark.parametrize(
    "url",
    ["https://support.apple.com/en-us/HT213478", "https://bücher.de/x", "https://example.org/a?b=c#d"],
)
def test_good_urls(url: str) -> None:
    assert url_problem(url) is None


def test_unverified_source_without_uncertain_text_warns(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, SOURCE.format(url="https://example.net/rumour", confidence="unverified"))
    result = validate(guide_dir)
    found = result.only()
    assert (found.file, found.field, found.severity) == (str(path), "sources.1.confidence", "warning")
    assert found.line == line_number(path, "confidence", after=line_number(path, 'title = "Two"'))
    assert "uncertain" in found.message
    assert (result.status, result.summary) == (0, "0 errors, 1 warning in 1 guide")


def test_unverified_source_with_uncertain_text_is_fine(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, SOURCE.format(url="https://example.net/rumour", confidence="unverified"))
    replace_in(path, "completable =", 'uncertain = "Check that the switch is off."\ncompletable =')
    assert validate(guide_dir, "--strict").status == 0


@pytest.mark.parametrize("url", ["https://example.net", "https://example.net/", "https://example.net/?p=12"])
def test_a_home_page_is_not_a_source(guide_dir: Path, url: str) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, SOURCE.format(url=url, confidence="verified"))
    result = validate(guide_dir)
    found = result.only()
    second_url = line_number(path, "url", after=line_number(path, 'title = "Two"'))
    assert (found.field, found.line, found.severity) == ("sources.1.url", second_url, "warning")
    assert "home page" in found.message
    assert result.status == 0
    assert validate(guide_dir, "--strict").status == 1


def test_a_setting_without_an_undo_text_warns(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(path, 'undo = "How to undo alpha."\n', "")
    found = validate(guide_dir).only()
    assert (found.file, found.field, found.severity) == (str(path), "instructions", "warning")
    assert "undo" in found.message
    assert validate(guide_dir, "--strict").status == 1


def test_an_irreversible_step_needs_no_undo_text(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["alpha"], kinds={"alpha": "irreversible"})
    replace_in(step_file(folder, "alpha"), 'undo = "How to undo alpha."\n', "")
    assert validate(folder, "--strict").status == 0


def test_two_blocks_under_one_heading_need_titles(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    block = '\n[[instructions]]\nplatform = "iphone"\nsteps = ["Do the other thing."]\n'
    replace_in(path, "\n[[sources]]", block + "\n[[sources]]")
    found = validate(guide_dir).only()
    assert (found.field, found.severity) == ("instructions.1", "warning")
    assert found.line == line_number(path, "[[instructions]]", after=line_number(path, "[[instructions]]"))
    assert "title" in found.message
    replace_in(path, 'steps = ["Do the other thing."]', 'title = "Do the other thing"\nsteps = ["Do it."]')
    assert validate(guide_dir, "--strict").status == 0


# -- warnings -------------------------------------------------------------------------------


def test_stale_review_date_warns(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    replace_in(path, "reviewed = 2026-11-01", "reviewed = 2026-01-01")
    result = validate(guide_dir)
    found = result.only()
    assert (found.file, found.field, found.line) == (str(path), "reviewed", line_number(path, "reviewed"))
    assert found.severity == "warning"
    assert "2026-01-01" in found.message and "331 days" in found.message
    assert (result.status, result.summary) == (0, "0 errors, 1 warning in 1 guide")
    assert validate(guide_dir, "--strict").status == 1


def test_review_date_of_the_guide_itself(guide_dir: Path) -> None:
    found = run("validate", str(guide_dir), "--today", "2027-06-01").reported
    assert {(f.file, f.field, f.severity) for f in found} == {
        (str(guide_dir / "guide.toml"), "reviewed", "warning"),
        *((str(step_file(guide_dir, s)), "reviewed", "warning") for s in IDS),
    }


def test_exactly_180_days_is_not_stale(guide_dir: Path) -> None:
    assert run("validate", str(guide_dir), "--strict", "--today", "2027-04-30").status == 0  # 180 days
    assert run("validate", str(guide_dir), "--strict", "--today", "2027-05-01").status == 1  # 181 days


@pytest.mark.parametrize("html", ["<b>bold</b>", "</p>", "<!-- a note -->", "<br/>", "<span class='x'>"])
def test_raw_html_warns_on_its_line(guide_dir: Path, html: str) -> None:
    path = step_file(guide_dir, "charlie")
    replace_in(path, 'why = "Why charlie matters."', f'why = """\nFirst line.\n\nWhy it {html} matters.\n"""')
    result = validate(guide_dir)
    found = result.only()
    assert (found.file, found.field, found.severity) == (str(path), "why", "warning")
    assert found.line == line_number(path, "Why it")
    assert "HTML" in found.message
    assert result.status == 0
    assert validate(guide_dir, "--strict").status == 1


def test_raw_html_in_an_instruction(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(path, '"Turn it off."', '"Turn it <i>off</i>."')
    found = validate(guide_dir).only()
    assert (found.field, found.line) == ("instructions.0.steps.1", line_number(path, "steps = "))


@pytest.mark.parametrize("text", ["a < b", "iOS <17", "see <https://example.org>", "`x` <= 3"])
def test_not_html(guide_dir: Path, text: str) -> None:
    replace_in(step_file(guide_dir, "alpha"), "Why alpha matters.", text)
    assert validate(guide_dir, "--strict").status == 0


# -- assets ---------------------------------------------------------------------------------


def test_missing_asset(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    picture = 'check = """\nLook:\n\n![The switch](asset:nope.svg)\n"""'
    replace_in(path, 'check = "How to check alpha."', picture)
    found = assert_error(validate(guide_dir), path, "check", line_number(path, "![The switch]"))
    assert "nope.svg" in found.message


def test_asset_outside_the_assets_folder(guide_dir: Path) -> None:
    replace_in(step_file(guide_dir, "alpha"), "How to check alpha.", "![x](asset:../pyproject.toml)")
    assert validate(guide_dir).only().field == "check"


def test_existing_asset_is_fine(guide_dir: Path) -> None:
    assert resources.asset("icons/app-icon.svg").is_file()
    replace_in(step_file(guide_dir, "alpha"), "How to check alpha.", "![The app](asset:icons/app-icon.svg)")
    assert validate(guide_dir, "--strict").status == 0


# -- folders that cannot be used --------------------------------------------------------------


def test_nonexistent_folder(tmp_path: Path) -> None:
    result = validate(tmp_path / "nowhere")
    assert result.reported == [Reported(str(tmp_path / "nowhere"), None, "error", None, "no such folder")]
    assert (result.status, result.summary) == (1, "1 error, 0 warnings in 0 guides")


def test_folder_without_a_guide(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found = validate(tmp_path / "empty").only()
    assert (found.file, found.severity) == (str(tmp_path / "empty"), "error")
    assert "guide.toml" in found.message


def test_a_file_instead_of_a_folder(guide_dir: Path) -> None:
    found = validate(guide_dir / "guide.toml").only()
    assert (found.file, found.severity) == (str(guide_dir / "guide.toml"), "error")


def test_unlistable_steps_folder_is_a_plain_error(guide_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = (guide_dir / "steps").resolve()
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == steps:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = validate(guide_dir)
    message = "cannot be read (Permission denied)"
    assert result.reported == [Reported(str(steps), None, "error", None, message)]
    assert result.status == 1
    assert "Traceback" not in result.output


def test_unreadable_root_is_a_plain_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def is_dir(self: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = validate(tmp_path / "content")
    assert result.only().message == "cannot be read (Permission denied)"
    assert result.status == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 folder")
def test_unreadable_folder_on_disk(guide_dir: Path) -> None:
    steps = guide_dir / "steps"
    steps.chmod(0)
    try:
        result = validate(guide_dir)
    finally:
        steps.chmod(0o700)
    assert result.status == 1
    assert all(found.severity == "error" for found in result.reported)
    assert "Traceback" not in result.output


def test_a_step_file_that_is_a_folder(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    path.unlink()
    path.mkdir()
    found = validate(guide_dir).only()
    assert (found.file, found.severity) == (str(path), "error")
    assert "cannot be read" in found.message


# -- usage and output -------------------------------------------------------------------------


def test_bad_today_is_a_usage_error(guide_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run("validate", str(guide_dir), "--today", "28/11/2026")
    assert info.value.code == 2
    assert "2026-11-28" in capsys.readouterr().err


def test_several_problems_in_file_and_line_order(guide_dir: Path) -> None:
    replace_in(step_file(guide_dir, "bravo"), "reviewed = 2026-11-01", "reviewed = 2025-01-01")
    replace_in(step_file(guide_dir, "bravo"), "Why bravo matters.", "Why <b>bravo</b> matters.")
    replace_in(guide_dir / "guide.toml", "minutes = 5", "minutes = 0")
    result = validate(guide_dir)
    assert [(f.file.removeprefix(str(guide_dir)), f.field) for f in result.reported] == [
        ("/guide.toml", "minutes"),
        ("/steps/bravo.toml", "why"),
        ("/steps/bravo.toml", "reviewed"),
    ]
    assert result.summary == "1 error, 2 warnings in 1 guide"


def test_relative_folder_is_shown_as_given(guide_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(guide_dir.parent)
    replace_in(guide_dir / "guide.toml", "minutes = 5", "minutes = 0")
    assert run("validate", "guide", "--today", TODAY).only().file == "guide/guide.toml"


LOCATE_TEXT = '''\
title = "T"
why = """
see <b>
"""

[[sources]]
url = "https://example.org/one"

[[sources]]
title = "Two"
url = "https://example.org/two"
'''


@pytest.mark.parametrize(
    ("field", "snippet", "line"),
    [
        ("title", None, 1),
        ("why", None, 2),
        ("why", "<b", 3),
        ("sources", None, 6),
        ("sources.0.url", None, 7),
        ("sources.1", None, 9),
        ("sources.1.url", None, 11),
        ("sources.1.title", None, 10),
        ("sources.7.url", None, 6),  # no such table: the array's first line
        ("colour", None, None),
    ],
)
def test_locate(field: str, snippet: str | None, line: int | None) -> None:
    assert locate(LOCATE_TEXT, field, snippet) == line


# -- applicability ----------------------------------------------------------------------------

APPLICABILITY = """
[applicability]
devices = ["iphone", "ipad"]
per_device = true

[[applicability.not_applicable_when]]
answer = "high_risk"
equals = false
reason = "Only for people at risk."

[[applicability.caution_when]]
answer = "can_cope_without_recovery"
equals = false
reason = "Set up recovery first."

[[applicability.requires]]
devices = ["iphone", "ipad"]
min_version = "17.2"
fix = "Update it."
"""


def test_consistent_applicability_is_clean(guide_dir: Path) -> None:
    append_to(step_file(guide_dir, "alpha"), APPLICABILITY)
    assert validate(guide_dir, "--strict").status == 0


def test_a_minimum_for_a_device_the_step_does_not_concern(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(
        path, APPLICABILITY.replace('devices = ["iphone", "ipad"]\nmin', 'devices = ["iphone", "mac"]\nmin')
    )
    found = assert_error(
        validate(guide_dir),
        path,
        "applicability.requires.0.devices",
        line_number(path, 'devices = ["iphone", "mac"]'),
    )
    assert "'mac'" in found.message and "does not concern" in found.message


def test_two_minimums_for_one_kind_of_device(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(
        path,
        APPLICABILITY + '\n[[applicability.requires]]\ndevices = ["ipad"]\nmin_version = "18"\nfix = "x"\n',
    )
    second = line_number(
        path, "[[applicability.requires]]", after=line_number(path, "[[applicability.requires]]")
    )
    found = assert_error(validate(guide_dir), path, "applicability.requires.1.devices", second + 1)
    assert "already has a minimum version" in found.message


def test_instructions_for_a_device_the_step_does_not_concern(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, '\n[applicability]\ndevices = ["mac"]\n')
    found = assert_error(validate(guide_dir), path, "instructions.0.platform", line_number(path, "platform"))
    assert "would never be shown" in found.message


def test_per_device_on_a_step_that_cannot_be_done(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", IDS, not_completable=("alpha",))
    path = step_file(folder, "alpha")
    append_to(path, "\n[applicability]\nper_device = true\n")
    assert_error(validate(folder), path, "applicability.per_device", line_number(path, "per_device"))


def test_one_rule_per_answer(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    rule = '\n[[applicability.caution_when]]\nanswer = "high_risk"\nequals = {value}\nreason = "r"\n'
    append_to(path, rule.format(value="true") + rule.format(value="false"))
    last = line_number(path, "answer", after=line_number(path, "answer"))
    assert_error(validate(guide_dir), path, "applicability.caution_when.1.answer", last)


def test_a_caution_on_an_answer_that_rules_the_step_out_warns(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, APPLICABILITY.replace('"can_cope_without_recovery"', '"high_risk"'))
    result = validate(guide_dir)
    found = result.only()
    assert (found.severity, found.field) == ("warning", "applicability.caution_when.0.answer")
    assert result.status == 0
    assert validate(guide_dir, "--strict").status == 1


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('answer = "high_risk"', 'answer = "likes_cats"', "applicability.not_applicable_when.0.answer"),
        (
            'devices = ["iphone", "ipad"]\nmin',
            'devices = ["iphone", "tv"]\nmin',
            "applicability.requires.0.devices.1",
        ),
        ('devices = ["iphone", "ipad"]\nper', "devices = []\nper", "applicability.devices"),
        ('min_version = "17.2"', 'min_version = "17.x"', "applicability.requires.0.min_version"),
        (
            'equals = false\nreason = "Only',
            'equals = "no"\nreason = "Only',
            "applicability.not_applicable_when.0.equals",
        ),
        ('fix = "Update it."', 'fix = ""', "applicability.requires.0.fix"),
        ("per_device = true", 'per_device = "yes"', "applicability.per_device"),
    ],
)
def test_an_answer_or_device_that_does_not_exist_is_an_error(
    guide_dir: Path, old: str, new: str, field: str
) -> None:
    path = step_file(guide_dir, "alpha")
    append_to(path, APPLICABILITY)
    replace_in(path, old, new)
    found = validate(guide_dir).only()
    assert (found.severity, found.field) == ("error", field)
    assert found.line is not None


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ("applicability", 1),
        ("applicability.devices", 2),
        ("applicability.per_device", 3),
        ("applicability.requires.0.fix", 9),
        ("applicability.requires.1.min_version", 12),
        ("applicability.requires.1", 11),
        ("applicability.requires.0.devices.1", 7),
    ],
)
def test_locate_applicability_fields(field: str, line: int) -> None:
    text = (
        "[applicability]\n"  # 1
        'devices = ["iphone"]\n'  # 2
        "per_device = true\n"  # 3
        "\n"  # 4
        "[[applicability.requires]]\n"  # 5
        'min_version = "1"\n'  # 6
        'devices = ["iphone"]\n'  # 7
        "\n"  # 8
        'fix = "a"\n'  # 9
        "\n"  # 10
        "[[applicability.requires]]\n"  # 11
        'min_version = "2"\n'  # 12
    )
    assert locate(text, field) == line


# -- the writers' guide -----------------------------------------------------------------------

README = Path(__file__).resolve().parents[2] / "content" / "README.md"


@pytest.mark.skipif(not README.is_file(), reason="content/README.md is only in the source tree")
def test_the_example_step_in_the_writers_guide_is_valid(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    example = text.split("### An annotated example step", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    folder = write_guide(tmp_path / "guide", ["read-receipts"])
    step_file(folder, "read-receipts").write_text(example, encoding="utf-8")
    result = validate(folder, "--strict")
    assert (result.status, result.output) == (0, "OK: 1 guide, 1 step, no problems\n")
