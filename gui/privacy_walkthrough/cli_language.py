"""argparse's own words ("usage:", "options", "error", "show this help message and exit"…)
in the person's language, from the app's catalog.

argparse asks gettext for each of its words through two names in its module, ``_`` and
``ngettext`` (``from gettext import gettext as _, ngettext``), at the moment it writes them.
:func:`speak_argparse` points those two names at the app's active translations, so the help
and the error messages of every command come out in the language chosen with ``--lang`` or by
the system, and in English when English is active.  Nothing else about argparse changes.

The words themselves are listed here for extraction into the app's ``.po`` files; they must
stay argparse's own, character for character (``tests/unit/test_cli_help_language.py``
checks them against the running argparse).  Programmer errors ("dest= is required…") are
left out: a person never sees them.
"""

from __future__ import annotations

import argparse

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.i18n import N_, N_plural

# TRANSLATORS: argparse's words, shown by `privacy-walkthrough --help` and on a mistake in a
# command line. Keep every %s, %r and %(name)s as it is; "usage: " ends with a space.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)
ARGPARSE_PLURALS = (N_plural("expected %s argument", "expected %s arguments"),)
# TRANSLATORS: placeholders in the command line's help ("--output FILE"), written in capitals
# where the language has them.
FILE = N_("FILE")
FOLDER = N_("FOLDER")
NAME = N_("NAME")
CODE = N_("CODE")
# Not one of argparse's translated words (it is a default argument there), so given explicitly.
VERSION_HELP = N_("show program's version number and exit")


def speak_argparse() -> None:
    """Make argparse take its words from the app's active translations (from now on)."""
    argparse._ = i18n.raw_gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.raw_ngettext  # type: ignore[attr-defined]
