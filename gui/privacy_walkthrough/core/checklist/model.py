"""The checklist as plain data: everything a printed checklist says, before any markup.

:func:`build_checklist` turns a guide and one person's progress into a :class:`Checklist`
of translated plain-text strings.  The HTML and Markdown renderers only add structure and
escaping, so both documents always say the same thing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from privacy_walkthrough.core.checklist.labels import (
    blank_box,
    finished_on,
    iso_date,
    kind_warning,
    legend,
    plain_text,
    route_label,
)
from privacy_walkthrough.core.checklist.person import (
    DeviceLine,
    Person,
    blocker_lines,
    device_lines,
    recheck_line,
    step_status,
)
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import Confidence
from privacy_walkthrough.core.content.models import Source, Step
from privacy_walkthrough.core.content.translation import ReviewState, review_text
from privacy_walkthrough.core.i18n import (
    PSEUDO_LANGUAGE,
    SOURCE_LANGUAGE,
    current_language,
    is_right_to_left,
    ltr,
    tr,
)
from privacy_walkthrough.core.labels import device_with_version
from privacy_walkthrough.core.progress.models import Progress
from privacy_walkthrough.core.walkthrough.views import is_choice

logger = logging.getLogger(__name__)

# The sources behind "What no setting can protect" (see content/SOURCES.md). The current
# guidelines were only seen quoted, never opened: not "verified".
LOOKUP_LOG_SOURCES = (
    Source(
        title=(
            "Legal Process Guidelines, U.S. (October 2025 edition; "
            "we only saw it quoted, not the document itself)"
        ),
        url="https://www.apple.com/legal/privacy/law-enforcement-guidelines-us.pdf",
        publisher="Apple",
        confidence=Confidence.UNVERIFIED,
    ),
    Source(
        title="Apple Harvests iMessage Logs And Could Share Them With The Police (2016)",
        url="https://www.silicon.co.uk/security/apple-imessage-data-storage-police-198382",
        publisher="Silicon UK, reporting The Intercept",
        confidence=Confidence.CORROBORATED,
    ),
)


def lookup_logs() -> str:
    """What no setting can protect, in one paragraph: the summary page and the checklist say it."""
    return tr(
        "Each time Messages, Contacts or another app checks whether a phone number or email "
        "address can receive iMessage, Apple's servers log the lookup: who was looked up and when. "
        "Apple says it keeps these logs for up to 25 days and can hand them to police who bring a "
        "valid legal order; it also says the logs do not prove that any message was sent. No "
        "setting changes this: the only way around it is not to use iMessage for a conversation, "
        "for example by using Signal instead."
    )


@dataclass(frozen=True)
class ChecklistOptions:
    """What goes into a checklist besides the guide and the progress."""

    generated_at: dt.datetime  # pass a time with the local zone: dates print in that zone
    app_version: str
    include_notes: bool = False  # notes are private; by default they stay out
    include_undo: bool = False  # each setting's "How to undo it", printed on request
    blank: bool = False  # to print before starting: every box open, no dates, no notes
    person_name: str = ""  # optional "prepared for"
    # devices covered, as plain labels; empty: the progress's own devices, or "not recorded"
    devices: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepEntry:
    """One step as printed; every string is plain text, empty when it has nothing to say."""

    step_id: str
    heading: str  # "3. Turn off SMS fallback"
    glyph: str
    status: str  # "Done on 2025-03-01", "Left for later", …
    kind: str
    summary: str
    routes: tuple[str, ...]
    sources: str  # "Sources: [1], [4]"
    note: str
    settled: bool
    finished: bool
    choice: bool = False  # optional or irreversible: never "still open", only if the person decides to
    devices: tuple[DeviceLine, ...] = ()  # per-device steps: one box per device
    blockers: tuple[str, ...] = ()  # "Needs an update first: Work iPad runs iPadOS 16.7; …"
    recheck: str = ""  # "Check again on Work iPhone, iPad"
    confirmed: str = ""  # "Last confirmed 2025-03-04"
    undo: str = ""  # "How to undo it: …" (only when asked for)


@dataclass(frozen=True)
class ListItem:
    label: str
    text: str


@dataclass(frozen=True)
class ListSection:
    title: str
    items: tuple[ListItem, ...]
    empty_text: str  # said instead of an empty list


@dataclass(frozen=True)
class TextSection:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str  # "Title — Publisher"
    url: str


@dataclass(frozen=True)
class Checklist:
    title: str
    header: tuple[str, ...]
    steps_title: str
    entries: tuple[StepEntry, ...]
    summaries: tuple[ListSection, ...]  # "Still open", "Only if you decide to", "What … protect"
    limits: TextSection
    sources_title: str
    sources: tuple[SourceLine, ...]
    language: str = "en"  # the language it is written in (HTML's lang)
    right_to_left: bool = False  # written right to left (HTML's dir="rtl")
    footer: tuple[str, ...] = ()  # the translation's review state, until a native speaker signs it off


class SourceNumbers:
    """Numbers sources by first appearance, once per URL."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._sources: list[Source] = []

    def refer(self, sources: Iterable[Source]) -> str:
        """Number these sources and return "Sources: [1], [4]"."""
        numbers: list[int] = []
        for source in sources:
            if source.url not in self._numbers:
                self._sources.append(source)
                self._numbers[source.url] = len(self._sources)
            number = self._numbers[source.url]
            if number not in numbers:
                numbers.append(number)
        refs = tr(", ").join(tr("[{number}]", number=n) for n in numbers)
        return tr("Sources: {refs}", refs=refs)

    def lines(self) -> tuple[SourceLine, ...]:
        return tuple(
            SourceLine(n, tr("{title} — {publisher}", title=s.title, publisher=s.publisher), s.url)
            for n, s in enumerate(self._sources, start=1)
        )


