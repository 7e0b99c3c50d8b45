"""Each start-up lever's effect: the app with one lever undone, against the app as shipped.

    .venv/bin/python bench/levers.py                  # 10 rounds
    .venv/bin/python bench/levers.py --rounds 15 --only source-scan,plugins

A round starts, in turn, the app as shipped, the app with each lever undone, and the bare
10-page QWizard (bench/reference_wizard.py), so that the machine's drift hits all alike.
Each start is bench/launch_app.py's (offscreen, resuming at step 7, the paint probe watching)
with one lever undone first (``UNDO`` below, in the child process only).  The table gives
medians over the rounds: the first painted window and the resumed step fully shown (ms from
the spawn, and as times the reference), the process's CPU time (user and system, to its exit
just after that paint: it moves far less than the clock when other work shares the machine)
and the peak RSS (MB, and over the reference).  The levers:

- ``source-scan``: PySide6 reads the source of every module imported after it again
  (privacy_walkthrough.qt.source_scan undone);
- ``plugins``: pydantic's own plugin loader, which searches the installed packages' entry
  points when the first validator is built (records._no_pydantic_plugins undone);
- ``no-defer-build``: every model's validator built when its class is made;
- ``type-adapter``: each file kind validated through a ``TypeAdapter`` of its model (one per
  kind, kept) instead of the model's own ``model_validate``.

``plugins``, ``no-defer-build`` and ``type-adapter`` import pydantic before the app starts, so
their first paint is not comparable; the resumed step is (it counts everything from the spawn).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SHIPPED = "as shipped"
REFERENCE = "reference"

# Run in the child before bench/launch_app.py; LEVER names the lever to undo.
UNDO = r"""
import os, runpy, sys
lever = os.environ["PW_LEVER"]
if lever == "source-scan":
    import PySide6.QtCore
    feature = sys.modules["shibokensupport.feature"]
    by_source = feature._mod_uses_pyside
    import privacy_walkthrough.qt  # stops the scan...
    feature._mod_uses_pyside = by_source  # ...and this puts it back
elif lever == "plugins":
    import pydantic.plugin._loader  # the real loader, in place before the records' stand-in
elif lever == "no-defer-build":
    from pydantic._internal import _config
    for_model = _config.ConfigWrapper.for_model.__func__
    def eager(cls, bases, namespace, kwargs):
        wrapper = for_model(cls, bases, namespace, kwargs)
        wrapper.config_dict["defer_build"] = False
        return wrapper
    _config.ConfigWrapper.for_model = classmethod(eager)
elif lever == "type-adapter":
    import functools
    import privacy_walkthrough.core.content.records as records
    from pydantic import TypeAdapter, ValidationError
    adapter = functools.cache(TypeAdapter)
    def parse(data, kind):
        try:
            return adapter(kind).validate_python(data)
        except ValidationError as error:
            raise records.RecordError(records.problems_of(error)) from None
    records.parse = parse  # before the loader and the store import it
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(sys.argv[0]))
runpy.run_path(sys.argv[0], run_name="__main__")
"""
LEVERS = {
    "source-scan": "PySide6 reads every module's source",
    "plugins": "pydantic searches for plugins",
    "no-defer-build": "no defer_build",
    "type-adapter": "a TypeAdapter per file kind",
}


def one_start(lever: str, title: str, home: Path) -> tuple[dict[str, float], float, float]:
    """Markers (ms from the spawn), peak RSS (MB) and CPU time (ms, user + system) of one start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PW_LEVER=lever)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if lever == REFERENCE:
        argv = [sys.executable, str(BENCH / "reference_wizard.py")]
    else:
        argv = [sys.executable, "-c", UNDO, str(BENCH / "launch_app.py"), title, "--data-dir", str(home)]
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.clock_gettime(time.CLOCK_MONOTONIC)
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=env, text=True)
        assert child.stdout is not None
        out = child.stdout.read()
        _pid, status, usage = os.wait4(child.pid, 0)  # wait4: this child's own peak RSS
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise RuntimeError(f"{lever}: {errors.read()}")
    marks = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "PW_BENCH":
            marks[parts[1]] = (float(parts[2]) - start) * 1000
    return marks, usage.ru_maxrss * 1024 / 1e6, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--only", help="levers to undo, comma-separated (default: all)")
    args = parser.parse_args()
    levers = args.only.split(",") if args.only else list(LEVERS)
    if unknown := set(levers) - set(LEVERS):
        parser.error(f"unknown levers: {', '.join(sorted(unknown))} (known: {', '.join(LEVERS)})")
    sys.path.insert(0, str(BENCH))
    from scenario import resume_data

    from privacy_walkthrough.guides import load_default_guide

    programs = [SHIPPED, *levers, REFERENCE]
    paint: dict[str, list[float]] = {name: [] for name in programs}
    step: dict[str, list[float]] = {name: [] for name in programs}
    rss: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        title = resume_data(home, load_default_guide())
        for name in programs:  # not counted: the file cache warmed for each
            one_start(name, title, home)
        for _ in range(args.rounds):
            for name in programs:
                marks, peak, used = one_start(name, title, home)
                paint[name].append(marks["first_paint"])
                step[name].append(marks.get("step_shown", float("nan")))
                rss[name].append(peak)
                cpu[name].append(used)
            print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    med = statistics.median
    ref_paint, ref_rss = med(paint[REFERENCE]), med(rss[REFERENCE])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.rounds} rounds; load average at the end: {load}\n")
    print("| Program | First paint | Resumed step | CPU time | Peak RSS |\n| --- | --- | --- | --- | --- |")
    for name in programs:
        first = med(paint[name])
        cells = [f"{first:.0f} ms ({first / ref_paint:.2f}×)"]
        if name == REFERENCE:
            cells.append("")
        else:
            shown = med(step[name])
            cells.append(f"{shown:.0f} ms ({shown / ref_paint:.2f}×)")
        cells.append(f"{med(cpu[name]):.0f} ms")
        peak = med(rss[name])
        cells.append(f"{peak:.1f} MB" + ("" if name == REFERENCE else f" (+{peak - ref_rss:.1f})"))
        label = name if name in (SHIPPED, REFERENCE) else f"as shipped, but {LEVERS[name]}"
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
