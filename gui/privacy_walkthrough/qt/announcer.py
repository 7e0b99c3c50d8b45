"""Announcements: a short message at the foot of the window that screen readers read out.

The message is a word-wrapped label under the window's columns (qt/window_frame.py), not a
status bar message, which is one line cut at the window's edge (and QStatusBar does not
grow reliably for a label that wraps): a saved file's full path, a Spanish or Arabic
sentence, or doubled text at 800 px wide all show whole, on more lines when they need them.
A message stays long enough to read it (longer for a longer one), then goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from privacy_walkthrough.qt.widgets import WrappedLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

SHOWN_MS = 6000  # the least time a message stays
MS_PER_CHAR = 80  # a slow reader's pace: a long message stays longer
SHOWN_MS_MAX = 30_000


def accessibility() -> tuple[type[QAccessible], type[QAccessibleAnnouncementEvent]]:
    """QAccessible and its announcement event, imported when first needed.

    QAccessible's enums take about 3 ms to set up; nothing is announced before the resumed
    step is shown, and the window sets them up while the person reads the first page.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    return QAccessible, QAccessibleAnnouncementEvent


def shown_ms(text: str) -> int:
    """How long ``text`` stays shown."""
    return min(SHOWN_MS_MAX, max(SHOWN_MS, len(text) * MS_PER_CHAR))


class Announcer:
    """Shows announcements in :attr:`label` (the window places it) and hands them to screen
    readers as ``window``'s."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.last = ""
        # Always in the layout, a line high when empty: a one-line message shifts nothing.
        self.label = WrappedLabel(object_name="announcementLabel")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy a path
        self.label.setContentsMargins(6, 2, 6, 2)
        self._clear = QTimer(window)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self.label.clear)

    def announce(self, text: str) -> None:
        self.label.setText(text)
        self._clear.start(shown_ms(text))
        self.last = text
        accessible, announcement = accessibility()
        accessible.updateAccessibility(announcement(self.window, text))
