"""The checklist renderer, tested on strings: no Qt, a small guide loaded through the real loader."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.checklist.html import STEP_ANCHOR_PREFIX
from privacy_walkthrough.core.checklist.markdown import autolink
from privacy_walkthrough.core.checklist.render import (
    ChecklistOptions,
    render_html,
    render_json,
    render_markdown,
)
from privacy_walkthrough.core.content.guide import Guide, GuideInfo
from privacy_walkthrough.core.content.kinds import Confidence, Platform, StepKind
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.models import Instructions, Source, Step
from privacy_walkthrough.core.labels import instructions_label, version_range_label
from privacy_walkthrough.core.markdown_text import escape_markdown
from privacy_walkthrough.core.progress.models import Progress, StepProgress, StepStatus
from tests.helpers import from_json

NOW = dt.datetime(2025, 3, 5, 10, 0, tzinfo=dt.UTC)
DONE_AT = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
EVIL = '<img src="http://example.com/x">'
URL_A = "https://support.apple.com/en-us/a"
URL_B = "https://example.org/b"
URL_C = "https://example.net/c"

GUIDE_TOML = """\
schema_version = 1
id = "test-guide"
title = "Test guide"
version = "1.2"
language = "en"
description = "A guide for tests."
minutes = 10
steps = ["what-imessage-protects", "send-as-sms", "lockdown-mode", "delete-account"]
reviewed = 2025-01-01
"""


def _source(url: str, title: str) -> str:
    return f'[[sources]]\ntitle = "{title}"\nurl = "{url}"\npublisher = "Pub"\nconfidence = "verified"\n'


def _step_toml(step_id: str, title: str, kind: str, extra: str, sources: str) -> str:
    return (
        f'schema_version = 1\nid = "{step_id}"\ntitle = "{title}"\nsummary = "Summary of {step_id}."\n'
        f'kind = "{kind}"\nwhy = "Why."\ncheck = "Check."\ngives_up = "Nothing."\n'
        f'applies_to = "iOS 17-18"\nreviewed = 2025-01-01\n{extra}\n{sources}'
    )


STEPS = {
    "what-imessage-protects": _step_toml(
        "what-imessage-protects",
        "What iMessage protects",
        "advice",
        "completable = false",
        _source(URL_A, "A"),
    ),
    "send-as-sms": _step_toml(
        "send-as-sms",
        "Turn off SMS & <fallback>",
        "setting",
        'undo = """\n- Turn **Send as SMS** back on.\n- Send a test <message>.\n"""\n'
        '[[instructions]]\nplatform = "iphone"\nmin_version = "18"\n'
        'path = ["Settings", "Apps", "Messages", "Send as SMS"]\ntarget = "Off"\nsteps = ["Tap **Off**."]\n'
        '[[instructions]]\nplatform = "iphone"\nbefore_version = "18"\n'
        'path = ["Settings", "Messages", "Send as SMS"]\ntarget = "Off"\nsteps = ["Tap it."]\n',
        _source(URL_A, "A") + _source(URL_B, "B"),
    ),
    "lockdown-mode": _step_toml(
        "lockdown-mode",
        "Lockdown Mode",
        "optional",
        '[[instructions]]\nplatform = "mac"\nmin_version = "14.2"\n'
        'path = ["System Settings", "Privacy & Security", "Lockdown Mode"]\n'
        'target = "On"\nsteps = ["Turn it on."]\n',
        _source(URL_C, "C"),
    ),
    "delete-account": _step_toml(
        "delete-account",
        "Delete your Apple Account",
        "irreversible",
        '[[instructions]]\nplatform = "web"\nsteps = ["Open [the privacy page](https://privacy.apple.com)."]\n',
        _source(URL_B, "B"),
    ),
}

STATUS_TEXT = {  # one line: a finished step's status carries its date
    "what-imessage-protects": "Read and acknowledged on 2025-03-01",
    "send-as-sms": "Done on 2025-03-01",
    "lockdown-mode": "Skipped — reason: No Mac here",
    "delete-account": "Left for later",
}


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    (tmp_path / "guide.toml").write_text(GUIDE_TOML, encoding="utf-8")
    (tmp_path / "steps").mkdir()
    for step_id, text in STEPS.items():
        (tmp_path / "steps" / f"{step_id}.toml").write_text(text, encoding="utf-8")
    return load_guide(tmp_path)


@pytest.fixture
def progress() -> Progress:
    return Progress(
        guide_id="test-guide",
        guide_version="1.2",
        current_page="lockdown-mode",
        created_at=NOW,
        updated_at=NOW,
        steps={
            "what-imessage-protects": StepProgress(
                status=StepStatus.ACKNOWLEDGED, done_at=DONE_AT, note="read it twice"
            ),
            "send-as-sms": StepProgress(status=StepStatus.DONE, done_at=DONE_AT, note=EVIL),
            "lockdown-mode": StepProgress(status=StepStatus.SKIPPED, skip_reason="No Mac here"),
            "delete-account": StepProgress(status=StepStatus.LATER, note="ask <b>Sam</b> first"),
            "removed-step": StepProgress(status=StepStatus.DONE),
        },
    )


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_catalog({})
    yield
    i18n.set_catalog({})


BASE_OPTIONS = ChecklistOptions(generated_at=NOW, app_version="0.1.0")


def options(**changes: Any) -> ChecklistOptions:
    return dataclasses.replace(BASE_OPTIONS, **changes)


def html_blocks(html: str) -> dict[str, str]:
    """Each step's HTML block (its table), by step id."""
    blocks = re.findall(rf'<a name="{STEP_ANCHOR_PREFIX}([a-z0-9-]+)"></a>(.*?)</table>', html, re.S)
    return dict(blocks)


