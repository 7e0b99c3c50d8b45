"""Choose a guide when there is more than one; broken guides are listed with their problems."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.i18n import ltr, tr
from privacy_walkthrough.guides import GuideEntry

INDEX_ROLE = Qt.ItemDataRole.UserRole


class GuideChooserDialog(QDialog):
    def __init__(self, entries: Sequence[GuideEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Choose a guide"))
        self.guide_list = QListWidget(self)
        self.guide_list.setObjectName("guideList")
        self.guide_list.setAccessibleName(tr("Guides"))
        self.guide_list.setWordWrap(True)
        for index, entry in enumerate(entries):
            if entry.guide is not None:
                text = tr(
                    "{title}\nVersion {version}, reviewed {date}; {origin}",
                    title=entry.title,
                    version=entry.guide.info.version,
                    date=ltr(entry.guide.info.reviewed.isoformat()),
                    origin=entry.origin,
                )
            else:
                problems = "\n".join(str(p) for p in (entry.error.problems if entry.error else ())[:5])
                text = tr(
                    "{title}; {origin}\nIt cannot be used:\n{problems}",
                    title=entry.title,
                    origin=entry.origin,
                    problems=problems,
                )
            item = QListWidgetItem(text)
            item.setData(INDEX_ROLE, index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", tr(", ")))
            if entry.guide is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.guide_list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.guide_list.itemActivated.connect(lambda _item: self.accept())
        label = QLabel(tr("&Which walkthrough do you want to follow?"), self)
        label.setBuddy(self.guide_list)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.guide_list)
        layout.addWidget(buttons)
        for row in range(self.guide_list.count()):
            if self.guide_list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.guide_list.setCurrentRow(row)
                break
        self.resize(560, 400)

    def chosen_index(self) -> int | None:
        item = self.guide_list.currentItem()
        return int(item.data(INDEX_ROLE)) if item is not None else None