def _device_labels(progress: Progress | None, options: ChecklistOptions) -> tuple[str, ...]:
    labels = tuple(d.strip() for d in options.devices if d.strip())
    if labels or progress is None:
        return labels
    return tuple(device_with_version(d, progress.devices) for d in progress.devices)


def _header(guide: Guide, progress: Progress | None, options: ChecklistOptions) -> tuple[str, ...]:
    info = guide.info
    devices = tr(", ").join(_device_labels(progress, options))
    lines = [
        tr("Guide: {title}, version {version}", title=info.title, version=info.version),
        tr("Made with Privacy Walkthrough {version}", version=options.app_version),
        tr("Date: {date}", date=ltr(iso_date(options.generated_at, options.generated_at))),
    ]
    if options.person_name.strip():
        lines.append(tr("Prepared for: {name}", name=options.person_name.strip()))
    if devices:
        lines.append(tr("Devices covered: {devices}", devices=devices))
    else:
        lines.append(tr("Devices covered: not recorded"))
    if options.blank:
        lines.append(tr("Tick each box when you have finished the step."))
    else:
        lines.append(legend())
    return tuple(lines)


def _entry(number: int, step: Step, person: Person, refs: str, options: ChecklistOptions) -> StepEntry:
    blank = options.blank
    saved = person.saved(step)
    step_fit = person.fit(step)
    effective, status = step_status(saved, step_fit)
    if blank:
        status = blank_box()
    note = saved.note.strip() if options.include_notes and not blank else ""
    instructions = step_fit.instructions if step_fit is not None else step.instructions
    confirmed = ""
    if saved.confirmed_at is not None and not blank:
        confirmed = tr("Last confirmed {date}", date=ltr(iso_date(saved.confirmed_at, options.generated_at)))
    return StepEntry(
        step_id=step.id,
        heading=tr("{number}. {title}", number=number, title=step.title),
        glyph=status.glyph,
        status=("" if blank else finished_on(saved, options.generated_at)) or status.text,
        kind=kind_warning(step.kind),
        summary=step.summary,
        routes=tuple(route_label(i) for i in instructions),
        sources=refs,
        note=tr("Your note: {note}", note=note) if note else "",
        settled=not blank and effective.is_settled,
        finished=not blank and effective.is_finished,
        choice=is_choice(step),
        devices=device_lines(
            step, saved, step_fit, person.progress, None if blank else effective, options.generated_at
        ),
        blockers=() if blank else blocker_lines(step_fit, person.progress),
        recheck="" if blank else recheck_line(saved, person.progress),
        confirmed=confirmed,
        undo=tr("How to undo it: {text}", text=plain_text(step.undo))
        if options.include_undo and step.undo
        else "",
    )


def _summaries(entries: tuple[StepEntry, ...]) -> tuple[ListSection, ...]:
    still_open = ListSection(
        tr("Still open"),
        tuple(ListItem(e.heading, e.status) for e in entries if not e.settled and not e.choice),
        tr("Nothing: you have decided about every step."),
    )
    choices = tuple(ListItem(e.heading, e.summary) for e in entries if not e.settled and e.choice)
    only_if = ListSection(tr("Only if you decide to"), choices, "")
    protected = ListSection(
        tr("What your finished steps protect"),
        tuple(ListItem(e.heading, e.summary) for e in entries if e.finished),
        tr("No step is finished yet."),
    )
    return (still_open, only_if, protected) if choices else (still_open, protected)


def _limits(numbers: SourceNumbers) -> TextSection:
    return TextSection(
        tr("What no setting can protect"),
        (
            lookup_logs(),
            tr(
                "Reports from 2016 said the log also holds the IP address of the device that asked, "
                "which can hint at where you were."
            ),
            numbers.refer(LOOKUP_LOG_SOURCES),
        ),
    )


def _check_progress(guide: Guide, progress: Progress) -> None:
    if progress.guide_id != guide.info.id:
        logger.warning("progress is for guide %r, not %r", progress.guide_id, guide.info.id)
    unknown = set(progress.steps) - set(guide.step_ids)
    if unknown:
        logger.info("progress has %d step(s) that the guide no longer has", len(unknown))


def build_checklist(guide: Guide, progress: Progress | None, options: ChecklistOptions) -> Checklist:
    """Everything the checklist says; ``progress`` None means nothing is saved yet."""
    if progress is not None:
        _check_progress(guide, progress)
    numbers = SourceNumbers()
    person = Person(progress)
    entries = tuple(
        _entry(number, step, person, numbers.refer(step.sources), options)
        for number, step in enumerate(guide.steps, start=1)
    )
    limits = _limits(numbers)
    blank = options.blank
    language = SOURCE_LANGUAGE if current_language() == PSEUDO_LANGUAGE else current_language()
    return Checklist(
        title=tr("Privacy checklist: {guide}", guide=guide.info.title),
        header=_header(guide, progress, options),
        steps_title=tr("Steps to fill in") if blank else tr("Steps"),
        entries=entries,
        summaries=() if blank else _summaries(entries),
        limits=limits,
        sources_title=tr("Sources"),
        sources=numbers.lines(),
        language=language,
        right_to_left=is_right_to_left(language),
        footer=_footer(guide),
    )


def _footer(guide: Guide) -> tuple[str, ...]:
    """The translation's review state, shown until a native speaker has reviewed it."""
    translation = guide.translation
    if translation is None or translation.review.state is ReviewState.REVIEWED:
        return ()
    return (review_text(translation.review),)
