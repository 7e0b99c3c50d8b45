"""Turn the raw samples of bench/run.py into the Markdown table of bench/results.md."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MB = 1_000_000


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def mb(kib: float) -> str:
    return f"{kib * 1024 / MB:.1f} MB"


@dataclass
class Figures:
    """The headline numbers of one run (a results.json), each a function of its samples."""

    raw: dict[str, Any]

    def has(self, key: str) -> bool:
        if key == "steps_first_walk":
            return "first_walk" in self.raw.get("steps", {})
        if key == "steps_first_walk_reading":
            return "first_walk_reading" in self.raw.get("steps", {})
        return key in self.raw

    @property
    def ref_paint(self) -> float:
        return median(self.raw["start"]["ref_first_paint"])

    @property
    def first_paint(self) -> float:
        return median(self.raw["start"]["app_first_paint"])

    @property
    def step_shown(self) -> float:
        return median(self.raw["start"]["app_step_shown"])

    @property
    def app_rss(self) -> float:
        return median(self.raw["start"]["app_rss_kib"])

    @property
    def ref_rss(self) -> float:
        return median(self.raw["start"]["ref_rss_kib"])


@dataclass
class Row:
    what: str
    result: Callable[[Figures], str]
    target: str
    met: Callable[[Figures], bool] | None
    needs: str


def _rows() -> list[Row]:
    start = "start"
    steps = "steps"
    return [
        Row(
            "Reference: bare 10-page QWizard, first paint",
            lambda f: ms(f.ref_paint),
            "the yardstick",
            None,
            start,
        ),
        Row(
            "First painted window (cold start, resuming)",
            lambda f: f"{ms(f.first_paint)} ({f.first_paint / f.ref_paint:.2f}×)",
            "≤ 1.3× reference",
            lambda f: f.first_paint <= 1.3 * f.ref_paint,
            start,
        ),
        Row(
            "Resumed step fully shown",
            lambda f: f"{ms(f.step_shown)} ({f.step_shown / f.ref_paint:.2f}×)",
            "≤ 3× reference",
            lambda f: f.step_shown <= 3 * f.ref_paint,
            start,
        ),
        Row(
            "Peak memory (RSS): app / reference",
            lambda f: f"{mb(f.app_rss)} / {mb(f.ref_rss)} (+{mb(f.app_rss - f.ref_rss)})",
            "≤ reference + 40 MB",
            lambda f: (f.app_rss - f.ref_rss) * 1024 <= 40 * MB,
            start,
        ),
        Row(
            "Next: click to the new page painted, median / p95",
            lambda f: f"{ms(median(f.raw[steps]['step_change']))} / {ms(p95(f.raw[steps]['step_change']))}",
            "",
            None,
            steps,
        ),
        Row(
            "… on the first walk (pages never shown before), median / p95",
            lambda f: f"{ms(median(f.raw[steps]['first_walk']))} / {ms(p95(f.raw[steps]['first_walk']))}",
            "",
            None,
            "steps_first_walk",
        ),
        Row(
            "… on a first walk pausing 0.5 s on each page, as a reader would, median / p95",
            lambda f: (
                f"{ms(median(f.raw[steps]['first_walk_reading']))} / "
                f"{ms(p95(f.raw[steps]['first_walk_reading']))}"
            ),
            "p95 < 16 ms",
            lambda f: p95(f.raw[steps]["first_walk_reading"]) < 0.016,
            "steps_first_walk_reading",
        ),
        Row(
            "… of which the click's handler (save, fill the page), median / p95",
            lambda f: f"{ms(median(f.raw[steps]['handler']))} / {ms(p95(f.raw[steps]['handler']))}",
            "",
            None,
            steps,
        ),
        Row(
            "Save after a change (atomic, fsync), median / p95",
            lambda f: f"{ms(median(f.raw['save']['save']))} / {ms(p95(f.raw['save']['save']))}",
            "median < 10 ms",
            lambda f: median(f.raw["save"]["save"]) < 0.010,
            "save",
        ),
        Row(
            "Checklist PDF, shipped guide",
            lambda f: ms(median(f.raw["pdf_shipped"]["pdf"])),
            "< 300 ms",
            lambda f: median(f.raw["pdf_shipped"]["pdf"]) < 0.3,
            "pdf_shipped",
        ),
        Row(
            "Checklist PDF, 1,000-step guide",
            lambda f: ms(median(f.raw["pdf_synthetic"]["pdf"])),
            "< 5 s",
            lambda f: median(f.raw["pdf_synthetic"]["pdf"]) < 5,
            "pdf_synthetic",
        ),
        Row(
            "Load shipped guide: first in a fresh process (imports included) / again",
            lambda f: (
                f"{ms(median(f.raw['load_cold_shipped']))} / {ms(median(f.raw['load_shipped']['load']))}"
            ),
            "",
            None,
            "load_shipped",
        ),
        Row(
            "Validate shipped guide (`validate`: load and every content check)",
            lambda f: ms(median(f.raw["load_shipped"]["validate"])),
            "",
            None,
            "load_shipped",
        ),
        Row(
            "Load 1,000-step guide: first in a fresh process (imports included) / again",
            lambda f: (
                f"{ms(median(f.raw['load_cold_synthetic']))} / {ms(median(f.raw['load_synthetic']['load']))}"
            ),
            "< 0.5 s (first)",
            lambda f: median(f.raw["load_cold_synthetic"]) < 0.5,
            "load_synthetic",
        ),
        Row(
            "Validate 1,000-step guide",
            lambda f: ms(median(f.raw["load_synthetic"]["validate"])),
            "",
            None,
            "load_synthetic",
        ),
    ]


def _verdict(row: Row, figures: Figures) -> str:
    if row.met is None:
        return ""
    return "yes" if row.met(figures) else "**no**"


def _size_section(size: dict[str, Any]) -> list[str]:
    packages = sorted(size["packages_kib"].items(), key=lambda item: -item[1])
    listing = ", ".join(f"{name} {mb(kib)}" for name, kib in packages)
    folders = sorted(size.get("pyside6_folders_kib", {}).items(), key=lambda item: -item[1])
    pyside = ", ".join(f"{name} {mb(kib)}" for name, kib in folders)
    versions = ", ".join(f"{name} {version}" for name, version in sorted(size.get("versions", {}).items()))
    return [
        "## Installed size",
        "",
        "`pip install .` into a fresh virtual environment, measured with `du -sk` on its site-packages",
        f"({versions}):",
        "",
        f"- the app and its dependencies: **{mb(size['without_tooling_kib'])}** "
        f"(all of site-packages, the venv's own pip and setuptools too: {mb(size['site_packages_kib'])});",
        f"- by package: {listing};",
        f"- inside PySide6: {pyside}.",
        "",
    ]


def write_report(figures: Figures, before: Figures | None, command: str) -> str:
    raw = figures.raw
    lines = [
        "# Benchmark results",
        "",
        f"Measured {raw['when'][:16].replace('T', ' ')} with `{command}`, offscreen "
        f"(`QT_QPA_PLATFORM=offscreen`), {raw['repeat']} repetitions of each figure "
        "(each Next move counts once per walk through the guide; saves: 5× as many). "
        "Figures are medians unless marked p95.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in raw["machine"].items()),
        "",
        "## Figures",
        "",
    ]
    with_before = before is not None
    header = "| What | " + ("Before | After | " if with_before else "Result | ") + "Target | Met |"
    lines += [header, "| --- | " + ("--- | " * (3 if with_before else 2)) + "--- |"]
    for row in _rows():
        if not figures.has(row.needs):
            continue
        cells = [row.what]
        if before is not None:
            cells.append(row.result(before) if before.has(row.needs) else "")
        cells += [row.result(figures), row.target, _verdict(row, figures)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if "size" in raw:
        lines += _size_section(raw["size"])
    lines += [
        "## How",
        "",
        "Cold starts are whole processes, timed from the parent (CLOCK_MONOTONIC read just before the "
        "spawn) to the end of the paint pass that the child reports (bench/first_paint.py), app and "
        "reference alternating; peak RSS is the child's own, from `wait4`.  The app starts through its "
        "real entry point (`privacy_walkthrough.app.main`, no options, saved progress in the XDG data "
        "folder resuming at step 7).  Moving between steps clicks Next on the real window and waits "
        "for the new page to be painted.  Saving, PDF and loading run in their own processes.",
    ]
    if before is not None:
        lines += [
            "",
            "The Before column is the same benchmark run against the code before this work "
            "(the results.json given with --baseline, same machine).",
        ]
    lines += ["", "What the figures mean, and what is left: bench/README.md.", ""]
    return "\n".join(lines)
