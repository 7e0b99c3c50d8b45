"""The guide as installed: loaded through the real loader from the package, then cross-checked."""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib.abc import Traversable
from urllib.parse import urlsplit

import pytest

from privacy_walkthrough import guides, resources
from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.kinds import DeviceKind, Platform, StepKind
from privacy_walkthrough.core.content.models import Instructions, Step
from privacy_walkthrough.core.progress.models import Answers, Device, Progress
from privacy_walkthrough.core.walkthrough.applicability import fit

EXPECTED_IDS = (
    "what-imessage-protects",
    "who-gets-your-messages",  # first of the steps for people after a scare (issue 15)
    "lock-screen-previews",
    "lock-messages-app",
    "icloud-backup",
    "advanced-data-protection",
    "contact-key-verification",
    "shared-with-you",
    "audio-and-message-expiry",
    "keep-less-history",
    "sms-and-rcs",
    "messages-for-business",
    "contacts-backups",
    "read-receipts-and-unknown-senders",
    "lockdown-mode",
    "signal-for-sensitive-chats",
    "delete-apple-account",
)
OLD_MESSAGES_PATH = ["Settings", "Messages"]  # iOS 17 and earlier
NEW_MESSAGES_PATH = ["Settings", "Apps", "Messages"]  # iOS 18 and later


@pytest.fixture(scope="module")
def guide() -> Guide:
    return guides.load_default_guide()


def test_guide_identity(guide: Guide) -> None:
    assert guide.info.id == guides.DEFAULT_GUIDE
    assert guide.info.language == guides.DEFAULT_LANGUAGE
    assert guide.info.minutes > 0


def test_step_ids_in_order(guide: Guide) -> None:
    assert guide.step_ids == EXPECTED_IDS


@pytest.mark.parametrize("step_id", EXPECTED_IDS)
def test_every_step_has_sources_review_date_and_scope(guide: Guide, step_id: str) -> None:
    step = guide.step(step_id)
    assert step.sources
    for source in step.sources:
        parts = urlsplit(source.url)
        assert parts.scheme == "https", source.url
        assert "." in parts.netloc, source.url
    assert isinstance(step.reviewed, dt.date)
    assert step.applies_to.strip()


@pytest.mark.parametrize("step_id", EXPECTED_IDS)
def test_source_urls_unique_within_step(guide: Guide, step_id: str) -> None:
    urls = [s.url.rstrip("/").lower() for s in guide.step(step_id).sources]
    assert len(urls) == len(set(urls)), urls


@pytest.mark.parametrize("step_id", EXPECTED_IDS)
def test_setting_steps_have_instructions(guide: Guide, step_id: str) -> None:
    step = guide.step(step_id)
    if step.kind is StepKind.SETTING:
        assert step.instructions
        assert all(i.steps for i in step.instructions)


def test_there_are_setting_steps(guide: Guide) -> None:
    """Guards the test above against passing because no step is a setting."""
    assert sum(s.kind is StepKind.SETTING for s in guide.steps) >= 5


def messages_instructions(step: Step) -> list[Instructions]:
    """iPhone instructions whose path goes through the Messages settings (not Notifications > Messages)."""
    return [
        i
        for i in step.instructions
        if i.platform is Platform.IPHONE
        and (i.path[:2] == OLD_MESSAGES_PATH or i.path[:3] == NEW_MESSAGES_PATH)
    ]


@pytest.mark.parametrize("step_id", ["shared-with-you", "sms-and-rcs"])
def test_messages_settings_path_by_ios_version(guide: Guide, step_id: str) -> None:
    found = messages_instructions(guide.step(step_id))
    old = [i for i in found if i.before_version == "18"]
    new = [i for i in found if i.min_version == "18"]
    assert old, f"{step_id}: no iOS 17 instructions"
    assert new, f"{step_id}: no iOS 18+ instructions"
    for instructions in old:
        assert instructions.path[:2] == OLD_MESSAGES_PATH, instructions.path
    for instructions in new:
        assert instructions.path[:3] == NEW_MESSAGES_PATH, instructions.path


@pytest.mark.parametrize("step_id", EXPECTED_IDS)
def test_every_messages_path_matches_its_ios_versions(guide: Guide, step_id: str) -> None:
    """Settings > Messages is iOS 17 and earlier; Settings > Apps > Messages is iOS 18 and later."""
    for instructions in messages_instructions(guide.step(step_id)):
        if instructions.path[:2] == OLD_MESSAGES_PATH:
            assert not instructions.applies_to_version("18"), instructions
            assert instructions.before_version is not None
        else:
            assert instructions.path[:3] == NEW_MESSAGES_PATH, instructions.path
            assert not instructions.applies_to_version("17.9"), instructions
            assert instructions.min_version is not None


