"""Run by tests/gui/test_atspi_sections.py inside a private D-Bus session with the AT-SPI bus,
on Xvfb: opens the real window on a step, then asks AT-SPI, from another process as a screen
reader would, what the "Why it matters" arrow is, presses it through AT-SPI's Action
interface, and asks again.  Prints one JSON line: the answers and whether the section opened.

The walk runs in a child process (``--walk``) because the window answers AT-SPI's questions
on its own event loop, which must keep running meanwhile.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

NAME = "Why it matters"
STATES = {"checked": 4, "collapsed": 5, "expandable": 9, "expanded": 10, "checkable": 41}
SHOWING = 25
CHILD = re.compile(r"\('([^']+)', (?:objectpath )?'([^']+)'\)")


def gdbus(*args: str) -> str:
    done = subprocess.run(["gdbus", "call", *args], capture_output=True, text=True, timeout=30, check=False)
    return done.stdout


def walk(press: bool) -> dict[str, object]:
    """Every push button named NAME in the app's AT-SPI tree: its states (pressing the first)."""
    found = re.search(
        r"'([^']+)'",
        gdbus(
            "--session",
            "--dest",
            "org.a11y.Bus",
            "--object-path",
            "/org/a11y/bus",
            "--method",
            "org.a11y.Bus.GetAddress",
        ),
    )
    assert found is not None, "no AT-SPI bus"
    address = found.group(1)

    def call(name: str, path: str, method: str, *args: str) -> str:
        return gdbus("--address", address, "--dest", name, "--object-path", path, "--method", method, *args)

    apps = CHILD.findall(
        call(
            "org.a11y.atspi.Registry",
            "/org/a11y/atspi/accessible/root",
            "org.a11y.atspi.Accessible.GetChildren",
        )
    )
    buttons: list[dict[str, object]] = []
    stack = list(apps)
    while stack:
        name, path = stack.pop()
        label = call(name, path, "org.freedesktop.DBus.Properties.Get", "org.a11y.atspi.Accessible", "Name")
        if f"'{NAME}'" in label:
            role = call(name, path, "org.a11y.atspi.Accessible.GetRoleName")
            if "button" in role:
                words = call(name, path, "org.a11y.atspi.Accessible.GetState").replace("uint32", "")
                low, high = (int(n) for n in re.findall(r"\d+", words)[:2])
                bits = low | high << 32
                states = sorted(s for s, bit in STATES.items() if bits >> bit & 1)
                if bits >> SHOWING & 1:  # on the page shown (the next page is built ahead, hidden)
                    action = call(name, path, "org.a11y.atspi.Action.GetName", "0")
                    buttons.append({"role": role.strip(), "states": states, "action": action.strip()})
                    if press:
                        call(name, path, "org.a11y.atspi.Action.DoAction", "0")
        stack += CHILD.findall(call(name, path, "org.a11y.atspi.Accessible.GetChildren"))
    return {"buttons": buttons}


def main() -> int:
    from PySide6.QtCore import QProcess, QTimer
    from PySide6.QtWidgets import QApplication

    from privacy_walkthrough.core.view_settings import Section
    from privacy_walkthrough.paths import AppPaths
    from privacy_walkthrough.qt.dialogs import Dialogs
    from privacy_walkthrough.qt.language import apply_language
    from privacy_walkthrough.qt.run import build_window

    app = QApplication(sys.argv[:1])
    apply_language(app, "en")
    paths = AppPaths.resolve(Path(tempfile.mkdtemp()))
    paths.ensure()
    window = build_window(paths, Dialogs(), None, "en")
    assert window is not None
    window.resize(1100, 760)
    window.show()
    window.go_to_page(window.walkthrough.page_index_of_step("icloud-backup"))
    section = window.step_page.sections[Section.WHY]
    result: dict[str, object] = {"open_before": section.is_open()}
    children: list[QProcess] = []

    def ask(key: str, press: bool, then: object) -> None:
        child = QProcess(app)
        children.append(child)

        def finished() -> None:
            output = bytes(child.readAllStandardOutput().data()).decode()
            result[key] = json.loads(output.strip().splitlines()[-1]) if output.strip() else output
            then()  # type: ignore[operator]

        child.finished.connect(finished)
        child.start(sys.executable, [__file__, "--walk", *(["--press"] if press else [])])

    def after_press() -> None:
        result["open_after"] = section.is_open()
        ask("after", False, app.quit)

    QTimer.singleShot(500, lambda: ask("before", True, after_press))
    QTimer.singleShot(180_000, app.quit)  # never hang a test run: the test then fails on what is missing
    app.exec()
    print(json.dumps(result), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    if "--walk" in sys.argv:
        print(json.dumps(walk(press="--press" in sys.argv)), flush=True)
        sys.exit(0)
    sys.exit(main())
