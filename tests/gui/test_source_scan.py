"""PySide6's search of every imported module's source is answered from the module instead.

See privacy_walkthrough.qt.source_scan: reading each source kept 9 to 10 MB of lines in memory.
Both checks run in a fresh process, as a start does: this one has imported everything already.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

START = "import privacy_walkthrough.app, privacy_walkthrough.qt.run, privacy_walkthrough.qt.main_window\n"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_start_keeps_no_modules_source_in_memory() -> None:
    code = (
        "import linecache, sys\n"
        + START
        + "import privacy_walkthrough.core.content.loader, privacy_walkthrough.core.walkthrough.session\n"
        "ours = {getattr(m, '__file__', None) for name, m in list(sys.modules.items())\n"
        "        if name.split('.')[0] in ('privacy_walkthrough', 'pydantic')}\n"
        "print(len(ours) > 50, sorted(ours & set(linecache.cache)))"
    )
    assert run(code) == "True []"


def pyside_imports_at_run_time(module_name: str) -> list[int]:
    """Lines of the module's imports of PySide6 that run (not under ``if TYPE_CHECKING:``)."""
    spec = importlib.util.find_spec(module_name)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for inner in ast.walk(node)
    }
    lines = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name.startswith("PySide6") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_answer_from_the_module_matches_pysides_source_search() -> None:
    code = (
        "import sys, PySide6.QtCore\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "by_source = feature._mod_uses_pyside\n"
        + START
        + "from privacy_walkthrough.qt.source_scan import uses_pyside\n"
        "mine = [name for name in list(sys.modules) if name.startswith('privacy_walkthrough')]\n"
        "print(sum(1 for name in mine if uses_pyside(sys.modules[name])), len(mine))\n"
        "print(*[f'{name}:{by_source(sys.modules[name])}' for name in mine\n"
        "        if uses_pyside(sys.modules[name]) != by_source(sys.modules[name])])"
    )
    counts, differences = run(code).splitlines()
    using, modules = map(int, counts.split())
    assert 20 < using < modules  # the Qt layer uses PySide, the core does not
    for difference in differences.split():
        name, found_in_source = difference.split(":")
        # Only a module that names PySide6 for the type checker alone may be answered otherwise.
        assert found_in_source == "True"
        assert pyside_imports_at_run_time(name) == [], name
