"""The set-up page: the person's devices (kind, name, OS version) and a few plain questions.

Every edit is handed to the window at once as a complete list of devices or set of
answers; the walkthrough decides what follows from them (which steps apply, which
instructions to show, what to check again after an update).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import AnswerKey, DeviceKind
from privacy_walkthrough.core.i18n import N_, tr
from privacy_walkthrough.core.labels import device_kind_label, os_name, where_to_find_version
from privacy_walkthrough.core.progress.models import Answers, Device, Progress
from privacy_walkthrough.core.walkthrough.versions import VersionChoice, version_choices, version_text
from privacy_walkthrough.qt.widgets import HeadingLabel, WrappedLabel, fill_with_scrolling

ChoicesFor = Callable[[DeviceKind], list[VersionChoice]]
ANSWER_CHOICES = ((None, N_("Not sure")), (True, N_("Yes")), (False, N_("No")))


def _questions() -> list[tuple[AnswerKey, str, str]]:
    return [
        (
            AnswerKey.LIVES_IN_UK,
            tr("Do you live in the United Kingdom?"),
            tr("Apple no longer offers Advanced Data Protection to new accounts there."),
        ),
        (
            AnswerKey.CAN_COPE_WITHOUT_RECOVERY,
            tr("Could you cope if nobody, Apple included, could recover your messages and photos?"),
            tr("Some protections mean that only you can get your data back if you lose your devices."),
        ),
        (
            AnswerKey.HIGH_RISK,
            tr("Could someone target you with spyware because of who you are or what you do?"),
            tr("For example journalists, activists, lawyers or people leaving an abusive partner."),
        ),
        (
            AnswerKey.MESSAGES_BUSINESSES,
            tr("Do you message businesses in the Messages app?"),
            tr("For example a bank, an airline or a shop, marked with the business's name."),
        ),
    ]


def valid_version(text: str, kind: DeviceKind | None = None) -> str | None:
    """``"17.5"`` for a typed version, None for "don't know" or anything that is not a version.

    A comma is read as the point ("17,5"), and the system's name may come first ("iOS 18.1").
    """
    text = text.strip().replace(",", ".")
    if kind is not None and text.lower().startswith(os_name(kind).lower()):
        text = text[len(os_name(kind)) :].strip()
    return text if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){0,2}", text) else None


class DeviceRowWidget(QWidget):
    """One device: kind, optional name, OS version (or "don't know"), and Remove."""

    changed = Signal()
    remove_requested = Signal(str)

    def __init__(
        self, device: Device, number: int, choices_for: ChoicesFor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.device_id = device.id
        self._choices_for = choices_for
        self.kind_box = QComboBox(self)
        for kind in DeviceKind:
            self.kind_box.addItem(device_kind_label(kind), kind)
        self.kind_box.setCurrentIndex(list(DeviceKind).index(device.kind))
        self.kind_box.setAccessibleName(tr("Device {number}: kind", number=number))
        self.name_edit = QLineEdit(device.name, self)
        self.name_edit.setMaxLength(60)
        self.name_edit.setPlaceholderText(tr("Name (optional)"))
        self.name_edit.setAccessibleName(tr("Device {number}: name (optional)", number=number))
        self.version_box = QComboBox(self)
        self.version_box.setEditable(True)
        self.version_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.version_box.setAccessibleName(tr("Device {number}: system version", number=number))
        self.remove_button = QPushButton(tr("Remove"), self)
        self.remove_button.setAccessibleName(tr("Remove device {number}", number=number))
        self.hint_label = WrappedLabel(object_name="hintLabel")
        self.problem_label = WrappedLabel(object_name="versionProblemLabel")
        self.problem_label.hide()
        self._fill_versions(device.kind, device.os_version)

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self._lines = 0
        self._arrange(1)

        self.kind_box.currentIndexChanged.connect(self.on_kind_box_changed)
        self.name_edit.editingFinished.connect(self.changed)
        self.version_box.activated.connect(self.on_version_box_activated)
        editor = self.version_box.lineEdit()
        if editor is not None:
            editor.editingFinished.connect(self.on_version_edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.device_id))

    def _controls(self) -> list[QWidget]:
        return [self.kind_box, self.name_edit, self.version_box, self.remove_button]

    def _arrange(self, lines: int) -> None:
        """The four controls on one line, on two (kind and name; version and Remove), or each
        on its own line, whichever fits the width: the page never scrolls sideways."""
        if lines == self._lines:
            return
        self._lines = lines
        for widget in (*self._controls(), self.problem_label, self.hint_label):
            self.grid.removeWidget(widget)
        for column in range(4):
            self.grid.setColumnStretch(column, 0)
        if lines == 1:
            for column, widget in enumerate(self._controls()):
                self.grid.addWidget(widget, 0, column)
            self.grid.setColumnStretch(1, 2)
            self.grid.setColumnStretch(2, 1)
            span = 4
        elif lines == 2:
            self.grid.addWidget(self.kind_box, 0, 0)
            self.grid.addWidget(self.name_edit, 0, 1)
            self.grid.addWidget(self.version_box, 1, 0, 1, 2)
            self.grid.addWidget(self.remove_button, 1, 2)
            self.grid.setColumnStretch(1, 1)
            span = 3
        else:
            for row, widget in enumerate(self._controls()):
                self.grid.addWidget(widget, row, 0)
            self.grid.setColumnStretch(0, 1)
            span = 1
        self.grid.addWidget(self.problem_label, 4, 0, 1, span)
        self.grid.addWidget(self.hint_label, 5, 0, 1, span)

    def _lines_for(self, width: int) -> int:
        gap = max(self.grid.horizontalSpacing(), 0)
        kind, name, version, remove = (w.minimumSizeHint().width() for w in self._controls())
        name = max(name, self.name_edit.fontMetrics().averageCharWidth() * 12)
        if kind + name + version + remove + 3 * gap <= width:
            return 1
        if max(kind + name, version) + remove + 2 * gap <= width:
            return 2
        return 4

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._lines_for(event.size().width()))
        super().resizeEvent(event)

    def _fill_versions(self, kind: DeviceKind, current: str | None) -> None:
        self.version_box.blockSignals(True)
        self.version_box.clear()
        self.version_box.addItem(tr("Don't know"), None)
        for choice in self._choices_for(kind):
            self.version_box.addItem(choice.label, choice.value)
        self.version_box.blockSignals(False)
        self._show_version(current)

    def _show_version(self, version: str | None) -> None:
        """Select ``version`` in the list, or show it typed with the system's name."""
        self.version_box.blockSignals(True)
        index = self.version_box.findData(version)
        if index >= 0:
            self.version_box.setCurrentIndex(index)
        elif version is not None:
            self.version_box.setEditText(version_text(self.kind(), version))
        self.version_box.blockSignals(False)
        self._show_hint(version)

    def _show_hint(self, version: str | None) -> None:
        self.hint_label.setText(
            tr("Where to find the version: {where}", where=where_to_find_version(self.kind()))
            if version is None
            else ""
        )
        self.hint_label.setVisible(version is None)

    def on_kind_box_changed(self) -> None:
        self._fill_versions(self.kind(), None)
        self.problem_label.hide()
        self.changed.emit()

    def on_version_box_activated(self, _index: int) -> None:
        self.problem_label.hide()
        self._show_hint(self.version())
        self.changed.emit()

    def on_version_edited(self) -> None:
        text = self.version_box.currentText().strip()
        version = self.version()
        understood = version is not None or not text or self.version_box.findText(text) >= 0
        if understood:
            self.problem_label.hide()
            self._show_version(version)
        else:
            message = tr(
                "“{text}” is not a version this page understands, so it is saved as “Don't know”. "
                "Type it as numbers with points, for example 17.5, or pick one from the list.",
                text=text,
            )
            self.problem_label.setText(message)
            self.problem_label.setAccessibleName(message)
            self.problem_label.show()
            self._show_hint(None)
        self.changed.emit()

    def kind(self) -> DeviceKind:
        return DeviceKind(self.kind_box.currentData())

    def version(self) -> str | None:
        text = self.version_box.currentText()
        index = self.version_box.findText(text)
        if index >= 0:  # one of the offered choices ("Don't know", "iOS 18", …)
            data = self.version_box.itemData(index)
            return str(data) if data is not None else None
        return valid_version(text, self.kind())

    def device(self) -> Device:
        return Device(
            id=self.device_id, kind=self.kind(), name=self.name_edit.text().strip(), os_version=self.version()
        )


