"""How each step reads for one person: how it fits their devices and answers, its effective
status, its content hash, and the one immutable view record the window draws.

Asked for on every move between pages (the step list shows every step's status), so each
step's fit and the version notes that follow from it are kept while the person's devices and
answers stay the same, and each step's content hash is worked out once (the guide does not
change while the walkthrough is open).
"""

from __future__ import annotations

from privacy_walkthrough.core.content.guide import Guide
from privacy_walkthrough.core.content.hash import changed_since_done, step_content_hash
from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.progress.models import Answers, Device, Progress, StepStatus
from privacy_walkthrough.core.walkthrough.applicability import Fit, all_ticked, effective_status, fit
from privacy_walkthrough.core.walkthrough.versions import newer_version_notes
from privacy_walkthrough.core.walkthrough.views import StepView


class StepReadings:
    """Reads ``progress`` (which the walkthrough changes in place) against ``guide``."""

    def __init__(self, guide: Guide, progress: Progress) -> None:
        self.guide = guide
        self.progress = progress
        self._fits: dict[str, Fit] = {}
        self._newer_notes: dict[str, tuple[str, ...]] = {}  # kept with the fits: they follow from them
        self._fits_person: tuple[tuple[Device, ...], Answers] | None = None
        self._hashes: dict[str, str] = {}

    def fit(self, step_id: str) -> Fit:
        """How the step fits this person's devices and answers (raises KeyError)."""
        person = (tuple(self.progress.devices), self.progress.answers)
        if person != self._fits_person:
            self._fits.clear()
            self._newer_notes.clear()
            self._fits_person = person
        found = self._fits.get(step_id)
        if found is None:
            step = self.guide.step(step_id)
            found = self._fits[step_id] = fit(step, self.progress, self.guide.checked_against(step))
        return found

    def content_hash(self, step: Step) -> str:
        """``step_content_hash`` of the step as written in English, worked out once per step.

        A translated guide hashes its English steps, so saved progress reads the same in
        every language.
        """
        found = self._hashes.get(step.id)
        if found is None:
            found = self._hashes[step.id] = step_content_hash(self.guide.source_step(step.id))
        return found

    def status(self, step_id: str) -> StepStatus:
        """The status to show: an undecided step that does not apply to the person reads as
        not applicable (a step no longer in the guide keeps its stored status)."""
        entry = self.progress.step(step_id)
        if step_id not in self.guide.step_ids:
            return entry.status
        return effective_status(entry, self.fit(step_id))

    def step_number(self, step_id: str) -> int:
        """1-based position of a step among the steps of the guide (raises ValueError)."""
        return self.guide.step_ids.index(step_id) + 1

    def can_mark_done(self, step_id: str) -> bool:
        """False for a per-device step not yet ticked on every device it concerns."""
        step = self.guide.step(step_id)
        if not step.applicability.per_device:
            return True
        return all_ticked(self.progress.step(step_id), self.fit(step_id))

    def step_view(self, step_id: str) -> StepView:
        """Everything the window shows about one step (raises KeyError for an unknown step)."""
        step = self.guide.step(step_id)
        step_fit = self.fit(step_id)
        entry = self.progress.step(step_id)  # read once: a step never touched makes a new record
        checked = self.guide.checked_against(step)
        devices = self.progress.devices
        notes = self._newer_notes.get(step_id)
        if notes is None:
            notes = self._newer_notes[step_id] = tuple(newer_version_notes(step_fit, checked, devices))
        return StepView(
            step=step,
            number=self.step_number(step_id),
            total=len(self.guide.steps),
            status=effective_status(entry, step_fit),
            note=entry.note,
            skip_reason=entry.skip_reason,
            done_at=entry.done_at,
            confirmed_at=entry.confirmed_at,
            ticked=frozenset(entry.devices_done),
            fit=step_fit,
            all_devices=tuple(devices),
            recheck=tuple(d for d in devices if d.id in entry.recheck),
            can_mark_done=not step.applicability.per_device or all_ticked(entry, step_fit),
            updated_since_done=changed_since_done(step, entry, self.content_hash(step)),
            in_english=self.guide.translation is not None and step_id in self.guide.translation.in_english,
            checked_against=checked,
            newer_notes=notes,
        )