def md_blocks(markdown: str) -> dict[str, str]:
    """Each step's Markdown block, by its title (escaped)."""
    chunks = re.split(r"^### ", markdown.split("\n## ", 2)[1], flags=re.M)[1:]
    return {chunk.splitlines()[0]: chunk.split("\n## ")[0] for chunk in chunks}


# -- HTML and Markdown show every step with its status ------------------------------------------


def test_html_shows_every_step_with_its_status(guide: Guide, progress: Progress, english: None) -> None:
    blocks = html_blocks(render_html(guide, progress, options()))
    assert list(blocks) == list(guide.step_ids)
    assert "Turn off SMS &amp; &lt;fallback&gt;" in blocks["send-as-sms"]
    for step_id, text in STATUS_TEXT.items():
        assert f"<b>{text}</b>" in blocks[step_id]
    assert "☑" in blocks["send-as-sms"] and "☑" in blocks["what-imessage-protects"]
    assert "☒" in blocks["lockdown-mode"]
    assert "☐" in blocks["delete-account"]
    assert blocks["send-as-sms"].count("Done") == 1  # not "Done", then "Done on …"
    assert blocks["what-imessage-protects"].count("acknowledged") == 1
    assert "2025-03-01" not in blocks["delete-account"]


def test_markdown_shows_every_step_with_its_status(guide: Guide, progress: Progress, english: None) -> None:
    blocks = md_blocks(render_markdown(guide, progress, options()))
    titles = [f"{n}\\. {escape_markdown(s.title)}" for n, s in enumerate(guide.steps, start=1)]
    assert [title.split(" ", 1)[1] for title in blocks] == titles
    by_id = dict(zip(guide.step_ids, blocks.values(), strict=True))
    for step_id, text in STATUS_TEXT.items():
        assert f"**{escape_markdown(text)}**" in by_id[step_id]
    assert list(blocks)[1].startswith("☑ 2\\. Turn off SMS \\& \\<fallback\\>")
    assert by_id["send-as-sms"].count("Done") == 1


@pytest.mark.parametrize(
    ("status", "glyph", "text"),
    [
        (StepStatus.DONE, "☑", "Done"),
        (StepStatus.ACKNOWLEDGED, "☑", "Read and acknowledged"),
        (StepStatus.SKIPPED, "☒", "Skipped"),
        (StepStatus.NOT_APPLICABLE, "⊘", "Not applicable"),
        (StepStatus.LATER, "☐", "Left for later"),
        (StepStatus.NOT_STARTED, "☐", "Not yet"),
    ],
)
def test_each_status_has_a_glyph_and_words(
    guide: Guide, progress: Progress, english: None, status: StepStatus, glyph: str, text: str
) -> None:
    progress.steps["lockdown-mode"] = StepProgress(status=status)
    block = html_blocks(render_html(guide, progress, options()))["lockdown-mode"]
    assert f"{glyph}</span> 3. Lockdown Mode" in block
    assert f"<b>{text}</b>" in block


