"""Slow down guessing: after five wrong passphrases in a row, each try waits longer.

scrypt already makes each guess cost a fraction of a second; the guard adds a growing wait
(2, 4, 8… seconds, at most a minute) after the fifth wrong try in a row, so a person at the
keyboard can still get in, and someone guessing cannot go fast.  The file is never deleted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_TRIES = 5
MAX_WAIT_SECONDS = 60.0


class UnlockGuard:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._not_before = 0.0

    def wait_seconds(self) -> float:
        """How long until the next try is allowed (0: now)."""
        return max(0.0, self._not_before - self._clock())

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= FREE_TRIES:
            wait = min(MAX_WAIT_SECONDS, 2.0 ** (self.failures - FREE_TRIES + 1))
            self._not_before = self._clock() + wait

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0
