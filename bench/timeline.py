"""The timeline of one start, resuming at a step: where the time goes, part by part.

    .venv/bin/python bench/timeline.py            # the quickest of 5 starts
    .venv/bin/python bench/timeline.py --runs 9

Each start is a fresh process started like ``bench/launch_app.py`` (the paint probe watching,
saved progress resuming at step 7, given with ``--data-dir``).  The child marks the moments
below on CLOCK_MONOTONIC, the clock the parent read just before the spawn, and the parent
prints milliseconds from the spawn.  Marks: imports of the modules named in ``WATCHED`` (when
each is done), the second turn's ``build_window`` and what it calls, and each pydantic model's
validator being built (with ``defer_build`` that happens when a model is first used).  Each
mark also gives the process's resident memory (RSS, MB) at that moment; the last, its peak.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


MARK = "PW_TIMELINE"
WATCHED = (
    "PySide6.QtWidgets",
    "privacy_walkthrough.qt.run",
    "pydantic",
    "privacy_walkthrough.core.content.models",
    "privacy_walkthrough.core.progress.models",
    "privacy_walkthrough.core.progress.profiles",
    "privacy_walkthrough.core.content.loader",
    "privacy_walkthrough.qt.main_window",
)

CHILD = r"""
import builtins, sys, time
MARK = sys.argv[1]
import os
PAGE = os.sysconf("SC_PAGE_SIZE")
def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 1e6
def mark(what):
    print(f"{MARK} {time.clock_gettime(time.CLOCK_MONOTONIC):.6f} {rss_mb():.1f} {what}", flush=True)
watched = set(sys.argv[2].split(","))
real_import = builtins.__import__
def watching_import(name, *args, **kwargs):
    fresh = name in watched and name not in sys.modules
    module = real_import(name, *args, **kwargs)
    if fresh:
        mark(f"imported {name}")
    return module
builtins.__import__ = watching_import
sys.path.insert(0, sys.argv[3])
from first_paint import PaintProbe
from PySide6.QtWidgets import QApplication
import privacy_walkthrough.qt  # with PySide6, as in bench/launch_app.py
app = QApplication(sys.argv[:1])
mark("QApplication made")
probe = PaintProbe(app, title=sys.argv[4])

def timed(owner, name, label):
    real = getattr(owner, name)
    def wrapper(*args, **kwargs):
        mark(f"start {label}")
        try:
            return real(*args, **kwargs)
        finally:
            mark(f"end {label}")
    setattr(owner, name, wrapper)

import privacy_walkthrough.qt.run as run
timed(run, "build_window", "build_window")
def on_pydantic(_module):
    from pydantic._internal import _model_construction as mc
    real = mc.complete_model_class
    def complete(cls, *args, **kwargs):
        start = time.perf_counter()
        try:
            return real(cls, *args, **kwargs)
        finally:
            if getattr(cls, "__pydantic_complete__", False):
                mark(f"model {cls.__name__} built in {1000 * (time.perf_counter() - start):.1f} ms")
    mc.complete_model_class = complete
# Wrapped when their module is first imported, so that nothing is imported sooner than in the app.
P = "privacy_walkthrough."
pending = {
    "pydantic.main": True,
    P + "qt.guide_choice": lambda m: timed(m, "choose_guide", "load the guide"),
    P + "core.progress.profiles": lambda m: timed(m.ProfileRegistry, "__init__", "ProfileRegistry()"),
    P + "core.walkthrough.session": lambda m: timed(m.Session, "__init__", "Session(): read the progress"),
    P + "qt.main_window": lambda m: timed(m.WalkthroughWindow, "__init__", "WalkthroughWindow()"),
}
def after_import(name, *args, **kwargs):
    module = watching_import(name, *args, **kwargs)
    if pending.get("pydantic.main") and "pydantic.main" in sys.modules and name.startswith("privacy_"):
        on_pydantic(pending.pop("pydantic.main"))  # once pydantic is wholly imported
    hook = pending.pop(name, None) if name in sys.modules else None
    if hook:
        hook(sys.modules[name])
    return module
builtins.__import__ = after_import
from privacy_walkthrough.app import main
main(sys.argv[5:])
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB, as MB
print(f"{MARK} {time.clock_gettime(time.CLOCK_MONOTONIC):.6f} {peak:.1f} quit (RSS: the peak)", flush=True)
"""


def one_start(home: Path, title: str) -> list[tuple[float, str, str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = [sys.executable, "-c", CHILD, MARK, ",".join(WATCHED), str(BENCH), title, "--data-dir", str(home)]
    start = time.clock_gettime(time.CLOCK_MONOTONIC)
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    found: list[tuple[float, str, str]] = []
    for line in done.stdout.splitlines():
        if line.startswith(MARK + " "):
            _mark, when, rss, what = line.split(" ", 3)
            found.append(((float(when) - start) * 1000, what, rss))
        elif line.startswith("PW_BENCH ") and len(parts := line.split()) == 3:
            found.append(((float(parts[2]) - start) * 1000, parts[1], ""))
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from scenario import resume_data

    from privacy_walkthrough.guides import load_default_guide

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        title = resume_data(home, load_default_guide())
        one_start(home, title)  # warm the file cache
        runs = [one_start(home, title) for _ in range(args.runs)]
    quickest = min(runs, key=lambda marks: next(t for t, what, _rss in marks if what == "step_shown"))
    print("| Moment | ms from the spawn | RSS, MB |\n| --- | --- | --- |")
    for when, what, rss in quickest:
        print(f"| {what} | {when:.0f} | {rss} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
