"""Packaging checks that do not build anything: the PyInstaller spec, the .desktop entry, the icons.

The real build + offscreen smoke test is ``test_bundle_builds_and_passes_smoke_test``; it runs only
with ``QNAI_BUILD_BUNDLE=1`` (about a minute and ~280 MB in dist/; see packaging/BUILD_NOTES.md).
"""

from __future__ import annotations

import configparser
import os
import pkgutil
import shutil
import struct
import subprocess
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "qnai-desktop.spec"
DESKTOP = ROOT / "resources" / "qnai-desktop.desktop"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE and records its arguments."""

    calls: ClassVar[list[tuple[str, tuple, dict]]] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        type(self).calls.append((type(self).__name__, args, kwargs))
        # what a real Analysis exposes, in PyInstaller's (dest, src, typecode) form
        self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs.get("datas", [])]
        self.binaries, self.pure, self.scripts = [], [], []


def _stub(name: str) -> type:
    return type(name, (_Recorder,), {})


@pytest.fixture(scope="module")
def spec() -> dict:
    _Recorder.calls = []
    ns = {"SPECPATH": str(PACKAGING), "__file__": str(SPEC), "__name__": "__main__"}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        ns[name] = _stub(name)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), ns)
    ns["_calls"] = list(_Recorder.calls)
    return ns


def _call(spec: dict, name: str) -> tuple[tuple, dict]:
    found = [(a, k) for n, a, k in spec["_calls"] if n == name]
    assert found, f"spec never calls {name}"
    return found[0]


# --- the spec -------------------------------------------------------------------------------------

def test_spec_compiles_and_runs_with_stubs(spec: dict) -> None:
    names = [n for n, _, _ in spec["_calls"]]
    assert names[:2] == ["Analysis", "PYZ"]
    assert "EXE" in names and "COLLECT" in names
    _, coll = _call(spec, "COLLECT")
    assert coll["name"] == "qnai-desktop"
    (scripts,), _ = _call(spec, "Analysis")
    entry = Path(scripts[0])
    assert entry.is_file() and entry.parent == PACKAGING
    compile(entry.read_text(encoding="utf-8"), str(entry), "exec")


def test_spec_ships_data_and_resources(spec: dict) -> None:
    _, kwargs = _call(spec, "Analysis")
    shipped = {f"{dest}/{Path(src).name}" for src, dest in kwargs["datas"]}
    for rel in ("data/watchlist.csv", "data/facts.csv", "data/links.csv",
                "resources/icons/qnai-desktop.png", "resources/qnai-desktop.desktop"):
        assert rel in shipped, rel
    # every file under data/ and resources/ (caches aside) goes into the bundle, same layout
    for folder in ("data", "resources"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".sqlite"}:
                assert path.relative_to(ROOT).as_posix() in shipped, path
    assert any(s.startswith("data/series/") for s in shipped)
    assert all(s.startswith(("data/", "resources/")) for s in shipped)


def test_spec_hidden_imports_cover_discovered_commands(spec: dict) -> None:
    from qnai_desktop import commands

    hidden = set(_call(spec, "Analysis")[1]["hiddenimports"])
    found = {f"qnai_desktop.commands.{m.name}" for m in pkgutil.iter_modules(commands.__path__)}
    assert found and found <= hidden
    assert "qnai_desktop.cli" in hidden and "qnai_desktop.app" in hidden


def test_spec_excludes_what_an_essentials_app_does_not_need(spec: dict) -> None:
    excludes = set(_call(spec, "Analysis")[1]["excludes"])
    for mod in ("matplotlib", "tkinter", "pytest", "hypothesis", "PyQt5", "PyQt6", "PySide2",
                "pyqtgraph.examples"):
        assert mod in excludes, mod
    # nothing the app imports may be excluded
    # (pyqtgraph 0.14 imports PySide6.QtOpenGL[Widgets] unconditionally in Qt/OpenGLHelpers.py)
    for mod in ("pyqtgraph", "PySide6", "PySide6.QtSvg", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
                "numpy", "pandas", "sqlite_utils", "keyring", "PIL", "lxml", "lxml.etree"):
        assert mod not in excludes, mod


def test_spec_filters_qt_translations_and_plugins(spec: dict) -> None:
    keep_data, keep_binary = spec["keep_data"], spec["keep_binary"]
    assert keep_data("PySide6/Qt/translations/qtbase_ko.qm")
    assert keep_data("PySide6/Qt/translations/qt_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qt_help_ko.qm")
    assert keep_data("data/watchlist.csv")
    for kept in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6/Qt/lib/libQt6Widgets.so.6"):
        assert keep_binary(kept), kept
    for dropped in ("PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
                    "PySide6/Qt/lib/libQt6Network.so.6"):
        assert not keep_binary(dropped), dropped


def test_build_scripts_are_valid_bash() -> None:
    for script in ("build_linux.sh", "smoke_test.sh", "install_linux.sh"):
        subprocess.run(["bash", "-n", str(PACKAGING / script)], check=True)


def test_dist_and_build_are_gitignored() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "dist/" in ignored and "build/" in ignored


# --- the .desktop entry ---------------------------------------------------------------------------

DESKTOP_KEYS = {"Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon",
                "Terminal", "Categories", "Keywords", "StartupNotify", "StartupWMClass", "MimeType"}
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
                   "Network", "Office", "Science", "Settings", "System", "Utility"}


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_entry_keys() -> None:
    entry = _desktop()
    for key in entry:
        assert key.split("[", 1)[0] in DESKTOP_KEYS, f"unknown key {key}"
        if "[" in key:
            assert key.endswith("]")
            assert key.split("[", 1)[0] in {"Name", "GenericName", "Comment", "Keywords"}
    assert entry["Type"] == "Application"
    assert entry["Version"] in {"1.0", "1.1", "1.2", "1.3", "1.4"}
    assert entry["Name"] and entry["Name[ko]"] and entry["Comment"]
    assert entry["Exec"].split()[0] == "qnai-desktop"
    assert entry["Terminal"] == "false" and entry["StartupNotify"] in {"true", "false"}
    cats = entry["Categories"]
    assert cats.endswith(";") and MAIN_CATEGORIES & set(cats.split(";"))
    assert entry["Keywords"].endswith(";")
    icon = entry["Icon"]
    assert "/" not in icon and not icon.endswith(".png")  # a theme name, installed into hicolor
    assert (ICONS / f"{icon}.png").is_file()
    assert entry["StartupWMClass"] == "qnai-desktop"  # = QApplication.applicationName()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    res = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert res.returncode == 0 and not res.stdout.strip(), res.stdout + res.stderr


# --- the icons ------------------------------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_their_sizes() -> None:
    for n in PNG_SIZES:
        assert _png_size((ICONS / f"qnai-desktop-{n}.png").read_bytes()) == (n, n), n
    assert _png_size((ICONS / "qnai-desktop.png").read_bytes()) == (256, 256)


def test_ico_holds_png_images_16_to_256() -> None:
    data = (ICONS / "qnai-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        w, h = w or 256, h or 256
        assert (planes, bpp) == (1, 32)
        assert _png_size(data[offset:offset + length]) == (w, h)
        sizes.add(w)
    assert sizes == ICO_SIZES


def test_icns_is_well_formed() -> None:
    data = (ICONS / "qnai-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4].decode("ascii"), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        kinds[kind] = _png_size(data[pos + 8:pos + length])[0]
        pos += length
    assert pos == len(data)
    assert kinds["icp4"] == 16 and kinds["ic07"] == 128 and kinds["ic09"] == 512 and kinds["ic10"] == 1024


# --- the real build (opt-in) ----------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("QNAI_BUILD_BUNDLE") != "1",
                    reason="builds the PyInstaller bundle (~1 min, ~280 MB); set QNAI_BUILD_BUNDLE=1")
def test_bundle_builds_and_passes_smoke_test() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QNAI_DB", "QNAI_SETTINGS"}}
    build = subprocess.run(["bash", str(PACKAGING / "build_linux.sh")], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    smoke = subprocess.run(["bash", str(PACKAGING / "smoke_test.sh"), str(ROOT / "dist" / "qnai-desktop")],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    print(build.stdout[-600:], smoke.stdout, sep="\n")  # size and start times (pytest -s)
    assert smoke.returncode == 0, smoke.stdout[-4000:] + smoke.stderr[-4000:]
    assert "smoke: PASS" in smoke.stdout
