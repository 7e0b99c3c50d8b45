"""The summary's table of steps: title, status (icon and words) and the date it was done.

Text wraps inside its column instead of being cut short, and the table is as tall as its
rows, so the page around it scrolls rather than the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from privacy_walkthrough.core.i18n import ltr, tr
from privacy_walkthrough.core.labels import device_label, skipped_label, status_label
from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.widgets import soft_breaks

STEP_ID_ROLE = Qt.ItemDataRole.UserRole
Row = tuple[str, str, StepStatus, str, str]
STATUS_SHARE = 0.32  # the status column's share of the width; its text wraps within it
NARROW_SHARE = 0.42  # the status column's share when the date goes into it
STEP_MIN_CHARS = 16  # below this, the step column would break words: the date column goes


class StepStatusTable(QTableWidget):
    step_requested = Signal(str)

    def __init__(self, icons: dict[StepStatus, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("summaryTable")
        self._icons = icons
        self._rows: list[Row] = []
        self._narrow = False  # the date shown in the status column, not a column of its own
        self.setAccessibleName(tr("Every step and its status"))
        self.setAccessibleDescription(tr("Press Enter on a step to open it."))
        self.setHorizontalHeaderLabels([tr("Step"), tr("Status"), tr("Last confirmed")])
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setAccessibleName(tr("Column headings"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self.on_item_activated)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_: self._refit.start())

    def show_views(self, views: Sequence[StepView]) -> None:
        """One row per step, in guide order."""
        rows = [self._row(view) for view in views]
        if rows == self._rows:  # shown again unchanged (or built ahead): keep the laid-out rows
            return
        self._rows = rows
        self._fill()
        self._fit()

    def _fill(self) -> None:
        self.setRowCount(0)
        for row, (step_id, title, effective, status, confirmed) in enumerate(self._rows):
            if self._narrow and confirmed:
                status = tr("{status} (last confirmed {date})", status=status, date=ltr(confirmed))
            cells = [
                QTableWidgetItem(soft_breaks(title)),
                QTableWidgetItem(self._icons[effective], soft_breaks(status)),
                QTableWidgetItem(confirmed),
            ]
            self.insertRow(row)
            for column, cell in enumerate(cells):
                cell.setData(STEP_ID_ROLE, step_id)
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, cell.text().replace("\u200b", ""))
                self.setItem(row, column, cell)

    @staticmethod
    def _row(view: StepView) -> Row:
        """What one row shows: step id, title, status, status words, date last confirmed."""
        status = status_label(view.status)
        if view.status is StepStatus.SKIPPED:
            status = skipped_label(view.skip_reason)  # the checklist's words
        if view.recheck:
            names = ", ".join(device_label(d, view.all_devices) for d in view.recheck)
            status = tr("{status}; check again on {devices}", status=status, devices=names)
        confirmed = view.last_confirmed
        return (
            view.step.id,
            view.step.title,
            view.status,
            status,
            confirmed.isoformat() if confirmed else "",
        )

    def _fit(self) -> None:
        """Share the width, then wrap the text and grow to show every row.

        Where the step column would be too narrow for whole words, the date goes into the
        status column and its own column is hidden.
        """
        width = self.viewport().width()
        date_width = max(self.sizeHintForColumn(2), self.horizontalHeader().sectionSizeHint(2))
        step_min = self.fontMetrics().averageCharWidth() * STEP_MIN_CHARS
        narrow = width - int(width * STATUS_SHARE) - date_width < step_min
        if narrow != self._narrow:
            self._narrow = narrow
            self.setColumnHidden(2, narrow)
            self._fill()
        self.setColumnWidth(1, max(120, int(width * (NARROW_SHARE if narrow else STATUS_SHARE))))
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def on_item_activated(self, item: QTableWidgetItem) -> None:
        self.step_requested.emit(str(item.data(STEP_ID_ROLE)))
