"""Test harness: offscreen Qt, and every app path sent to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Without a display Qt aborts the whole run (exit 134) unless it is told to draw offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from privacy_walkthrough.core import i18n
from privacy_walkthrough.core.progress import sealed


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG folders at tmp_path, so no test touches real user data."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    yield home
    i18n.set_catalog({})


@pytest.fixture(autouse=True)
def cheap_passphrases(monkeypatch: pytest.MonkeyPatch) -> None:
    """New passphrases use scrypt's lowest cost the format allows: the tests are about the flow.

    Files keep the cost they were made with, and test_sealed pins the app's real setting.
    """
    monkeypatch.setattr(sealed, "COST", sealed.KdfParams(log2_n=10))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
