"""A wrapped label remembers its height for a width, and forgets it when its text or font changes."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from privacy_walkthrough.qt.widgets import ColumnWidget, WrappedLabel

TEXT = "Settings › Messages › Text Message Forwarding, then turn off each device listed there. " * 3


def test_height_for_width_follows_text_font_and_padding(qtbot: QtBot) -> None:
    label = WrappedLabel("Short")
    qtbot.addWidget(label)
    plain = QLabel("Short")
    plain.setWordWrap(True)
    plain.setIndent(0)
    qtbot.addWidget(plain)
    for widget in (label, plain):  # polished alike (the label polishes itself when first measured)
        widget.ensurePolished()
    one_line = label.heightForWidth(300)

    label.setText(TEXT)
    plain.setText(TEXT)
    assert label.heightForWidth(300) == plain.heightForWidth(300) > one_line

    bigger = QFont(label.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    label.setFont(bigger)
    plain.setFont(bigger)
    assert label.heightForWidth(300) == plain.heightForWidth(300)

    label.setStyleSheet("padding: 10px")
    label.ensurePolished()
    plain.setStyleSheet("padding: 10px")
    plain.ensurePolished()
    assert label.heightForWidth(300) == plain.heightForWidth(300)


def test_a_long_label_in_a_column_gets_the_height_its_width_needs(qtbot: QtBot) -> None:
    column = ColumnWidget()
    layout = QVBoxLayout(column)
    label = WrappedLabel(TEXT)
    layout.addWidget(label)
    layout.addStretch(1)
    qtbot.addWidget(column)
    column.resize(300, 600)
    column.show()
    qtbot.waitExposed(column)

    assert label.width() == 300 - layout.contentsMargins().left() - layout.contentsMargins().right()
    assert label.height() == label.heightForWidth(label.width()) > 3 * label.fontMetrics().lineSpacing()
