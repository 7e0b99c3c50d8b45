"""The one page type that renders any step of any guide from its content data."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from privacy_walkthrough.core.content.kinds import Confidence
from privacy_walkthrough.core.content.models import Instructions, Source, Step
from privacy_walkthrough.core.content.sketch import sketch_description
from privacy_walkthrough.core.content.translation import in_english_note
from privacy_walkthrough.core.i18n import ltr, ntr, tr
from privacy_walkthrough.core.labels import (
    checked_against_label,
    instructions_heading,
    kind_label,
    path_text,
    version_range_label,
)
from privacy_walkthrough.core.progress.models import NOTE_MAX_CHARS, StepStatus
from privacy_walkthrough.core.view_settings import Section, ViewSettings
from privacy_walkthrough.core.walkthrough.views import StepView
from privacy_walkthrough.qt.collapsible import CollapsibleSection
from privacy_walkthrough.qt.decision_bar import DecisionBar
from privacy_walkthrough.qt.fit_panel import FitPanel
from privacy_walkthrough.qt.qr_picture import QrCodeWidget
from privacy_walkthrough.qt.sketch_picture import SketchPicture
from privacy_walkthrough.qt.widgets import ColumnWidget, HeadingLabel, ScrollBodyWidget, WrappedLabel

NOTE_SAVE_DELAY_MS = 400
BAR_SHARE_MAX = 0.4  # a decision bar taller than this share of the page scrolls with it
QR_WIDTH = 132
MARKDOWN = Qt.TextFormat.MarkdownText


def _confidence_label(confidence: Confidence) -> str:
    labels = {
        Confidence.VERIFIED: tr("confirmed by the vendor"),
        Confidence.CORROBORATED: tr("several sources agree"),
        Confidence.UNVERIFIED: tr("not confirmed"),
    }
    return labels[confidence]


def _source_item(source: Source) -> str:
    url = escape(source.url, quote=True)
    title = escape(source.title)
    detail = escape(f"{source.publisher}; {_confidence_label(source.confidence)}")
    return f'<li><a href="{url}">{title}</a> ({detail})</li>'


def _sources_html(step: Step) -> str:
    return "<ol>" + "".join(_source_item(s) for s in step.sources) + "</ol>"


def _instructions_markdown(instructions: Instructions) -> str:
    lines = [f"{n}. {text}" for n, text in enumerate(instructions.steps, start=1)]
    return "\n".join(lines)


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
        self.sections: dict[Section, CollapsibleSection] = {}
        self.step: Step | None = None
        self._content_key: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None

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
        self.content_box = ColumnWidget()
        self.content_layout = QVBoxLayout(self.content_box)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
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
        shown, conditional = view.fit.instructions, view.fit.conditional
        content_key = (
            step.id,
            tuple(step.instructions.index(i) for i in shown),
            tuple(step.instructions.index(i) for i in conditional),
        )
        if content_key != self._content_key:  # built once; kept while it fits the person
            self._fill_content(step, shown, conditional)
            self._content_key = content_key
        else:
            self.show_sections()
        self.fit_panel.show_view(view)
        if self.note_edit.toPlainText() != view.note:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(view.note)
            self.note_edit.blockSignals(False)
        self.decision_bar.show_step(view)
        self.decision_bar.allow_done(view.can_mark_done)
        if first_show:
            self.scroll_area.verticalScrollBar().setValue(0)

    def _clear_content(self) -> None:
        while (item := self.content_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from the page (and its children) at once
                widget.deleteLater()

    def _add(self, widget: QWidget) -> None:
        self.content_layout.addWidget(widget)

    def _section(self, heading: str, markdown: str) -> None:
        self._add(HeadingLabel(heading))
        self._add(WrappedLabel(markdown, text_format=MARKDOWN))

    def _fill_content(
        self, step: Step, shown: tuple[Instructions, ...], conditional: tuple[Instructions, ...]
    ) -> None:
        """The task first (what to do, with its pictures; how to check; the trade-off), then
        the explanation, the open questions and the sources, each one click away."""
        self._clear_content()
        self.sections = {}
        if step.instructions:
            self._fill_instructions(step, shown, conditional)
        else:  # advice: the explanation is the task
            self._section(tr("What to know"), step.why)
        self._section(tr("How to check it is done"), step.check)
        self._section(tr("What you give up"), step.gives_up)
        if step.undo:
            self._section(tr("How to undo it"), step.undo)
        if step.instructions:
            self._collapsible(Section.WHY, tr("Why it matters")).add(
                WrappedLabel(step.why, text_format=MARKDOWN)
            )
        if step.uncertain:
            section = self._collapsible(Section.UNCERTAIN, tr("What the sources do not settle"))
            section.add(WrappedLabel(step.uncertain, text_format=MARKDOWN))
        self._fill_sources(step, self._collapsible(Section.SOURCES, tr("Sources")))

    def _collapsible(self, key: Section, heading: str) -> CollapsibleSection:
        section = CollapsibleSection(heading)
        section.setObjectName(f"{key.value}Section")
        section.set_open(self.view_settings.is_open(key))
        section.toggled.connect(lambda is_open: self.view_settings.set_open(key, is_open))
        self.sections[key] = section
        self._add(section)
        return section

    def _fill_instructions(
        self, step: Step, shown: tuple[Instructions, ...], conditional: tuple[Instructions, ...]
    ) -> None:
        self._add(HeadingLabel(tr("What to do")))
        if not shown:
            self._add(
                WrappedLabel(
                    tr(
                        "None of the instructions fits the devices and system versions you gave. "
                        "Check them on the set-up page, or look for the setting on your device."
                    ),
                    object_name="hintLabel",
                )
            )
        elif len(shown) < len(step.instructions):
            self._add(
                WrappedLabel(
                    tr("Only the instructions for your devices and their system versions are shown."),
                    object_name="hintLabel",
                )
            )
        for instructions in shown:
            self._add(HeadingLabel(instructions_heading(instructions), level=3))
            if instructions in conditional:
                self._add(
                    WrappedLabel(
                        tr(
                            "Only if your device runs {versions}: check its exact version first.",
                            versions=version_range_label(instructions),
                        ),
                        object_name="hintLabel",
                    )
                )
            if instructions.path:
                path = WrappedLabel(path_text(instructions), object_name="pathLabel")
                path.setAccessibleName(tr("Where to go: {path}", path=path_text(instructions)))
                self._add(path)
            if instructions.path:
                self._add(SketchPicture(instructions, sketch_description(instructions)))
            self._add(WrappedLabel(_instructions_markdown(instructions), text_format=MARKDOWN))

    def _fill_sources(self, step: Step, section: CollapsibleSection) -> None:
        sources = WrappedLabel(
            _sources_html(step), text_format=Qt.TextFormat.RichText, object_name="sourcesLabel"
        )
        sources.setOpenExternalLinks(False)
        sources.setAccessibleName(tr("Sources for this step"))
        sources.linkActivated.connect(self.link_activated)
        section.add(sources)
        first = step.sources[0]
        section.add(
            WrappedLabel(
                tr("Scan with your phone's camera to open “{title}”:", title=first.title),
                object_name="hintLabel",
            )
        )
        section.add(QrCodeWidget(first.url, tr("QR code that opens {url}", url=first.url), QR_WIDTH))

    def show_sections(self) -> None:
        """Open or close the sections as last left (on any step's page)."""
        for key, section in self.sections.items():
            section.set_open(self.view_settings.is_open(key))

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
