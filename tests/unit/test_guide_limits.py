"""Guide files from anyone: too big, too many, too deep. Each is a problem with the guide,
named in plain words; none stops the app, and one bad guide never hides the good ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_walkthrough.core.content import loader
from privacy_walkthrough.core.content.loader import ContentError, load_guide
from privacy_walkthrough.guides import discover_guides
from tests.helpers import replace_in, step_file, write_guide


def nest(folder: Path, step_id: str, depth: int) -> None:
    """Put ``deep = [[[…]]]`` (``depth`` lists) at the top level of a step file."""
    path = step_file(folder, step_id)
    path.write_text("deep = " + "[" * depth + "]" * depth + "\n" + path.read_text(encoding="utf-8"))


def problems_of(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_guide(folder)
    return str(caught.value)


def test_a_step_file_nested_500_deep_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    nest(folder, "first-step", 500)
    assert len(step_file(folder, "first-step").read_bytes()) < 2000
    assert "steps/first-step.toml" in problems_of(folder)


@pytest.mark.parametrize("depth", [loader.MAX_DEPTH + 1, 60])
def test_nesting_beyond_the_limit_is_named(tmp_path: Path, depth: int) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    nest(folder, "first-step", depth)
    assert "nested too deep" in problems_of(folder)


def test_nesting_at_the_limit_reaches_the_usual_checks(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    depth = loader.MAX_DEPTH - 1  # the file itself is one table
    nest(folder, "first-step", depth)
    problems = problems_of(folder)
    assert "nested too deep" not in problems
    assert "deep" in problems  # an unknown field: the record's own check ran


def test_a_50_mb_why_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step", "second-step"])
    path = step_file(folder, "second-step")
    with path.open("r+b") as handle:  # a sparse file: 50 MB on paper, nothing on disk
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n")
    problems = problems_of(folder)
    assert "steps/second-step.toml" in problems
    assert "too large" in problems


def test_a_million_steps_are_refused(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    ids = ", ".join(f'"s{n}"' for n in range(1_000_000))
    replace_in(folder / "guide.toml", 'steps = ["first-step"]', f"steps = [{ids}]")
    problems = problems_of(folder)
    assert "guide.toml" in problems and "too large" in problems


def test_more_steps_than_the_limit_in_a_small_file_are_refused(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    ids = ", ".join(f'"s{n}"' for n in range(loader.MAX_STEPS + 1))
    replace_in(folder / "guide.toml", 'steps = ["first-step"]', f"steps = [{ids}]")
    assert f"a guide has at most {loader.MAX_STEPS}" in problems_of(folder)


def test_more_step_files_than_the_limit_are_refused_unread(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    for n in range(loader.MAX_STEPS + 1):
        (folder / "steps" / f"extra-{n}.toml").write_text("not = [valid")
    problems = problems_of(folder)
    assert f"more than {loader.MAX_STEPS} step files" in problems
    assert "not valid TOML" not in problems


def test_the_whole_guide_has_a_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step", "second-step", "third-step"])
    size = sum(p.stat().st_size for p in folder.rglob("*.toml"))
    monkeypatch.setattr(loader, "MAX_GUIDE_BYTES", size - 10)
    assert "makes the guide too large" in problems_of(folder)
    monkeypatch.setattr(loader, "MAX_GUIDE_BYTES", size)
    assert load_guide(folder).info.id == "test-guide"


def test_a_guide_that_cannot_be_listed_is_a_problem(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "guide", ["first-step"])
    steps = folder / "steps"
    for path in steps.iterdir():
        path.unlink()
    steps.rmdir()
    steps.symlink_to(steps)  # a loop: listing it fails with an OSError
    assert problems_of(folder)


def test_one_bad_guide_never_hides_the_others(tmp_path: Path) -> None:
    root = tmp_path / "guides"
    write_guide(root / "a-deep" / "en", ["first-step"], guide_id="a-deep")
    nest(root / "a-deep" / "en", "first-step", 500)
    write_guide(root / "b-good" / "en", ["first-step"], guide_id="b-good")
    entries = discover_guides([(root, "test")])
    assert [(e.folder.parent.name, e.guide is not None) for e in entries] == [
        ("a-deep", False),
        ("b-good", True),
    ]
