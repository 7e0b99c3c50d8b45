"""Announcements: a short message in the window's status bar that screen readers read out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

SHOWN_MS = 6000


def accessibility() -> tuple[type[QAccessible], type[QAccessibleAnnouncementEvent]]:
    """QAccessible and its announcement event, imported when first needed.

    QAccessible's enums take about 3 ms to set up; nothing is announced before the resumed
    step is shown, and the window sets them up while the person reads the first page.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    return QAccessible, QAccessibleAnnouncementEvent


class Announcer:
    """Shows announcements in ``window``'s status bar and hands them to screen readers."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.last = ""
        window.statusBar()  # there from the start: the first message does not shift the layout

    def announce(self, text: str) -> None:
        self.window.statusBar().showMessage(text, SHOWN_MS)
        self.last = text
        accessible, announcement = accessibility()
        accessible.updateAccessibility(announcement(self.window, text))
