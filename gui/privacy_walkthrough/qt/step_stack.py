"""The steps' pages: one per step, built the first time it is needed and then kept.

Moving between steps only swaps pages instead of building and laying out a page's text,
pictures and QR code again; the next step's page is built while the person reads.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from privacy_walkthrough.core.progress.models import StepStatus
from privacy_walkthrough.core.view_settings import ViewSettings
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.views import PageKind
from privacy_walkthrough.qt.step_page import StepPage


class StepStackWidget(QStackedWidget):
    # Every page's signals, forwarded: step id first.
    status_chosen = Signal(str, StepStatus, str)
    note_edited = Signal(str, str)
    link_activated = Signal(str)
    device_ticked = Signal(str, str, bool)
    still_set_confirmed = Signal(str)

    def __init__(self, view_settings: ViewSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepStack")
        self.view_settings = view_settings or ViewSettings()
        self.pages: dict[str, StepPage] = {}

    def hasHeightForWidth(self) -> bool:
        """No: each page fits its decision bar to its width and scrolls the rest by itself.

        A stack whose pages have a height for their width asks every page it holds, shown or
        not, each time the window is laid out: with a page kept for every step visited, that
        made each move slower than the one before.
        """
        return False

    def page_for(self, step_id: str) -> StepPage:
        page = self.pages.get(step_id)
        if page is None:
            page = StepPage(self.view_settings)
            page.status_chosen.connect(self.status_chosen)
            page.note_edited.connect(self.note_edited)
            page.link_activated.connect(self.link_activated)
            page.device_ticked.connect(self.device_ticked)
            page.still_set_confirmed.connect(self.still_set_confirmed)
            self.pages[step_id] = page
            self.addWidget(page)
        return page

    def fill(self, walkthrough: Walkthrough, step_id: str) -> StepPage:
        """Bring a step's page up to date with the walkthrough (without showing it)."""
        page = self.page_for(step_id)
        page.show_step(walkthrough.step_view(step_id))
        return page

    def show_step(self, walkthrough: Walkthrough, step_id: str) -> None:
        """Show a step's page, from its top: a step opened again starts at the beginning."""
        page = self.fill(walkthrough, step_id)
        page.scroll_area.verticalScrollBar().setValue(0)
        self.setCurrentWidget(page)

    def prepare_next(self, walkthrough: Walkthrough) -> None:
        """Build and lay out the page after the current one ahead of time, if it is a new step."""
        following = walkthrough.index + 1
        if following >= len(walkthrough.pages) or walkthrough.pages[following].kind is not PageKind.STEP:
            return
        step_id = walkthrough.pages[following].key
        if step_id in self.pages:
            return
        page = self.fill(walkthrough, step_id)
        page.resize(self.size())
        page.lay_out_now()

    def flush_note(self) -> None:
        """Hand over a pending note edit of the page last shown, if a step page was shown."""
        current = self.currentWidget()
        if isinstance(current, StepPage):
            current.flush_note()

    def forget_notes(self) -> None:
        """Drop the notes on screen without saving them (their progress is being replaced)."""
        for page in self.pages.values():
            page.forget_note()
