"""Regenerate the README screenshots from the real app on a real (virtual) X display.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1280x900x24" python tools/screenshots.py docs/screenshots
It builds the real window on a throw-away data folder, walks to a few pages the way a
person would (through the window's own actions) and saves each as a PNG, light and dark.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.i18n import set_catalog
from privacy_walkthrough.core.progress_models import StepStatus
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.run import build_window


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(out: Path, scheme: str, size: tuple[int, int], pages: list[str]) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_look(app, scheme)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(Path(data))
        paths.ensure()
        window = build_window(paths, Dialogs())
        assert window is not None
        window.resize(*size)
        window.show()
        walkthrough = window.walkthrough
        for step_id, status in (
            ("what-imessage-protects", StepStatus.DONE),
            ("icloud-backup", StepStatus.DONE),
            ("advanced-data-protection", StepStatus.SKIPPED),
        ):
            walkthrough.set_status(step_id, status, "Lives in the UK" if status is StepStatus.SKIPPED else "")
        for page in pages:
            if page == "welcome":
                window.go_to_page(0)
            elif page == "summary":
                window.on_summary_triggered()
            else:
                window.go_to_page(walkthrough.page_index_of_step(page))
            settle(app)
            target = out / f"{page}-{scheme}.png"
            screen = window.screen()
            screen.grabWindow(window.winId()).save(str(target))
            written.append(target)
        window.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--schemes", default="light,dark")
    parser.add_argument("--size", default="1100x760")
    parser.add_argument("--pages", default="welcome,icloud-backup,summary")
    parser.add_argument("--pseudo-locale", action="store_true", help="stretch every string")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.pseudo_locale:
        set_catalog({}, pseudo=True)
    width, height = (int(v) for v in args.size.split("x"))
    for scheme in args.schemes.split(","):
        for path in shoot(args.out, scheme, (width, height), args.pages.split(",")):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
