"""Which language the app speaks: --lang, then the profile's choice, then the system's."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.i18n import CatalogTranslations, ntr, tr
from privacy_walkthrough.core.languages import choose_language, language_code, system_preferences
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.translations import available_languages, pick_language

SHIPPED = ("en", "es", "ar")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, ["es"]),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ar_EG.UTF-8"}, ["ar"]),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ar_EG", "LC_ALL": "es_MX.UTF-8"}, ["es"]),
        ({"LANGUAGE": "fr:es_ES:en", "LC_ALL": "ar_EG.UTF-8"}, ["fr", "es", "en"]),
        ({"LANG": "C.UTF-8"}, ["en"]),
        ({"LANG": "POSIX"}, ["en"]),
        ({"LANG": "", "LC_ALL": ""}, []),
        ({}, []),
    ],
)
def test_the_system_language_follows_gettexts_variables_in_gettexts_order(
    environ: dict[str, str], expected: list[str]
) -> None:
    assert system_preferences(environ) == expected


def test_the_flag_wins_over_the_profile_which_wins_over_the_system() -> None:
    assert choose_language("ar", "es", ["en"], SHIPPED) == "ar"
    assert choose_language(None, "es", ["ar"], SHIPPED) == "es"
    assert choose_language(None, None, ["fr", "ar"], SHIPPED) == "ar"
    assert choose_language(None, None, ["fr", "de"], SHIPPED) == "en"
    assert choose_language("pt_BR", None, ["es"], SHIPPED) == "es"  # no Portuguese: the system's next
    assert language_code("es-MX") == language_code("es_MX.UTF-8@euro") == "es"


def test_spanish_and_arabic_ship_as_compiled_catalogs_in_the_installed_package() -> None:
    assert set(SHIPPED) <= set(available_languages())
    assert pick_language(environ={"LANG": "es_ES.UTF-8"}) == "es"
    assert pick_language(environ={"LANGUAGE": "ar"}) == "ar"


def test_ntr_picks_the_form_for_the_count_and_fills_the_count_in() -> None:
    assert ntr("{n} step", "{n} steps", 1) == "1 step"
    assert ntr("{n} step", "{n} steps", 3) == "3 steps"
    i18n.set_catalog({"{n} step": "{n} paso", "{n} steps": "{n} pasos", "in {place}": "en {place}"})
    assert ntr("{n} step", "{n} steps", 1) == "1 paso"
    assert ntr("{n} step", "{n} steps", 2) == "2 pasos"
    assert tr("in {place}", place="Ajustes") == "en Ajustes"


def test_the_pseudo_locale_is_a_translations_class_that_stretches_every_string() -> None:
    i18n.set_catalog({}, pseudo=True)
    assert tr("Done") == "[Doonee ~~]"
    assert ntr("{n} step", "{n} steps", 2) == "[2 steeps ~~]"
    assert i18n.current_language() == i18n.PSEUDO_LANGUAGE
    assert not i18n.is_right_to_left()


def test_a_catalog_is_a_gettext_translations_object() -> None:
    i18n.activate(CatalogTranslations({"Done": "Hecho"}), "es")
    assert tr("Done") == "Hecho"
    assert i18n.current_language() == "es"
    assert i18n.is_right_to_left("ar") and not i18n.is_right_to_left("es")


def test_the_language_is_remembered_per_profile(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    other = registry.create("Ana")
    registry.set_language(other.id, "es")
    registry.rename(other.id, "Ana María")

    again = ProfileRegistry(tmp_path)
    assert again.language(other.id) == "es"
    assert again.language("default") is None
    again.set_language(other.id, None)
    assert ProfileRegistry(tmp_path).language(other.id) is None
