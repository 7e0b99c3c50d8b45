"""Every command's --help and argparse's own words ("usage:", "options", "error") come in the
person's language, through the real entry point."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_walkthrough.app import build_parser, main
from privacy_walkthrough.cli_language import ARGPARSE_PLURALS, ARGPARSE_WORDS
from privacy_walkthrough.core import i18n
from privacy_walkthrough.translations import use_language

COMMANDS = ("export", "import", "validate", "schema")


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def mistake_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_export_help_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_of(capsys, "--lang", "es", "export", "--help")
    assert out.startswith("uso: privacy-walkthrough export")
    assert "\nopciones:\n" in out
    assert "mostrar esta ayuda y salir" in out
    assert "--output ARCHIVO" in out
    assert "Escribe la lista (pdf, html, md) o el archivo de progreso (json)." in out
    assert "una lista en blanco para imprimir antes de empezar" in out
    for english in ("usage:", "options:", "show this help", "the checklist", "OUTPUT", "DATA_DIR"):
        assert english not in out


def test_the_app_help_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_of(capsys, "--help", "--lang", "ar")
    assert out.startswith("الاستخدام: privacy-walkthrough")
    assert "\nالخيارات:\n" in out
    assert "اعرض رسالة المساعدة هذه ثم اخرج" in out
    assert "اعرض رقم إصدار البرنامج ثم اخرج" in out
    assert "الأوامر (بدون أمر، يفتح التطبيق نافذته)" in out
    for english in ("usage:", "options:", "show this help", "version number", "commands ("):
        assert english not in out


def test_a_spanish_system_gives_spanish_mistakes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    err = mistake_of(capsys, "import")
    assert err.startswith("uso: privacy-walkthrough import")
    assert "privacy-walkthrough import: error: faltan estos argumentos obligatorios: ARCHIVO" in err
    err = mistake_of(capsys, "export", "--output", "x.md", "--colour", "dark")
    assert "argumentos no reconocidos: --colour dark" in err
    err = mistake_of(capsys, "export", "--output", "x.md", "--paper", "a3")
    assert "argumento --paper: valor no válido: 'a3' (elige entre 'a4', 'letter')" in err


def test_arabic_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    err = mistake_of(capsys, "--lang", "ar", "export", "--include-notes", "--without-notes", "--output", "x")
    assert (
        "privacy-walkthrough export: خطأ: الوسيط --without-notes: غير مسموح مع الوسيط --include-notes" in err
    )


def english_helps() -> dict[tuple[str, str], str]:
    use_language("en")
    return helps(build_parser())


def helps(parser: argparse.ArgumentParser) -> dict[tuple[str, str], str]:
    """Every help text, description and placeholder of the app's parser and its commands."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: dict[tuple[str, str], str] = {("", "description"): parser.description or ""}
    for name, command in [("", parser), *sub.choices.items()]:
        found[(name, "description")] = command.description or ""
        for action in command._actions:
            key = "/".join(action.option_strings) or action.dest
            if action.help and action.help != argparse.SUPPRESS:
                found[(name, key)] = action.help
            if isinstance(action.metavar, str):
                found[(name, key + " metavar")] = action.metavar
    for choice in sub._choices_actions:
        found[(choice.dest, "help")] = choice.help or ""
    return found


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_help_text_of_every_command_is_translated(language: str) -> None:
    english = english_helps()
    use_language(language)
    translated = helps(build_parser())
    assert set(translated) == set(english)
    assert {name for name, _ in english} >= {"", *COMMANDS}
    same = [key for key, text in english.items() if text and translated[key] == text]
    assert same == []


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    help_of(capsys, "--lang", "es", "schema", "--help")
    out = help_of(capsys, "--lang", "en", "schema", "--help")
    assert out.startswith("usage: privacy-walkthrough schema")
    assert "show this help message and exit" in out
    assert "--output FILE" in out


def argparse_words() -> set[str]:
    """The strings the running argparse hands to gettext (its ``_()`` and ``ngettext()`` calls)."""
    words: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "ngettext"}
        ):
            words |= {
                arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            }
    return words


def test_the_words_we_translate_are_still_argparses_own() -> None:
    ours = set(ARGPARSE_WORDS) | {form for pair in ARGPARSE_PLURALS for form in pair}
    assert ours - argparse_words() == set()
    assert {"usage: ", "options", "show this help message and exit"} <= ours


def test_argparses_counted_words_take_the_arabic_plural() -> None:
    use_language("ar")
    singular, plural = ARGPARSE_PLURALS[0]
    forms = [i18n.raw_ngettext(singular, plural, n) % n for n in (0, 1, 2, 3, 11, 100)]
    assert len(set(forms)) == 6
    assert forms[4] == "يُتوقع 11 وسيطًا"


def test_the_installed_command_speaks_spanish_on_a_spanish_system(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("privacy-walkthrough")
    environ = {k: v for k, v in os.environ.items() if k not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES"}}
    environ["LANG"] = "es_ES.UTF-8"
    done = subprocess.run(
        [str(command), "export", "--help"], capture_output=True, text=True, env=environ, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("uso: privacy-walkthrough export")
    assert "mostrar esta ayuda y salir" in done.stdout
    done = subprocess.run(
        [str(command), "--lang", "ar", "import"], capture_output=True, text=True, env=environ, cwd=tmp_path
    )
    assert done.returncode == 2
    assert "privacy-walkthrough import: خطأ: هذه الوسائط مطلوبة: ملف" in done.stderr
