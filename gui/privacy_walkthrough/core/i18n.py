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
import unicodedata
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


# Unicode's left-to-right isolate and its end (U+2066, U+2069): what they enclose is laid out
# left to right on its own, whatever surrounds it.
LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def ltr(text: str) -> str:
    """Text that always reads left to right (a file path, a date, a version), kept whole and in
    order inside a right-to-left sentence: "/tmp/x" would otherwise show its first slash at the
    far end, and "2026-11-30" as "30-11-2026".  Unchanged under a left-to-right language."""
    if not text or not is_right_to_left():
        return text
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


RIGHT_TO_LEFT_MARK = "\u200f"


def right_to_left_paragraph(text: str) -> str:
    """A paragraph that reads right to left under a right-to-left language even when it starts
    with a left-to-right word, as "iPhone/iPad (iOS 18 and later)" does in Arabic: Qt's labels
    and Markdown viewers take a paragraph's direction from its first strong letter, and would
    left-align it and put its words in the wrong order.  A right-to-left mark in front settles
    it.  Unchanged under a left-to-right language, or when the first letter is right to left."""
    if not is_right_to_left():
        return text
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in {"R", "AL"}:
            return text
        if direction == "L":
            return RIGHT_TO_LEFT_MARK + text
    return text


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
