"""Where each part of the window sits, and the Tab order that follows it.

On the left the step list, with the way to the summary always in sight under it; on the
right a save problem (when there is one) above the page stack, with the bar of Back and
Next under it; under both, the last announcement (qt/announcer.py).  Tab walks them in
that reading order (see qt/tab_order.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.qt.nav_bar import NavigationBar
from privacy_walkthrough.qt.page_stack import PageStack
from privacy_walkthrough.qt.step_list import StepListWidget
from privacy_walkthrough.qt.tab_order import reading_order


def summary_button() -> QPushButton:
    button = QPushButton(tr("Summary and checklist"))
    button.setObjectName("summaryButton")
    button.setAccessibleDescription(tr("Every step's status, and printing the checklist"))
    return button


def save_problem_label() -> QLabel:
    """Says why the progress could not be saved, above the page; hidden while saving works."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("saveProblemLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def _steps_column(step_list: StepListWidget, summary: QPushButton) -> QWidget:
    """The step list, with the way to the summary under it (with many steps the list's own
    last entry is below the fold)."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 8)
    layout.addWidget(step_list, 1)
    layout.addWidget(summary)
    return column


def central_widget(
    step_list: StepListWidget,
    summary: QPushButton,
    save_problem: QLabel,
    stack: PageStack,
    nav_bar: NavigationBar,
    announcement: QLabel,
) -> QWidget:
    """The steps' column and the page's column side by side, the announcements under both."""
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 8, 8)
    right_layout.addWidget(save_problem)
    right_layout.addWidget(stack, 1)
    right_layout.addWidget(nav_bar)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(_steps_column(step_list, summary))
    splitter.addWidget(right)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([300, 800])
    step_list.setMinimumWidth(200)
    QWidget.setTabOrder(step_list, stack)
    frame = QWidget()
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(splitter, 1)
    layout.addWidget(announcement)
    return frame


def tab_chain(
    step_list: StepListWidget, summary: QPushButton, stack: PageStack, nav_bar: NavigationBar
) -> list[QWidget]:
    """The Tab stops in reading order: the step list, the summary button, the page from top
    to bottom, Back, Next, and Quick exit last."""
    ends = [nav_bar.back_button, nav_bar.next_button, nav_bar.quick_exit_button]
    return [step_list, summary, *reading_order(stack), *(b for b in ends if b.isEnabled())]
