"""One function for every user-visible string: ``tr("Step {n} of {total}", n=1, total=9)``.

Strings are looked up in the active gettext translations (English is the source text, so
no catalog means English) and then formatted with named placeholders, never concatenated,
so that translators can move words around.  Counted phrases go through :func:`ntr`, which
uses ``ngettext`` and so the language's own plural rule (Arabic has six forms).

The catalogs are gettext's: ``pybabel extract`` finds every ``tr``/``ntr``/``N_`` call, one
``.po`` file per language lives in ``gui/privacy_walkthrough/locale/``, and the wheel's build
compiles them to ``.mo`` files (see ``tools/i18n.py`` and ``hatch_build.py``).  Loading a
``.mo`` file is :mod:`privacy_walkthrough.translations`' job; this module stays free of Qt
and of the file system.

The pseudo-locale is a translations class like any other: it stretches every string to
catch clipped layouts.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "en-pseudo"  # the pseudo-locale's code: English, stretched
# Languages written right to left (by their ISO 639-1 code).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ps", "ur", "yi"})

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def pseudo_translate(text: str) -> str:
    """Stretch a string by about 40 % and mark its ends, keeping placeholders intact."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        out.append(ch)
        if depth == 0 and ch.isalpha() and ch.lower() in "aeiou":
            out.append(ch)
    return "[" + "".join(out) + " ~~]"


class PseudoTranslations(gettext.NullTranslations):
    """The pseudo-locale: every string stretched (see :func:`pseudo_translate`)."""

    def gettext(self, message: str) -> str:
        return pseudo_translate(super().gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_translate(super().ngettext(msgid1, msgid2, n))


class CatalogTranslations(gettext.NullTranslations):
    """Translations from a plain mapping (source text -> translated text), for tests and tools.

    A plural is looked up under its singular or its plural source text, by English's rule.
    """

    def __init__(self, catalog: Mapping[str, str]) -> None:
        super().__init__()
        self.catalog = dict(catalog)

    def gettext(self, message: str) -> str:
        return self.catalog.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        source = msgid1 if n == 1 else msgid2
        return self.catalog.get(source, source)


def activate(translations: gettext.NullTranslations, language: str = SOURCE_LANGUAGE) -> None:
    """Make ``translations`` (for ``language``, an ISO 639-1 code) the ones :func:`tr` uses."""
    global _translations, _language
    _translations = translations
    _language = language


def set_catalog(catalog: Mapping[str, str], *, pseudo: bool = False) -> None:
    """Activate a plain mapping as the catalog (empty: English), or the pseudo-locale."""
    if pseudo:
        activate(PseudoTranslations(), PSEUDO_LANGUAGE)
    else:
        activate(CatalogTranslations(catalog) if catalog else gettext.NullTranslations())


def current_language() -> str:
    """The active language's code ("en", "es", "ar"…)."""
    return _language


def is_right_to_left(language: str | None = None) -> bool:
    """Whether ``language`` (default: the active one) is written right to left."""
    return (language or _language).split("_")[0] in RIGHT_TO_LEFT


def N_(text: str) -> str:  # noqa: N802 - gettext's conventional name, a keyword for pybabel
    """Mark ``text`` for extraction only; it is translated later, where it is shown, by ``tr(text)``."""
    return text


def N_plural(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - like N_
    """Mark a counted phrase for extraction only; it is translated later by ``ngettext``."""
    return singular, plural


def raw_gettext(message: str) -> str:
    """``message`` in the active language, unformatted (for code that formats it itself)."""
    return _translations.gettext(message)


def raw_ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted phrase for ``n`` in the active language, unformatted."""
    return _translations.ngettext(singular, plural, n)


def tr(text: str, /, **values: object) -> str:
    """Translate ``text`` and fill its ``{named}`` placeholders."""
    translated = _translations.gettext(text)
    return translated.format(**values) if values else translated


def ntr(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Translate a counted phrase by the language's plural rule; ``{n}`` is the count.

    ``ntr("{n} step", "{n} steps", 3)`` -> "3 steps".
    """
    translated = _translations.ngettext(singular, plural, n)
    return translated.format(n=n, **values)
