"""One function for every user-visible string: ``tr("Step {n} of {total}", n=1, total=9)``.

Strings are looked up in the active catalog (English is the identity) and then formatted
with named placeholders, never concatenated, so that translators can move words around.
The pseudo-locale stretches every string to catch clipped layouts.
"""

from __future__ import annotations

from collections.abc import Mapping

_catalog: Mapping[str, str] = {}
_pseudo = False


def set_catalog(catalog: Mapping[str, str], *, pseudo: bool = False) -> None:
    """Activate a translation catalog (source text -> translated text)."""
    global _catalog, _pseudo
    _catalog = dict(catalog)
    _pseudo = pseudo


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


def tr(text: str, /, **values: object) -> str:
    """Translate ``text`` and fill its ``{named}`` placeholders."""
    translated = _catalog.get(text, text)
    if _pseudo:
        translated = pseudo_translate(translated)
    return translated.format(**values) if values else translated
