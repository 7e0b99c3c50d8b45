"""Regenerate the README screenshots from the real app on a real (virtual) X display.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1280x900x24" python tools/screenshots.py docs/screenshots
At 800×600 with doubled text:  … tools/screenshots.py OUT --size 800x600 --text-scale 2
It builds the real window on a throw-away data folder, walks to a few pages the way a
person would (through the window's own actions) and saves each as a PNG, light and dark.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.i18n import current_language, set_catalog
from privacy_walkthrough.core.progress.models import Answers, Device, StepStatus
from privacy_walkthrough.core.progress.profiles import ProfileRegistry
from privacy_walkthrough.paths import AppPaths
from privacy_walkthrough.qt.dialogs import Dialogs
from privacy_walkthrough.qt.language import apply_language
from privacy_walkthrough.qt.look import apply_look
from privacy_walkthrough.qt.run import build_window
from privacy_walkthrough.translations import use_language


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


PROFILE_DEMO = {
    "Alex": (
        [Device(id="d1", kind=DeviceKind.IPHONE, name="Alex's iPhone", os_version="17.5")],
        Answers(lives_in_uk=True, can_cope_without_recovery=True),
    ),
    "Sam": (
        [
            Device(id="d1", kind=DeviceKind.IPHONE, os_version="18.1"),
            Device(id="d2", kind=DeviceKind.IPAD, name="Old iPad", os_version="16.1"),
            Device(id="d3", kind=DeviceKind.MAC, os_version="15"),
        ],
        Answers(lives_in_uk=False, can_cope_without_recovery=False),
    ),
}


def shoot(out: Path, scheme: str, size: tuple[int, int], pages: list[str]) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_language(app)
    apply_look(app, scheme)
    suffix = "" if current_language() in {"en", "en-pseudo"} else f"-{current_language()}"
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(Path(data))
        paths.ensure()
        window = build_window(paths, Dialogs(), None, current_language())
        assert window is not None
        window.resize(*size)
        window.show()
        walkthrough = window.walkthrough
        devices, answers = PROFILE_DEMO["Sam"]
        walkthrough.set_devices(devices)
        walkthrough.set_answers(answers)
        walkthrough.set_status("what-imessage-protects", StepStatus.DONE)
        walkthrough.set_device_done("icloud-backup", devices[0].id, True)
        walkthrough.set_status("advanced-data-protection", StepStatus.SKIPPED, "Old iPad first")
        for page in pages:
            if page == "welcome":
                window.go_to_page(0)
            elif page == "setup":
                window.go_to_page(1)
            elif page == "summary":
                window.on_summary_triggered()
            else:
                window.go_to_page(walkthrough.page_index_of_step(page))
            settle(app)
            target = out / f"{page}-{scheme}{suffix}.png"
            screen = window.screen()
            screen.grabWindow(window.winId()).save(str(target))
            written.append(target)
        window.close()
    return written


def shoot_profiles(out: Path, step_id: str, size: tuple[int, int]) -> list[Path]:
    """The same step for two people: what differs comes only from their devices and answers."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_look(app, "light")
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(Path(data))
        paths.ensure()
        registry = ProfileRegistry(paths.data)
        for name, (devices, answers) in PROFILE_DEMO.items():
            registry.set_last_used(registry.create(name).id)
            window = build_window(paths, Dialogs())
            assert window is not None
            window.resize(*size)
            window.show()
            window.walkthrough.set_devices(devices)
            window.walkthrough.set_answers(answers)
            window.go_to_page(window.walkthrough.page_index_of_step(step_id))
            settle(app)
            target = out / f"{step_id}-{name.lower()}.png"
            window.screen().grabWindow(window.winId()).save(str(target))
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
    parser.add_argument("--profiles-step", help="instead: this step for two demo profiles")
    parser.add_argument("--lang", help="the app's language, e.g. es or ar (files get a -es/-ar suffix)")
    parser.add_argument(
        "--text-scale", type=float, default=1.0, help="the person's text size, 2 for 200 %% (default 1)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.pseudo_locale:
        set_catalog({}, pseudo=True)
    elif args.lang:
        use_language(args.lang)
    if args.text_scale != 1.0:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * args.text_scale)
        app.setFont(font)
    width, height = (int(v) for v in args.size.split("x"))
    if args.profiles_step:
        for path in shoot_profiles(args.out, args.profiles_step, (width, height)):
            print(path)
        return 0
    for scheme in args.schemes.split(","):
        for path in shoot(args.out, scheme, (width, height), args.pages.split(",")):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
