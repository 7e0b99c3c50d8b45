"""The window's pages that are built on first use (welcome, set-up, summary), each wired to
the commands it triggers.

Their modules are imported by the builders, not with the window: start-up shows the step the
person left off at and does without them (see qt/page_stack.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QIcon

    from privacy_walkthrough.core.content.guide import Guide
    from privacy_walkthrough.core.progress.models import StepStatus
    from privacy_walkthrough.qt.decisions import StepDecisions
    from privacy_walkthrough.qt.file_commands import FileCommands
    from privacy_walkthrough.qt.setup_page import SetupPage
    from privacy_walkthrough.qt.summary_page import SummaryPage
    from privacy_walkthrough.qt.welcome_page import WelcomePage


def build_welcome_page(guide: Guide, data_folder: str, open_url: Callable[[str], object]) -> WelcomePage:
    from privacy_walkthrough.qt.welcome_page import WelcomePage

    page = WelcomePage(guide, data_folder)
    page.promise_label.linkActivated.connect(open_url)
    return page


def build_setup_page(guide: Guide, decisions: StepDecisions) -> SetupPage:
    from privacy_walkthrough.qt.setup_page import SetupPage

    page = SetupPage(guide)
    page.devices_changed.connect(decisions.on_devices_changed)
    page.answers_changed.connect(decisions.on_answers_changed)
    return page


def build_summary_page(
    icons: dict[StepStatus, QIcon],
    files: FileCommands,
    decisions: StepDecisions,
    include_notes: QAction,
    step_requested: Callable[[str], None],
) -> SummaryPage:
    """The summary, its "include my notes" box kept in step with the File menu's item."""
    from privacy_walkthrough.qt.summary_page import SummaryPage

    page = SummaryPage(icons)
    page.include_notes_box.setChecked(files.include_notes)
    page.step_requested.connect(step_requested)
    page.print_requested.connect(files.on_print_triggered)
    page.preview_requested.connect(files.on_preview_triggered)
    page.pdf_requested.connect(files.on_save_pdf_triggered)
    page.person_name_edited.connect(decisions.on_person_name_edited)
    page.include_notes_box.toggled.connect(include_notes.setChecked)
    return page
