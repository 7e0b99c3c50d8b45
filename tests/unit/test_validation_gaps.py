"""Issue #16 item 10: duplicate JSON keys refused, a person's name neutralised, and a guide
that takes another guide's id listed as one that cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_walkthrough.core.content.records import to_json
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.store import ProgressError, parse_progress
from privacy_walkthrough.core.walkthrough.flow import new_progress
from privacy_walkthrough.guides import discover_guides, load_default_guide, shipped_root
from tests.helpers import write_guide


def progress_text() -> str:
    guide = load_default_guide()
    return to_json(
        new_progress(guide, __import__("datetime").datetime(2026, 5, 6, tzinfo=__import__("datetime").UTC))
    ).decode()


def test_a_progress_file_with_a_key_twice_is_refused() -> None:
    text = progress_text().replace(
        '"current_page"', '"person_name": "A", "person_name": "B", "current_page"', 1
    )
    with pytest.raises(ProgressError, match="'person_name' twice"):
        parse_progress(text.encode(), "the progress file")


def test_a_profiles_file_with_a_key_twice_is_set_aside(tmp_path: Path) -> None:
    tmp_path.joinpath("profiles.json").write_text(
        '{"format": "privacy-walkthrough-profiles", "schema_version": 1, "schema_version": 1, '
        '"profiles": [{"id": "default"}], "last_used": "default"}'
    )
    assert ProfileRegistry(tmp_path).set_aside_notice is not None


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\n", "\u2066"])
def test_a_persons_name_from_a_file_is_neutralised(bad: str) -> None:
    data = json.loads(progress_text())
    data["person_name"] = f"Sam{bad}Smith"
    assert parse_progress(json.dumps(data).encode(), "the file").person_name == "SamSmith"


def test_a_guide_with_the_shipped_guides_id_cannot_be_used(tmp_path: Path) -> None:
    write_guide(tmp_path / "mine" / "imessage-privacy" / "en", ["first-step"], guide_id="imessage-privacy")
    entries = discover_guides([shipped_root(), (tmp_path / "mine", "your guides folder")])
    assert [e.guide is not None for e in entries] == [True, False]
    assert "has the id 'imessage-privacy'" in str(entries[1].error)


def another_guides_progress(tmp_path: Path) -> Path:
    from privacy_walkthrough.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    data = json.loads(progress_text())
    data["guide_id"] = "another-guide"
    paths.progress_file("imessage-privacy").write_text(json.dumps(data))
    return paths.data


def test_a_saved_file_of_another_guide_is_set_aside_by_the_session(tmp_path: Path) -> None:
    from privacy_walkthrough.core.progress.store import ProgressStore
    from privacy_walkthrough.core.walkthrough.session import Session
    from privacy_walkthrough.paths import AppPaths

    data = another_guides_progress(tmp_path)
    session = Session(
        load_default_guide(), ProgressStore(AppPaths.resolve(data).progress_file("imessage-privacy"))
    )
    notice = session.set_aside_notice
    assert notice is not None and "another guide" in (notice.problem or "")
    assert notice.set_aside is not None and "another-guide" in notice.set_aside.read_text()


def test_export_refuses_a_saved_file_of_another_guide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from privacy_walkthrough.app import main

    data = another_guides_progress(tmp_path)
    assert (
        main(["export", "--format", "md", "--output", str(tmp_path / "out.md"), "--data-dir", str(data)]) == 1
    )
    assert "another guide" in capsys.readouterr().err
