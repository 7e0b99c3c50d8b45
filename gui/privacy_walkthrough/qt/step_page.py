"""The one page type that renders any step of any guide from its content data: the step's
heading, where it fits the person, its content (qt/step_content.py), the private note and
the decision bar, which moves to the foot of the page when the window is short."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.translation import in_english_note
from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.core.labels import checked_against_label, kind_label
from privacy_walkthrough.core.progress.models import NOTE_MAX_CHARS, StepStatus
from privacy_walkthrough.core.view_settings import Section, ViewSettings
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.collapsible import CollapsibleSection
from privacy_walkthrough.qt.decision_bar import DecisionBar
from privacy_walkthrough.qt.fit_panel import FitPanel
from privacy_walkthrough.qt.step_content import StepContent
from privacy_walkthrough.qt.widgets import ColumnWidget, HeadingLabel, ScrollBodyWidget, WrappedLabel

NOTE_SAVE_DELAY_MS = 400
BAR_SHARE_MAX = 0.4  # a decision bar taller than this share of the page scrolls with it


class StepPage(QWidget):
    """Shows one step: why, what to do on each platform, how to check, the trade-off, sources."""

    status_chosen = Signal(str, StepStatus, str)  # step id, status, skip reason
    note_edited = Signal(str, str)  # step id, note text
    link_activated = Signal(str)  # a source link the user clicked
    device_ticked = Signal(str, str, bool)  # step id, device id, ticked
    still_set_confirmed = Signal(str)  # step id

    def __init__(self, view_settings: ViewSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepPage")
        self.view_settings = view_settings or ViewSettings()
        self.step: Step | None = None

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("stepScrollArea")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = ColumnWidget()
        self.body.setObjectName("stepBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(24, 16, 24, 16)
        self.scroll_area.setWidget(ScrollBodyWidget(self.body))

        self.eyebrow_label = WrappedLabel(object_name="eyebrowLabel")
        self.title_label = HeadingLabel("", level=1)
        self.summary_label = WrappedLabel(object_name="summaryLabel")
        self.meta_label = WrappedLabel(object_name="metaLabel")
        # Shown when the step's translation is missing or older than the English step.
        self.translation_note_label = WrappedLabel(in_english_note(), object_name="translationNote")
        self.translation_note_label.hide()
        self.fit_panel = FitPanel()
        self.fit_panel.device_ticked.connect(self.on_fit_panel_device_ticked)
        self.fit_panel.still_set_confirmed.connect(self.on_fit_panel_still_set_confirmed)
        self.content_box = StepContent(self.view_settings)
        self.content_box.link_activated.connect(self.link_activated)
        self.note_heading = QLabel(tr("Your private &note"))
        self.note_heading.setObjectName("heading2")
        self.note_heading.setIndent(0)  # in line with the other headings (a styled label indents)
        self.note_hint = WrappedLabel(
            tr("Only you see this. It is saved on this computer and printed only if you ask."),
            object_name="hintLabel",
        )
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(tr("Private note for this step"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(80)
        self.note_edit.setMaximumHeight(160)
        self.note_heading.setBuddy(self.note_edit)
        for widget in (
            self.eyebrow_label,
            self.title_label,
            self.summary_label,
            self.meta_label,
            self.translation_note_label,
            self.fit_panel,
            self.content_box,
            self.note_heading,
            self.note_hint,
            self.note_edit,
        ):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)

        self.decision_bar = DecisionBar(self)
        self.outer_layout = QVBoxLayout(self)
        self.outer_layout.setContentsMargins(0, 0, 0, 0)
        self.outer_layout.addWidget(self.scroll_area, 1)
        self.outer_layout.addWidget(self.decision_bar)
        self.bar_scrolls = False  # True: the decision bar is at the foot of the scrolling page

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note_edit.textChanged.connect(self.on_note_edit_text_changed)
        self.decision_bar.status_chosen.connect(self.on_decision_bar_status_chosen)

    @property
    def sections(self) -> dict[Section, CollapsibleSection]:
        """The content's sections that open and close, by what they hold."""
        return self.content_box.sections

    # -- rendering ----------------------------------------------------------------------

    def show_step(self, view: StepView) -> None:
        """Draw the step as the walkthrough sees it for this person."""
        self.flush_note()
        step = view.step
        self.translation_note_label.setVisible(view.in_english)
        first_show = self.step is None or self.step.id != step.id
        self.step = step
        self.eyebrow_label.setText(
            tr(
                "Step {number} of {total} · {kind}",
                number=view.number,
                total=view.total,
                kind=kind_label(step.kind),
            )
        )
        self.title_label.setText(step.title)
        self.title_label.setAccessibleName(step.title)
        self.summary_label.setText(step.summary)
        meta = tr(
            "Applies to: {versions}. Last reviewed: {date}.",
            versions=step.applies_to,
            date=ltr(step.reviewed.isoformat()),
        )
        checked = checked_against_label(step, view.checked_against)
        self.meta_label.setText(f"{meta} {checked}" if checked else meta)
        self.content_box.show_content(step, view.fit.instructions, view.fit.conditional)
        self.fit_panel.show_view(view)
        if self.note_edit.toPlainText() != view.note:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(view.note)
            self.note_edit.blockSignals(False)
        self.decision_bar.show_step(view)
        self.decision_bar.allow_done(view.can_mark_done)
        if first_show:
            self.scroll_area.verticalScrollBar().setValue(0)

    # -- the person's input -------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a short page (a small window, large text) the decision bar would leave little
        room for the step: it then goes at the foot of the page and scrolls with it."""
        size = event.size()
        bar_height = self.decision_bar.heightForWidth(size.width())
        if bar_height < 0:
            bar_height = self.decision_bar.sizeHint().height()
        scrolls = bar_height > size.height() * BAR_SHARE_MAX
        if scrolls != self.bar_scrolls:
            self.bar_scrolls = scrolls
            if scrolls:
                self.outer_layout.removeWidget(self.decision_bar)
                self.body_layout.insertWidget(self.body_layout.count() - 1, self.decision_bar)
            else:
                self.body_layout.removeWidget(self.decision_bar)
                self.outer_layout.addWidget(self.decision_bar)
            self.decision_bar.show()
        super().resizeEvent(event)

    def lay_out_now(self) -> None:
        """Do the work of showing this page now, while it is hidden: polish, layout and a
        first paint into a throw-away image (which also fills Qt's glyph caches)."""
        self.grab()

    def forget_note(self) -> None:
        """Drop a pending note edit without handing it over (its progress is being replaced)."""
        self._note_timer.stop()
        self.step = None

    def flush_note(self) -> None:
        """Hand over a pending note edit now (before leaving the page or quitting)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
        if self.step is not None:
            self.note_edited.emit(self.step.id, self.note_edit.toPlainText())

    def on_note_edit_text_changed(self) -> None:
        if len(self.note_edit.toPlainText()) > NOTE_MAX_CHARS:
            cursor = self.note_edit.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            extra = len(self.note_edit.toPlainText()) - NOTE_MAX_CHARS
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, extra)
            cursor.removeSelectedText()
            self.note_hint.setText(
                ntr(
                    "A note can hold up to {n} character.",
                    "A note can hold up to {n} characters.",
                    NOTE_MAX_CHARS,
                )
            )
        self._note_timer.start()

    def on_fit_panel_device_ticked(self, device_id: str, ticked: bool) -> None:
        if self.step is not None:
            self.device_ticked.emit(self.step.id, device_id, ticked)

    def on_fit_panel_still_set_confirmed(self) -> None:
        if self.step is not None:
            self.still_set_confirmed.emit(self.step.id)

    def on_decision_bar_status_chosen(self, status: StepStatus, reason: str) -> None:
        if self.step is not None:
            self.status_chosen.emit(self.step.id, status, reason)
