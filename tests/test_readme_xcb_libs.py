"""The README's apt-get list covers every shared library Qt's xcb platform plugin links to.

A user who installs exactly that list must not get 'could not load the Qt platform plugin
"xcb"'. The libraries are read from the installed PySide6 (the ELF NEEDED entries of the
plugin and of the Qt libraries it loads, via readelf, so a library that is *missing* on this
machine is still seen) and mapped to Debian package names by Debian's naming rule.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Always present on a Debian/Ubuntu system (libc, the C++ runtime, compression) or shipped by PySide6.
BASE = {"ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6", "libstdc++.so.6",
        "libgcc_s.so.1", "libz.so.1", "libzstd.so.1", "libpthread.so.0", "libdl.so.2", "librt.so.1",
        "libgthread-2.0.so.0"}
# Debian names that do not follow the rule below.
SPECIAL = {"libglib-2.0.so.0": "libglib2.0-0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
           "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libdbus-1.so.3": "libdbus-1-3"}


def debian_package(soname: str) -> str:
    """Debian policy 8.1: libfoo.so.N -> libfooN, libfoo-bar1.so.N -> libfoo-bar1-N."""
    if soname in SPECIAL:
        return SPECIAL[soname]
    m = re.fullmatch(r"(lib[\w+.-]+?)\.so\.(\d+)", soname)
    assert m, soname
    name, ver = m.group(1).lower(), m.group(2)
    return f"{name}-{ver}" if name[-1].isdigit() else f"{name}{ver}"


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"apt-get install (libegl1.*?)```", text, re.S)
    assert m, "README has no apt-get list for the xcb plugin"
    return set(m.group(1).replace("\\", " ").split())


def needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) is not installed")
def test_readme_lists_every_library_the_xcb_plugin_needs():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    assert plugin.exists(), plugin
    libs = needed(plugin)
    for name in ("libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6Core.so.6", "libQt6DBus.so.6",
                 "libQt6OpenGL.so.6", "libQt6Widgets.so.6"):
        if (qt / "lib" / name).exists():
            libs |= needed(qt / "lib" / name)
    outside = {s for s in libs if not s.startswith(("libQt6", "libicu", "libpyside", "libshiboken")) and s not in BASE}
    assert "libxcb-icccm.so.4" in outside and "libxcb-keysyms.so.1" in outside  # the two once missing
    missing = sorted({debian_package(s) for s in outside} - readme_packages())
    assert not missing, f"README's apt-get list lacks {missing}"


def test_debian_naming_rule():
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libfontconfig.so.1") == "libfontconfig1"
