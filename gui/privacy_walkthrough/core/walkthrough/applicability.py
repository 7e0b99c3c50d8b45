"""How a step fits one person: whether it applies, what to be careful of, what blocks it.

Everything here comes from the step's ``[applicability]`` data in the content and from
the person's devices and answers in their progress; no step is special-cased in code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from privacy_walkthrough.core.content.kinds import (
    PLATFORM_DEVICES,
    DeviceKind,
    Platform,
    version_key,
    version_span,
)
from privacy_walkthrough.core.content.models import (
    AnswerRule,
    Instructions,
    NewestVersions,
    Requirement,
    Step,
)
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.labels import device_kind_label, device_label, os_name, where_to_find_version
from privacy_walkthrough.core.markdown_text import escape_markdown
from privacy_walkthrough.core.progress.models import Answers, Device, Progress, StepProgress, StepStatus


@dataclass(frozen=True)
class Blocker:
    """A device whose known system version is too old for the step."""

    device: Device
    requirement: Requirement
    text: str  # Markdown (the device's name is escaped): "Work iPad runs iPadOS 16.7; this needs …"


@dataclass(frozen=True)
class MaybeBlocker:
    """A device whose version was given without the release that decides (``"17"`` for a
    step that needs 17.2): the step may or may not be possible on it yet."""

    device: Device
    requirement: Requirement
    text: str  # Markdown: "iPhone runs iOS 17: if it is 17.2 or later, go ahead; if not, …"


@dataclass(frozen=True)
class Fit:
    """What a step means for one person; see :func:`fit`."""

    not_applicable_reason: str | None  # inline Markdown from the content, or a sentence of ours
    cautions: tuple[str, ...]  # inline Markdown from the content
    blockers: tuple[Blocker, ...]
    unknown_versions: tuple[Device, ...]  # devices a requirement is about whose version is unknown
    devices: tuple[Device, ...]  # the person's devices this step concerns, in their order
    instructions: tuple[Instructions, ...]  # the step's instructions that fit those devices
    maybe_blockers: tuple[MaybeBlocker, ...] = ()
    # instructions shown that fit only some releases of the version a device was given as
    conditional: tuple[Instructions, ...] = ()
    newer_than_guide: tuple[Device, ...] = ()  # concerned devices newer than the guide was checked on


def answer_matches(rule: AnswerRule, answers: Answers) -> bool:
    """The person gave exactly the answer the rule names (not answered never matches)."""
    given: bool | None = getattr(answers, rule.answer.value)
    return given is not None and given is rule.equals


def _kinds_phrase(kinds: Sequence[DeviceKind]) -> str:
    """ "an iPhone or iPad", "a Mac", "an iPhone, iPad or Mac"."""
    first = {
        DeviceKind.IPHONE: tr("an iPhone"),
        DeviceKind.IPAD: tr("an iPad"),
        DeviceKind.MAC: tr("a Mac"),
        DeviceKind.WATCH: tr("an Apple Watch"),
    }[kinds[0]]
    rest = [device_kind_label(k) for k in kinds[1:]]
    if not rest:
        return first
    if len(rest) == 1:
        return tr("{first} or {last}", first=first, last=rest[0])
    return tr("{first}, {middle} or {last}", first=first, middle=tr(", ").join(rest[:-1]), last=rest[-1])


def _needs(requirement: Requirement, device: Device, per_device: bool) -> str:
    """ "iPadOS 17.2 or later on every device" (account-wide steps) or "iPadOS 17.2 or later"."""
    system = os_name(device.kind)
    if per_device:
        return tr("{system} {version} or later", system=system, version=requirement.min_version)
    return tr("{system} {version} or later on every device", system=system, version=requirement.min_version)


def blocker_text(
    device: Device, requirement: Requirement, devices: Sequence[Device], per_device: bool
) -> str:
    """The Markdown sentence of a blocker; the device's name is escaped."""
    return tr(
        "{device} runs {system} {version}; this needs {needs}. {fix}",
        device=escape_markdown(device_label(device, devices)),
        system=os_name(device.kind),
        version=device.os_version or "",
        needs=_needs(requirement, device, per_device),
        fix=requirement.fix,
    )


def maybe_blocker_text(device: Device, requirement: Requirement, devices: Sequence[Device]) -> str:
    """The Markdown sentence of a maybe-blocker; the device's name is escaped."""
    system = os_name(device.kind)
    return tr(
        "{device} runs {system} {version}; this step needs {system} {needed} or later. To check the "
        "exact version, {where} If it is {needed} or later, go ahead. If it is older: {fix}",
        device=escape_markdown(device_label(device, devices)),
        system=system,
        version=device.os_version or "",
        needed=requirement.min_version,
        where=where_to_find_version(device.kind),
        fix=requirement.fix,
    )


