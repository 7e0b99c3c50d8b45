"""``validate`` for a translation folder: what is unusable, out of date or not translated yet.

Errors: a file that cannot be used (bad TOML, a field missing, a shape that differs from the
English step).  Warnings: a step translated from an older version of the English step, and a
step not translated at all; the app shows both in English, with a note.  Each warning gives
the hash to write in ``translated_from`` once the words are brought up to date.
"""

from __future__ import annotations

from importlib.abc import Traversable

from privacy_walkthrough.core.content.findings import Finding, Severity, sort_findings
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.loader import STEPS_FOLDER, ContentProblem
from privacy_walkthrough.core.content.translation_loader import inspect_translation
from privacy_walkthrough.core.i18n import tr


def check_translation(folder: Traversable, english: Guide, language: str | None) -> tuple[list[Finding], int]:
    """The findings for one translation folder, and how many of its steps are usable."""
    found = inspect_translation(folder, english, language)
    findings = [Finding(Severity.ERROR, problem) for problem in found.problems]
    for step_id, made_from in sorted(found.stale.items()):
        message = tr(
            "translated from an older version of the English step ({old}); it is shown in English "
            'until the translation is updated and its translated_from set to "{new}"',
            old=made_from,
            new=found.hashes[step_id],
        )
        findings.append(
            Finding(
                Severity.WARNING, ContentProblem(f"{STEPS_FOLDER}/{step_id}.toml", "translated_from", message)
            )
        )
    for step_id in found.missing:
        message = tr(
            "not translated yet, so it is shown in English; translate the English step and set "
            'translated_from = "{new}"',
            new=found.hashes[step_id],
        )
        findings.append(
            Finding(Severity.WARNING, ContentProblem(f"{STEPS_FOLDER}/{step_id}.toml", None, message))
        )
    return sort_findings(findings), len(found.steps)
