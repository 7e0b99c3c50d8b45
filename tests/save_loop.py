"""Crash-test helper: saves progress through the real ProgressStore, in a loop, until killed.

Run by ``tests/unit/test_crash_safety.py`` as ``python tests/save_loop.py <progress file>``.
It imports the app once, then forks a fresh worker process for each round, so hundreds of
rounds fit in a few seconds.  Each worker loads the surviving file through
``ProgressStore.load()``, then saves :func:`state_for` ``(n)`` for n = found + 1, + 2, ...
until the test SIGKILLs it.  Lines on stdout (written whole with ``os.write``):

    ready                        the helper has imported everything
    started <pid> <n>            a worker loaded state n from the file
    saved <pid> <n>              save(state_for(n)) returned
    bad <pid> <what>             a worker found the file wrong (then it exits)
    reaped <pid> <signal>        the worker is gone; <signal> is what ended it (0: it exited)

Lines on stdin: ``go`` starts a worker and waits for it to end; end of input stops.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from privacy_walkthrough.core.progress.models import Progress, StepProgress, StepStatus
from privacy_walkthrough.core.progress.store import ProgressStore

T0 = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
STEP_IDS = tuple(f"step-{i}" for i in range(8))
FILLER = "Checked on the iPhone, the iPad and the Mac. " * 150  # about 7 kB a note
MAX_SAVES = 20_000  # a worker nobody kills stops by itself


def state_for(n: int) -> Progress:
    """The recognisable progress of save number ``n``: every field depends on n."""
    statuses = list(StepStatus)
    at = T0 + dt.timedelta(seconds=n)
    steps = {
        step_id: StepProgress(
            status=statuses[(n + i) % len(statuses)],
            note=f"save {n}, step {i}\n{FILLER}",
            changed_at=at,
        )
        for i, step_id in enumerate(STEP_IDS)
    }
    return Progress(
        guide_id="crash-test",
        guide_version="1.0",
        current_page=STEP_IDS[n % len(STEP_IDS)],
        person_name=f"Save {n}",
        steps=steps,
        created_at=T0,
        updated_at=at,
    )


def counter_of(progress: Progress) -> int:
    """The n that :func:`state_for` was called with."""
    return int(progress.person_name.removeprefix("Save "))


def emit(line: str) -> None:
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def work(path: Path) -> None:
    """A worker: resume from the file, then save the next states until killed."""
    pid = os.getpid()
    store = ProgressStore(path)
    result = store.load()
    if result.progress is None or result.set_aside is not None:
        emit(f"bad {pid} load gave {result.problem or 'nothing'}")
        return
    found = counter_of(result.progress)
    if result.progress != state_for(found):
        emit(f"bad {pid} state {found} differs from what was saved")
        return
    emit(f"started {pid} {found}")
    for n in range(found + 1, found + 1 + MAX_SAVES):
        store.save(state_for(n))
        emit(f"saved {pid} {n}")


def main(path: Path) -> None:
    emit("ready")
    for command in sys.stdin:
        if command.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                work(path)
            except BaseException:
                traceback.print_exc()
                emit(f"bad {os.getpid()} the worker failed (see its stderr)")
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        emit(f"reaped {pid} {os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
