"""Passphrases at the command line: a protected profile, encrypted exports, encrypted imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.progress import sealed
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.core.progress.protection import protect
from privacy_walkthrough.core.progress.store import ProgressStore
from tests.unit.test_cli import NOTE, make_progress


def passphrase_file(tmp_path: Path, phrase: str, name: str = "phrase.txt") -> Path:
    path = tmp_path / name
    path.write_text(phrase + "\n", encoding="utf-8")
    return path


def protected_data(tmp_path: Path) -> Path:
    data = tmp_path / "a"
    progress = make_progress(data)
    protect(progress.parent, sealed.new_key("correct horse battery"))
    ProfileRegistry(data).set_protection("default", protected=True)
    return data


def test_an_encrypted_export_imports_on_another_data_folder(tmp_path: Path) -> None:
    data = protected_data(tmp_path)
    phrase = passphrase_file(tmp_path, "correct horse battery")
    out = tmp_path / "carry.json"
    args = ["export", "--format", "json", "--include-notes", "--output", str(out)]
    assert main([*args, "--data-dir", str(data), "--passphrase-file", str(phrase)]) == 0
    assert sealed.is_sealed(out.read_bytes())
    assert NOTE.encode() not in out.read_bytes()

    other = tmp_path / "b"
    assert (
        main(["import", str(out), "--yes", "--data-dir", str(other), "--passphrase-file", str(phrase)]) == 0
    )
    saved = ProgressStore(other / "progress" / "imessage-privacy.json").read()
    assert saved.steps["icloud-backup"].note == NOTE


def test_a_plain_profile_exports_encrypted_when_given_a_passphrase_file(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    phrase = passphrase_file(tmp_path, "staple tuna lamp")
    out = tmp_path / "carry.json"
    args = ["export", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path / "a")]
    assert main([*args, "--passphrase-file", str(phrase)]) == 0
    assert sealed.is_sealed(out.read_bytes())


def test_without_a_passphrase_a_protected_profile_is_not_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = protected_data(tmp_path)
    out = tmp_path / "checklist.md"
    assert main(["export", "--format", "md", "--output", str(out), "--data-dir", str(data)]) != 0
    assert "--passphrase-file" in capsys.readouterr().err
    assert not out.exists()


def test_a_wrong_passphrase_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = protected_data(tmp_path)
    before = {p: p.read_bytes() for p in data.rglob("*.json")}
    wrong = passphrase_file(tmp_path, "not the passphrase")
    out = tmp_path / "checklist.md"
    args = ["export", "--format", "md", "--output", str(out), "--data-dir", str(data)]
    assert main([*args, "--passphrase-file", str(wrong)]) != 0
    assert "does not open" in capsys.readouterr().err
    assert not out.exists()
    assert {p: p.read_bytes() for p in data.rglob("*.json")} == before


def test_an_encrypted_file_needs_its_passphrase_to_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / "carry.json"
    phrase = passphrase_file(tmp_path, "staple tuna lamp")
    args = ["export", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path / "a")]
    assert main([*args, "--passphrase-file", str(phrase)]) == 0
    assert main(["import", str(out), "--yes", "--data-dir", str(tmp_path / "b")]) != 0
    assert "encrypted" in capsys.readouterr().err
    wrong = passphrase_file(tmp_path, "something else", "wrong.txt")
    assert main(
        ["import", str(out), "--yes", "--data-dir", str(tmp_path / "b"), "--passphrase-file", str(wrong)]
    )
    assert "does not open" in capsys.readouterr().err
    assert not (tmp_path / "b" / "progress" / "imessage-privacy.json").exists()
