"""How long does the canvas alone take? (offscreen)

For each template: populating a canvas (scene + first paint), revalidating and repainting
after one parameter edit, and fitting + repainting the whole graph, next to one plain
``validate`` of the same graph (ratio). ``measure_canvas`` is also used by
tests/gui_canvas/test_canvas_templates.py. The whole window is timed by gui_editor.py.

    .venv/bin/python benchmarks/canvas_timing.py [lenet5 resnet152 ...]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("CNN_STUDIO_HOME", tempfile.mkdtemp(prefix="cnn-studio-bench-"))


def measure_canvas(project, size=(1200, 800)) -> dict[str, float]:
    """Seconds to populate a canvas for ``project`` (scene + first paint) and to revalidate
    and repaint after one parameter edit (out_channels of the first Conv2d, via undo)."""
    from PySide6.QtWidgets import QApplication

    from studio.gui import commands as cmds
    from studio.gui.canvas import GraphView
    from studio.gui.document import Document

    app = QApplication.instance()
    t0 = time.perf_counter()
    doc = Document(project)
    view = GraphView(doc)
    view.resize(*size)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    t1 = time.perf_counter()
    out = {"nodes": float(len(doc.graph)), "populate_s": t1 - t0}
    conv = next((n for n in doc.graph.nodes if n.type == "Conv2d"), None)
    if conv is not None:
        t2 = time.perf_counter()
        cmds.push(doc, cmds.SetParamCommand(doc, conv.id, "out_channels", conv.params["out_channels"] + 1))
        app.processEvents()
        view.viewport().repaint()
        out["edit_s"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    view.fit_all()
    view.viewport().repaint()
    out["fit_repaint_s"] = time.perf_counter() - t3
    view.graph_scene.detach()
    view.deleteLater()
    app.processEvents()
    return out


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication

    from studio import templates
    from studio.core.validate import validate

    QApplication.instance() or QApplication([])
    names = list(argv if argv is not None else sys.argv[1:]) or ["lenet5", "resnet18", "resnet152"]
    print(f"{'template':<12}{'nodes':>6}{'validate':>10}{'populate':>10}{'edit':>10}{'fit':>10}{'edit/validate':>15}")
    for name in names:
        project = templates.build_project(name)
        t = time.perf_counter()
        validate(project.graph, project.num_classes)
        t_val = time.perf_counter() - t
        r = measure_canvas(templates.build_project(name))
        edit = r.get("edit_s", float("nan"))
        print(f"{name:<12}{int(r['nodes']):>6}{t_val * 1000:>8.1f}ms{r['populate_s'] * 1000:>8.1f}ms"
              f"{edit * 1000:>8.1f}ms{r['fit_repaint_s'] * 1000:>8.1f}ms{edit / t_val:>14.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
