"""The core never imports torch or Qt (DESIGN.md): checked in a fresh interpreter."""
import subprocess
import sys


def test_core_and_layers_import_without_torch_or_qt():
    code = (
        "import sys, studio.core, studio.layers, studio.core.project, studio.core.validate\n"
        "import studio.core.stages, studio.diagram, studio.diagram.svg, studio.diagram.raster\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'PySide6', 'pyqtgraph', 'torchvision')]\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, f"core pulled in: {r.stdout} {r.stderr}"
