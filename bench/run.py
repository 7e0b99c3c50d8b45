"""The start-up and responsiveness benchmark: run it with the Python the app is installed in.

    .venv/bin/python bench/run.py                # everything, 10 repetitions, writes bench/results.md
    .venv/bin/python bench/run.py --repeat 20 --skip-size --baseline bench/before.json

It is not part of the test suite.  Every figure is a median over at least 10 repetitions:

1. cold start, offscreen, resuming saved progress: process start to the first painted window,
   and to the resumed step fully shown, against bench/reference_wizard.py (a bare PySide6
   10-page QWizard that quits after its first paint); runs alternate app / reference;
2. peak memory (RSS) of those runs;
3. Next, from page to painted page, over the whole shipped guide (median and 95th percentile);
4. saving after a change (atomic, with fsync);
5. the checklist as PDF, shipped guide and a synthetic 1,000-step guide;
6. loading and validating both guides;
7. (unless --skip-size) the installed size of the app and its dependencies in a fresh venv;
8. (with --bundle LAUNCHER) the self-contained app's first paint against the reference,
   under Xvfb (bench/bundle_start.py); ``--only bundle --bundle LAUNCHER`` runs only that and
   rewrites only its section of bench/results.md.

Raw samples go to bench/out/results.json; the table to bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from report import Figures, write_report
from sysinfo import machine

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
MARKER = "PW_BENCH"


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _spawn(argv: list[str]) -> tuple[dict[str, float], int]:
    """Run one process; returns its markers (seconds after the spawn) and its peak RSS in KiB."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.clock_gettime(time.CLOCK_MONOTONIC)
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=_child_env(), text=True)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)  # not proc.wait(): wait4 also gives this child's rusage
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read()
    markers = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == MARKER:
            markers[parts[1]] = float(parts[2]) - start
    if proc.returncode != 0 or "timeout" in markers:
        raise RuntimeError(f"{argv} failed ({proc.returncode}):\n{out}\n{err}")
    return markers, usage.ru_maxrss


def measure_start(repeat: int, work: Path) -> dict[str, list[float]]:
    """Cold starts as a person makes them: no options, progress in the usual (XDG) folders."""
    from scenario import resume_data

    from privacy_walkthrough.guides import load_default_guide
    from privacy_walkthrough.paths import AppPaths

    home = work / "start-home"
    shutil.rmtree(home, ignore_errors=True)
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):  # children inherit these
        os.environ[name] = str(home / name.lower())
    title = resume_data(AppPaths.resolve(None).data, load_default_guide())
    python = sys.executable
    app = [python, str(BENCH / "launch_app.py"), title]
    reference = [python, str(BENCH / "reference_wizard.py")]
    samples: dict[str, list[float]] = {
        "app_first_paint": [],
        "app_step_shown": [],
        "app_rss_kib": [],
        "ref_first_paint": [],
        "ref_rss_kib": [],
    }
    _spawn(app)  # warm the file cache: neither side pays for a cold disk
    _spawn(reference)
    for _ in range(repeat):
        markers, rss = _spawn(app)
        samples["app_first_paint"].append(markers["first_paint"])
        samples["app_step_shown"].append(markers["step_shown"])
        samples["app_rss_kib"].append(rss)
        markers, rss = _spawn(reference)
        samples["ref_first_paint"].append(markers["first_paint"])
        samples["ref_rss_kib"].append(rss)
        print(".", end="", flush=True)
    print()
    return samples


def measure(kind: str, work: Path, repeat: int, guide: str = "shipped") -> dict[str, Any]:
    argv = [sys.executable, str(BENCH / "measure.py"), kind, "--guide", guide, "--repeat", str(repeat)]
    done = subprocess.run(
        [*argv, "--work", str(work)], capture_output=True, text=True, env=_child_env(), check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure_cold_loads(repeat: int, work: Path, guide: str) -> list[float]:
    return [measure("load-cold", work, 1, guide)["load_cold"][0] for _ in range(repeat)]


def _du_kib(path: Path) -> int:
    done = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0])


