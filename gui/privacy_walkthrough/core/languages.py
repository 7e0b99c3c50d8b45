"""Which language to speak: the person's choice, else the system's, else English.

Pure functions over an environment mapping and the set of languages that ship, so the
rule is tested without touching the process's environment.  On Linux (and other Unix
systems) gettext's variables decide, in gettext's order: ``LANGUAGE`` (a colon-separated
list of preferences), then ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``; the first one set
decides.  Elsewhere the Qt layer passes in ``QLocale.system()``'s languages instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from privacy_walkthrough.core.i18n import SOURCE_LANGUAGE

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# Each language's name in itself, as the Language menu shows it; a language not listed here
# is shown by its code until someone adds its name.
OWN_NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fa": "فارسی",
    "fr": "Français",
    "it": "Italiano",
    "pt": "Português",
    "ru": "Русский",
    "tr": "Türkçe",
    "uk": "Українська",
    "zh": "中文",
}


def language_code(value: str) -> str:
    """The language part of a locale name: "es_ES.UTF-8@euro" -> "es", "pt-BR" -> "pt"."""
    base = value.split(".")[0].split("@")[0]
    return base.replace("-", "_").split("_")[0].strip().lower()


def own_name(code: str) -> str:
    return OWN_NAMES.get(code, code)


def system_preferences(environ: Mapping[str, str]) -> list[str]:
    """The languages the environment asks for, best first (gettext's rule; see the docstring)."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            codes = [language_code(part) for part in value.split(":") if part]
            return [SOURCE_LANGUAGE if code in {"c", "posix"} else code for code in codes]
    return []


def first_available(preferences: Iterable[str], available: Collection[str]) -> str | None:
    """The first of ``preferences`` that ships (by language code), or None."""
    for preference in preferences:
        code = language_code(preference)
        if code in available:
            return code
    return None


def choose_language(
    requested: str | None,
    saved: str | None,
    system: Iterable[str],
    available: Collection[str],
) -> str:
    """``--lang`` first, then the profile's saved choice, then the system's, then English."""
    for candidate in (requested, saved):
        if candidate and language_code(candidate) in available:
            return language_code(candidate)
    return first_available(system, available) or SOURCE_LANGUAGE
