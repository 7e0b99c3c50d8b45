"""The last page: every step with its status, what is still open, and the checklist actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import status_label
from privacy_walkthrough.core.progress_models import StepStatus
from privacy_walkthrough.core.walkthrough import Walkthrough
from privacy_walkthrough.qt.flow_layout import FlowLayout
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel

STEP_ID_ROLE = Qt.ItemDataRole.UserRole


class SummaryPage(QWidget):
    step_requested = Signal(str)
    print_requested = Signal()
    preview_requested = Signal()
    pdf_requested = Signal()
    person_name_edited = Signal(str)

    def __init__(self, icons: dict[StepStatus, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self._icons = icons
        self.tally_label = WrappedLabel(object_name="tallyLabel")
        self.steps_tree = QTreeWidget(self)
        self.steps_tree.setObjectName("summaryTree")
        self.steps_tree.setAccessibleName(tr("Every step and its status"))
        self.steps_tree.setAccessibleDescription(tr("Press Enter on a step to open it."))
        self.steps_tree.setHeaderLabels([tr("Step"), tr("Status"), tr("Done on")])
        self.steps_tree.setRootIsDecorated(False)
        self.steps_tree.setWordWrap(True)
        self.steps_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.steps_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.steps_tree.itemActivated.connect(self.on_steps_tree_item_activated)
        self.protected_label = WrappedLabel(object_name="protectedLabel")
        self.open_label = WrappedLabel(object_name="openLabel")
        self.exposed_label = WrappedLabel(
            tr(
                "What no setting can protect: whenever a device checks whether a phone number or email "
                "address can receive iMessage, Apple keeps a record of that lookup for up to 25 days and "
                "can hand it to police with legal process. Only not using iMessage avoids it."
            ),
            object_name="exposedLabel",
        )

        self.print_button = QPushButton(tr("&Print checklist…"), self)
        self.print_button.setObjectName("printButton")
        self.preview_button = QPushButton(tr("Print pre&view…"), self)
        self.preview_button.setObjectName("previewButton")
        self.pdf_button = QPushButton(tr("Save as P&DF…"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.print_button.clicked.connect(self.print_requested)
        self.preview_button.clicked.connect(self.preview_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.person_name_edit = QLineEdit(self)
        self.person_name_edit.setObjectName("personNameEdit")
        self.person_name_edit.setMaxLength(200)
        self.person_name_edit.setAccessibleName(tr("Prepared for (optional)"))
        self.person_name_edit.setPlaceholderText(tr("For example, a first name"))
        self.person_name_edit.editingFinished.connect(
            lambda: self.person_name_edited.emit(self.person_name_edit.text())
        )
        name_label = QLabel(tr("Prepared &for (optional):"), self)
        name_label.setBuddy(self.person_name_edit)
        self.include_notes_box = QCheckBox(tr("Include my private &notes"), self)
        self.include_notes_box.setObjectName("includeNotesBox")
        self.include_notes_box.setAccessibleDescription(
            tr("Notes are left out of the checklist unless you tick this")
        )
        options = QHBoxLayout()
        options.addWidget(name_label)
        options.addWidget(self.person_name_edit, 1)
        buttons = FlowLayout()
        for button in (self.print_button, self.preview_button, self.pdf_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(HeadingLabel(tr("Summary"), level=1))
        layout.addWidget(self.tally_label)
        layout.addWidget(self.steps_tree, 1)
        layout.addWidget(HeadingLabel(tr("What is protected, and what is not")))
        layout.addWidget(self.protected_label)
        layout.addWidget(self.open_label)
        layout.addWidget(self.exposed_label)
        layout.addWidget(HeadingLabel(tr("Your checklist")))
        layout.addLayout(options)
        layout.addWidget(self.include_notes_box)
        layout.addLayout(buttons)

    def show_walkthrough(self, walkthrough: Walkthrough) -> None:
        tally = walkthrough.tally()
        self.tally_label.setText(
            tr(
                "{done} of {total} steps done; {open} still open.",
                done=tally.done,
                total=tally.total,
                open=tally.total - tally.settled,
            )
        )
        if not self.person_name_edit.hasFocus():
            self.person_name_edit.setText(walkthrough.progress.person_name)
        self.steps_tree.clear()
        for step in walkthrough.guide.steps:
            entry = walkthrough.step_progress(step.id)
            done_on = entry.done_at.date().isoformat() if entry.done_at else ""
            status = status_label(entry.status)
            if entry.status is StepStatus.SKIPPED and entry.skip_reason:
                status = tr("{status}: {reason}", status=status, reason=entry.skip_reason)
            item = QTreeWidgetItem([step.title, status, done_on])
            item.setIcon(1, self._icons[entry.status])
            item.setData(0, STEP_ID_ROLE, step.id)
            self.steps_tree.addTopLevelItem(item)
        done_titles = [
            step.title
            for step in walkthrough.guide.steps
            if walkthrough.status(step.id) in (StepStatus.DONE, StepStatus.ACKNOWLEDGED)
        ]
        open_titles = [s.title for s in walkthrough.open_steps()]
        protected = (
            tr("Now protected or understood: {steps}.", steps="; ".join(done_titles))
            if done_titles
            else tr("No step is done yet.")
        )
        still_open = (
            tr("Still open: {steps}.", steps="; ".join(open_titles))
            if open_titles
            else tr("No step is open.")
        )
        self.protected_label.setText(protected)
        self.open_label.setText(still_open)

    def on_steps_tree_item_activated(self, item: QTreeWidgetItem) -> None:
        self.step_requested.emit(str(item.data(0, STEP_ID_ROLE)))
