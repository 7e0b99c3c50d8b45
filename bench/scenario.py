"""The data the benchmark works on: saved progress to resume, and a synthetic 1,000-step guide."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app's modules are imported where they are used: see measure.py's load-cold
    from privacy_walkthrough.core.content.guide import Guide
    from privacy_walkthrough.core.progress.models import Progress

REPO = Path(__file__).resolve().parent.parent
SYNTHETIC_STEPS = 1000
RESUME_AT = 7  # resume at the 7th step, with the six before it decided
NOTE = "Checked with Sam at the library; the switch was already off on the iPad. " * 3


def synthetic_guide(folder: Path, steps: int = SYNTHETIC_STEPS) -> Path:
    """A valid guide of ``steps`` small steps, written by the tests' own helper."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.helpers import write_guide

    if not (folder / "guide.toml").is_file():
        write_guide(folder, [f"step-{n:04d}" for n in range(1, steps + 1)], guide_id="synthetic-guide")
    return folder


def walked_progress(guide: Guide, decided: int) -> Progress:
    """Progress with the first ``decided`` steps settled (each with a note), resting on the next one."""
    from privacy_walkthrough.core.progress.models import StepStatus
    from privacy_walkthrough.core.walkthrough.flow import Walkthrough, new_progress

    now = dt.datetime.now(dt.UTC)
    walkthrough = Walkthrough(guide, new_progress(guide, now), on_change=lambda _progress: None)
    statuses = (StepStatus.DONE, StepStatus.SKIPPED, StepStatus.DONE, StepStatus.NOT_APPLICABLE)
    for number, step in enumerate(guide.steps[:decided]):
        walkthrough.set_status(step.id, statuses[number % len(statuses)], "Not for me")
        walkthrough.set_note(step.id, NOTE)
    if decided < len(guide.steps):
        walkthrough.go_to_step(guide.steps[decided].id)
    return walkthrough.progress


def resume_data(data: Path, guide: Guide) -> str:
    """A data folder whose saved progress resumes at step RESUME_AT; returns that step's title."""
    from privacy_walkthrough.core.progress.store import ProgressStore
    from privacy_walkthrough.paths import AppPaths

    paths = AppPaths.resolve(data)
    paths.ensure()
    progress = walked_progress(guide, RESUME_AT - 1)
    ProgressStore(paths.progress_file(guide.info.id)).save(progress)
    return guide.steps[RESUME_AT - 1].title