def _instructions_fit(instructions: Instructions, devices: Sequence[Device]) -> bool:
    if instructions.platform is Platform.WEB:
        return True
    kinds = PLATFORM_DEVICES[instructions.platform]
    return any(d.kind in kinds and instructions.applies_to_version(d.os_version) for d in devices)


def _instructions_surely_fit(instructions: Instructions, devices: Sequence[Device]) -> bool:
    """Some device fits every release of its version (an unknown version fits any instructions)."""
    if instructions.platform is Platform.WEB:
        return True
    kinds = PLATFORM_DEVICES[instructions.platform]
    return any(
        d.kind in kinds and (d.os_version is None or instructions.surely_applies_to(d.os_version))
        for d in devices
    )


def newest_known(kind: DeviceKind, newest: NewestVersions | None) -> str | None:
    """The newest version of this kind's system the guide was checked on (None: not said)."""
    if newest is None:
        return None
    if kind is DeviceKind.MAC:
        return newest.macos
    if kind in (DeviceKind.IPHONE, DeviceKind.IPAD):
        return newest.ios
    return None


def is_newer_than_guide(device: Device, newest: NewestVersions | None) -> bool:
    """Every release the device's version stands for is newer than the guide was checked on."""
    known = newest_known(device.kind, newest)
    if known is None or device.os_version is None:
        return False
    low, _high = version_span(device.os_version)
    return low > version_key(known)


def fit(step: Step, progress: Progress, newest: NewestVersions | None = None) -> Fit:
    """How ``step`` fits the person whose ``progress`` this is.

    With no devices recorded, every instruction is shown and no device makes the step
    not applicable; answers not given never match a rule.  A version given without the
    release that decides a rule ("17" for a rule about 17.2) never blocks: the step says
    what to check instead, and shows the instructions with their condition.  ``newest``
    (the guide's newest checked versions) marks the devices that run something newer.
    """
    rules = step.applicability
    concerned = tuple(d for d in progress.devices if d.kind in rules.devices)
    reason = next((r.reason for r in rules.not_applicable_when if answer_matches(r, progress.answers)), None)
    if reason is None and progress.devices and not concerned:
        reason = tr("None of your devices is {kinds}.", kinds=_kinds_phrase(rules.devices))
    cautions = tuple(r.reason for r in rules.caution_when if answer_matches(r, progress.answers))
    blockers: list[Blocker] = []
    maybe: list[MaybeBlocker] = []
    unknown: list[Device] = []
    for device in progress.devices:
        for requirement in rules.requires:
            if device.kind not in requirement.devices:
                continue
            if device.os_version is None:
                if all(u.id != device.id for u in unknown):
                    unknown.append(device)
                continue
            low, high = version_span(device.os_version)
            needed = version_key(requirement.min_version)
            if high <= needed:
                text = blocker_text(device, requirement, progress.devices, rules.per_device)
                blockers.append(Blocker(device, requirement, text))
            elif low < needed:
                text = maybe_blocker_text(device, requirement, progress.devices)
                maybe.append(MaybeBlocker(device, requirement, text))
    if progress.devices:
        instructions = tuple(i for i in step.instructions if _instructions_fit(i, concerned))
        conditional = tuple(i for i in instructions if not _instructions_surely_fit(i, concerned))
    else:
        instructions, conditional = tuple(step.instructions), ()
    return Fit(
        not_applicable_reason=reason,
        cautions=cautions,
        blockers=tuple(blockers),
        unknown_versions=tuple(unknown),
        devices=concerned,
        instructions=instructions,
        maybe_blockers=tuple(maybe),
        conditional=conditional,
        newer_than_guide=tuple(d for d in concerned if is_newer_than_guide(d, newest)),
    )


def effective_status(entry: StepProgress, step_fit: Fit) -> StepStatus:
    """The stored status, except that an undecided step that does not apply reads as not applicable."""
    if not entry.status.is_settled and step_fit.not_applicable_reason is not None:
        return StepStatus.NOT_APPLICABLE
    return entry.status


def all_ticked(entry: StepProgress, step_fit: Fit) -> bool:
    """Every device the step concerns is ticked off (true when no devices are recorded)."""
    return all(d.id in entry.devices_done for d in step_fit.devices)
