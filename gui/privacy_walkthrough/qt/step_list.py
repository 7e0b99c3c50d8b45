"""The list beside the pages: every step with its status as an icon and a word."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from privacy_walkthrough.core.i18n import ntr, tr
from privacy_walkthrough.core.labels import status_label
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.views import PageKind
from privacy_walkthrough.qt.widgets import soft_breaks

PAGE_INDEX_ROLE = Qt.ItemDataRole.UserRole
ICON_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # the text without its break chances


def _setup_text(count: int, seen: bool) -> str:
    """The set-up page's entry; until the person has been through it, a nudge to go there."""
    if count == 0:
        return tr("Your devices and answers") if seen else tr("Your devices and answers\nNot filled in yet")
    return ntr("Your devices and answers\n{n} device", "Your devices and answers\n{n} devices", count)


class StepListWidget(QListWidget):
    """Shows where the person is; activating an item jumps to that page."""

    page_requested = Signal(int)

    def __init__(self, icons: dict[StepStatus, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setAccessibleName(tr("Steps"))
        self.setAccessibleDescription(tr("Every step with its status. Press Enter to go to a step."))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._icons = icons
        self.itemActivated.connect(self.on_item_activated)
        self.itemClicked.connect(self.on_item_activated)

    def populate(self, walkthrough: Walkthrough) -> None:
        self.clear()
        for index in range(len(walkthrough.pages)):
            item = QListWidgetItem()
            item.setData(PAGE_INDEX_ROLE, index)
            self.addItem(item)
        self.refresh(walkthrough)

    def refresh(self, walkthrough: Walkthrough) -> None:
        changed = False
        for row, page in enumerate(walkthrough.pages):
            item = self.item(row)
            if page.kind is PageKind.WELCOME:
                text = tr("Welcome")
            elif page.kind is PageKind.SETUP:
                text = _setup_text(len(walkthrough.progress.devices), walkthrough.progress.setup_done)
            elif page.kind is PageKind.SUMMARY:
                text = tr("Summary and checklist")
            else:
                view = walkthrough.step_view(page.key)
                status = view.status
                words = status_label(status)
                devices = len(view.fit.devices)
                if view.per_device and 0 < view.ticked_count < devices:
                    words = ntr(
                        "{status} ({ticked} of {n} device)",
                        "{status} ({ticked} of {n} devices)",
                        devices,
                        status=words,
                        ticked=view.ticked_count,
                    )
                if view.updated_since_done:
                    words = tr("{status}, updated since you did this", status=words)
                text = tr(
                    "{number}. {title}\n{status}", number=view.number, title=view.step.title, status=words
                )
                if item.data(ICON_ROLE) != status.value:
                    item.setIcon(self._icons[status])
                    item.setData(ICON_ROLE, status.value)
            if item.data(TEXT_ROLE) != text:  # only a changed item needs laying out again
                item.setData(TEXT_ROLE, text)
                item.setText(soft_breaks(text))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", tr(", ")))
                changed = True
        if changed:  # a list view does not measure an item again when only its text changes
            self.scheduleDelayedItemsLayout()
        self.setCurrentRow(walkthrough.index)

    def on_item_activated(self, item: QListWidgetItem) -> None:
        self.page_requested.emit(int(item.data(PAGE_INDEX_ROLE)))
