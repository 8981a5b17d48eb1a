"""The Design view's texts go through Qt's translation (issue #23), checked without a built
catalogue: a translator that marks every message it is asked for (‹…›) is installed, the
palette, Inspector, Summary, Code and Diagram panels are built on LeNet-5 and ResNet-18, and
every visible text with words must be marked, apart from what stays as it is (layer type
names, the names the project gives its layers, shapes, numbers, formulas, file names)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from studio.core.spec import all_specs

KEEP = {"MACs", "floor", "ceil", "out", "in", "max", "min", "PyTorch", "model", "py", "same", "valid"}


class Marker(QTranslator):
    """Every message of the studio (context "" or "Layers"), marked; Qt's own untouched."""

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
        return f"‹{source}›" if source and context in ("", "Layers") else ""


@pytest.fixture
def marked(qapp):
    t = Marker()
    QCoreApplication.installTranslator(t)
    yield
    QCoreApplication.removeTranslator(t)


def unmarked_words(text: str, allowed: set[str]) -> set[str]:
    text = re.sub(r"<[^>]+>", " ", text)
    while "‹" in text:
        text = re.sub(r"‹[^‹›]*›", " ", text)
    return {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in allowed}


def texts_of(widget) -> list[str]:
    from studio.gui.transfer.locks import FrozenBox  # transfer learning's own box (not this view's)

    out = []
    for w in [widget] + widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if isinstance(w, FrozenBox):
            continue
        if hasattr(w, "text") and w.isVisibleTo(widget):
            out.append(w.text())
        if w.toolTip():
            out.append(w.toolTip())
    for w in widget.findChildren(QLineEdit):
        out.append(w.placeholderText())
    return out


@pytest.mark.parametrize("template", ["lenet5", "resnet18"])
def test_the_design_panels_show_only_translated_words(marked, qtbot, template):
    from studio.gui.document import Document
    from studio.gui.panels.code_view import CodeView
    from studio.gui.panels.diagram_view import DiagramView
    from studio.gui.panels.inspector import Inspector
    from studio.gui.panels.palette import Palette
    from studio.gui.panels.summary import SummaryPanel
    from studio.templates import build_project

    doc = Document(build_project(template))
    allowed = set(KEEP)
    for spec in all_specs():  # type names, and the parameters' names in the code (out_channels)
        allowed |= set(re.findall(r"[A-Za-z]{2,}", spec.title + " " + " ".join(p.name for p in spec.params)))
    for n in doc.graph.nodes:
        allowed |= set(re.findall(r"[A-Za-z]{2,}", f"{n.name} {n.id} {n.type}"))
    allowed |= {"BatchNorm", "ZeroPad"}
    panels = [Palette(), Inspector(doc), SummaryPanel(doc), CodeView(doc), DiagramView(doc)]
    for p in panels:
        qtbot.addWidget(p)
        p.show()
    pal, ins, summary, code, diagram = panels
    code.refresh()
    diagram.refresh()
    found = []
    conv = next(n.id for n in doc.graph.nodes if n.type == "Conv2d")
    for nid in (None, conv, doc.graph.nodes[-1].id):
        ins.set_nodes([nid] if nid else [])
        for p in panels:
            found += [(type(p).__name__, t) for t in texts_of(p) if unmarked_words(t, allowed)]
    for i in range(pal.tree.topLevelItemCount()):
        cat = pal.tree.topLevelItem(i)
        if not cat.isHidden():
            found += [("palette category", cat.text(0))] if unmarked_words(cat.text(0), allowed) else []
            tips = [cat.child(j).toolTip(0) for j in range(cat.childCount())]
            found += [("palette tip", t) for t in tips if unmarked_words(t, allowed)]
    m = summary.model
    heads = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    found += [("summary header", h) for h in heads if unmarked_words(h, allowed)]
    cells = [m.cell_text(r, c) for r in range(m.rowCount()) for c in range(m.columnCount())]
    found += [("summary cell", c) for c in cells if unmarked_words(c, allowed)]
    from studio.gui.canvas import GraphView

    view = GraphView(doc)
    qtbot.addWidget(view)
    sc = view.graph_scene
    canvas = [sc.tooltip_for(conv)] + [it._info_text for it in sc.nodes.values()]
    canvas += [t for blk in sc.blocks.values() for t in blk.texts]
    found += [("canvas", t) for t in canvas if unmarked_words(t, allowed)]
    assert not found, "\n".join(f"{w}: {t!r}" for w, t in found)
    assert "‹" in ins.explain_label.text() and "‹" in summary.totals_label.text()  # the check saw text
    assert "‹" in sc.tooltip_for(conv) and (template != "resnet18" or "‹" in "".join(canvas[-3:]))