def test_no_progress_reads_as_nothing_done(guide: Guide, english: None) -> None:
    blocks = html_blocks(render_html(guide, None, options()))
    assert len(blocks) == len(guide.steps)
    assert all("☐" in block and "<b>Not yet</b>" in block and "☑" not in block for block in blocks.values())


def test_header_names_versions_date_person_and_devices(guide: Guide, english: None) -> None:
    html = render_html(guide, None, options(person_name="Ana <Q>", devices=("iPhone 15", "MacBook Air")))
    assert "Guide: Test guide, version 1.2" in html
    assert "Made with Privacy Walkthrough 0.1.0" in html
    assert "Date: 2025-03-05" in html
    assert "Prepared for: Ana &lt;Q&gt;" in html
    assert "Devices covered: iPhone 15, MacBook Air" in html
    plain = render_html(guide, None, options())
    assert "Prepared for" not in plain
    assert "Devices covered: not recorded" in plain


def test_routes_kinds_and_sections(guide: Guide, progress: Progress, english: None) -> None:
    html = render_html(guide, progress, options())
    blocks = html_blocks(html)
    sms = blocks["send-as-sms"]
    assert "iPhone/iPad (iOS 18 and later): Settings › Apps › Messages › Send as SMS → Off" in sms
    assert "iPhone/iPad (iOS 17 and earlier): Settings › Messages › Send as SMS → Off" in sms
    assert (
        "Mac (macOS 14.2 and later): System Settings › Privacy &amp; Security › Lockdown Mode → On"
        in (blocks["lockdown-mode"])
    )
    assert "Web: Open the privacy page." in blocks["delete-account"]
    assert "<i>Irreversible: only if you decide to</i>" in blocks["delete-account"]  # as in the app
    assert "<i>Optional</i>" in blocks["lockdown-mode"]
    assert "Optional" not in sms and "Irreversible" not in sms
    still_open = html.split("<h2>Still open</h2>")[1].split("<h2>")[0]
    assert "Delete" not in still_open and "Lockdown" not in still_open
    only_if = html.split("<h2>Only if you decide to</h2>")[1].split("<h2>")[0]
    assert "4. Delete your Apple Account" in only_if and "Lockdown" not in only_if  # skipped: decided
    protected = html.split("<h2>What your finished steps protect</h2>")[1].split("<h2>")[0]
    assert "Summary of send-as-sms." in protected and "Summary of what-imessage-protects." in protected
    assert "delete-account" not in protected
    limits = html.split("<h2>What no setting can protect</h2>")[1].split("<h2>")[0]
    assert "25 days" in limits and "IP address" in limits and "police" in limits


def test_undo_is_printed_only_when_asked(guide: Guide, progress: Progress, english: None) -> None:
    assert "How to undo it" not in render_html(guide, progress, options())
    assert "How to undo it" not in render_markdown(guide, progress, options())
    html = html_blocks(render_html(guide, progress, options(include_undo=True)))
    assert "How to undo it: Turn Send as SMS back on. Send a test &lt;message&gt;." in html["send-as-sms"]
    assert "How to undo it" not in html["lockdown-mode"]  # a step without an undo text prints none
    markdown = render_markdown(guide, progress, options(include_undo=True))
    assert "How to undo it: Turn Send as SMS back on. Send a test \\<message\\>." in markdown


# -- notes and escaping -------------------------------------------------------------------------


def test_notes_stay_out_by_default(guide: Guide, progress: Progress, english: None) -> None:
    html = render_html(guide, progress, options())
    markdown = render_markdown(guide, progress, options())
    for text in (html, markdown):
        assert "Your note" not in text
        assert "read it twice" not in text
        assert "img" not in text


def test_notes_are_escaped_when_included(guide: Guide, progress: Progress, english: None) -> None:
    html = render_html(guide, progress, options(include_notes=True))
    assert "Your note: &lt;img src=&quot;http://example.com/x&quot;&gt;" in html_blocks(html)["send-as-sms"]
    assert "ask &lt;b&gt;Sam&lt;/b&gt; first" in html
    assert "<img" not in html
    assert "<b>Sam" not in html
    markdown = render_markdown(guide, progress, options(include_notes=True))
    assert '*Your note: \\<img src="http\\://example.com/x"\\>*' in markdown
    assert not re.search(r"(?<!\\)<(?!https://)", markdown)


