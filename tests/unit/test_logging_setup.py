"""The log file: rotated at start-up once it has grown, never more than three old ones kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from privacy_walkthrough.logging_setup import LOG_FILE, configure_logging, rotate


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def _keep_root_logger() -> object:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        handler.close()
    root.handlers[:], root.level = handlers, level


def test_logging_writes_to_the_log_folder(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    logging.getLogger("privacy_walkthrough.test").info("Started")
    logging.getLogger().handlers[0].flush()
    assert path == tmp_path / "logs" / LOG_FILE
    assert "INFO privacy_walkthrough.test: Started" in path.read_text(encoding="utf-8")


def test_a_small_log_is_kept_as_it_is(logs: Path) -> None:
    path = logs / LOG_FILE
    path.write_text("small\n", encoding="utf-8")
    rotate(path, max_bytes=100)
    assert sorted(p.name for p in logs.iterdir()) == [LOG_FILE]


def test_a_grown_log_moves_aside_and_the_oldest_goes(logs: Path) -> None:
    path = logs / LOG_FILE
    for number, text in ((1, "newer"), (2, "older"), (3, "oldest")):
        path.with_name(f"{LOG_FILE}.{number}").write_text(text, encoding="utf-8")
    path.write_text("x" * 200, encoding="utf-8")

    rotate(path, max_bytes=100, backups=3)

    assert not path.exists()
    names = {p.name: p.read_text(encoding="utf-8") for p in logs.iterdir()}
    assert names == {f"{LOG_FILE}.1": "x" * 200, f"{LOG_FILE}.2": "newer", f"{LOG_FILE}.3": "older"}


def test_no_log_yet_is_fine(logs: Path) -> None:
    rotate(logs / LOG_FILE)
    assert list(logs.iterdir()) == []
