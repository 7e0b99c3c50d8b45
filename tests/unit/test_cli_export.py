"""`export` and `import` as a new user meets them: formats, standard output, notes, wording.

Everything goes through the real entry point (``privacy_walkthrough.app.main``) on real
files, with the shipped guide.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core.content.models import DeviceKind
from privacy_walkthrough.core.progress.models import Device, Progress, StepStatus
from privacy_walkthrough.core.progress.store import ProgressStore
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.guides import load_default_guide
from privacy_walkthrough.paths import AppPaths
from tests.helpers import from_json

IPHONE = Device(id="d1", kind=DeviceKind.IPHONE, os_version="18.1")
MAC = Device(id="d2", kind=DeviceKind.MAC, name="Work Mac", os_version="15")


def session_in(data: Path) -> Session:
    guide = load_default_guide()
    paths = AppPaths.resolve(data)
    paths.ensure()
    return Session(guide, ProgressStore(paths.progress_file(guide.info.id)))


def make_progress(data: Path) -> Path:
    """An iPhone and a Mac; one step done, one not applicable, one skipped, two notes."""
    session = session_in(data)
    walkthrough = session.walkthrough
    walkthrough.set_devices([IPHONE, MAC])
    walkthrough.set_status("what-imessage-protects", StepStatus.DONE)
    walkthrough.set_status("icloud-backup", StepStatus.NOT_APPLICABLE)
    walkthrough.set_status("audio-and-message-expiry", StepStatus.SKIPPED, "later, with Sam")
    walkthrough.set_note("what-imessage-protects", "asked Sam about it")
    walkthrough.set_note("shared-with-you", "only on the Mac")
    return session.store.path


def run(*argv: str) -> int:
    return main(list(argv))


def md_block(markdown: str, title: str) -> str:
    """One step's block in a Markdown checklist, from its heading to the next one."""
    start = markdown.index(title)
    return markdown[start : markdown.find("\n#", start)]


def section(markdown: str, title: str) -> str:
    start = markdown.index(f"## {title}\n")
    return markdown[start : markdown.find("\n## ", start + 1)]


# -- the format, from --format or the file's name ----------------------------------------------


@pytest.mark.parametrize(("name", "starts"), [("c.md", "# Privacy checklist"), ("c.html", "<html>")])
def test_the_format_comes_from_the_file_name(tmp_path: Path, name: str, starts: str) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / name
    assert run("export", "--output", str(out), "--data-dir", str(tmp_path / "a")) == 0
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_a_format_that_does_not_match_the_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_progress(tmp_path / "a")
    out = tmp_path / "x.md"
    assert run("export", "--format", "pdf", "--output", str(out), "--data-dir", str(tmp_path / "a")) == 1
    err = capsys.readouterr().err
    assert "--format pdf does not match the file name x.md" in err and "x.pdf" in err
    assert not out.exists()
    unknown = tmp_path / "x.txt"
    assert run("export", "--output", str(unknown), "--data-dir", str(tmp_path / "a")) == 1
    assert "Cannot tell the format" in capsys.readouterr().err
    assert not unknown.exists()


