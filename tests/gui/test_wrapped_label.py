"""A wrapped label remembers its height for a width, and forgets it when its text or font changes."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from privacy_walkthrough.qt.widgets import WrappedLabel

TEXT = "Settings › Messages › Text Message Forwarding, then turn off each device listed there. " * 3


def test_height_for_width_follows_text_font_and_padding(qtbot: QtBot) -> None:
    label = WrappedLabel("Short")
    qtbot.addWidget(label)
    plain = QLabel("Short")
    plain.setWordWrap(True)
    plain.setIndent(0)
    qtbot.addWidget(plain)
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