class SetupPage(QWidget):
    devices_changed = Signal(list)  # list[Device]
    answers_changed = Signal(Answers)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self._choices = {kind: version_choices(guide, kind) for kind in DeviceKind}
        self.rows: list[DeviceRowWidget] = []
        self._last_id = 0
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(HeadingLabel(tr("About you and your devices"), level=1))
        layout.addWidget(
            WrappedLabel(
                tr(
                    "This shapes the advice: which steps apply to you, and the instructions for your "
                    "own devices and system versions. It stays on this computer. You can change it "
                    "at any time from the list on the left."
                )
            )
        )
        layout.addWidget(HeadingLabel(tr("Your devices")))
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.add_button = QPushButton(tr("&Add a device"), body)
        self.add_button.setObjectName("addDeviceButton")
        self.add_button.clicked.connect(self.on_add_button_clicked)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(HeadingLabel(tr("A few questions")))
        form = QVBoxLayout()
        self.answer_boxes: dict[AnswerKey, QComboBox] = {}
        for key, question, hint in _questions():
            box = QComboBox(body)
            for value, choice in ANSWER_CHOICES:
                box.addItem(tr(choice), value)
            box.setAccessibleName(question)
            box.setAccessibleDescription(hint)
            box.activated.connect(lambda _index: self.answers_changed.emit(self.answers()))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            question_label = WrappedLabel(question, object_name="questionLabel")
            question_label.setBuddy(box)
            form.addWidget(question_label)
            form.addWidget(WrappedLabel(hint, object_name="hintLabel"))
            form.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
            form.addSpacing(8)
            self.answer_boxes[key] = box
        layout.addLayout(form)
        layout.addStretch(1)
        fill_with_scrolling(self, body)
        self._body = body

    def show_progress(self, progress: Progress) -> None:
        if self.devices() != list(progress.devices):  # rows kept as they are when shown again
            self._show_devices(progress)
        for key, box in self.answer_boxes.items():
            box.setCurrentIndex(box.findData(getattr(progress.answers, key.value)))

    def _show_devices(self, progress: Progress) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for number, device in enumerate(progress.devices, start=1):
            self._add_row(device, number)
            if device.id[1:].isdigit():
                self._last_id = max(self._last_id, int(device.id[1:]))

    def _add_row(self, device: Device, number: int) -> DeviceRowWidget:
        row = DeviceRowWidget(device, number, self._choices.__getitem__, self._body)
        row.changed.connect(lambda: self.devices_changed.emit(self.devices()))
        row.remove_requested.connect(self.on_remove_requested)
        self.rows_box.addWidget(row)
        self.rows.append(row)
        return row

    def devices(self) -> list[Device]:
        return [row.device() for row in self.rows]

    def answers(self) -> Answers:
        return Answers(**{key.value: box.currentData() for key, box in self.answer_boxes.items()})

    def _new_id(self) -> str:
        """A fresh id, never one a removed device had (it would inherit that device's ticks)."""
        self._last_id = max(
            [self._last_id, *(int(r.device_id[1:]) for r in self.rows if r.device_id[1:].isdigit())]
        )
        self._last_id += 1
        return f"d{self._last_id}"

    def on_add_button_clicked(self) -> None:
        row = self._add_row(Device(id=self._new_id(), kind=DeviceKind.IPHONE), len(self.rows) + 1)
        row.kind_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.devices_changed.emit(self.devices())

    def on_remove_requested(self, device_id: str) -> None:
        for row in self.rows:
            if row.device_id == device_id:
                self.rows.remove(row)
                row.setParent(None)
                row.deleteLater()
                break
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.devices_changed.emit(self.devices())