def measure_size(work: Path) -> dict[str, Any]:
    """pip install the project into a fresh venv and measure site-packages, package by package."""
    venv = work / "size-venv"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    quiet = ["--quiet", "--disable-pip-version-check"]
    subprocess.run([python, "-m", "pip", "install", *quiet, str(REPO)], check=True, capture_output=True)
    listing = subprocess.run(
        [python, "-m", "pip", "list", "--format", "json"], check=True, capture_output=True, text=True
    )
    site = next((venv / "lib").glob("python3*/site-packages"))
    tooling = {"pip", "setuptools", "_distutils_hack", "pkg_resources"}
    packages: dict[str, int] = {}
    for entry in site.iterdir():
        name = entry.name.split("-")[0].lower()
        if entry.name.endswith((".dist-info", ".pth")) or name == "__pycache__" or name in tooling:
            continue
        packages[entry.name] = _du_kib(entry)
    qt = site / "PySide6" / "Qt"
    pyside = {f"Qt/{entry.name}": _du_kib(entry) for entry in qt.iterdir() if entry.is_dir()}
    pyside["bindings, stubs and tools"] = packages["PySide6"] - _du_kib(qt)
    result = {
        "site_packages_kib": _du_kib(site),
        "packages_kib": packages,
        "without_tooling_kib": sum(packages.values()),
        "pyside6_folders_kib": {name: kib for name, kib in pyside.items() if kib >= 1024},
        "versions": {p["name"]: p["version"] for p in json.loads(listing.stdout) if p["name"] not in tooling},
    }
    shutil.rmtree(venv, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=10, help="repetitions of each measurement (at least 10)"
    )
    parser.add_argument("--skip-size", action="store_true", help="do not build a venv to measure the size")
    parser.add_argument(
        "--only", choices=("start", "steps", "save", "pdf", "load", "bundle"), action="append"
    )
    parser.add_argument(
        "--bundle", type=Path, help="the launcher printed by ./dev bundle (Linux, needs Xvfb)"
    )
    parser.add_argument("--baseline", type=Path, help="an earlier results.json, shown as a 'before' column")
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    args = parser.parse_args()
    if args.repeat < 10 and not args.only:
        parser.error("use at least 10 repetitions for the report")
    sys.path.insert(0, str(BENCH))
    work = OUT / "work"
    work.mkdir(parents=True, exist_ok=True)
    wanted = set(
        args.only or ("start", "steps", "save", "pdf", "load", *(("bundle",) if args.bundle else ()))
    )
    if "bundle" in wanted and args.bundle is None:
        parser.error("--only bundle needs --bundle LAUNCHER (the last line ./dev bundle prints)")
    results: dict[str, Any] = {"repeat": args.repeat, "when": dt.datetime.now().astimezone().isoformat()}
    results["machine"] = machine()
    if "start" in wanted:
        print("cold start, app and reference alternating", end=" ", flush=True)
        results["start"] = measure_start(args.repeat, work)
    if "steps" in wanted:
        print("moving between steps", flush=True)
        results["steps"] = measure("steps", work, args.repeat)
    if "save" in wanted:
        print("saving", flush=True)
        results["save"] = measure("save", work, args.repeat * 5)
    if "pdf" in wanted:
        print("PDF export", flush=True)
        results["pdf_shipped"] = measure("pdf", work, args.repeat, "shipped")
        results["pdf_synthetic"] = measure("pdf", work, args.repeat, "synthetic")
    if "load" in wanted:
        print("loading and validating", flush=True)
        results["load_shipped"] = measure("load", work, args.repeat, "shipped")
        results["load_synthetic"] = measure("load", work, args.repeat, "synthetic")
        results["load_cold_shipped"] = measure_cold_loads(args.repeat, work, "shipped")
        results["load_cold_synthetic"] = measure_cold_loads(args.repeat, work, "synthetic")
    if "bundle" in wanted:
        from bundle_start import measure_bundle_start

        print("the self-contained app's first paint, bundle / installed / reference", end=" ", flush=True)
        results["bundle_start"] = measure_bundle_start(
            args.bundle.resolve(), sys.executable, args.repeat, work
        )
    if wanted == {"bundle"}:
        return _write_bundle_section(results, args.output)
    if not args.skip_size:
        print("installed size (a fresh venv)", flush=True)
        results["size"] = measure_size(work)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    command = " ".join(["python", "bench/run.py", *sys.argv[1:]])
    text = write_report(Figures(results), Figures(baseline) if baseline else None, command)
    text = _with_bundle_section(text, results, args.output)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


def _command() -> str:
    return " ".join(["python", "bench/run.py", *sys.argv[1:]])


def _with_bundle_section(text: str, results: dict[str, Any], output: Path) -> str:
    """The report with this run's bundle figures, or those of the last run that had them."""
    from bundle_start import bundle_section, existing_section, replace_section

    if "bundle_start" in results:
        section = bundle_section(results["bundle_start"], results["when"][:16].replace("T", " "), _command())
        return replace_section(text, section)
    old = existing_section(output.read_text(encoding="utf-8")) if output.exists() else None
    return replace_section(text, old) if old else text


def _write_bundle_section(results: dict[str, Any], output: Path) -> int:
    text = output.read_text(encoding="utf-8") if output.exists() else "# Benchmark results\n"
    text = _with_bundle_section(text, results, output)
    output.write_text(text, encoding="utf-8")
    print(text[text.index("<!-- bundle-start") :])
    return 0


if __name__ == "__main__":
    sys.exit(main())
