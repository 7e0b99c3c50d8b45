"""Start the real app through its real entry point, with the paint probe watching.

    QT_QPA_PLATFORM=offscreen python bench/launch_app.py "Step title" --data-dir FOLDER

The first argument is the title of the step the saved progress resumes at; the rest go to
``privacy_walkthrough.app.main`` unchanged.  The only difference from the installed
``privacy-walkthrough`` command is that the QApplication is created here first (the app
reuses an existing one), so the probe's event filter is in place before anything paints;
``privacy_walkthrough.qt`` is imported with PySide6, as the app itself imports it.
"""

from __future__ import annotations

import sys

from first_paint import PaintProbe  # bench/ is on sys.path when this runs as a script
from PySide6.QtWidgets import QApplication

# What the app does as soon as it imports PySide6 (see privacy_walkthrough.qt.source_scan); here
# PySide6 comes first, for the probe, so the app's own modules would otherwise meet PySide6's hook first.
import privacy_walkthrough.qt  # noqa: F401


def main() -> int:
    title, argv = sys.argv[1], sys.argv[2:]
    app = QApplication(sys.argv[:1])
    probe = PaintProbe(app, title=title)

    from privacy_walkthrough.app import main as app_main

    status = app_main(argv)
    del probe
    return status


if __name__ == "__main__":
    sys.exit(main())