def test_contacts_backups_is_not_completable(guide: Guide) -> None:
    assert guide.step("contacts-backups").completable is False


def test_delete_apple_account_is_irreversible(guide: Guide) -> None:
    assert guide.step("delete-apple-account").kind is StepKind.IRREVERSIBLE


def installed_folder() -> Traversable:
    return resources.content_root() / guides.DEFAULT_GUIDE / guides.DEFAULT_LANGUAGE


def test_every_installed_step_file_is_listed_in_guide_toml() -> None:
    folder = installed_folder()
    listed = tomllib.loads((folder / "guide.toml").read_text(encoding="utf-8"))["steps"]
    on_disk = sorted(
        f.name.removesuffix(".toml") for f in (folder / "steps").iterdir() if f.name.endswith(".toml")
    )
    assert on_disk, "no step files were installed"
    assert sorted(listed) == on_disk
    assert len(listed) == len(EXPECTED_IDS)


def test_content_comes_from_the_installed_package() -> None:
    """CI runs against the installed wheel; the shipped guide must be inside the package."""
    folder = installed_folder()
    assert (folder / "guide.toml").is_file()
    assert (folder / "steps" / "delete-apple-account.toml").is_file()


# -- whom each step fits (facts.md: minimum versions, the UK, who needs Lockdown Mode) -------


def minimums(step: Step) -> dict[str, str]:
    return {kind.value: r.min_version for r in step.applicability.requires for kind in r.devices}


def a_person(guide: Guide, devices: list[Device] | None = None, **answers: bool) -> Progress:
    return Progress(
        guide_id=guide.info.id,
        guide_version=guide.info.version,
        created_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        updated_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        devices=devices or [],
        answers=Answers(**answers),
    )


def test_minimum_versions_match_the_facts(guide: Guide) -> None:
    assert minimums(guide.step("advanced-data-protection")) == {
        "iphone": "16.2",
        "ipad": "16.2",
        "mac": "13.1",
    }
    assert minimums(guide.step("contact-key-verification")) == {
        "iphone": "17.2",
        "ipad": "17.2",
        "mac": "14.2",
        "watch": "10.2",
    }
    assert minimums(guide.step("lockdown-mode")) == {"iphone": "16", "ipad": "16", "mac": "13"}
    adp_fixes = [r.fix for r in guide.step("advanced-data-protection").applicability.requires]
    assert "16.3" in adp_fixes[0] and "13.2" in adp_fixes[1]  # outside the US
    watch_fix = guide.step("contact-key-verification").applicability.requires[2].fix
    assert "latest watchOS" in watch_fix


def test_steps_ticked_per_device(guide: Guide) -> None:
    per_device = {s.id for s in guide.steps if s.applicability.per_device}
    assert per_device == {
        "icloud-backup",
        "audio-and-message-expiry",
        "keep-less-history",
        "lockdown-mode",
        "lock-screen-previews",
        "lock-messages-app",
    }
    assert set(guide.step("icloud-backup").applicability.devices) == {DeviceKind.IPHONE, DeviceKind.IPAD}
    assert guide.step("sms-and-rcs").applicability.devices == [DeviceKind.IPHONE]


@pytest.mark.parametrize(
    ("step_id", "answers", "words"),
    [
        ("advanced-data-protection", {"lives_in_uk": True}, "21 February 2025"),
        ("lockdown-mode", {"high_risk": False}, "spyware"),
        ("messages-for-business", {"messages_businesses": False}, "businesses"),
    ],
)
def test_answers_that_rule_a_step_out(
    guide: Guide, step_id: str, answers: dict[str, bool], words: str
) -> None:
    reason = fit(guide.step(step_id), a_person(guide, **answers)).not_applicable_reason
    assert reason is not None and words in reason
    flipped = {key: not value for key, value in answers.items()}
    assert fit(guide.step(step_id), a_person(guide, **flipped)).not_applicable_reason is None


def test_people_who_need_a_way_back_are_warned(guide: Guide) -> None:
    cautious = a_person(guide, can_cope_without_recovery=False)
    warned = {s.id for s in guide.steps if fit(s, cautious).cautions}
    assert warned == {
        "icloud-backup",
        "advanced-data-protection",
        "keep-less-history",
        "delete-apple-account",
    }
    assert "can't be brought back" in fit(guide.step("keep-less-history"), cautious).cautions[0]
    assert "recovery key" in fit(guide.step("advanced-data-protection"), cautious).cautions[0]


