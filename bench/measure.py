"""In-process measurements, one kind per run of this script; bench/run.py starts each in its own process.

    python bench/measure.py steps|save|pdf|load|load-cold [--guide shipped|synthetic] [--repeat N] --work DIR

Each prints one JSON object on its last line: lists of samples in seconds, keyed by what they time.
Imports sit inside the functions so that ``load-cold`` times the imports a first load pays.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Samples = dict[str, Any]


def _guide_folder(which: str, work: Path) -> Any:
    if which == "synthetic":
        from scenario import synthetic_guide

        return synthetic_guide(work / "synthetic-guide")
    from privacy_walkthrough import guides, resources

    return resources.content_root() / guides.DEFAULT_GUIDE / guides.DEFAULT_LANGUAGE


def _timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


# -- loading and validating ----------------------------------------------------------------------


def measure_load_cold(which: str, work: Path) -> Samples:
    """One first load in a fresh process: importing the loader and pydantic, building a model, validating."""
    folder = _guide_folder(which, work) if which == "synthetic" else None
    start = time.perf_counter()
    if folder is None:
        from privacy_walkthrough.guides import load_default_guide as load
    else:
        from privacy_walkthrough.core.content.loader import load_guide

        def load() -> Any:
            return load_guide(folder)

    imported = time.perf_counter()
    guide = load()
    done = time.perf_counter()
    return {"load_cold": [done - start], "import": [imported - start], "steps": len(guide.steps)}


def measure_load(which: str, work: Path, repeat: int) -> Samples:
    """Loading (parse and validate every file, cross-check) and the content writers' full validation."""
    import datetime as dt

    from privacy_walkthrough.content_cli import Tally, validate_guide
    from privacy_walkthrough.core.content.loader import load_guide
    from privacy_walkthrough.guides import GuideFolder

    folder = _guide_folder(which, work)
    load_guide(folder)  # the first load in a process: measure_load_cold times that
    today = dt.date(2026, 12, 1)
    return {
        "load": _timed(lambda: load_guide(folder), repeat),
        "validate": _timed(lambda: validate_guide(GuideFolder(folder, "guide"), today, Tally()), repeat),
    }


# -- saving --------------------------------------------------------------------------------------


def measure_save(work: Path, repeat: int) -> Samples:
    """A change (a note edited) and its atomic save: temp file, fsync, rename, fsync of the folder."""
    from scenario import resume_data

    from privacy_walkthrough.core.progress.store import ProgressStore
    from privacy_walkthrough.core.walkthrough.session import Session
    from privacy_walkthrough.guides import load_default_guide
    from privacy_walkthrough.paths import AppPaths

    guide = load_default_guide()
    data = work / "save-data"
    resume_data(data, guide)
    session = Session(guide, ProgressStore(AppPaths.resolve(data).progress_file(guide.info.id)))
    walkthrough = session.walkthrough
    step_id = walkthrough.current.key
    counter = iter(range(1_000_000))
    samples = _timed(lambda: walkthrough.set_note(step_id, f"Note, version {next(counter)}"), repeat)
    assert session.save_error is None, session.save_error
    size = session.store.path.stat().st_size
    return {"save": samples, "file_bytes": size}


# -- moving between steps -----------------------------------------------------------------------

READING_PAUSE_MS = 500  # the second walk pauses on each page, as a person reading it would


def measure_steps(work: Path, repeat: int) -> Samples:
    """Next, from the welcome page to the summary, ``repeat`` times: click to the new page painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from step_walker import StepWalker

    from privacy_walkthrough.paths import AppPaths
    from privacy_walkthrough.qt.dialogs import Dialogs
    from privacy_walkthrough.qt.look import apply_look
    from privacy_walkthrough.qt.run import build_window

    app = QApplication(sys.argv[:1])
    apply_look(app)
    walkers = []
    for name, walks, pause_ms in (("steps-data", repeat, 0), ("steps-reading", 1, READING_PAUSE_MS)):
        paths = AppPaths.resolve(work / name)
        shutil.rmtree(paths.data, ignore_errors=True)  # start from the welcome page
        paths.ensure()
        window = build_window(paths, Dialogs())
        assert window is not None
        window.show()
        walkers.append(StepWalker(app, window, walks, pause_ms))
        app.exec()
        window.close()
    walker, reading = walkers
    return {
        "step_change": walker.to_painted,
        "first_walk": walker.first_walk,
        "handler": walker.handler,
        "first_walk_reading": reading.first_walk,
    }


# -- the checklist as PDF -----------------------------------------------------------------------


def measure_pdf(which: str, work: Path, repeat: int) -> Samples:
    """The checklist as PDF, as "Save checklist as PDF" makes it: render the HTML, lay out, paint, fsync."""
    import datetime as dt

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from scenario import walked_progress

    from privacy_walkthrough import __version__
    from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html
    from privacy_walkthrough.core.content.loader import load_guide
    from privacy_walkthrough.qt.printing import write_pdf

    app = QGuiApplication(sys.argv[:1])
    guide = load_guide(_guide_folder(which, work))
    progress = walked_progress(guide, len(guide.steps) // 2)
    options = ChecklistOptions(generated_at=dt.datetime.now().astimezone(), app_version=__version__)
    target = work / f"checklist-{which}.pdf"

    def export() -> None:
        write_pdf(render_html(guide, progress, options), target, title="Privacy checklist")

    samples = _timed(export, repeat + 1)
    del app
    return {"pdf_first": samples[:1], "pdf": samples[1:], "pdf_bytes": target.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=("steps", "save", "pdf", "load", "load-cold"))
    parser.add_argument("--guide", choices=("shipped", "synthetic"), default="shipped")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    if args.kind == "load-cold":
        result = measure_load_cold(args.guide, work)
    elif args.kind == "load":
        result = measure_load(args.guide, work, args.repeat)
    elif args.kind == "save":
        result = measure_save(work, args.repeat)
    elif args.kind == "steps":
        result = measure_steps(work, args.repeat)
    else:
        result = measure_pdf(args.guide, work, args.repeat)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
