"""A screen reader, through the real AT-SPI bus, hears a section's arrow as a button that is
expandable and collapsed or expanded, never as checked or not checked, and can press it.

Needs a D-Bus session with the AT-SPI bus launcher, gdbus and Xvfb (CI installs them); the
window runs under the xcb platform, as on a desktop, in a child process (see atspi_probe.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
PROBE = Path(__file__).with_name("atspi_probe.py")


def test_a_screen_reader_hears_expanded_and_collapsed() -> None:
    missing = [tool for tool in ("dbus-run-session", "gdbus", "xvfb-run") if shutil.which(tool) is None]
    if missing or not LAUNCHER.exists():
        pytest.skip(f"AT-SPI tools missing: {missing or [str(LAUNCHER)]} (CI installs them)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update(QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb", PYTHONPATH=os.getcwd())
    script = (
        f"{LAUNCHER} --launch-immediately & sleep 1; "
        f'xvfb-run -a -s "-screen 0 1280x900x24" "{sys.executable}" "{PROBE}"'
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads(lines[-1])
    before, after = result["before"]["buttons"], result["after"]["buttons"]
    assert len(before) == 1 and len(after) == 1, result  # the page on show has one
    pressed = before[0], after[0]
    assert all(b["role"] == "('push button',)" for b in pressed), result
    assert pressed[0]["states"] == ["collapsed", "expandable"], result  # not "checkable"
    assert "Press" in pressed[0]["action"], result
    assert result["open_before"] is False and result["open_after"] is True, result
    assert pressed[1]["states"] == ["expandable", "expanded"], result  # not "checked"
