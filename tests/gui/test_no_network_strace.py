"""No network, seen from outside: a full walk through the window and every export run under
``strace -f -e trace=network``; any socket but the display's fails the test.

The other network test patches Python's ``socket``; this one also sees Qt, its plugins and
any library the app loads, in every process and thread.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")

WALK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from privacy_walkthrough.app import main
    from privacy_walkthrough.paths import AppPaths
    from privacy_walkthrough.qt.run import build_window
    from privacy_walkthrough.core.progress.models import StepStatus
    from tests.helpers import ScriptedDialogs

    out = Path(sys.argv[1])
    app = QApplication([])
    paths = AppPaths.resolve(out / "data")
    paths.ensure()
    window = build_window(paths, ScriptedDialogs())
    window.show()
    walkthrough = window.walkthrough
    for index in range(len(walkthrough.pages)):
        window.go_to_page(index)
        page = walkthrough.current
        if page.kind.name == "STEP":
            walkthrough.set_status(page.key, StepStatus.SKIPPED, "not now")
        app.processEvents()
    window.file_commands.dialogs.save_paths = [out / "walk.pdf", out / "walk.json"]
    window.file_commands.save_pdf()
    window.file_commands.save_progress_file()
    window.close()
    for fmt in ("pdf", "html", "md", "json"):
        target = str(out / f"export.{fmt}")
        main(["export", "--format", fmt, "--output", target, "--data-dir", str(paths.data)])
    print("walked", len(walkthrough.pages), "pages")
    """
)


def sockets_other_than_the_display(trace: str) -> list[str]:
    """The trace's socket calls, less AF_UNIX ones that reach an X display socket."""
    display = re.compile(r"/tmp/\.X11-unix/X\d+")
    unix_fds: set[tuple[str, str]] = set()
    bad = []
    for line in trace.splitlines():
        pid = line.split()[0]
        if re.search(r"\bsocket\(AF_UNIX", line):
            fd = line.rsplit("=", 1)[-1].strip()
            unix_fds.add((pid, fd))
            continue
        if re.search(r"\bconnect\((\d+), \{sa_family=AF_UNIX", line) and display.search(line):
            continue
        if re.search(r"\b(socket|connect|sendto|sendmsg|bind)\(", line):
            bad.append(line)
    return bad


def traced(trace: Path, *command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``command`` under strace, its network calls (and its children's) written to ``trace``."""
    return subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=network", "-o", str(trace), *command],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=Path(__file__).parents[2],
    )


def test_a_full_walk_and_every_export_open_no_socket(tmp_path: Path) -> None:
    script = tmp_path / "walk.py"
    script.write_text(WALK, encoding="utf-8")
    trace = tmp_path / "trace.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    done = traced(trace, sys.executable, str(script), str(tmp_path), env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "walked" in done.stdout
    for name in ("walk.pdf", "walk.json", "export.pdf", "export.html", "export.md", "export.json"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert sockets_other_than_the_display(trace.read_text()) == []


def test_the_trace_does_see_a_socket(tmp_path: Path) -> None:
    """The check itself: a program that opens a socket is caught."""
    trace = tmp_path / "trace.txt"
    done = traced(
        trace,
        sys.executable,
        "-c",
        "import socket; socket.socket(socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET)",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert sockets_other_than_the_display(trace.read_text())
