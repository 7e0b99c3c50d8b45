"""Commands in the person's language: --lang, or the system's, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_walkthrough.app import main
from privacy_walkthrough.core import i18n
from tests.unit.test_cli import make_progress


def export(tmp_path: Path, fmt: str, *extra: str) -> str:
    out = tmp_path / f"checklist.{fmt}"
    assert main(["export", "--format", fmt, "--blank", "--output", str(out), *extra]) == 0
    return out.read_text(encoding="utf-8")


def test_export_lang_es_writes_a_spanish_checklist(tmp_path: Path) -> None:
    markdown = export(tmp_path, "md", "--lang", "es")
    assert "# Lista de privacidad:" in markdown
    assert "## Pasos por rellenar" in markdown
    assert "Marca cada casilla cuando hayas terminado el paso." in markdown
    html = export(tmp_path, "html", "--lang", "es")
    assert '<html lang="es" dir="ltr">' in html


def test_export_lang_ar_writes_an_arabic_checklist_right_to_left(tmp_path: Path) -> None:
    html = export(tmp_path, "html", "--lang", "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<body dir="rtl"' in html
    assert "قائمة التحقق من الخصوصية" in html
    assert "خطوات للتعبئة" in html


def test_a_spanish_system_gives_spanish_without_a_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert "# Lista de privacidad:" in export(tmp_path, "md")
    assert i18n.current_language() == "es"


def test_the_flag_wins_over_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert "# Privacy checklist:" in export(tmp_path, "md", "--lang", "en")


def test_messages_and_errors_come_in_the_language_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "checklist.md"
    data = ["--data-dir", str(tmp_path / "empty")]
    assert main(["export", "--lang", "es", "--format", "md", "--output", str(out), *data]) == 1
    assert "No hay progreso guardado" in capsys.readouterr().err
    assert main(["validate", "--lang", "ar"]) == 0
    assert "سليم" in capsys.readouterr().out


def test_the_progress_file_stays_language_neutral(tmp_path: Path) -> None:
    make_progress(tmp_path / "data")
    args = ["--format", "json", "--include-notes", "--data-dir", str(tmp_path / "data")]
    english, spanish = tmp_path / "en.json", tmp_path / "ar.json"
    assert main(["export", "--output", str(english), *args]) == 0
    assert main(["export", "--lang", "ar", "--output", str(spanish), *args]) == 0
    assert json.loads(english.read_text()) | {"exported_at": ""} == json.loads(spanish.read_text()) | {
        "exported_at": ""
    }
