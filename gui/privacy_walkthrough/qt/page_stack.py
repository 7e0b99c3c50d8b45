"""The window's pages: welcome, set-up, the steps' pages and the summary, one shown at a time.

The welcome, set-up and summary pages are built the first time they are needed (start-up
shows the step the person left off at); the page after the one on show is built and laid
out while the person reads, so that Next only swaps pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from privacy_walkthrough.core.view_settings import ViewSettings
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.freshness import freshness_warnings
from privacy_walkthrough.core.walkthrough.views import PageKind
from privacy_walkthrough.qt.lazy_page import LazyPage
from privacy_walkthrough.qt.step_page import StepPage
from privacy_walkthrough.qt.step_stack import StepStackWidget

if TYPE_CHECKING:
    from privacy_walkthrough.qt.setup_page import SetupPage
    from privacy_walkthrough.qt.summary_page import SummaryPage
    from privacy_walkthrough.qt.welcome_page import WelcomePage


class StackPage(IntEnum):
    WELCOME = 0
    SETUP = 1
    STEP = 2
    SUMMARY = 3


class PageStack(QStackedWidget):
    """Shows the walkthrough's current page; ``build_*`` make the pages built on first use."""

    def __init__(
        self,
        build_welcome: Callable[[], WelcomePage],
        build_setup: Callable[[], SetupPage],
        build_summary: Callable[[], SummaryPage],
        view_settings: ViewSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageStack")
        # One page per step, built the first time it is shown and kept: moving between steps
        # then only swaps pages instead of building and laying out a page's text again.
        self.step_stack = StepStackWidget(view_settings)
        self.welcome = LazyPage(build_welcome)
        self.setup = LazyPage(build_setup)
        self.summary = LazyPage(build_summary)
        for page in (self.welcome, self.setup, self.step_stack, self.summary):
            self.addWidget(page)

    def show_current(self, walkthrough: Walkthrough) -> None:
        """Bring the walkthrough's current page up to date and show it."""
        page = walkthrough.current
        if page.kind is PageKind.WELCOME:
            today = dt.date.today()
            warnings = freshness_warnings(walkthrough.guide.info, walkthrough.progress.devices, today)
            self.welcome.page().show_freshness(warnings)
            self.setCurrentIndex(StackPage.WELCOME)
        elif page.kind is PageKind.SETUP:
            self.setup.page().show_progress(walkthrough.progress)
            self.setCurrentIndex(StackPage.SETUP)
        elif page.kind is PageKind.SUMMARY:
            self.summary.page().show_walkthrough(walkthrough)
            self.setCurrentIndex(StackPage.SUMMARY)
        else:
            self.step_stack.show_step(walkthrough, page.key)
            self.setCurrentIndex(StackPage.STEP)

    def step_page(self, walkthrough: Walkthrough) -> StepPage:
        """The page of the step on show (or of the current step when another page is shown)."""
        current = self.step_stack.currentWidget()
        if isinstance(current, StepPage):
            return current
        page = walkthrough.current
        step_id = page.key if page.kind is PageKind.STEP else walkthrough.guide.step_ids[0]
        return self.step_stack.page_for(step_id)

    def prepare_next(self, walkthrough: Walkthrough) -> None:
        """Build and lay out the next page while the person reads this one (if it is new)."""
        following = walkthrough.index + 1
        if following >= len(walkthrough.pages):
            return
        kind = walkthrough.pages[following].kind
        if kind is PageKind.SETUP and self.setup.built is None:
            self.setup.page().show_progress(walkthrough.progress)
            self.setup.lay_out_now(self.size())
        elif kind is PageKind.SUMMARY and self.summary.built is None:
            self.summary.page().show_walkthrough(walkthrough)
            self.summary.lay_out_now(self.size())
        else:
            self.step_stack.prepare_next(walkthrough)
