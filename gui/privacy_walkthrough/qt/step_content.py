"""The body of a step's page: the task first (what to do on each of the person's platforms,
with its path and sketch; how to check; the trade-off), then the explanation, the open
questions and the sources, each one click away in a section that stays as last left."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from privacy_walkthrough.core.content.kinds import Confidence
from privacy_walkthrough.core.content.models import Instructions, Source, Step
from privacy_walkthrough.core.content.sketch import sketch_description
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import instructions_heading, path_text, version_range_label
from privacy_walkthrough.core.view_settings import Section, ViewSettings
from privacy_walkthrough.qt.collapsible import CollapsibleSection
from privacy_walkthrough.qt.qr_picture import QrCodeWidget
from privacy_walkthrough.qt.sketch_picture import SketchPicture
from privacy_walkthrough.qt.widgets import ColumnWidget, HeadingLabel, WrappedLabel, clear_layout

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


class StepContent(ColumnWidget):
    """A step's content, built once and kept while the same instructions fit the person."""

    link_activated = Signal(str)  # a source link the person clicked

    def __init__(self, view_settings: ViewSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_settings = view_settings
        self.sections: dict[Section, CollapsibleSection] = {}
        self.content_layout = QVBoxLayout(self)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self._key: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None

    def show_content(
        self, step: Step, shown: tuple[Instructions, ...], conditional: tuple[Instructions, ...]
    ) -> None:
        """Show ``step`` with the instructions ``shown`` (``conditional`` ones with a hint)."""
        key = (
            step.id,
            tuple(step.instructions.index(i) for i in shown),
            tuple(step.instructions.index(i) for i in conditional),
        )
        if key != self._key:
            self._fill(step, shown, conditional)
            self._key = key
        else:
            self.show_sections()

    def show_sections(self) -> None:
        """Open or close the sections as last left (on any step's page)."""
        for key, section in self.sections.items():
            section.set_open(self.view_settings.is_open(key))

    def _add(self, widget: QWidget) -> None:
        self.content_layout.addWidget(widget)

    def _section(self, heading: str, markdown: str) -> None:
        self._add(HeadingLabel(heading))
        self._add(WrappedLabel(markdown, text_format=MARKDOWN))

    def _hint(self, text: str) -> None:
        self._add(WrappedLabel(text, object_name="hintLabel"))

    def _fill(
        self, step: Step, shown: tuple[Instructions, ...], conditional: tuple[Instructions, ...]
    ) -> None:
        clear_layout(self.content_layout)
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
            self._hint(
                tr(
                    "None of the instructions fits the devices and system versions you gave. "
                    "Check them on the set-up page, or look for the setting on your device."
                )
            )
        elif len(shown) < len(step.instructions):
            self._hint(tr("Only the instructions for your devices and their system versions are shown."))
        for instructions in shown:
            self._add(HeadingLabel(instructions_heading(instructions), level=3))
            if instructions in conditional:
                self._hint(
                    tr(
                        "Only if your device runs {versions}: check its exact version first.",
                        versions=version_range_label(instructions),
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
