"""Timing helpers for ``benchmarks/gui_editor.py`` (needs a QApplication)."""
from __future__ import annotations

import time


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
