"""What ``validate`` reports: findings (an error or a warning about a file's field, at its line
where it can be found), worded for a person, sorted by file and line.

The checks that make them are in :mod:`.checks` (the guide and its steps) and
:mod:`.translation_checks` (a translation folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from privacy_walkthrough.core.content.loader import GUIDE_FILE, ContentProblem
from privacy_walkthrough.core.content.toml_lines import locate
from privacy_walkthrough.core.i18n import tr


class Severity(StrEnum):
    # Kept untranslated in the output: editors and CI match on these words.
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    problem: ContentProblem

    def render(self, folder: str) -> str:
        """``FOLDER/FILE:LINE: error: field 'x': message`` (no line or field when unknown)."""
        problem = self.problem
        where = f"{folder.rstrip('/')}/{problem.file}" if folder else problem.file
        if problem.line is not None:
            where = f"{where}:{problem.line}"
        if problem.field:
            return tr(
                "{where}: {severity}: field '{field}': {message}",
                where=where,
                severity=self.severity.value,
                field=problem.field,
                message=problem.message,
            )
        return tr(
            "{where}: {severity}: {message}",
            where=where,
            severity=self.severity.value,
            message=problem.message,
        )


@dataclass(frozen=True)
class FileFindings:
    """Findings about one file (``label``), each pointed at its line in ``text`` where it can be."""

    label: str
    text: str | None

    def error(self, field: str, message: str, snippet: str | None = None) -> Finding:
        return self._finding(Severity.ERROR, field, message, snippet)

    def warning(self, field: str, message: str, snippet: str | None = None) -> Finding:
        return self._finding(Severity.WARNING, field, message, snippet)

    def _finding(self, severity: Severity, field: str, message: str, snippet: str | None) -> Finding:
        line = locate(self.text, field, snippet)
        return Finding(severity, ContentProblem(self.label, field, message, line))


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """guide.toml first, then the step files by name, each by line (stable otherwise)."""
    return sorted(findings, key=lambda f: (f.problem.file != GUIDE_FILE, f.problem.file, f.problem.line or 0))
