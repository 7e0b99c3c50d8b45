"""The content loader and models, driven through real TOML files written by helpers.write_guide()."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.content.kinds import Platform, StepKind, version_key
from privacy_walkthrough.core.content.loader import ContentError, ContentProblem, load_guide
from privacy_walkthrough.core.content.models import Instructions, NewestVersions, Step
from privacy_walkthrough.core.labels import (
    checked_against_label,
    instructions_heading,
    instructions_label,
    path_text,
    version_range_label,
)
from tests.helpers import STEP_TEMPLATE, parse_as, replace_in, step_file, write_guide

IDS = ["alpha", "bravo", "charlie"]


@pytest.fixture
def guide_dir(tmp_path: Path) -> Path:
    return write_guide(tmp_path / "guide", IDS)


def line_number(path: Path, startswith: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(startswith))


def problems_of(folder: Path) -> tuple[ContentProblem, ...]:
    with pytest.raises(ContentError) as info:
        load_guide(folder)
    assert info.value.problems, "a ContentError must list at least one problem"
    return info.value.problems


def only_problem(folder: Path) -> ContentProblem:
    problems = problems_of(folder)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# -- a valid guide ------------------------------------------------------------------------


def test_valid_guide_loads_in_guide_order(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "g", ["zulu", "alpha", "mike"], kinds={"alpha": "advice"})
    guide = load_guide(folder)
    assert guide.step_ids == ("zulu", "alpha", "mike")
    assert guide.info.id == "test-guide"
    assert guide.step("alpha").kind is StepKind.ADVICE
    assert guide.step("zulu").instructions[0].path == ["Settings", "Messages", "Zulu"]
    with pytest.raises(KeyError):
        guide.step("nope")


def test_files_that_are_not_toml_are_ignored(guide_dir: Path) -> None:
    (guide_dir / "steps" / "README.md").write_text("notes for writers", encoding="utf-8")
    (guide_dir / "steps" / "alpha.toml.bak").write_text("garbage = = =", encoding="utf-8")
    assert load_guide(guide_dir).step_ids == tuple(IDS)


# -- one problem at a time ----------------------------------------------------------------


def test_unknown_field_names_file_field_and_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    replace_in(path, "reviewed = 2026-11-01\n", 'reviewed = 2026-11-01\ncolour = "red"\n')
    problem = only_problem(guide_dir)
    assert problem.file == "steps/bravo.toml"
    assert problem.field == "colour"
    assert problem.line == line_number(path, "colour")
    text = str(problem)
    assert "steps/bravo.toml" in text
    assert "colour" in text
    assert f":{problem.line}" in text


def test_unknown_field_in_guide_toml(guide_dir: Path) -> None:
    path = guide_dir / "guide.toml"
    replace_in(path, "minutes = 5\n", 'minutes = 5\nauthor = "me"\n')
    problem = only_problem(guide_dir)
    assert (problem.file, problem.field) == ("guide.toml", "author")
    assert problem.line == line_number(path, "author")


def test_line_of_a_field_after_a_blank_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    replace_in(path, "reviewed = 2026-11-01\n", 'reviewed = 2026-11-01\n\ncolour = "red"\n')
    problem = only_problem(guide_dir)
    assert problem.field == "colour"
    assert problem.line == line_number(path, "colour")


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("guide.toml", "minutes = 5", 'minutes = "five"', "minutes"),
        ("guide.toml", 'steps = ["alpha", "bravo", "charlie"]', 'steps = "alpha"', "steps"),
        ("steps/alpha.toml", 'title = "Alpha"', "title = 5", "title"),
        ("steps/alpha.toml", "reviewed = 2026-11-01", 'reviewed = "last week"', "reviewed"),
        ("steps/alpha.toml", 'kind = "setting"', 'kind = "switch"', "kind"),
    ],
)
def test_wrong_type_names_file_and_field(guide_dir: Path, file: str, old: str, new: str, field: str) -> None:
    path = guide_dir / file
    replace_in(path, old, new)
    problems = problems_of(guide_dir)
    matching = [p for p in problems if p.file == file and p.field == field]
    assert matching, [str(p) for p in problems]
    assert matching[0].line == line_number(path, field)
    assert file in str(matching[0]) and field in str(matching[0])


def test_invalid_toml_names_file_and_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "charlie")
    replace_in(path, 'kind = "setting"', "kind = setting")
    problem = only_problem(guide_dir)
    assert problem.file == "steps/charlie.toml"
    assert "TOML" in problem.message
    bad_line = line_number(path, "kind")
    assert "steps/charlie.toml" in str(problem)
    assert f"line {bad_line}" in str(problem) or f":{bad_line}" in str(problem)


def test_invalid_toml_sets_problem_line(guide_dir: Path) -> None:
    path = step_file(guide_dir, "charlie")
    replace_in(path, 'kind = "setting"', "kind = setting")
    assert only_problem(guide_dir).line == line_number(path, "kind")


def test_file_that_is_not_utf8_is_reported(guide_dir: Path) -> None:
    step_file(guide_dir, "alpha").write_bytes(b'title = "\xff\xfe"\n')
    problem = only_problem(guide_dir)
    assert problem.file == "steps/alpha.toml"


def test_bad_source_url_names_nested_field(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(path, "https://example.org/alpha", "http://example.org/alpha")
    problem = only_problem(guide_dir)
    assert (problem.file, problem.field) == ("steps/alpha.toml", "sources.0.url")
    assert "sources.0.url" in str(problem)


@pytest.mark.parametrize(
    "url",
    ["http://example.org", "https://example", "https://exa mple.org/x", "example.org", "ftp://example.org"],
)
def test_bad_urls_are_refused(guide_dir: Path, url: str) -> None:
    replace_in(step_file(guide_dir, "alpha"), "https://example.org/alpha", url)
    assert only_problem(guide_dir).field == "sources.0.url"


def test_second_source_url_is_named_by_index(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[sources]]\ntitle = "Two"\nurl = "not a url"\npublisher = "P"\nconfidence = "verified"\n',
        encoding="utf-8",
    )
    assert only_problem(guide_dir).field == "sources.1.url"


def test_missing_guide_toml(guide_dir: Path) -> None:
    (guide_dir / "guide.toml").unlink()
    problem = only_problem(guide_dir)
    assert problem.file == "guide.toml"
    assert "guide.toml" in str(problem)


def test_step_listed_without_file(guide_dir: Path) -> None:
    step_file(guide_dir, "bravo").unlink()
    problem = only_problem(guide_dir)
    assert problem.file == "guide.toml"
    assert problem.field == "steps.1"
    assert "steps/bravo.toml" in problem.message


def test_missing_steps_folder_reports_every_listed_step(guide_dir: Path) -> None:
    for step_id in IDS:
        step_file(guide_dir, step_id).unlink()
    (guide_dir / "steps").rmdir()
    problems = problems_of(guide_dir)
    assert sorted(p.field or "" for p in problems) == ["steps.0", "steps.1", "steps.2"]


def test_step_file_not_listed(guide_dir: Path) -> None:
    replace_in(guide_dir / "guide.toml", '"alpha", "bravo", "charlie"', '"alpha", "charlie"')
    problem = only_problem(guide_dir)
    assert problem.file == "steps/bravo.toml"
    assert problem.field == "id"
    assert "guide.toml" in problem.message


def test_id_not_matching_file_name(guide_dir: Path) -> None:
    replace_in(step_file(guide_dir, "alpha"), 'id = "alpha"', 'id = "alfa"')
    problems = problems_of(guide_dir)
    mismatch = [p for p in problems if p.file == "steps/alpha.toml" and p.field == "id"]
    assert mismatch, [str(p) for p in problems]
    assert "alfa" in mismatch[0].message
    assert "alpha.toml" in mismatch[0].message


@pytest.mark.parametrize("listed", [True, False])
def test_problems_name_only_files_that_exist(guide_dir: Path, listed: bool) -> None:
    if listed:  # alpha.toml is listed but says id = "alfa"
        replace_in(step_file(guide_dir, "alpha"), 'id = "alpha"', 'id = "alfa"')
    else:  # an unlisted extra.toml says id = "alfa"
        text = step_file(guide_dir, "alpha").read_text(encoding="utf-8")
        step_file(guide_dir, "extra").write_text(
            text.replace('id = "alpha"', 'id = "alfa"'), encoding="utf-8"
        )
    problems = problems_of(guide_dir)
    assert all((guide_dir / p.file).is_file() for p in problems), [str(p) for p in problems]


def test_duplicate_ids_in_guide_toml(guide_dir: Path) -> None:
    path = guide_dir / "guide.toml"
    replace_in(path, '"alpha", "bravo", "charlie"', '"alpha", "bravo", "alpha", "charlie"')
    problem = only_problem(guide_dir)
    assert (problem.file, problem.field) == ("guide.toml", "steps")
    assert "alpha" in problem.message
    assert problem.line == line_number(path, "steps")


@pytest.mark.parametrize(("low", "high"), [("18", "17"), ("18", "18"), ("18", "18.0"), ("17.10", "17.9")])
def test_min_version_must_be_below_before_version(guide_dir: Path, low: str, high: str) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(
        path, 'platform = "iphone"', f'platform = "iphone"\nmin_version = "{low}"\nbefore_version = "{high}"'
    )
    problem = only_problem(guide_dir)
    assert problem.file == "steps/alpha.toml"
    assert problem.field == "instructions.0"
    assert "min_version" in problem.message


def test_ordered_version_range_loads(guide_dir: Path) -> None:
    replace_in(
        step_file(guide_dir, "alpha"),
        'platform = "iphone"',
        'platform = "iphone"\nmin_version = "17.9"\nbefore_version = "17.10"',
    )
    loaded = load_guide(guide_dir).step("alpha").instructions[0]
    assert (loaded.min_version, loaded.before_version) == ("17.9", "17.10")


def test_setting_step_without_instructions(guide_dir: Path) -> None:
    path = step_file(guide_dir, "bravo")
    text = path.read_text(encoding="utf-8")
    start = text.index("[[instructions]]")
    path.write_text(text[:start] + text[text.index("[[sources]]") :], encoding="utf-8")
    problem = only_problem(guide_dir)
    assert problem.file == "steps/bravo.toml"
    assert "instructions" in problem.message


def test_advice_step_without_instructions_loads(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "g", IDS, kinds={"bravo": "advice"})
    path = step_file(folder, "bravo")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("[[instructions]]")] + text[text.index("[[sources]]") :], encoding="utf-8"
    )
    assert load_guide(folder).step("bravo").instructions == []


def test_step_without_sources(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[[sources]]")], encoding="utf-8")
    problem = only_problem(guide_dir)
    assert (problem.file, problem.field) == ("steps/alpha.toml", "sources")


def test_every_wrong_field_of_one_file_is_named_in_plain_words(guide_dir: Path) -> None:
    path = step_file(guide_dir, "alpha")
    replace_in(path, 'summary = "Summary of alpha."', "summary = 5")
    replace_in(path, "reviewed = 2026-11-01", 'reviewed = "last week"\ncolour = "red"')
    replace_in(path, 'kind = "setting"', 'kind = "switch"')
    found = {p.field: p.message for p in problems_of(guide_dir) if p.file == "steps/alpha.toml"}
    assert found == {
        "summary": "must be text, not a whole number",
        "reviewed": "is not a valid date (write it like 2026-11-28)",
        "colour": "is not a known field (check its spelling)",
        "kind": "is 'switch', but must be one of 'setting', 'advice', 'optional' or 'irreversible'",
    }


def test_all_problems_are_reported_at_once(guide_dir: Path) -> None:
    step_file(guide_dir, "delta").write_text(  # valid, but not listed in guide.toml
        step_file(guide_dir, "alpha").read_text(encoding="utf-8").replace('id = "alpha"', 'id = "delta"'),
        encoding="utf-8",
    )
    replace_in(step_file(guide_dir, "alpha"), "reviewed = 2026-11-01\n", "reviewed = 2026-11-01\nextra = 1\n")
    replace_in(step_file(guide_dir, "bravo"), "https://example.org/bravo", "http://example.org/bravo")
    replace_in(step_file(guide_dir, "charlie"), 'kind = "setting"', "kind = = setting")
    replace_in(guide_dir / "guide.toml", '"charlie"]', '"charlie", "echo"]')  # no echo.toml
    problems = problems_of(guide_dir)
    found = {(p.file, p.field) for p in problems}
    assert found == {
        ("steps/alpha.toml", "extra"),
        ("steps/bravo.toml", "sources.0.url"),
        ("steps/charlie.toml", None),
        ("guide.toml", "steps.3"),
        ("steps/delta.toml", "id"),
    }
    with pytest.raises(ContentError) as info:
        load_guide(guide_dir)
    message = str(info.value)
    for file in (
        "steps/alpha.toml",
        "steps/bravo.toml",
        "steps/charlie.toml",
        "guide.toml",
        "steps/delta.toml",
    ):
        assert file in message


def test_broken_guide_toml_still_reports_step_problems(guide_dir: Path) -> None:
    replace_in(guide_dir / "guide.toml", 'title = "Test guide"', "title = ")
    replace_in(step_file(guide_dir, "alpha"), "https://example.org/alpha", "nope")
    files = {p.file for p in problems_of(guide_dir)}
    assert files == {"guide.toml", "steps/alpha.toml"}


# -- versions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "key"),
    [("17", (17, 0, 0)), ("17.2", (17, 2, 0)), ("17.2.1", (17, 2, 1)), ("0", (0, 0, 0))],
)
def test_version_key(version: str, key: tuple[int, int, int]) -> None:
    assert version_key(version) == key


def test_version_key_compares_numerically() -> None:
    assert version_key("17.10") > version_key("17.9")
    assert version_key("18") == version_key("18.0.0")
    assert version_key("9") < version_key("10")


def iphone(low: str | None = None, high: str | None = None, **extra: object) -> Instructions:
    return parse_as(
        Instructions,
        {"platform": "iphone", "min_version": low, "before_version": high, "steps": ["Do it."], **extra},
    )


@pytest.mark.parametrize(
    ("low", "high", "version", "fits"),
    [
        (None, None, "5", True),
        (None, None, None, True),
        ("17", "18", None, True),
        ("17", None, "16.9", False),
        ("17", None, "17", True),
        ("17", None, "17.0.0", True),
        ("17", None, "26.1", True),
        (None, "18", "17.9.9", True),
        (None, "18", "18", False),
        (None, "18", "18.0", False),
        (None, "18", "18.0.1", False),
        ("17.2", "18", "17.1", False),
        ("17.2", "18", "17.2", True),
        ("17.2", "18", "17.10", True),
    ],
)
def test_applies_to_version(low: str | None, high: str | None, version: str | None, fits: bool) -> None:
    assert iphone(low, high).applies_to_version(version) is fits


def test_web_instructions_have_no_versions() -> None:
    with pytest.raises(ValueError, match="web"):
        parse_as(Instructions, {"platform": "web", "min_version": "1", "steps": ["x"]})


# -- labels -------------------------------------------------------------------------------


def instructions(platform: str, low: str | None = None, high: str | None = None) -> Instructions:
    return parse_as(
        Instructions, {"platform": platform, "min_version": low, "before_version": high, "steps": ["x"]}
    )


@pytest.mark.parametrize(
    ("platform", "low", "high", "label"),
    [
        ("iphone", "18", None, "iOS 18 and later"),
        ("mac", "14.2", None, "macOS 14.2 and later"),
        ("iphone", None, "18", "iOS 17 and earlier"),
        ("mac", None, "14.2", "macOS 14.1 and earlier"),
        ("mac", None, "14.2.1", "macOS before 14.2.1"),
        ("iphone", "15", "18", "iOS 15–17"),
        ("iphone", "18", "26", "iOS 18"),  # there was no iOS 19–25: Apple went from 18 to 26
        ("iphone", "17", "26", "iOS 17–18"),
        ("iphone", None, "26", "iOS 18 and earlier"),
        ("mac", "14", "26", "macOS 14–15"),  # nor macOS 16–25
        ("mac", None, "26", "macOS 15 and earlier"),
        ("iphone", "17", "18", "iOS 17"),
        ("iphone", "17.2", "18", "iOS 17.2–17.x"),
        ("iphone", "17.2", "17.3", "iOS 17.2"),
        ("iphone", "17", "17.2.1", "iOS 17 up to, not including, 17.2.1"),
        ("iphone", None, None, "any iOS version"),
        ("mac", None, None, "any macOS version"),
        ("web", None, None, "Web"),
    ],
)
def test_version_range_label(platform: str, low: str | None, high: str | None, label: str) -> None:
    assert version_range_label(instructions(platform, low, high)) == label


def test_version_range_label_of_a_single_dot_zero_release() -> None:
    assert version_range_label(instructions("iphone", "17", "17.1")) in {"iOS 17", "iOS 17.0"}


@pytest.mark.parametrize(
    ("platform", "low", "high", "label"),
    [
        ("iphone", "18", None, "iPhone/iPad (iOS 18 and later)"),
        ("iphone", None, "18", "iPhone/iPad (iOS 17 and earlier)"),
        ("mac", "15", "16", "Mac (macOS 15)"),
        ("iphone", None, None, "iPhone and iPad"),
        ("mac", None, None, "Mac"),
        ("web", None, None, "Web"),
    ],
)
def test_instructions_label(platform: str, low: str | None, high: str | None, label: str) -> None:
    assert instructions_label(instructions(platform, low, high)) == label


def test_a_titled_block_says_what_it_does_before_its_devices() -> None:
    data = {"platform": "iphone", "min_version": "16", "title": "Delete old backups", "steps": ["x"]}
    titled = parse_as(Instructions, data)
    assert instructions_heading(titled) == "Delete old backups — iPhone/iPad (iOS 16 and later)"
    assert instructions_heading(instructions("mac")) == "Mac"


def test_checked_against_names_only_the_systems_the_step_concerns() -> None:
    versions = NewestVersions(ios="26.5", macos="26.4")
    data = tomllib.loads(STEP_TEMPLATE.format(id="x", title="X", kind="setting", completable="true"))
    both = parse_as(Step, {**data, "checked_against": {"ios": "26.5", "macos": "26.4"}})
    assert both.checked_against == versions
    assert checked_against_label(both, versions) == (
        "Checked against iOS and iPadOS up to 26.5 and macOS up to 26.4."
    )
    phones = parse_as(Step, {**data, "applicability": {"devices": ["iphone"]}})
    assert checked_against_label(phones, versions) == "Checked against iOS and iPadOS up to 26.5."
    assert checked_against_label(phones, None) == ""


def test_labels_are_translated() -> None:
    i18n.set_catalog(
        {"{system} {version} and later": "{system} {version} und neuer", "iPhone/iPad": "iPhone"}
    )
    assert version_range_label(instructions("iphone", "18")) == "iOS 18 und neuer"
    assert instructions_label(instructions("iphone", "18")) == "iPhone (iOS 18 und neuer)"


@pytest.mark.parametrize(
    ("path", "target", "text"),
    [
        (["Settings", "Apps", "Messages"], "Off", "Settings › Apps › Messages → Off"),
        (["Settings", "Messages"], None, "Settings › Messages"),
        (["Settings"], "On", "Settings → On"),
        ([], None, ""),
    ],
)
def test_path_text(path: list[str], target: str | None, text: str) -> None:
    assert path_text(iphone(path=path, target=target)) == text


def test_labels_from_a_loaded_guide(guide_dir: Path) -> None:
    loaded = load_guide(guide_dir).step("bravo").instructions[0]
    assert loaded.platform is Platform.IPHONE
    assert path_text(loaded) == "Settings › Messages › Bravo → Off"
    assert instructions_label(loaded) == "iPhone and iPad"
