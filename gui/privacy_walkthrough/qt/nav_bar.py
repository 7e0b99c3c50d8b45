"""The bar under the pages: how far the person has come, Quick exit, Back and Next."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.walkthrough.flow import Walkthrough


class NavigationBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setAccessibleName(tr("Progress"))
        self.quick_exit_button = QPushButton(tr("&Quick exit"))
        self.quick_exit_button.setObjectName("quickExitButton")
        self.quick_exit_button.setAccessibleDescription(
            tr("Save and close the app at once. Shortcut: press Escape twice.")
        )
        self.back_button = QPushButton(tr("&Back"))
        self.back_button.setObjectName("backButton")
        self.next_button = QPushButton(tr("&Next"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.quick_exit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_bar)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.quick_exit_button)

    def show_state(self, walkthrough: Walkthrough) -> None:
        """The steps done so far, and whether Back and Next lead anywhere."""
        tally = walkthrough.tally()
        self.progress_bar.setRange(0, tally.total)
        self.progress_bar.setValue(tally.done)
        text = ntr("{done} of {n} done", "{done} of {n} done", tally.total, done=tally.done)
        self.progress_bar.setFormat(text)
        self.progress_bar.setAccessibleDescription(text)
        self.back_button.setEnabled(walkthrough.can_go_back)
        if walkthrough.can_go_next:
            self.next_button.setText(tr("&Next"))
            self.next_button.setAccessibleDescription(tr("Go to the next page"))
        else:  # the last page: Finish says that the progress is saved before it closes
            self.next_button.setText(tr("&Finish"))
            self.next_button.setAccessibleDescription(
                tr("Close the app; your progress is saved on this computer.")
            )
        self.next_button.setEnabled(True)
