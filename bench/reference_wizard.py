"""The reference: a bare PySide6 script that opens a 10-page QWizard and quits after the first paint.

    QT_QPA_PLATFORM=offscreen python bench/reference_wizard.py

It is what "as fast as a bare Qt window" means in bench/results.md.
"""

from __future__ import annotations

import sys

from first_paint import PaintProbe  # bench/ is on sys.path when this runs as a script
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

PAGES = 10


def main() -> int:
    app = QApplication(sys.argv[:1])
    probe = PaintProbe(app)
    wizard = QWizard()
    wizard.setWindowTitle("Reference wizard")
    for number in range(1, PAGES + 1):
        page = QWizardPage()
        page.setTitle(f"Page {number} of {PAGES}")
        page.setSubTitle("A page of the reference wizard.")
        layout = QVBoxLayout(page)
        label = QLabel(f"This is page {number}. It holds a line of text, like a simple step would.")
        label.setWordWrap(True)
        layout.addWidget(label)
        wizard.addPage(page)
    wizard.resize(1100, 760)
    wizard.show()
    status = app.exec()
    del probe
    return status


if __name__ == "__main__":
    sys.exit(main())
