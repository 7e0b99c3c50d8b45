"""The translation catalogs stay complete: every string in the code, translated, placeholders intact.

A string added with tr() and not yet translated fails here, naming the string; the fix is
``python tools/i18n.py update`` and then translating the new entries (see content/README.md).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "i18n.py"

pytest.importorskip("babel", reason="Babel comes with the dev extra: pip install '.[test,dev]'")


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_catalog_translates_every_string_of_the_code() -> None:
    done = subprocess.run([sys.executable, str(TOOL), "check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_the_check_names_a_new_untranslated_string_a_fuzzy_one_and_a_broken_placeholder() -> None:
    from babel.messages.catalog import Catalog

    i18n_tool = tool()
    template = Catalog()
    for text in ("Done", "Open {steps}.", "New words", "Changed words"):
        template.add(text)
    template.add(("{n} step", "{n} steps"))
    spanish = Catalog(locale="es")
    spanish.add("Done", "Hecho")
    spanish.add("Open {steps}.", "Abre {pasos}.")
    spanish.add("Changed words", "Palabras", flags=["fuzzy"])
    spanish.add(("{n} step", "{n} steps"), ("{n} paso", "pasos", "{n} pasos"))

    problems = list(i18n_tool.entry_problems(spanish, template))

    assert "missing: 'New words'" in problems
    assert any(p.startswith("fuzzy") and "'Changed words'" in p for p in problems)
    assert any("{steps} missing" in p and "{pasos} is not in the English" in p for p in problems)
    assert not any("step'" in p for p in problems)  # a plural form may leave the count out
    assert len(problems) == 3


def test_the_check_names_a_percent_placeholder_a_translation_dropped() -> None:
    from babel.messages.catalog import Catalog

    i18n_tool = tool()
    template = Catalog()
    template.add("usage: ", flags=["python-format"])
    template.add("invalid choice: %(value)r", flags=["python-format"])
    template.add(("expected %s argument", "expected %s arguments"), flags=["python-format"])
    spanish = Catalog(locale="es")
    spanish.add("usage: ", "uso: ", flags=["python-format"])
    spanish.add("invalid choice: %(value)r", "valor no válido: %(valor)r", flags=["python-format"])
    spanish.add(
        ("expected %s argument", "expected %s arguments"),
        ("se esperaba un argumento", "se esperaban %s de argumentos", "se esperaban %s argumentos"),
        flags=["python-format"],
    )

    problems = list(i18n_tool.entry_problems(spanish, template))

    assert problems == [
        "placeholders (form 0: %(valor)r instead of %(value)r): 'invalid choice: %(value)r'",
        "placeholders (form 0: none instead of %s): 'expected %s argument'",
    ]


def test_the_wheel_ships_compiled_catalogs_not_their_sources() -> None:
    from privacy_walkthrough import resources

    for language in ("es", "ar"):
        folder = resources.locale_root() / language / "LC_MESSAGES"
        assert (folder / "privacy_walkthrough.mo").is_file()
        assert not (folder / "privacy_walkthrough.po").is_file()
