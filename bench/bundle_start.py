"""First paint of the self-contained app (``./dev bundle``) against the bare-QWizard reference.

    .venv/bin/python bench/run.py --only bundle --bundle dist/bundle/privacy-walkthrough/privacy-walkthrough

A frozen app cannot load the in-process paint probe (bench/first_paint.py), so these
figures are taken from outside, the same way for every program measured: each start runs
on one Xvfb server, and a watcher asks the X server's DAMAGE extension to report the moment
anything is first drawn into a new top-level window. Three programs alternate: the bundle,
the installed app (the wheel's ``privacy-walkthrough`` command, for comparison) and the
reference (bench/reference_wizard.py, which quits after its first paint; the others are
stopped then). The reference's own probe also reports its first paint, so each run checks
the outside measure against the inside one.

Needs Xvfb and python-xlib (``pip install python-xlib``); Linux only.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
TIMEOUT_S = 60


def now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


class Xvfb:
    """An Xvfb server on a free display, for the time of a with block."""

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *_exc: object) -> None:
        self.proc.terminate()
        self.proc.wait()


def first_drawn(argv: Sequence[str], env: dict[str, str], display_name: str) -> tuple[float, str, float]:
    """Start ``argv``: seconds from the spawn to the first drawing into a top-level window,
    what it printed, and the moment of the spawn (CLOCK_MONOTONIC)."""
    from Xlib import X, display
    from Xlib.ext import damage

    conn = display.Display(display_name)
    if not conn.has_extension("DAMAGE"):
        raise RuntimeError("this X server has no DAMAGE extension")
    conn.damage_query_version()
    root = conn.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    conn.sync()
    start = now()
    proc = subprocess.Popen(
        argv,
        env=dict(env, DISPLAY=display_name),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    drawn: float | None = None
    try:
        while drawn is None:
            if now() - start > TIMEOUT_S:
                raise RuntimeError(f"{argv[0]}: no window drawn in {TIMEOUT_S} s")
            if not conn.pending_events():
                select.select([conn.fileno()], [], [], 0.05)
                if not conn.pending_events():
                    if proc.poll() is not None:
                        raise RuntimeError(f"{argv[0]} ended ({proc.returncode}) before drawing a window")
                    continue
            event = conn.next_event()
            if event.type == X.CreateNotify and event.parent == root:
                # Watched from its creation: a window is mapped, then exposed, then painted.
                event.window.damage_create(damage.DamageReportNonEmpty)
                conn.flush()
            elif event.type == conn.extension_event.DamageNotify:
                drawn = now() - start
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        out = proc.communicate(timeout=30)[0] or ""
        conn.close()
    return drawn, out, start


def _probe_time(out: str, start_offset: float) -> float | None:
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[:2] == ["PW_BENCH", "first_paint"]:
            return float(parts[2]) - start_offset
    return None


def measure_bundle_start(launcher: Path, python: str, repeat: int, work: Path) -> dict[str, Any]:
    """``repeat`` alternating starts of the bundle, the installed app and the reference."""
    from scenario import resume_data

    from privacy_walkthrough.guides import load_default_guide

    home = work / "bundle-home"
    shutil.rmtree(home, ignore_errors=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        env[name] = str(home / name.lower())
    data = Path(env["XDG_DATA_HOME"]) / "privacy-walkthrough"
    resume_data(data, load_default_guide())
    installed = str(Path(python).parent / "privacy-walkthrough")
    programs = {
        "bundle": [str(launcher)],
        "installed": [installed],
        "reference": [python, str(BENCH / "reference_wizard.py")],
    }
    samples: dict[str, list[float]] = {name: [] for name in programs}
    samples["reference_probe"] = []
    with Xvfb() as display_name:
        for argv in programs.values():  # warm the file cache: no side pays for a cold disk
            first_drawn(argv, env, display_name)
        for _ in range(repeat):
            for name, argv in programs.items():
                seconds, out, spawned = first_drawn(argv, env, display_name)
                samples[name].append(seconds)
                if name == "reference":
                    probe = _probe_time(out, spawned)
                    if probe is not None:
                        samples["reference_probe"].append(probe)
            print(".", end="", flush=True)
    print()
    size = sum(p.stat().st_size for p in launcher.parent.rglob("*") if p.is_file() and not p.is_symlink())
    return {"samples": samples, "launcher": str(launcher), "unpacked_bytes": size}


SECTION_START = "<!-- bundle-start: written by bench/run.py --bundle -->"
SECTION_END = "<!-- /bundle-start -->"


def bundle_section(result: dict[str, Any], when: str, command: str) -> str:
    """The results.md section for the bundle's start, between markers so a run can replace it."""
    import statistics

    samples = result["samples"]
    med = {name: statistics.median(values) for name, values in samples.items() if values}
    ref = med["reference"]
    lowest, highest = (
        f(b / r for b, r in zip(samples["bundle"], samples["reference"], strict=True)) for f in (min, max)
    )
    ratio = med["bundle"] / ref
    probe_gap = (
        statistics.median(
            outside - inside
            for outside, inside in zip(samples["reference"], samples["reference_probe"], strict=False)
        )
        if samples["reference_probe"]
        else None
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = [
        f"| Reference: bare 10-page QWizard | {med['reference'] * 1000:.0f} ms | 1.00× | the yardstick | |",
        f"| Self-contained app (`./dev bundle`), resuming | {med['bundle'] * 1000:.0f} ms | {ratio:.2f}× "
        f"| ≤ 1.3× reference | {'yes' if ratio <= 1.3 else '**no**'} |",
        f"| Installed wheel (`privacy-walkthrough`), resuming | {med['installed'] * 1000:.0f} ms "
        f"| {med['installed'] / ref:.2f}× | for comparison | |",
    ]
    check = (
        f" For the reference, the outside measure minus its own in-process probe (bench/first_paint.py) "
        f"was {probe_gap * 1000:+.0f} ms (median): the probe marks the end of Qt's paint pass, the X "
        "server sees the pixels when Qt flushes them, and the watcher reads that report when the "
        "loaded machine schedules it."
        if probe_gap is not None
        else ""
    )
    return "\n".join(
        [
            SECTION_START,
            "## The self-contained app's first paint",
            "",
            f"Measured {when} with `{command}`: {len(samples['bundle'])} starts of each program, "
            "alternating bundle, installed app and reference, on one Xvfb server (the xcb platform, not "
            "offscreen: a frozen app cannot load the in-process probe, so all three are timed from "
            "outside, from the spawn to the X server's first DAMAGE report on a new top-level window; "
            "see bench/bundle_start.py). Saved progress resumes at step 7, as in the cold-start figure.",
            "",
            "| What | First paint (median) | Ratio | Target | Met |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"Bundle over the reference started in the same round: {lowest:.2f}× to {highest:.2f}×."
            f"{check} Unpacked bundle: {result['unpacked_bytes'] / 1e6:.1f} MB. The machine is shared "
            f"with several other builds and test runs (load average {load} at the end), so single "
            "figures move by tens of milliseconds between runs; the ratio of medians moves less.",
            SECTION_END,
        ]
    )


def replace_section(text: str, section: str) -> str:
    """``text`` with its bundle section replaced by ``section`` (or ``section`` appended)."""
    if SECTION_START in text and SECTION_END in text:
        head, rest = text.split(SECTION_START, 1)
        tail = rest.split(SECTION_END, 1)[1]
        return head + section + tail
    return text.rstrip("\n") + "\n\n" + section + "\n"


def existing_section(text: str) -> str | None:
    if SECTION_START in text and SECTION_END in text:
        return SECTION_START + text.split(SECTION_START, 1)[1].split(SECTION_END, 1)[0] + SECTION_END
    return None