QT_TAGS = {"html", "head", "meta", "title", "body", "h1", "h2", "h3", "p", "br", "table", "tr", "td"}
QT_TAGS |= {"ul", "ol", "li", "b", "i", "span", "a"}


def test_html_uses_only_the_qt_rich_text_subset(guide: Guide, progress: Progress, english: None) -> None:
    progress.steps["lockdown-mode"].skip_reason = '<script>alert("x")</script>'
    html = render_html(guide, progress, options(include_notes=True, person_name="<table>"))
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", html))
    assert tags <= QT_TAGS
    assert html.count("<table") == len(guide.steps)
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Heading", "\\# Heading"),
        ("1. not a list", "1\\. not a list"),
        ("[x](https://e.com)", "\\[x\\](https\\://e.com)"),
        ("www.e.com or me@e.com", "www\\.e.com or me\\@e.com"),
        ("a - b. c (d) 3.5 {e}", "a - b. c (d) 3.5 {e}"),
        ("+ plus\n= eq\n2) two", "\\+ plus\\\n\\= eq\\\n2\\) two"),
        ("*a* _b_ `c` <d> & e", "\\*a\\* \\_b\\_ \\`c\\` \\<d\\> \\& e"),
        ("    code\n\n  - item", "code\\\n\\- item"),
        ("plain words, no marks", "plain words, no marks"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_source_urls_are_autolinks(guide: Guide, english: None) -> None:
    markdown = render_markdown(guide, None, options())
    assert f"   <{URL_A}>" in markdown
    assert autolink("https://e.com/a<b>c") == "<https://e.com/a%3Cb%3Ec>"


# -- a blank checklist --------------------------------------------------------------------------


def test_blank_checklist_has_every_box_open(guide: Guide, progress: Progress, english: None) -> None:
    blank = options(blank=True, include_notes=True)
    html = render_html(guide, progress, blank)
    markdown = render_markdown(guide, progress, blank)
    for text in (html, markdown):
        assert "☑" not in text and "☒" not in text and "⊘" not in text
        assert "2025-03-01" not in text
        assert "Your note" not in text and "read it twice" not in text
        assert "Still open" not in text and "What your finished steps protect" not in text
        assert "What no setting can protect" in text
        assert URL_C in text
    blocks = html_blocks(html)
    assert len(blocks) == len(guide.steps)
    assert all("☐" in block and "<b>" not in block for block in blocks.values())


# -- sources ------------------------------------------------------------------------------------


def test_sources_are_numbered_once_each(guide: Guide, progress: Progress, english: None) -> None:
    html = render_html(guide, progress, options())
    blocks = html_blocks(html)
    assert "Sources: [1]</p>" in blocks["what-imessage-protects"]
    assert "Sources: [1], [2]</p>" in blocks["send-as-sms"]
    assert "Sources: [3]</p>" in blocks["lockdown-mode"]
    assert "Sources: [2]</p>" in blocks["delete-account"]
    listing = html.split("<h2>Sources</h2>")[1]
    urls = re.findall(r'<a href="([^"]+)">', listing)
    assert urls[:3] == [URL_A, URL_B, URL_C]
    assert len(urls) == len(set(urls)) == 5  # the three above and two behind "no setting can protect"
    limits = html.split("<h2>What no setting can protect</h2>")[1].split("<h2>")[0]
    assert "Sources: [4], [5]" in limits


# -- JSON ---------------------------------------------------------------------------------------


def test_json_round_trips_without_notes(guide: Guide, progress: Progress) -> None:
    before = copy.deepcopy(progress)
    loaded = from_json(Progress, render_json(guide, progress, options()))
    assert progress == before
    assert {k: v.status for k, v in loaded.steps.items()} == {k: v.status for k, v in progress.steps.items()}
    assert all(entry.note == "" for entry in loaded.steps.values())
    assert loaded.steps["lockdown-mode"].skip_reason == "No Mac here"
    assert loaded.current_page == "lockdown-mode"


def test_json_keeps_notes_when_asked(guide: Guide, progress: Progress) -> None:
    loaded = from_json(Progress, render_json(guide, progress, options(include_notes=True)))
    assert loaded == progress
    assert loaded.steps["send-as-sms"].note == EVIL


@pytest.mark.parametrize("blank", [True, False])
def test_json_of_nothing_is_a_fresh_progress(guide: Guide, progress: Progress, blank: bool) -> None:
    text = render_json(guide, progress if blank else None, options(blank=blank))
    loaded = from_json(Progress, text)
    assert loaded.steps == {}
    assert (loaded.guide_id, loaded.guide_version, loaded.created_at) == ("test-guide", "1.2", NOW)
    assert json.loads(text)["format"] == "privacy-walkthrough-progress"
    assert len(progress.steps) == 5


# -- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "first", "before", "expected"),
    [
        (Platform.IPHONE, None, "18", "iOS 17 and earlier"),
        (Platform.IPHONE, "18", None, "iOS 18 and later"),
        (Platform.IPHONE, "17.2", "18", "iOS 17.2–17.x"),
        (Platform.IPHONE, "16", "18", "iOS 16–17"),
        (Platform.IPHONE, "17", "18", "iOS 17"),
        (Platform.IPHONE, None, "17.2", "iOS 17.1 and earlier"),
        (Platform.IPHONE, None, "17.2.1", "iOS before 17.2.1"),
        (Platform.IPHONE, None, None, "any iOS version"),
        (Platform.MAC, "14.2", None, "macOS 14.2 and later"),
        (Platform.WEB, None, None, "Web"),
    ],
)
def test_version_range_label(
    english: None, platform: Platform, first: str | None, before: str | None, expected: str
) -> None:
    instructions = Instructions(platform=platform, min_version=first, before_version=before, steps=["x"])
    assert version_range_label(instructions) == expected


