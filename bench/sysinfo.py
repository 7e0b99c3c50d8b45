"""A description of the machine the figures were measured on."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _ram() -> str:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def _os() -> str:
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            return f"{line.split('=', 1)[1].strip(chr(34))} (kernel {platform.release()})"
    return platform.platform()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    return {
        "CPU": _cpu_model(),
        "Cores": f"{os.cpu_count()} logical ({len(os.sched_getaffinity(0))} usable)",
        "RAM": _ram(),
        "OS": _os(),
        "Python": f"{platform.python_version()} ({sys.executable})",
        "PySide6": f"PySide6-Essentials {_version('PySide6-Essentials')}",
        "pydantic": _version("pydantic"),
        "pydantic-core": _version("pydantic_core"),
        "App": f"privacy-walkthrough {_version('privacy-walkthrough')}",
    }
