"""The command line, as someone at a terminal uses it: export and import, with real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.progress.models import Progress, StepStatus
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths
from tests.helpers import from_json

NOTE = '<img src="http://example.com/x"> call the *bank*'


def make_progress(data: Path) -> Path:
    guide = load_default_guide()
    paths = AppPaths.resolve(data)
    paths.ensure()
    session = Session(guide, ProgressStore(paths.progress_file(guide.info.id)))
    walkthrough = session.walkthrough
    walkthrough.go_to_step("sms-and-rcs")
    walkthrough.set_status("icloud-backup", StepStatus.DONE)
    walkthrough.set_status("sms-and-rcs", StepStatus.SKIPPED, "I need SMS")
    walkthrough.set_status("lockdown-mode", StepStatus.NOT_APPLICABLE)
    walkthrough.set_note("icloud-backup", NOTE)
    return session.store.path


def run(*argv: str) -> int:
    return main(list(argv))


def test_json_export_is_a_progress_file_that_imports_back(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    original = make_progress(tmp_path / "a")
    out = tmp_path / "progress.json"
    assert (
        run(
            "export",
            "--format",
            "json",
            "--include-notes",
            "--output",
            str(out),
            "--data-dir",
            str(tmp_path / "a"),
        )
        == 0
    )
    exported = from_json(Progress, out.read_text())
    assert exported.step("icloud-backup").note == NOTE

    assert run("import", str(out), "--data-dir", str(tmp_path / "b")) == 0
    imported = from_json(Progress, (tmp_path / "b" / "progress" / "imessage-privacy.json").read_text())
    before = from_json(Progress, original.read_text())
    assert {k: (v.status, v.note, v.skip_reason) for k, v in imported.steps.items()} == {
        k: (v.status, v.note, v.skip_reason) for k, v in before.steps.items()
    }
    assert imported.current_page == "sms-and-rcs"
    assert "Imported" in capsys.readouterr().out


def test_json_export_carries_notes_unless_asked_not_to(tmp_path: Path) -> None:
    """The progress file is for carrying everything to another computer, as File > Export progress."""
    make_progress(tmp_path / "a")
    out = tmp_path / "progress.json"
    assert run("export", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path / "a")) == 0
    assert from_json(Progress, out.read_text()).step("icloud-backup").note == NOTE
    bare = tmp_path / "bare.json"
    assert run("export", "--without-notes", "--output", str(bare), "--data-dir", str(tmp_path / "a")) == 0
    assert from_json(Progress, bare.read_text()).step("icloud-backup").note == ""


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_exports_name_every_step_and_escape_notes(tmp_path: Path, fmt: str) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / f"checklist.{fmt}"
    assert (
        run(
            "export",
            "--format",
            fmt,
            "--include-notes",
            "--output",
            str(out),
            "--data-dir",
            str(tmp_path / "a"),
        )
        == 0
    )
    text = out.read_text()
    for step in load_default_guide().steps:
        assert step.title.replace("'", "&#x27;" if fmt == "html" else "'") in text
    if fmt == "html":
        assert "<img" not in text and "&lt;img" in text
    else:
        assert "\\<img" in text and "\\*bank\\*" in text


def test_export_with_nothing_saved_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "x.md"
    assert run("export", "--format", "md", "--output", str(out), "--data-dir", str(tmp_path / "empty")) == 1
    assert "no saved progress" in capsys.readouterr().err
    assert not out.exists()


def test_blank_export_needs_no_progress(tmp_path: Path) -> None:
    out = tmp_path / "blank.md"
    assert (
        run(
            "export", "--format", "md", "--blank", "--output", str(out), "--data-dir", str(tmp_path / "empty")
        )
        == 0
    )
    assert out.read_text().count("☐") >= len(load_default_guide().steps)


def test_export_to_a_missing_folder_fails_without_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / "nope" / "x.json"
    assert run("export", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path / "a")) == 1
    assert "folder does not exist" in capsys.readouterr().err
    assert not out.parent.exists()


def test_export_onto_a_folder_fails_and_leaves_no_temp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    make_progress(tmp_path / "a")
    target = tmp_path / "taken"
    target.mkdir()
    assert run("export", "--format", "md", "--output", str(target), "--data-dir", str(tmp_path / "a")) == 1
    assert "Cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "home", "taken"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (b'{"hello": "world"}', "not a Privacy Walkthrough progress file"),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "the file bad.json is not a Privacy Walkthrough progress file",
        ),
        (
            b'{"format": "privacy-walkthrough-progress", "schema_version": 2, '
            b'"guide_id": "other-guide", "guide_version": "1", '
            b'"created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}',
            "another guide",
        ),
        (b'{"format": "privacy-walkthrough-progress", "schema_version": 999}', "newer version"),
    ],
)
def test_a_bad_or_foreign_import_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, content: bytes, reason: str
) -> None:
    current = make_progress(tmp_path / "a")
    before = current.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert run("import", str(bad), "--yes", "--data-dir", str(tmp_path / "a")) == 1
    assert reason in capsys.readouterr().err
    assert current.read_bytes() == before
    assert sorted(p.name for p in current.parent.iterdir()) == [current.name]


def test_a_newer_file_is_explained_in_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    make_progress(tmp_path / "a")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "privacy-walkthrough-progress", "schema_version": 4}')
    assert run("import", str(bad), "--yes", "--data-dir", str(tmp_path / "a")) == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "Nothing was imported: the file bad.json was saved by a newer version of Privacy Walkthrough "
            "(format 4; this version reads 3). Please update the app; the file has been left as it is."
        )
    )


def test_a_bad_status_names_the_step_and_the_allowed_statuses(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    current = make_progress(tmp_path / "a")
    data = json.loads(current.read_text(encoding="utf-8"))
    step_id = next(iter(data["steps"]))
    data["steps"][step_id]["status"] = "finished"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert run("import", str(bad), "--yes", "--data-dir", str(tmp_path / "a")) == 1
    message = capsys.readouterr().err
    assert f"'steps.{step_id}.status' is 'finished', but must be one of 'not-started', 'later', " in message
    assert "'skipped' or 'not-applicable'." in message
    assert "enum" not in message


def test_import_over_existing_progress_needs_yes_and_keeps_a_backup(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    current = make_progress(tmp_path / "b")
    out = tmp_path / "p.json"
    assert run("export", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path / "a")) == 0
    before = current.read_bytes()
    assert run("import", str(out), "--data-dir", str(tmp_path / "b")) == 1  # no terminal to ask on
    assert current.read_bytes() == before
    assert run("import", str(out), "--yes", "--data-dir", str(tmp_path / "b")) == 0
    backups = list(current.parent.glob("imessage-privacy.backup-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == before


def test_pdf_export_works_without_any_display(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / "checklist.pdf"
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "privacy_walkthrough",
            "export",
            "--format",
            "pdf",
            "--output",
            str(out),
            "--data-dir",
            str(tmp_path / "a"),
            "--paper",
            "letter",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "iCloud Backup and delete old backups" in " ".join(text.split())
    assert json.dumps(NOTE)[1:-1] not in text


def test_export_takes_the_named_profile(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from privacy_walkthrough.core.progress.profiles import ProfileRegistry

    data = tmp_path / "a"
    make_progress(data)
    registry = ProfileRegistry(data)
    sam = registry.create("Sam")
    guide = load_default_guide()
    session = Session(guide, ProgressStore(registry.progress_file(sam, guide.info.id)))
    session.walkthrough.set_status("signal-for-sensitive-chats", StepStatus.DONE)
    out = tmp_path / "sam.json"
    assert (
        run("export", "--format", "json", "--profile", "sam", "--output", str(out), "--data-dir", str(data))
        == 0
    )
    exported = from_json(Progress, out.read_text())
    assert exported.step("signal-for-sensitive-chats").status is StepStatus.DONE
    assert exported.step("icloud-backup").status is StepStatus.NOT_STARTED
    assert (
        run(
            "export", "--format", "json", "--profile", "Nobody", "--output", str(out), "--data-dir", str(data)
        )
        == 1
    )
    assert "no profile “Nobody”" in capsys.readouterr().err
