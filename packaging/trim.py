"""What the bundle leaves out of Qt, used by privacy-walkthrough.spec.

The app uses QtCore, QtGui, QtWidgets (Fusion style, drawn by Qt itself), QtSvg (icons,
pictures, QR codes) and QtPrintSupport (printing, PDF). PyInstaller's Qt hooks collect more
than that: every plugin of the modules it sees, and the libraries those plugins need. This
keeps, per plugin folder, only what the app can load, and on Linux then drops the libraries
nothing kept still links to (OpenGL, EGL, QtNetwork, the GTK stack of the GTK theme, ...).

Names are the bundle's paths (with "/"), the same rules on every platform: PySide6 puts
plugins in PySide6/Qt/plugins (Linux, macOS) or PySide6/plugins (Windows).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import PurePosixPath

# Plugin folder -> the plugins kept in it (file-name patterns); folders not listed go whole.
PLUGINS_KEPT: dict[str, tuple[str, ...]] = {
    # Screens: X11, Wayland, macOS, Windows, and offscreen (the export command uses it
    # where there is no display).
    "platforms": ("*qxcb*", "*qwayland*", "*qcocoa*", "*qwindows*", "*qoffscreen*"),
    # The desktop's file dialogs and light/dark scheme through the XDG portal; the GTK 3
    # theme would bring GTK's whole stack for little (Qt reads GNOME's scheme itself).
    "platformthemes": ("*xdgdesktopportal*",),
    # Typing accents and non-Latin scripts through IBus or compose keys.
    "platforminputcontexts": ("*compose*", "*ibus*"),
    # SVG only: every picture the app shows is an SVG; PNG is built into QtGui.
    "imageformats": ("*qsvg*",),
    "iconengines": ("*qsvgicon*",),
    "printsupport": ("*",),
    # Wayland windows: the xdg-shell and the title bar Qt draws where the compositor does not.
    "wayland-shell-integration": ("*xdg-shell*",),
    "wayland-decoration-client": ("*",),
}
# Folders dropped whole include egldeviceintegrations, generic (evdev input without a
# desktop), networkinformation, tls, xcbglintegrations and wayland-graphics-integration-*
# (OpenGL only), styles (the app always uses Fusion), qmltooling, sqldrivers.

# Files dropped wherever they are: the software OpenGL renderer and the shader compiler
# (Windows; only OpenGL and Qt Quick use them) and Qt's libraries for modules the app never
# loads (collected as dependencies of plugins that are dropped above).
FILES_DROPPED = (
    "opengl32sw.dll",
    "d3dcompiler_*.dll",
    "*Qt6Network*",
    "*Qt6OpenGL*",
    "*Qt6Qml*",
    "*Qt6Quick*",
    "*Qt6EglFS*",
    "*Qt6VirtualKeyboard*",
    "*Qt6Pdf*",
    "*QtNetwork.framework*",
    "*QtOpenGL.framework*",
    "*QtQml*.framework*",
    "*QtQuick*.framework*",
)

# Qt's own translations: only qtbase (the dialogs and widgets the app uses) and the qt_*
# files that point to it, not those of Qt modules the app does not use; and only for the
# languages the app itself ships catalogs for (a print dialog in a language the rest of the
# app does not speak helps nobody). With no catalogs at all, every language's qtbase.


def translation_patterns(languages: Iterable[str]) -> tuple[str, ...]:
    wanted = sorted(set(languages))
    if not wanted:
        return ("qt_*.qm", "qtbase_*.qm")
    return tuple(f"{prefix}_{lang}*.qm" for lang in wanted for prefix in ("qt", "qtbase"))


def _parts(name: str) -> tuple[str, ...]:
    return PurePosixPath(name.replace("\\", "/")).parts


def keep_binary(name: str) -> bool:
    parts = _parts(name)
    base = parts[-1]
    if any(fnmatch(base, pattern) or fnmatch("/".join(parts), pattern) for pattern in FILES_DROPPED):
        return False
    if "plugins" in parts[:-1] and parts[0] == "PySide6":
        folder = parts[parts.index("plugins") + 1]
        kept = PLUGINS_KEPT.get(folder)
        return kept is not None and any(fnmatch(base, pattern) for pattern in kept)
    return True


def keep_data(name: str, languages: Iterable[str] = ()) -> bool:
    parts = _parts(name)
    if parts[0] == "PySide6" and "translations" in parts[:-1]:
        return any(fnmatch(parts[-1], pattern) for pattern in translation_patterns(languages))
    return keep_binary(name)


def _needed(path: str) -> list[str]:
    """The sonames an ELF file links to (readelf, from binutils)."""
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def prune_unreachable(binaries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: drop the shared libraries that no kept extension module, plugin or library needs.

    Roots are everything that is not a plain library at the top of the bundle or in Qt's lib
    folder: Python's extension modules, PySide6's modules and the Qt plugins kept above.
    """
    entries = list(binaries)

    def is_library(name: str) -> bool:
        parts = _parts(name)
        return ".so" in parts[-1] and (len(parts) == 1 or parts[:3] == ("PySide6", "Qt", "lib"))

    by_soname = {_parts(name)[-1]: (name, src, kind) for name, src, kind in entries if is_library(name)}
    # The bootloader loads libpython itself.
    reached = {soname for soname in by_soname if soname.startswith("libpython")}
    todo = [src for name, src, kind in entries if not is_library(name)]
    todo += [by_soname[soname][1] for soname in reached]
    while todo:
        for soname in _needed(todo.pop()):
            if soname in by_soname and soname not in reached:
                reached.add(soname)
                todo.append(by_soname[soname][1])
    return [e for e in entries if not is_library(e[0]) or _parts(e[0])[-1] in reached]


def drop_dangling_symlinks(
    toc: Iterable[tuple[str, str, str]], kept: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Drop the symlinks PyInstaller made for libraries that are no longer in ``kept``."""
    present = {name.replace("\\", "/") for name, _src, _kind in kept}
    out = []
    for name, target, kind in toc:
        if kind == "SYMLINK":
            resolved = (PurePosixPath(name.replace("\\", "/")).parent / target.replace("\\", "/")).as_posix()
            if resolved not in present:
                continue
        out.append((name, target, kind))
    return out


def check_nothing_needed_was_dropped(
    kept: Iterable[tuple[str, str, str]], dropped: Iterable[tuple[str, str, str]]
) -> None:
    """Fail the build if a kept binary links to a dropped one: its direct imports, read with
    readelf on Linux (PyInstaller's reader runs ldd there, which lists the system libraries'
    own dependencies too) and with PyInstaller's Mach-O and PE readers elsewhere."""
    import sys

    from PyInstaller.depend import bindepend

    def imports(path: str) -> list[str]:
        if sys.platform.startswith("linux"):
            return _needed(path)
        return [referenced for referenced, _resolved in bindepend.get_imports(path)]

    gone = {_parts(name)[-1].lower(): name for name, _src, kind in dropped if kind != "SYMLINK"}
    problems = []
    for name, src, kind in kept:
        if kind not in ("BINARY", "EXTENSION"):
            continue
        for referenced in imports(src):
            base = _parts(referenced)[-1].lower()
            if base in gone:
                problems.append(f"{name} needs {gone[base]}")
    if problems:
        raise SystemExit("trim: a kept file needs one that was dropped:\n  " + "\n  ".join(sorted(problems)))
