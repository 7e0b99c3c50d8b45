"""Help > About: the app's version and licence, the guide's review date, and where newer
versions are, as an address the person can select or copy (the app never checks itself)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_walkthrough.core.about import AboutText
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.qt.widgets import HeadingLabel


class AboutDialog(QDialog):
    def __init__(self, about: AboutText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(about.title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(HeadingLabel(about.heading, level=2))
        self.paragraphs: list[QLabel] = []
        for text in (*about.paragraphs, about.releases_intro):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            layout.addWidget(label)
            self.paragraphs.append(label)
        self.address: QLineEdit | None = None
        self.copy_button: QPushButton | None = None
        if about.releases_url is not None:
            row = QHBoxLayout()
            self.address = QLineEdit(about.releases_url)
            self.address.setReadOnly(True)
            self.address.setAccessibleName(tr("Address of the page with newer versions"))
            self.address.setCursorPosition(0)
            self.copy_button = QPushButton(tr("&Copy address"))
            self.copy_button.clicked.connect(self.on_copy_clicked)
            row.addWidget(self.address, 1)
            row.addWidget(self.copy_button)
            layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)

    def on_copy_clicked(self) -> None:
        if self.address is None:
            return
        QGuiApplication.clipboard().setText(self.address.text())
        self.address.selectAll()
        if self.copy_button is not None:
            self.copy_button.setText(tr("Copied"))
