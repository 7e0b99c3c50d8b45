"""The person's decisions, from the step and set-up pages to the walkthrough's named actions.

Each handler asks the walkthrough to record the decision, then has the window show the
step and the totals again and says what changed for screen readers.  Marking done a step
that cannot be undone asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from privacy_walkthrough.core.content.kinds import StepKind
from privacy_walkthrough.core.i18n import tr
from privacy_walkthrough.core.progress.models import Answers, Device, StepStatus
from privacy_walkthrough.core.walkthrough.flow import Walkthrough
from privacy_walkthrough.core.walkthrough.session import Session
from privacy_walkthrough.core.walkthrough.views import PageKind
from privacy_walkthrough.qt.dialogs import Dialogs

if TYPE_CHECKING:
    from privacy_walkthrough.qt.step_page import StepPage


class DecisionHost(Protocol):
    """What the decisions need from the window."""

    @property
    def step_page(self) -> StepPage: ...
    def show_decision(self, step_id: str) -> None: ...
    def refresh_state(self) -> None: ...
    def show_save_state(self) -> None: ...
    def announce(self, text: str) -> None: ...


class StepDecisions:
    def __init__(self, host: DecisionHost, session: Session, dialogs: Dialogs, parent: QWidget) -> None:
        self.host = host
        self.session = session
        self.dialogs = dialogs
        self.parent = parent

    @property
    def walkthrough(self) -> Walkthrough:
        return self.session.walkthrough

    def _status_text(self) -> str:
        return self.host.step_page.decision_bar.status_label.text()

    # -- a step's status ------------------------------------------------------------------

    def on_status_chosen(self, step_id: str, status: StepStatus, reason: str) -> None:
        step = self.walkthrough.guide.step(step_id)
        if status is StepStatus.DONE and not self.walkthrough.can_mark_done(step_id):
            self.host.announce(
                tr("Tick each device first: this step is done when it is done on every device.")
            )
            return
        if status is StepStatus.DONE and step.kind is StepKind.IRREVERSIBLE:
            confirmed = self.dialogs.confirm(
                self.parent,
                tr("Record this step as done?"),
                tr(
                    "Record “{title}” as done only if you have really done it. What the step "
                    "does cannot be undone; this tick only records it, and you can change it "
                    "later.",
                    title=step.title,
                ),
                tr("Yes, I have done it"),
            )
            if not confirmed:
                return
        self.walkthrough.set_status(step_id, status, reason)
        self.host.show_decision(step_id)
        self.host.announce(tr("{title}: {status}", title=step.title, status=self._status_text()))

    def mark_current(self, status: StepStatus) -> None:
        """The Step menu: decide the step on show (skipping asks for a reason first)."""
        page = self.walkthrough.current
        if page.kind is not PageKind.STEP:
            return
        if status is StepStatus.SKIPPED:
            self.host.step_page.decision_bar.on_skip_button_clicked()
        else:
            self.on_status_chosen(page.key, status, "")

    def on_device_ticked(self, step_id: str, device_id: str, ticked: bool) -> None:
        self.walkthrough.set_device_done(step_id, device_id, ticked)
        self.host.show_decision(step_id)
        self.host.announce(self._status_text())

    def on_still_set_confirmed(self, step_id: str) -> None:
        self.walkthrough.confirm_still_set(step_id)
        self.host.show_decision(step_id)
        self.host.announce(tr("Thank you: marked as checked again."))

    # -- notes, the person's devices and answers, the checklist's name ---------------------

    def on_note_edited(self, step_id: str, note: str) -> None:
        self.walkthrough.set_note(step_id, note)
        self.host.show_save_state()

    def on_devices_changed(self, devices: list[Device]) -> None:
        self.walkthrough.set_devices(devices)
        self.host.refresh_state()

    def on_answers_changed(self, answers: Answers) -> None:
        self.walkthrough.set_answers(answers)
        self.host.refresh_state()

    def on_person_name_edited(self, name: str) -> None:
        self.walkthrough.set_person_name(name)
        self.host.show_save_state()
