"""Build the self-contained app for the platform this runs on (``./dev bundle``).

    ./dev bundle              the app folder (Linux), .app (macOS) or folder with two .exe (Windows)
    ./dev bundle --package    and then the download: .tar.gz, .dmg or the installer
    ./dev bundle --package-only   package an app built before (after signing it, say)

Runs in its own build venv (made by ./dev): builds the wheel, installs it there, makes the
icons from assets/icons/app-icon.svg, runs PyInstaller on packaging/privacy-walkthrough.spec
and, on Linux, checks that every library the bundle links to is in it or on any desktop.
The last line printed is the path of what to launch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
BUILD = REPO / "build" / "bundle"
DIST = REPO / "dist"
APP_NAME = "Privacy Walkthrough"
CLI_NAME = "privacy-walkthrough"
MAC = sys.platform == "darwin"
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")

# Libraries a bundle may leave to the system: glibc's own, and those every desktop that can
# show a window has (X11/Wayland clients, OpenGL/EGL dispatch, fontconfig is bundled).
SYSTEM_LIBRARIES = (
    "libc.so",
    "libm.so",
    "libdl.so",
    "libpthread.so",
    "librt.so",
    "libutil.so",
    "ld-linux",
    "libGL.so",
    "libEGL.so",
    "libOpenGL.so",
    "libGLX.so",
    "libwayland-",
    "libxcb.so",
    "libdrm.so",
)


def say(text: str) -> None:
    print(f"bundle: {text}", flush=True)


def run(*argv: str | Path, **kwargs: object) -> None:
    subprocess.run([str(a) for a in argv], check=True, **kwargs)  # type: ignore[call-overload]


def install_wheel() -> str:
    """Build the wheel from this checkout and install it (with its dependencies) here."""
    wheels = BUILD / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    say("building the wheel")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", wheels, REPO, stdout=subprocess.DEVNULL)
    wheel = next(wheels.glob("privacy_walkthrough-*.whl"))
    say(f"installing {wheel.name} into the build environment")
    quiet = ["--quiet", "--disable-pip-version-check"]
    run(sys.executable, "-m", "pip", "install", *quiet, "--force-reinstall", "--no-deps", wheel)
    run(sys.executable, "-m", "pip", "install", *quiet, wheel)
    import importlib

    import privacy_walkthrough

    importlib.reload(privacy_walkthrough)
    return str(privacy_walkthrough.__version__)


def make_icons(out: Path) -> None:
    """The app icon as .png (Linux), .ico (Windows) and .icns (macOS), drawn from the SVG by Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(REPO / "assets" / "icons" / "app-icon.svg"))
    if not renderer.isValid():
        raise SystemExit("bundle: assets/icons/app-icon.svg cannot be read")
    image = QImage(1024, 1024, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    out.mkdir(parents=True, exist_ok=True)
    (out / "app-icon-1024.png").write_bytes(bytes(data.data()))
    with Image.open(out / "app-icon-1024.png") as big:
        big.resize((256, 256), Image.Resampling.LANCZOS).save(out / "app-icon.png")
        big.save(out / "app-icon.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        big.save(out / "app-icon.icns")
    del _app


def run_pyinstaller(icons: Path) -> None:
    say("running PyInstaller")
    env = dict(os.environ, PW_BUNDLE_ICONS=str(icons))
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST / "bundle", "--workpath", BUILD / "work",
        PACKAGING / "privacy-walkthrough.spec",
        env=env,
    )  # fmt: skip


def app_path() -> Path:
    if MAC:
        return DIST / "bundle" / f"{APP_NAME}.app"
    if WINDOWS:
        return DIST / "bundle" / APP_NAME
    return DIST / "bundle" / CLI_NAME


def launcher() -> Path:
    if MAC:
        return app_path()
    if WINDOWS:
        return app_path() / f"{APP_NAME}.exe"
    return app_path() / CLI_NAME


def add_linux_desktop_files(folder: Path, icons: Path) -> None:
    """A menu entry and its icon, next to the launcher (see the README's Install section)."""
    shutil.copy2(icons / "app-icon.png", folder / "privacy-walkthrough.png")
    shutil.copy2(PACKAGING / "linux" / "privacy-walkthrough.desktop", folder)
    script = folder / "add-to-menu.sh"
    shutil.copy2(PACKAGING / "linux" / "add-to-menu.sh", script)
    script.chmod(0o755)


def check_linux_libraries(folder: Path) -> None:
    """Every library that a bundled file links to is bundled or left to the system on purpose."""
    internal = folder / "_internal"
    present = {p.name for p in internal.rglob("*.so*")} | {p.name for p in internal.rglob("*.so")}
    missing: dict[str, set[str]] = {}
    for path in [folder / CLI_NAME, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "(NEEDED)" not in line:
                continue
            soname = line.split("[", 1)[1].rstrip("]")
            if soname not in present and not soname.startswith(SYSTEM_LIBRARIES):
                missing.setdefault(soname, set()).add(str(path.relative_to(folder)))
    # Libraries that only a system library needs, or that plugins need and only load where the
    # desktop has them (xkbcommon, fontconfig's deps), are listed for a person to judge.
    for soname, users in sorted(missing.items()):
        say(f"note: {soname} is left to the system (needed by {', '.join(sorted(users)[:3])})")


def du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def package(version: str) -> Path:
    """The download for this platform, in dist/."""
    if LINUX:
        machine = os.uname().machine
        target = DIST / f"privacy-walkthrough-{version}-linux-{machine}.tar.gz"
        say(f"packing {target.name}")
        with tarfile.open(target, "w:gz", compresslevel=9) as tar:
            tar.add(app_path(), arcname=f"privacy-walkthrough-{version}")
        return target
    if MAC:
        import platform

        target = DIST / f"Privacy-Walkthrough-{version}-macos-{platform.machine()}.dmg"
        target.unlink(missing_ok=True)
        say(f"making {target.name} with dmgbuild")
        run(
            sys.executable, "-m", "dmgbuild", "-s", PACKAGING / "macos" / "dmg_settings.py",
            "-D", f"app={app_path()}", APP_NAME, target,
        )  # fmt: skip
        return target
    inno = "Inno Setup 6/ISCC.exe"
    candidates = [
        Path(os.environ.get(name, default)) / inno
        for name, default in (
            ("PROGRAMFILES(X86)", "C:/Program Files (x86)"),
            ("PROGRAMFILES", "C:/Program Files"),
        )
    ]
    iscc = shutil.which("iscc") or next((str(p) for p in candidates if p.exists()), None)
    if iscc is None:
        raise SystemExit("bundle: Inno Setup (ISCC.exe) is needed to make the installer")
    say("making the installer with Inno Setup")
    run(
        iscc, f"/DAppVersion={version}", f"/DSourceDir={app_path()}", f"/DOutputDir={DIST}",
        f"/DIconFile={BUILD / 'icons' / 'app-icon.ico'}", PACKAGING / "windows" / "installer.iss",
    )  # fmt: skip
    return DIST / f"Privacy-Walkthrough-{version}-windows-setup.exe"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--package", action="store_true", help="then make the download for this platform")
    parser.add_argument("--package-only", action="store_true", help="package the app built before")
    args = parser.parse_args()
    icons = BUILD / "icons"
    if args.package_only:
        import privacy_walkthrough

        version = privacy_walkthrough.__version__
    else:
        version = install_wheel()
        make_icons(icons)
        run_pyinstaller(icons)
        if LINUX:
            add_linux_desktop_files(app_path(), icons)
            check_linux_libraries(app_path())
        say(f"{app_path().name}: {du_mb(app_path()):.1f} MB")
    if args.package or args.package_only:
        download = package(version)
        say(f"{download.name}: {download.stat().st_size / 1e6:.1f} MB")
    print(launcher())
    return 0


if __name__ == "__main__":
    sys.exit(main())
