"""Run scrypt off the window's thread, so the window keeps painting while a key is derived.

Deriving a key takes about half a second to a few seconds by design.  ``cryptography`` releases
the GIL while OpenSSL runs scrypt, so a plain Python thread keeps the event loop free; the result
comes back to the window's thread through a queued signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class KeyWorker(QObject):
    """Runs one job at a time; ``finished`` carries its result or the exception it raised."""

    finished = Signal(object, object)  # result, error (exactly one is None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, job: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                result = job()
            except Exception as exc:  # handed to the window's thread, which explains it
                self.finished.emit(None, exc)
            else:
                self.finished.emit(result, None)

        self._thread = threading.Thread(target=run, name="key-derivation", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Block until the running job is over (tests, and closing the window)."""
        if self._thread is not None:
            self._thread.join()
