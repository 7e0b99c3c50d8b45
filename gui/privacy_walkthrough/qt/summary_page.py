"""The last page: every step with its status, what is still open, and the checklist actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.checklist.model import lookup_logs
from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.labels import device_label
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.views import is_choice
from privacy_walkthrough.qt.flow_layout import FlowLayout
from privacy_walkthrough.qt.status_table import StepStatusTable
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel, fill_with_scrolling


class SummaryPage(QWidget):
    step_requested = Signal(str)
    print_requested = Signal()
    preview_requested = Signal()
    pdf_requested = Signal()
    person_name_edited = Signal(str)

    def __init__(self, icons: dict[StepStatus, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.tally_label = WrappedLabel(object_name="tallyLabel")
        self.steps_table = StepStatusTable(icons, self)
        self.steps_table.step_requested.connect(self.step_requested)
        self.protected_label = WrappedLabel(object_name="protectedLabel")
        self.open_label = WrappedLabel(object_name="openLabel")
        self.choices_label = WrappedLabel(object_name="choicesLabel")
        self.recheck_label = WrappedLabel(object_name="recheckLabel")
        self.exposed_label = WrappedLabel(
            tr("What no setting can protect: {text}", text=lookup_logs()), object_name="exposedLabel"
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

        body = QWidget()
        body.setObjectName("summaryBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(HeadingLabel(tr("Summary"), level=1))
        layout.addWidget(self.tally_label)
        layout.addWidget(self.steps_table)
        layout.addWidget(HeadingLabel(tr("What is protected, and what is not")))
        layout.addWidget(self.protected_label)
        layout.addWidget(self.recheck_label)
        layout.addWidget(self.open_label)
        layout.addWidget(self.choices_label)
        layout.addWidget(self.exposed_label)
        layout.addWidget(HeadingLabel(tr("Your checklist")))
        layout.addLayout(options)
        layout.addWidget(self.include_notes_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        fill_with_scrolling(self, body)

    def show_walkthrough(self, walkthrough: Walkthrough) -> None:
        tally = walkthrough.tally()
        counts = ntr(
            "{done} of {n} step done; {open} still open.",
            "{done} of {n} steps done; {open} still open.",
            tally.total,
            done=tally.done,
            open=tally.still_open,
        )
        if tally.choices:
            counts = ntr(
                "{counts} {n} step only if you decide to.",
                "{counts} {n} steps only if you decide to.",
                tally.choices,
                counts=counts,
            )
        self.tally_label.setText(counts)
        if not self.person_name_edit.hasFocus():
            self.person_name_edit.setText(walkthrough.progress.person_name)
        views = [walkthrough.step_view(step_id) for step_id in walkthrough.guide.step_ids]
        self.steps_table.show_views(views)
        done_titles = [v.step.title for v in views if v.status.is_finished]
        open_titles = [v.step.title for v in views if not v.status.is_settled and not is_choice(v.step)]
        protected = (
            tr("Now protected or understood: {steps}.", steps=tr("; ").join(done_titles))
            if done_titles
            else tr("No step is done yet.")
        )
        still_open = (
            tr("Still open: {steps}.", steps=tr("; ").join(open_titles))
            if open_titles
            else tr("No step is open.")
        )
        self.protected_label.setText(protected)
        recheck = [
            tr(
                "{step} (on {devices})",
                step=v.step.title,
                devices=tr(", ").join(device_label(d, v.all_devices) for d in v.recheck),
            )
            for v in views
            if v.recheck
        ]
        self.recheck_label.setVisible(bool(recheck))
        self.recheck_label.setText(
            tr("Check again after system updates: {steps}.", steps=tr("; ").join(recheck)) if recheck else ""
        )
        self.open_label.setText(still_open)
        choices = [v.step.title for v in views if not v.status.is_settled and is_choice(v.step)]
        self.choices_label.setVisible(bool(choices))
        self.choices_label.setText(
            tr("Only if you decide to: {steps}.", steps=tr("; ").join(choices)) if choices else ""
        )
