"""Five wrong passphrases in a row slow down the next tries; a right one resets the count."""

from __future__ import annotations

from privacy_walkthrough.core.progress.unlock_guard import MAX_WAIT_SECONDS, UnlockGuard


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_first_four_wrong_tries_cost_nothing_then_each_waits_longer() -> None:
    clock = Clock()
    guard = UnlockGuard(clock)
    for _ in range(4):
        guard.failed()
        assert guard.wait_seconds() == 0
    waits = []
    for _ in range(4):
        guard.failed()
        waits.append(guard.wait_seconds())
    assert waits == [2.0, 4.0, 8.0, 16.0]
    clock.now += 10
    assert guard.wait_seconds() == 6.0


def test_the_wait_is_capped_and_a_right_passphrase_resets_it() -> None:
    clock = Clock()
    guard = UnlockGuard(clock)
    for _ in range(30):
        guard.failed()
    assert guard.wait_seconds() == MAX_WAIT_SECONDS
    guard.succeeded()
    assert guard.wait_seconds() == 0
    guard.failed()
    assert guard.wait_seconds() == 0
