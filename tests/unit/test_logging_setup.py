"""The log file: rotated once it has grown, never more than three old ones kept, each 0600."""

from __future__ import annotations

import logging
import logging.handlers
import stat
from pathlib import Path

import pytest

from privacy_walkthrough.logging_setup import (
    BACKUPS,
    LOG_FILE,
    MAX_BYTES,
    PrivateFileHandler,
    configure_logging,
)


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


def grow(handler: logging.Handler, lines: int) -> None:
    record = logging.LogRecord("privacy_walkthrough.test", logging.INFO, __file__, 1, "x" * 40, None, None)
    for _ in range(lines):
        handler.emit(record)
    handler.flush()


def test_a_grown_log_moves_aside_and_the_oldest_goes(logs: Path) -> None:
    path = logs / LOG_FILE
    handler = PrivateFileHandler(path, maxBytes=100, backupCount=3, encoding="utf-8")
    try:
        grow(handler, 2)
        assert sorted(p.name for p in logs.iterdir()) == [LOG_FILE]  # small: kept as it is
        grow(handler, 20)
    finally:
        handler.close()
    names = sorted(p.name for p in logs.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    for kept in logs.iterdir():
        assert kept.stat().st_size <= 100
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_the_app_log_rotates_at_its_size_limit(logs: Path) -> None:
    path = configure_logging(logs)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUPS)
    assert path is not None and stat.S_IMODE(path.stat().st_mode) == 0o600
