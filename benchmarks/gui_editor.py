"""How quickly does the studio window respond? (offscreen; issue 6)

Times, in the real main window (palette, canvas, inspector, summary/problems/code tabs):
  * opening the window with the default LeNet-5 project;
  * loading each template into it (set_project + auto-layout + scene populated + the tabs
    updated + one repaint), next to the plain ``validate`` time of the same graph (ratio);
  * revalidating and repainting after one parameter edit on ResNet-152 (a SetParamCommand on
    a convolution mid-network, events processed until the canvas has repainted), median of
    several edits, next to one plain ``validate`` (ratio);
  * the overview (issue 11): ResNet-152 opened with collapsed stages, one stage expanded
    (re-flow, one undo step), the architecture diagram drawn (geometry, SVG, painted).

    .venv/bin/python benchmarks/gui_editor.py [--repeat 15] [--templates lenet5,resnet152]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CNN_STUDIO_HOME", tempfile.mkdtemp(prefix="cnn-studio-bench-"))


def _settle(app, win) -> None:
    app.processEvents()
    win.canvas.viewport().repaint()
    app.processEvents()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15, help="edits on ResNet-152 (median is printed)")
    ap.add_argument("--templates", default="", help="comma-separated names (default: all built-ins)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from studio import templates
    from studio.core.validate import validate
    from studio.gui import commands
    from studio.gui.app import settle_gc
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import default_project

    try:  # the training tabs pull in torch: count that import separately
        import studio.gui.training  # noqa: F401
        import torch  # noqa: F401
    except ModuleNotFoundError:
        pass
    t1 = time.perf_counter()
    win = MainWindow(Document(default_project()))
    win.resize(1440, 900)
    win.show()
    _settle(app, win)
    settle_gc()  # as `cnn-studio` does once its window is up
    t2 = time.perf_counter()
    print(f"imports (Qt, studio, torch):    {(t1 - t0) * 1000:8.1f} ms")
    print(f"open window (LeNet-5):          {(t2 - t1) * 1000:8.1f} ms  (build + show + first paint)")

    names = [n for n in args.templates.split(",") if n] or templates.builtin_names()
    print(f"\n{'template':<12}{'nodes':>6}{'build':>10}{'validate':>10}{'load':>10}{'load/validate':>15}")
    for name in names:
        t = time.perf_counter()
        project = templates.build_project(name)
        t_build = time.perf_counter() - t
        t = time.perf_counter()
        validate(project.graph, project.num_classes)
        t_val = time.perf_counter() - t
        t = time.perf_counter()
        win.replace_project(project)
        _settle(app, win)
        t_load = time.perf_counter() - t
        assert len(win.canvas.graph_scene.nodes) == len(project.graph)
        print(f"{name:<12}{len(project.graph):>6}{t_build * 1000:>8.1f}ms{t_val * 1000:>8.1f}ms"
              f"{t_load * 1000:>8.1f}ms{t_load / max(t_val, 1e-9):>14.1f}x")

    project = templates.build_project("resnet152")
    win.replace_project(project)
    _settle(app, win)
    doc = win.document
    convs = [n for n in doc.analysis.order if doc.graph.node(n).type == "Conv2d"]
    target = convs[len(convs) // 2]
    win.canvas.select_nodes([target])  # the inspector shows the node being edited
    _settle(app, win)
    base = doc.graph.node(target).params["out_channels"]
    times, vals, cpus = [], [], []
    for i in range(args.repeat):
        t = time.perf_counter()
        validate(doc.graph, doc.project.num_classes)
        vals.append(time.perf_counter() - t)
        value = base + 1 + (i % 2)  # alternate so every edit changes something
        t, c = time.perf_counter(), time.process_time()
        commands.push(doc, commands.SetParamCommand(doc, target, "out_channels", value))
        _settle(app, win)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    edit, val = statistics.median(times), statistics.median(vals)
    print(f"\nResNet-152 ({len(doc.graph)} nodes): edit '{target}'.out_channels, revalidate + repaint:")
    print(f"  median {edit * 1000:.1f} ms (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}) over "
          f"{len(times)} edits; plain validate {val * 1000:.1f} ms; ratio {edit / max(val, 1e-9):.1f}x")
    print(f"  CPU time of this process per edit: median {statistics.median(cpus) * 1000:.1f} ms "
          f"(steadier than wall time on a shared machine)")
    overview(app, win, templates, validate, commands)
    doc.undo_stack.setClean()
    win.close()
    return 0


def overview(app, win, templates, validate, commands) -> None:
    """Issue 11: ResNet-152 opened as its stages (collapsed, laid out, fitted), one stage
    expanded (re-flow as one undo step, repainted), the architecture diagram drawn; each next
    to a plain ``validate`` of the same graph, measured in the same process."""
    from studio.diagram import build_diagram, to_svg
    from studio.diagram.raster import to_image

    rows = []
    project = templates.build_project("resnet152")
    t = time.perf_counter()
    validate(project.graph, project.num_classes)
    val = time.perf_counter() - t
    t = time.perf_counter()
    win.replace_project(project)  # the document adds the collapsed stages and lays them out
    win.canvas.fit_to_view()
    _settle(app, win)
    rows.append(("open ResNet-152 (collapsed stages)", time.perf_counter() - t))
    doc = win.document
    assert len(doc.graph.stages) == 6
    t = time.perf_counter()
    commands.push(doc, commands.ToggleGroupCommand(doc, "layer3", False))  # 36 Bottlenecks
    _settle(app, win)
    rows.append(("expand layer3 (re-flow + repaint)", time.perf_counter() - t))
    doc.undo_stack.undo()
    _settle(app, win)
    t = time.perf_counter()
    d = build_diagram(doc.graph, doc.analysis, "resnet152")
    rows.append(("diagram geometry", time.perf_counter() - t))
    t = time.perf_counter()
    to_svg(d)
    rows.append(("diagram SVG text", time.perf_counter() - t))
    t = time.perf_counter()
    to_image(d, 1.0)
    rows.append(("diagram painted (1600 px wide)", time.perf_counter() - t))
    print(f"\nOverview (issue 11), ResNet-152 ({len(doc.graph)} nodes); plain validate {val * 1000:.1f} ms:")
    for name, sec in rows:
        print(f"  {name:<36}{sec * 1000:8.1f} ms  ({sec / max(val, 1e-9):5.1f}x validate)")


if __name__ == "__main__":
    sys.exit(main())