def test_dash_writes_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_progress(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    assert run("export", "--format", "json", "--output", "-", "--data-dir", str(tmp_path / "a")) == 0
    written = capsys.readouterr().out
    assert from_json(Progress, written).step("what-imessage-protects").status is StepStatus.DONE
    assert not (tmp_path / "-").exists()
    assert run("export", "--output", "-", "--data-dir", str(tmp_path / "a")) == 1
    assert "Say which format" in capsys.readouterr().err


def test_a_pdf_on_standard_output_is_the_pdf(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    argv = ["export", "--format", "pdf", "--output", "-", "--data-dir", str(tmp_path / "a")]
    result = subprocess.run(
        [sys.executable, "-m", "privacy_walkthrough", *argv],
        env=env,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "home"]


def test_a_blank_progress_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "blank.json"
    argv = ["export", "--blank", "--format", "json", "--output", str(out), "--data-dir", str(tmp_path)]
    assert run(*argv) == 1
    assert "A blank checklist is for printing" in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_option_after_export_shows_the_usage_of_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run("export", "--output", str(tmp_path / "x.md"), "--colour", "dark")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: privacy-walkthrough export")
    assert "unrecognized arguments: --colour dark" in err


def test_help_says_the_progress_file_carries_notes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run("export", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "progress file carries everything, private notes included, unless --without-notes" in text
    assert "--include-notes" in text


# -- notes travel with the progress file, and an import never drops them silently ------------


def test_an_import_without_notes_keeps_the_notes_saved_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_progress(tmp_path / "a")
    bare = tmp_path / "bare.json"
    assert run("export", "--without-notes", "--output", str(bare), "--data-dir", str(tmp_path / "a")) == 0
    assert from_json(Progress, bare.read_text()).step("what-imessage-protects").note == ""
    session_in(tmp_path / "a").walkthrough.set_status("signal-for-sensitive-chats", StepStatus.DONE)
    capsys.readouterr()

    assert run("import", str(bare), "--yes", "--data-dir", str(tmp_path / "a")) == 0
    said = capsys.readouterr().out
    saved = session_in(tmp_path / "a").walkthrough
    assert saved.progress.step("what-imessage-protects").note == "asked Sam about it"
    assert saved.progress.step("shared-with-you").note == "only on the Mac"
    assert saved.status("signal-for-sensitive-chats") is StepStatus.NOT_STARTED  # the file's status
    assert "Kept your notes on" in said and "--drop-notes" in said


def test_notes_go_only_when_asked_to_with_drop_notes(tmp_path: Path) -> None:
    current = make_progress(tmp_path / "a")
    before = current.read_bytes()
    bare = tmp_path / "bare.json"
    assert run("export", "--without-notes", "--output", str(bare), "--data-dir", str(tmp_path / "a")) == 0
    assert run("import", str(bare), "--yes", "--drop-notes", "--data-dir", str(tmp_path / "a")) == 0
    saved = session_in(tmp_path / "a").walkthrough
    assert saved.progress.step("what-imessage-protects").note == ""
    backups = list(current.parent.glob("*.backup-*.json"))
    assert [b.read_bytes() for b in backups] == [before]  # and the old notes are in the backup


# -- what the printed checklist says --------------------------------------------------------


def export_md(tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "checklist.md"
    assert (
        run("export", "--format", "md", "--output", str(out), "--data-dir", str(tmp_path / "a"), *extra) == 0
    )
    return out.read_text(encoding="utf-8")


def test_an_irreversible_or_optional_step_is_never_still_open(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    text = export_md(tmp_path)
    still_open = section(text, "Still open")
    assert "Turn off Shared with You" in still_open  # a step still to do
    assert "delete your Apple Account" not in still_open and "Lockdown Mode" not in still_open
    only_if = section(text, "Only if you decide to")
    assert "delete your Apple Account" in only_if and "Lockdown Mode" in only_if


def test_a_step_with_nothing_left_to_do_prints_no_device_boxes(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    text = export_md(tmp_path)
    not_applicable = md_block(text, "Turn off iCloud Backup")
    assert not_applicable.startswith("Turn off iCloud Backup") and "Not applicable" in not_applicable
    assert "☐" not in not_applicable and "not yet" not in not_applicable
    skipped = md_block(text, "Let audio messages expire")
    assert "Skipped — reason: later, with Sam" in skipped and "not yet" not in skipped
    open_step = md_block(text, "If you may be targeted")  # per device too, still undecided
    assert "- ☐ iPhone — not yet" in open_step


def test_a_finished_step_says_done_once_with_its_date(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    block = md_block(export_md(tmp_path), "Understand what iMessage hides")
    assert block.count("Done") == 1 and "**Done on 20" in block


def test_instructions_without_a_menu_path_read_as_sentences(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    text = export_md(tmp_path)
    block = md_block(text, "If you choose: keep less message history")
    assert "and click General. Look for Keep messages." in block  # two steps, one after the other
    assert ".;" not in text


def test_the_blank_checklist_lists_the_devices_like_the_apps(tmp_path: Path) -> None:
    make_progress(tmp_path / "a")
    text = export_md(tmp_path, "--blank")
    assert "Devices covered: iPhone (iOS 18.1), Work Mac (macOS 15)" in text
    assert "- ☐ iPhone\n" in md_block(text, "Turn off iCloud Backup")
    assert "Done on" not in text and "asked Sam" not in text
