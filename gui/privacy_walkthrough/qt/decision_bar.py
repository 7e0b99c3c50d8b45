"""The bar under every step: the step's status and the buttons that decide it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from privacy_walkthrough.core.content.kinds import StepKind
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import status_label
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.flow_layout import FlowLayout


def _status_text(view: StepView) -> str:
    label = status_label(view.status)
    if view.done_at and view.status.is_finished:
        return tr("Status: {status} on {date}", status=label, date=view.done_at.date().isoformat())
    if view.status is StepStatus.SKIPPED and view.skip_reason:
        return tr("Status: {status} ({reason})", status=label, reason=view.skip_reason)
    return tr("Status: {status}", status=label)


class DecisionBar(QWidget):
    """Mark done, skip (with an optional reason), not applicable, or later."""

    status_chosen = Signal(StepStatus, str)  # status, skip reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBar")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setIndent(0)  # in line with the page's text (a styled label indents)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.done_button = QPushButton(self)
        self.done_button.setObjectName("doneButton")
        self.skip_button = QPushButton(tr("&Skip…"), self)
        self.skip_button.setObjectName("skipButton")
        self.skip_button.setAccessibleDescription(tr("Skip this step; you can give a reason"))
        self.not_applicable_button = QPushButton(tr("Not a&pplicable"), self)
        self.not_applicable_button.setObjectName("notApplicableButton")
        self.not_applicable_button.setAccessibleDescription(tr("This step does not apply to you"))
        self.later_button = QPushButton(tr("&Later"), self)
        self.later_button.setObjectName("laterButton")
        self.later_button.setAccessibleDescription(tr("Come back to this step later"))

        self.done_hint_label = QLabel(
            tr(
                "To mark it done, tick each device above first: this step is done when it is done "
                "on all of them."
            ),
            self,
        )
        self.done_hint_label.setObjectName("hintLabel")
        self.done_hint_label.setIndent(0)
        self.done_hint_label.setWordWrap(True)
        self.done_hint_label.hide()

        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("skipReasonEdit")
        self.reason_edit.setPlaceholderText(tr("Why are you skipping it? (optional)"))
        self.reason_edit.setAccessibleName(tr("Reason for skipping"))
        self.reason_edit.setMaxLength(500)
        self.confirm_skip_button = QPushButton(tr("Skip this step"), self)
        self.confirm_skip_button.setObjectName("confirmSkipButton")
        self.cancel_skip_button = QPushButton(tr("Cancel"), self)
        self.cancel_skip_button.setObjectName("cancelSkipButton")
        self.reason_row = QWidget(self)
        reason_layout = QHBoxLayout(self.reason_row)
        reason_layout.setContentsMargins(0, 0, 0, 0)
        reason_label = QLabel(tr("&Reason:"), self.reason_row)
        reason_label.setBuddy(self.reason_edit)
        reason_layout.addWidget(reason_label)
        reason_layout.addWidget(self.reason_edit, 1)
        reason_layout.addWidget(self.confirm_skip_button)
        reason_layout.addWidget(self.cancel_skip_button)
        self.reason_row.hide()

        buttons = FlowLayout()
        for button in (self.done_button, self.skip_button, self.not_applicable_button, self.later_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        layout.addWidget(self.done_hint_label)
        layout.addWidget(self.reason_row)

        self.done_button.clicked.connect(self.on_done_button_clicked)
        self.skip_button.clicked.connect(self.on_skip_button_clicked)
        self.not_applicable_button.clicked.connect(
            lambda: self.status_chosen.emit(StepStatus.NOT_APPLICABLE, "")
        )
        self.later_button.clicked.connect(lambda: self.status_chosen.emit(StepStatus.LATER, ""))
        self.confirm_skip_button.clicked.connect(self.on_confirm_skip_clicked)
        self.reason_edit.returnPressed.connect(self.on_confirm_skip_clicked)
        self.cancel_skip_button.clicked.connect(self.hide_reason)

    def show_step(self, view: StepView) -> None:
        if view.step.kind is not StepKind.ADVICE:  # one wording for each kind of step
            self.done_button.setText(tr("Mark as &done"))
            self.done_button.setAccessibleDescription(tr("Record that you have done this step"))
        else:
            self.done_button.setText(tr("I have read this (&done)"))
            self.done_button.setAccessibleDescription(tr("Record that you have read this advice"))
        self.hide_reason()
        self.reason_edit.setText(view.skip_reason)
        text = _status_text(view)
        if view.updated_since_done:
            text = tr(
                "{status}. Updated since you did this: the advice has changed, please check it again.",
                status=text,
            )
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        self.setProperty("status", view.status.value)
        self.status_label.setProperty("status", view.status.value)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    def allow_done(self, allowed: bool) -> None:
        """Enable "Mark as done", or say next to it why it is not yet possible."""
        self.done_button.setEnabled(allowed)
        self.done_hint_label.setVisible(not allowed)
        if allowed:
            self.done_button.setAccessibleDescription(tr("Record that you have done this step"))
        else:
            self.done_button.setAccessibleDescription(self.done_hint_label.text())

    def on_done_button_clicked(self) -> None:
        self.status_chosen.emit(StepStatus.DONE, "")

    def on_skip_button_clicked(self) -> None:
        self.reason_row.show()
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reason_edit.selectAll()

    def on_confirm_skip_clicked(self) -> None:
        reason = self.reason_edit.text()
        self.hide_reason()
        self.status_chosen.emit(StepStatus.SKIPPED, reason)

    def hide_reason(self) -> None:
        self.reason_row.hide()
