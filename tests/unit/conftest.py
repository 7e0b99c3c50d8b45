"""Fixtures shared by the walkthrough's unit tests."""

from __future__ import annotations

import pytest

from privacy_walkthrough.core.progress.models import Progress
from tests.helpers import MinuteClock


@pytest.fixture
def calls() -> list[Progress]:
    """Every progress the walkthrough handed over to be saved, in order."""
    return []


@pytest.fixture
def clock() -> MinuteClock:
    return MinuteClock()
