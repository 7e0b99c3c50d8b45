"""Bring an older progress file up to the current schema, one version at a time.

Each rung of the ladder is a pure function ``upgrade_to_vN(data) -> data`` that takes the
decoded JSON of a version N-1 file and returns the version N equivalent, without changing
its argument.  :func:`upgrade` runs the rungs in order, from the file's ``schema_version``
up to :data:`PROGRESS_SCHEMA_VERSION`, before the result is validated.

The rungs must cope with damaged input (wrong types anywhere): they reshape what they
recognise and leave everything else for validation to reject with a plain message.

To add a version: bump ``PROGRESS_SCHEMA_VERSION``, write ``upgrade_to_vN`` here, add it
to ``LADDER``, and freeze a file written by the released app as ``tests/data/progress-vN-1.json``
if it is not there yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from privacy_walkthrough.core.progress.models import PROGRESS_SCHEMA_VERSION

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]


def upgrade_to_v2(data: JsonObject) -> JsonObject:
    """v1 -> v2: every saved step gains ``content_hash``.

    A v1 file does not know what the steps said when they were done, so the hash is ``""``
    (unknown), which never marks a step as "updated since you did this".  A value already
    there is kept, for validation to judge.
    """
    steps = data.get("steps")
    if isinstance(steps, dict):
        steps = {
            step_id: {"content_hash": "", **entry} if isinstance(entry, dict) else entry
            for step_id, entry in steps.items()
        }
        data = {**data, "steps": steps}
    return {**data, "schema_version": 2}


def upgrade_to_v3(data: JsonObject) -> JsonObject:
    """v2 -> v3: the walkthrough learns about the person's devices and answers.

    The file gains ``devices`` (none recorded), ``answers`` (nothing answered) and
    ``setup_done`` (false), and every saved step gains ``devices_done`` (no device ticked),
    ``recheck`` (nothing to check again) and ``confirmed_at`` (never confirmed).  Only
    defaults are added: statuses stay as they were, and values already there are kept for
    validation to judge.
    """
    steps = data.get("steps")
    if isinstance(steps, dict):
        steps = {
            step_id: {"devices_done": {}, "recheck": [], "confirmed_at": None, **entry}
            if isinstance(entry, dict)
            else entry
            for step_id, entry in steps.items()
        }
        data = {**data, "steps": steps}
    return {"devices": [], "answers": {}, "setup_done": False, **data, "schema_version": 3}


# Target version -> the function that produces it from the version before.
LADDER: Mapping[int, Migration] = {
    2: upgrade_to_v2,
    3: upgrade_to_v3,
}


def needs_upgrade(version: object) -> bool:
    """Whether ``version`` names an older schema that the ladder knows how to upgrade."""
    return (
        isinstance(version, int) and not isinstance(version, bool) and 1 <= version < PROGRESS_SCHEMA_VERSION
    )


def upgrade(data: JsonObject) -> JsonObject:
    """Run the ladder from ``data["schema_version"]`` to the current version.

    Data already current, newer, or with an impossible version is returned as it is:
    those are for the caller and validation to refuse.
    """
    version = data.get("schema_version")
    if not needs_upgrade(version):
        return data
    assert isinstance(version, int)
    for target in range(version + 1, PROGRESS_SCHEMA_VERSION + 1):
        data = LADDER[target](data)
    return data
