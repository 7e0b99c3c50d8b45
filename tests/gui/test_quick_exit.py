"""Quick exit ends the real app process at once, with the progress already on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

LAUNCHER = textwrap.dedent(
    """
    import argparse, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from privacy_walkthrough.qt import run

    real_build_window = run.build_window

    def build_window(*args, **kwargs):
        window = real_build_window(*args, **kwargs)
        window.go_to_page(window.walkthrough.page_index_of_step("icloud-backup"))
        window.step_page.note_edit.setPlainText("typed just before leaving")
        QTimer.singleShot(0, window.quick_exit)  # as if the person pressed Quick exit
        return window

    run.build_window = build_window
    args = argparse.Namespace(
        data_dir=Path(sys.argv[1]), pseudo_locale=False, color_scheme="system", content=None
    )
    sys.exit(run.run_gui(args))
    """
)


def test_quick_exit_saves_and_ends_the_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    saved = json.loads((data / "progress" / "imessage-privacy.json").read_text())
    assert saved["current_page"] == "icloud-backup"
    assert saved["steps"]["icloud-backup"]["note"] == "typed just before leaving"
