"""The content hash: the start of hashlib's SHA-256 of the step's canonical JSON."""

from __future__ import annotations

import hashlib
import json

from privacy_walkthrough.core.content.hash import HASH_CHARS, IGNORED_FIELDS, step_content_hash
from privacy_walkthrough.core.content.records import to_data
from privacy_walkthrough.guides import load_default_guide


def test_the_hash_is_the_start_of_hashlibs_sha256_of_the_canonical_json() -> None:
    for step in load_default_guide().steps:
        data = {key: value for key, value in to_data(step).items() if key not in IGNORED_FIELDS}
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_CHARS]
        assert step_content_hash(step) == expected
