"""The checklist fitted to the person: their devices, per-device boxes, rechecks, effective status."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from privacy_walkthrough.core.checklist.render import ChecklistOptions, render_html, render_markdown
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import DeviceKind
from privacy_walkthrough.core.content.loader import load_guide
from privacy_walkthrough.core.content.records import replace
from privacy_walkthrough.core.progress.models import Answers, Device, Progress, StepProgress, StepStatus
from tests.helpers import append_to_step, set_step_instructions, write_guide

NOW = dt.datetime(2025, 3, 5, 10, 0, tzinfo=dt.UTC)
TICKED = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
CONFIRMED = dt.datetime(2025, 3, 4, 8, 0, tzinfo=dt.UTC)
IDS = ["alpha", "bravo", "charlie", "delta"]

PHONE = Device(id="d1", kind=DeviceKind.IPHONE, name="Work iPhone", os_version="18.1")
TABLET = Device(id="d2", kind=DeviceKind.IPAD)

BY_VERSION = """\
[[instructions]]
platform = "iphone"
before_version = "18"
path = ["Settings", "Messages", "Old place"]
steps = ["Before iOS 18."]

[[instructions]]
platform = "iphone"
min_version = "18"
path = ["Settings", "Apps", "Messages", "New place"]
steps = ["iOS 18 and later."]
"""


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    folder = write_guide(tmp_path / "guide", IDS)
    append_to_step(folder, "alpha", '[applicability]\ndevices = ["iphone", "ipad"]\nper_device = true\n')
    append_to_step(
        folder,
        "bravo",
        """
        [[applicability.not_applicable_when]]
        answer = "high_risk"
        equals = false
        reason = "Only for people **at risk**."
        """,
    )
    set_step_instructions(folder, "delta", BY_VERSION)
    append_to_step(
        folder,
        "delta",
        """
        [applicability]
        devices = ["iphone"]  # the iPad, version unknown, would fit both routes

        [[applicability.requires]]
        devices = ["iphone"]
        min_version = "18.2"
        fix = "**Update** it."
        """,
    )
    return load_guide(folder)


@pytest.fixture
def progress() -> Progress:
    return Progress(
        guide_id="test-guide",
        guide_version="1.0",
        created_at=NOW,
        updated_at=NOW,
        devices=[PHONE, TABLET],
        answers=Answers(high_risk=False),
        steps={
            "alpha": StepProgress(devices_done={"d1": TICKED}),
            "charlie": StepProgress(
                status=StepStatus.DONE, done_at=TICKED, recheck=["d1"], confirmed_at=CONFIRMED
            ),
        },
    )


def options(**changes: Any) -> ChecklistOptions:
    return ChecklistOptions(generated_at=NOW, app_version="0.1.0", **changes)


def md_blocks(markdown: str) -> dict[str, str]:
    chunks = re.split(r"^### ", markdown.split("\n## ", 2)[1], flags=re.M)[1:]
    return dict(zip(IDS, chunks, strict=True))


def html_blocks(html: str) -> dict[str, str]:
    return dict(re.findall(r'<a name="step-([a-z0-9-]+)"></a>(.*?)</table>', html, re.S))


def test_devices_covered_come_from_the_progress(guide: Guide, progress: Progress) -> None:
    text = render_markdown(guide, progress, options())
    assert "Devices covered: Work iPhone (iOS 18.1), iPad (iPadOS: version not known)" in text
    given = render_markdown(guide, progress, options(devices=("Sam's phone",)))
    assert "Devices covered: Sam's phone" in given
    assert "Work iPhone (iOS 18.1)" not in given.split("## ")[1]
    assert "Devices covered: not recorded" in render_markdown(guide, None, options())


def test_a_per_device_step_has_a_box_per_device(guide: Guide, progress: Progress) -> None:
    alpha = md_blocks(render_markdown(guide, progress, options()))["alpha"]
    assert "- ☑ Work iPhone — done on 2025-03-01" in alpha
    assert "- ☐ iPad — not yet" in alpha
    assert alpha.startswith("☐")  # the step itself is not done yet
    html = html_blocks(render_html(guide, progress, options()))["alpha"]
    assert "<li>☑ Work iPhone — done on 2025-03-01</li>" in html
    assert "<li>☐ iPad — not yet</li>" in html
    assert "done on" not in md_blocks(render_markdown(guide, progress, options()))["charlie"]


def test_a_step_that_does_not_apply_says_why(guide: Guide, progress: Progress) -> None:
    text = render_markdown(guide, progress, options())
    bravo = md_blocks(text)["bravo"]
    assert bravo.startswith("⊘")
    assert "**Not applicable — Only for people at risk.**" in bravo
    still_open = text.split("## Still open", 1)[1].split("\n## ", 1)[0]
    assert "Bravo" not in still_open and "Alpha" in still_open
    answered_yes = replace(progress, answers=Answers(high_risk=True))
    assert md_blocks(render_markdown(guide, answered_yes, options()))["bravo"].startswith("☐")


def test_check_again_and_last_confirmed(guide: Guide, progress: Progress) -> None:
    charlie = md_blocks(render_markdown(guide, progress, options()))["charlie"]
    assert "**Check again on Work iPhone**" in charlie
    assert "Last confirmed 2025-03-04" in charlie
    html = html_blocks(render_html(guide, progress, options()))["charlie"]
    assert "<b>Check again on Work iPhone</b>" in html
    assert "Last confirmed 2025-03-04" in html


def test_routes_and_blockers_fit_the_devices(guide: Guide, progress: Progress) -> None:
    delta = md_blocks(render_markdown(guide, progress, options()))["delta"]
    assert "New place" in delta and "Old place" not in delta
    assert (
        "Needs an update first: Work iPhone runs iOS 18.1; this needs iOS 18.2 or later. Update it." in delta
    )
    nobody = md_blocks(render_markdown(guide, None, options()))["delta"]
    assert "New place" in nobody and "Old place" in nobody
    assert "Needs an update" not in nobody


def test_the_blank_checklist_has_empty_boxes_for_each_recorded_device(
    guide: Guide, progress: Progress
) -> None:
    blank = render_markdown(guide, progress, options(blank=True))
    blocks = md_blocks(blank)
    assert "- ☐ Work iPhone\n" in blocks["alpha"] and "- ☐ iPad\n" in blocks["alpha"]
    assert "☑" not in blank.split("## ", 2)[2]
    assert "Check again" not in blank and "Last confirmed" not in blank and "Not applicable" not in blank
    assert "Devices covered: Work iPhone (iOS 18.1), iPad (iPadOS: version not known)" in blank
    html = html_blocks(render_html(guide, progress, options(blank=True)))["alpha"]
    assert "<li>☐ Work iPhone</li>" in html


def test_device_names_are_escaped(guide: Guide, progress: Progress) -> None:
    evil = replace(PHONE, name="<b>[x](https://e.example)</b>")
    sneaky = replace(progress, devices=[evil, TABLET])
    html = render_html(guide, sneaky, options())
    assert "<b>[x]" not in html
    assert "&lt;b&gt;[x](https://e.example)&lt;/b&gt; — done on 2025-03-01" in html
    markdown = render_markdown(guide, sneaky, options())
    assert r"\<b\>\[x\](https\://e.example)\</b\> — done on 2025-03-01" in markdown