def test_instructions_label(english: None) -> None:
    iphone = Instructions(platform=Platform.IPHONE, min_version="18", steps=["x"])
    assert instructions_label(iphone) == "iPhone/iPad (iOS 18 and later)"
    assert instructions_label(Instructions(platform=Platform.WEB, steps=["x"])) == "Web"


def test_dates_print_in_the_callers_time_zone(guide: Guide, progress: Progress, english: None) -> None:
    progress.steps["send-as-sms"].done_at = dt.datetime(2025, 3, 1, 23, 30, tzinfo=dt.UTC)
    later_zone = dt.timezone(dt.timedelta(hours=2))
    html = render_html(guide, progress, options(generated_at=NOW.astimezone(later_zone)))
    assert "Done on 2025-03-02" in html_blocks(html)["send-as-sms"]


def test_every_string_goes_through_tr(guide: Guide, progress: Progress, english: None) -> None:
    i18n.set_catalog({"Done on {date}": "Erledigt am {date}", "Still open": "Noch offen"})
    html = render_html(guide, progress, options())
    assert "<b>Erledigt am 2025-03-01</b>" in html_blocks(html)["send-as-sms"]
    assert "<h2>Noch offen</h2>" in html and "Still open" not in html


# -- scale and purity ---------------------------------------------------------------------------


def big_guide(count: int) -> Guide:
    source = Source(title="S", url="https://example.com/s", publisher="P", confidence=Confidence.VERIFIED)
    ids = [f"step-{n}" for n in range(1, count + 1)]
    info = GuideInfo(
        schema_version=1,
        id="big",
        title="Big",
        version="1.0",
        language="en",
        description="d",
        minutes=600,
        steps=ids,
        reviewed=dt.date(2025, 1, 1),
    )
    steps = tuple(
        Step(
            schema_version=1,
            id=step_id,
            title=f"Title {step_id}",
            summary="s",
            kind=StepKind.ADVICE,
            why="w",
            check="c",
            gives_up="g",
            applies_to="all",
            sources=[source],
            reviewed=dt.date(2025, 1, 1),
        )
        for step_id in ids
    )
    return Guide(info=info, steps=steps)


def test_a_thousand_steps_render(english: None) -> None:
    guide = big_guide(1000)
    progress = Progress(guide_id="big", guide_version="1.0", created_at=NOW, updated_at=NOW)
    progress.steps["step-500"] = StepProgress(status=StepStatus.DONE, done_at=DONE_AT)
    html = render_html(guide, progress, options())
    assert len(html_blocks(html)) == 1000
    assert "1000. Title step-1000" in html
    assert "### ☐ 1000\\. Title step-1000" in render_markdown(guide, progress, options())
    assert len(from_json(Progress, render_json(guide, progress, options())).steps) == 1
