"""The core never imports Qt: every module under privacy_walkthrough.core, imported together."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CODE = """
import importlib, json, pkgutil, sys
import privacy_walkthrough.core as core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + "."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_no_core_module_imports_qt() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    packages = {name.split(".")[2] for name in found["modules"]}
    assert {"content", "progress", "walkthrough", "checklist", "files", "i18n"} <= packages
    assert "privacy_walkthrough.core.walkthrough.flow" in found["modules"]
    assert len(found["modules"]) > 30  # every module, not only the checklist's
    assert found["qt"] == []
