"""What a step means for this person: cautions, why it does not apply, what blocks it,
what to check again after an update, and one tick per device where that is how it works."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import blocked_label, device_label, os_name, where_to_find_version
from privacy_walkthrough.core.markdown_text import escape_markdown
from privacy_walkthrough.core.progress.models import Device
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.widgets import (
    ColumnWidget,
    HeadingLabel,
    WrappedCheckBox,
    WrappedLabel,
    clear_layout,
)


class FitPanel(ColumnWidget):
    device_ticked = Signal(str, bool)  # device id, ticked
    still_set_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitPanel")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.device_boxes: dict[str, QCheckBox] = {}
        self.confirm_button: QPushButton | None = None

    def _clear(self) -> None:
        clear_layout(self.layout_)
        self.device_boxes = {}
        self.confirm_button = None

    def _note(self, text: str, name: str) -> None:
        label = WrappedLabel(text, object_name=name, text_format=Qt.TextFormat.MarkdownText)
        label.setAccessibleName(text)
        self.layout_.addWidget(label)

    def show_view(self, view: StepView) -> None:
        self._clear()

        def label(device: Device) -> str:
            return escape_markdown(device_label(device, view.all_devices))

        fit = view.fit
        if view.recheck:
            names = tr(", ").join(label(d) for d in view.recheck)
            self._note(
                tr(
                    "**Check again on {devices}.** Its system was updated since you did this step. "
                    "Make sure the setting is still as you left it.",
                    devices=names,
                ),
                "recheckLabel",
            )
            self.confirm_button = QPushButton(tr("It is still as I left it"), self)
            self.confirm_button.setObjectName("confirmStillSetButton")
            self.confirm_button.clicked.connect(self.still_set_confirmed)
            self.layout_.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        if fit.not_applicable_reason:
            self._note(
                tr("**This step does not apply to you.** {reason}", reason=fit.not_applicable_reason),
                "notApplicableLabel",
            )
        for caution in fit.cautions:
            self._note(tr("**Before you start:** {caution}", caution=caution), "cautionLabel")
        for blocker in fit.blockers:
            text = tr("**{blocked}:** {text}", blocked=blocked_label(), text=blocker.text)
            self._note(text, "blockerLabel")
        for maybe in fit.maybe_blockers:
            self._note(tr("**Check your version first:** {text}", text=maybe.text), "cautionLabel")
        for note in view.newer_notes:
            self._note(note, "newerLabel")
        for device in fit.unknown_versions:
            self._note(
                tr(
                    "Check which {os} version {device} runs: {where}",
                    os=os_name(device.kind),
                    device=label(device),
                    where=where_to_find_version(device.kind),
                ),
                "hintLabel",
            )
        if view.per_device and fit.devices:
            self.layout_.addWidget(HeadingLabel(tr("Done on each device")))
            for device in fit.devices:
                row = WrappedCheckBox(
                    tr("Done on {device}", device=device_label(device, view.all_devices)), self
                )
                box = row.box
                box.setChecked(device.id in view.ticked)
                box.toggled.connect(
                    lambda ticked, device_id=device.id: self.device_ticked.emit(device_id, ticked)
                )
                self.layout_.addWidget(row)
                self.device_boxes[device.id] = box
        self.setVisible(self.layout_.count() > 0)
