"""A short fingerprint of a step's content, to tell when a step changed after it was done.

When the person marks a step done or acknowledged, the walkthrough stores this hash in
the step's progress.  If a later guide changes what the step says, the hashes differ and
the step can be shown as "updated since you did this".
"""

from __future__ import annotations

import json
from hashlib import sha256

from privacy_walkthrough.core.content.models import Step
from privacy_walkthrough.core.content.records import to_data
from privacy_walkthrough.core.progress.models import StepProgress

HASH_CHARS = 16

# Not part of what the person read: a re-review with no edits, or a new content file format,
# must not flag a step as changed.  Nor is whom the step fits (``applicability``): saying which
# devices a step concerns, or adding a minimum version, does not change what the person did.
# Nor does how to undo it (``undo``) or which system versions it was checked against.
IGNORED_FIELDS = frozenset({"reviewed", "schema_version", "applicability", "undo", "checked_against"})


def step_content_hash(step: Step) -> str:
    """The first 16 hex digits of the sha256 of the step's canonical JSON.

    Fields left at their default are omitted, so that a new optional field in a later content
    format does not change the hash of every step that does not use it.
    """
    data = {key: value for key, value in to_data(step).items() if key not in IGNORED_FIELDS}
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return str(sha256(canonical.encode("utf-8")).hexdigest()[:HASH_CHARS])


def changed_since_done(step: Step, entry: StepProgress, current: str | None = None) -> bool:
    """Whether ``step`` differs from the content the person finished.

    Only a finished step with a known hash can be flagged; progress from before hashes
    were kept (schema v1) has an empty hash and is never flagged.  ``current``: the step's
    hash if the caller has it already.
    """
    if not entry.status.is_finished or not entry.content_hash:
        return False
    return entry.content_hash != (current or step_content_hash(step))