def test_an_old_ipad_blocks_advanced_data_protection(guide: Guide) -> None:
    ipad = Device(id="d1", kind=DeviceKind.IPAD, name="Old iPad", os_version="15.8")
    found = fit(guide.step("advanced-data-protection"), a_person(guide, [ipad]))
    assert [b.text.split(";")[0] for b in found.blockers] == ["Old iPad runs iPadOS 15.8"]
    assert "Remove from Account" in found.blockers[0].text


@pytest.mark.parametrize(("version", "path"), [("17.5", OLD_MESSAGES_PATH), ("18.1", NEW_MESSAGES_PATH)])
def test_the_send_as_sms_path_fits_the_iphone(guide: Guide, version: str, path: list[str]) -> None:
    phone = Device(id="d1", kind=DeviceKind.IPHONE, os_version=version)
    shown = fit(guide.step("sms-and-rcs"), a_person(guide, [phone])).instructions
    assert shown and all(i.path[: len(path)] == path for i in shown)


# -- the content review of issue 15 ----------------------------------------------------------------


def test_keep_messages_is_a_choice_never_a_printed_target(guide: Guide) -> None:
    """Shortening Keep Messages deletes history at once: it is optional and has no fixed target."""
    step = guide.step("keep-less-history")
    assert step.kind is StepKind.OPTIONAL
    assert "deletes" in step.summary and "back up first" in step.summary
    for other in guide.steps:
        for instructions in other.instructions:
            if "Keep Messages" in instructions.path:
                assert instructions.target is None, (other.id, instructions.path)
    assert any(i.platform is Platform.MAC for i in step.instructions)  # the Mac's own setting


def test_a_choice_is_never_printed_as_a_fixed_target(guide: Guide) -> None:
    """Send as SMS is presented as a decision, so the checklist must not print "→ Off"."""
    for instructions in guide.step("sms-and-rcs").instructions:
        if instructions.path[-1:] == ["Send as SMS"]:
            assert instructions.target is None


def test_rcs_is_only_asked_of_ios_18_and_later(guide: Guide) -> None:
    step = guide.step("sms-and-rcs")
    rcs = [i for i in step.instructions if "RCS Messaging" in i.path]
    assert rcs and all(i.min_version == "18" for i in rcs)
    assert "iOS 18 and later" in step.check


def test_every_setting_step_says_how_to_undo_it(guide: Guide) -> None:
    with_instructions = [s for s in guide.steps if s.instructions and s.kind is not StepKind.IRREVERSIBLE]
    assert len(with_instructions) >= 10
    for step in with_instructions:
        assert step.undo and step.undo.strip(), step.id


def test_every_step_advising_adp_carries_the_uk_caution(guide: Guide) -> None:
    for step_id in ("icloud-backup", "contacts-backups"):
        step = guide.step(step_id)
        assert "United Kingdom" in step.why, step_id
        uk = fit(step, a_person(guide, lives_in_uk=True))
        assert uk.not_applicable_reason is None and uk.cautions, step_id
        assert not fit(step, a_person(guide, lives_in_uk=False)).cautions, step_id


def test_blocks_for_the_same_devices_have_their_own_titles(guide: Guide) -> None:
    for step in guide.steps:
        labels = [(i.platform, i.min_version, i.before_version) for i in step.instructions]
        for index, key in enumerate(labels):
            if labels.count(key) > 1:
                assert step.instructions[index].title, (step.id, key)
        titled = [(k, i.title) for k, i in zip(labels, step.instructions, strict=True)]
        assert len(titled) == len(set(titled)), step.id


def test_no_source_is_a_home_page_and_apple_support_is_en_us(guide: Guide) -> None:
    for step in guide.steps:
        for source in step.sources:
            parts = urlsplit(source.url)
            assert parts.path.strip("/"), (step.id, source.url)
            if parts.netloc == "support.apple.com":
                assert parts.path.startswith("/en-us/"), (step.id, source.url)
                assert "/HT" not in parts.path and "/kb/" not in parts.path, (step.id, source.url)


def test_the_new_steps_for_people_at_risk(guide: Guide) -> None:
    who = guide.step("who-gets-your-messages")
    assert guide.step_ids.index("who-gets-your-messages") == 1  # right after the introduction
    assert "Safety Check" in who.why and "safety first" in who.why
    assert any(i.min_version == "16" and "Safety Check" in i.path for i in who.instructions)
    locked = guide.step("lock-messages-app")
    assert minimums(locked) == {"iphone": "18", "ipad": "18"}
    assert locked.uncertain and "Require Face ID" in locked.uncertain
    previews = guide.step("lock-screen-previews")
    assert all(i.target == "When Unlocked or Never" for i in previews.instructions)
