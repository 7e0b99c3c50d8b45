"""Keep the app's translation catalogs in step with the code (gettext, through Babel).

    python tools/i18n.py update      extract every tr()/ntr()/N_() string into the template
                                     (locale/privacy_walkthrough.pot) and merge it into each
                                     language's .po file: new strings arrive empty, changed
                                     ones marked fuzzy with the old translation as a hint
    python tools/i18n.py init LANG   start a new language's .po file (LANG: "fr", "pt_BR"…)
    python tools/i18n.py check       fail (exit 1) when the template is behind the code, or a
                                     .po file has a missing, empty or fuzzy entry, or a
                                     translation whose {placeholders} differ from the English;
                                     then show ``pybabel compile --statistics``

After ``update``, open each ``gui/privacy_walkthrough/locale/<lang>/LC_MESSAGES/*.po`` in a
text editor (or Poedit), fill in every empty ``msgstr``, remove the ``#, fuzzy`` line of each
entry you have checked, and run ``check``.  The .mo files are compiled when the wheel is built
(tools/hatch_build.py); they are never committed.

The files carry no creation dates, line numbers or Babel version, so two people who update
the catalogs on different branches do not collide on lines that mean nothing.
"""

from __future__ import annotations

import argparse
import io
import re
import string
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "gui" / "privacy_walkthrough"
LOCALE = SOURCE / "locale"
DOMAIN = "privacy_walkthrough"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
KEYWORDS = {"tr": None, "ntr": (1, 2), "N_": None, "N_plural": (1, 2)}
COMMENT_TAG = "TRANSLATORS:"
# Header lines that change on every run without meaning anything (left out of the files).
VOLATILE_HEADERS = (b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:')
UPDATE_HINT = "python tools/i18n.py update"


def extract() -> Catalog:
    """Every translatable string in the code, as a template (file names, no line numbers)."""
    catalog = Catalog(project="Privacy Walkthrough", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        str(SOURCE),
        method_map=[("locale/**", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    )
    for filename, _lineno, message, comments, context in found:
        where = f"privacy_walkthrough/{filename}"
        existing = catalog.get(message if isinstance(message, str) else message[0], context)
        if existing is not None and where in {loc for loc, _ in existing.locations}:
            continue
        catalog.add(message, None, [(where, None)], auto_comments=comments, context=context)
    return catalog


def po_files() -> Iterator[tuple[str, Path]]:
    for po_file in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        yield po_file.parts[-3], po_file


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    lines = buffer.getvalue().splitlines(keepends=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(line for line in lines if not line.startswith(VOLATILE_HEADERS)))


def update() -> int:
    template = extract()
    write(TEMPLATE, template)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} strings")
    for language, po_file in po_files():
        catalog = read(po_file, language)
        catalog.update(template)
        write(po_file, catalog)
        todo = sum(1 for problem in entry_problems(catalog, template))
        print(f"{po_file.relative_to(ROOT)}: {todo} to translate or check")
    return 0


def init(language: str) -> int:
    target = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if target.exists():
        print(f"{target.relative_to(ROOT)} exists already; run `{UPDATE_HINT}` instead", file=sys.stderr)
        return 1
    template = extract()
    write(TEMPLATE, template)
    catalog = Catalog(locale=language, project="Privacy Walkthrough", charset="utf-8", fuzzy=False)
    catalog.update(template)
    write(target, catalog)
    print(f"Started {target.relative_to(ROOT)} ({len(template)} strings to translate)")
    return 0


def placeholders(text: str) -> set[str] | None:
    """The ``{named}`` fields of a format string; None when it is not a valid one."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def _forms(message: Message) -> list[str]:
    if isinstance(message.string, (list, tuple)):
        return [str(form) for form in message.string]
    return [message.string or ""]


def placeholder_problems(message: Message) -> list[str]:
    """Translations whose ``{placeholders}`` differ from the English (a plural form may drop {n})."""
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    expected: set[str] = set()
    for source in ids:
        names = placeholders(source)
        if names is None:
            return []  # not a format string in English either: nothing to compare
        expected |= names
    problems = []
    plural = len(ids) > 1
    for index, form in enumerate(_forms(message)):
        names = placeholders(form)
        if names is None:
            problems.append(f"form {index}: unbalanced {{ or }}")
            continue
        missing = expected - names - ({"n"} if plural else set())
        unknown = names - expected
        if missing or unknown:
            detail = ", ".join(
                [f"{{{name}}} missing" for name in sorted(missing)]
                + [f"{{{name}}} is not in the English" for name in sorted(unknown)]
            )
            problems.append(f"form {index}: {detail}" if plural else detail)
    return problems


PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def percent_problems(message: Message) -> list[str]:
    """For %-format strings (argparse's words): every form must keep the English's fields,
    or formatting it fails at run time ("%s" and "%(prog)s" alike; "%%" is a literal %)."""
    if "python-format" not in message.flags:
        return []
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    expected = sorted(field for field in PERCENT_FIELD.findall(ids[-1]) if field != "%%")
    problems = []
    for index, form in enumerate(_forms(message)):
        found = sorted(field for field in PERCENT_FIELD.findall(form) if field != "%%")
        if found != expected:
            problems.append(f"form {index}: {' '.join(found) or 'none'} instead of {' '.join(expected)}")
    return problems


def entry_problems(catalog: Catalog, template: Catalog) -> Iterator[str]:
    """One line per string of ``template`` that ``catalog`` does not translate well."""
    for wanted in template:
        if not wanted.id:
            continue
        key = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        shown = repr(key)
        message = catalog.get(key, wanted.context)
        if message is None:
            yield f"missing: {shown}"
        elif message.fuzzy:
            yield f"fuzzy (check it, then delete its '#, fuzzy' line): {shown}"
        elif not all(form.strip() for form in _forms(message)):
            yield f"untranslated: {shown}"
        else:
            for problem in placeholder_problems(message) + percent_problems(message):
                yield f"placeholders ({problem}): {shown}"


def compile_statistics(language: str, po_file: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        CommandLineInterface().run(
            ["pybabel", "compile", "--statistics", "-l", language, "-i", str(po_file), "-o", f"{folder}/x.mo"]
        )


def check() -> int:
    fresh = extract()
    failures: list[str] = []
    template = read(TEMPLATE) if TEMPLATE.exists() else Catalog()
    in_template = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for message in fresh:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if message.id and key not in in_template:
            failures.append(f"{TEMPLATE.relative_to(ROOT)}: new in the code, not in the template: {key!r}")
    languages = list(po_files())
    if not languages:
        failures.append(f"no .po files in {LOCALE.relative_to(ROOT)}")
    for language, po_file in languages:
        catalog = read(po_file, language)
        label = po_file.relative_to(ROOT)
        failures += [f"{label}: {problem}" for problem in entry_problems(catalog, fresh)]
        compile_statistics(language, po_file)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(
            f"\n{len(failures)} problem(s). Run `{UPDATE_HINT}`, then translate each entry named above "
            "in the .po files (see content/README.md, 'Translating the app').",
            file=sys.stderr,
        )
        return 1
    print(f"All {len(languages)} catalogs are complete ({len(fresh) - 1} strings each).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the strings and merge them into every .po file")
    start = commands.add_parser("init", help="start a new language's .po file")
    start.add_argument("language")
    commands.add_parser("check", help="fail on missing, fuzzy or mismatched translations")
    args = parser.parse_args(argv)
    if args.command == "update":
        return update()
    if args.command == "init":
        return init(args.language)
    return check()


if __name__ == "__main__":
    sys.exit(main())
