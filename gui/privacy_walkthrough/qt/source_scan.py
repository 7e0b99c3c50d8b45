"""PySide6 reads the source of every module imported after it; the app answers from memory.

PySide6 lets each module opt into its own spelling of the Qt API (``from __feature__ import
snake_case``).  To know which modules care, its import hook asks of every newly imported
module whether it "uses PySide", by reading the module's whole source with
``inspect.getsource`` and looking for the word ``PySide6``.  Those lines then stay in
``linecache`` for the life of the process.  On a start resuming at a step that is about 200
modules (the guide's records, pydantic, the window): 9 to 10 MB of memory, about a fifth of
what the app uses beyond a bare Qt window, and the time to read and split every file.

The app selects no feature, so the answer changes nothing it does.  :func:`stop_source_scan`
makes PySide6 answer the same question from the module's namespace instead: a module uses
PySide if it holds a PySide6 module, class or function.  If a PySide6 release has no such
hook, nothing is changed.  ``bench/README.md`` gives the measured effect;
``tests/gui/test_fast_start.py`` checks that a start keeps no module's source in memory.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 (loads PySide6's import hook, which this adjusts)

PYSIDE_MODULES = ("PySide6", "shiboken6")


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds anything from PySide6 (what PySide6 looks for in its source)."""
    try:
        values = list(vars(module).values())
    except TypeError:  # an object without a namespace in sys.modules
        return False
    for value in values:
        try:
            where = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        except Exception:  # a lazy object can raise anything; it is not PySide's
            continue
        if isinstance(where, str) and where.startswith(PYSIDE_MODULES):
            return True
    return False


def stop_source_scan() -> bool:
    """Answer PySide6's "does this module use PySide?" without reading sources; whether it could."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
