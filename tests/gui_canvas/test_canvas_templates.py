"""Every template loads into the canvas with one item per node and edge; a screenshot."""
import pytest
from PySide6.QtCore import QPointF

from studio.core.project import Project
from studio.gui import commands as cmds

from .canvas_graphs import lenet_graph, resnet_like_graph

try:
    from studio.templates import build_project, list_templates

    NAMES = [t.name for t in list_templates(include_user=False)]
except ImportError:  # the templates package is not there yet: a hand-made ResNet-like graph
    NAMES = []


def check_items(view):
    g, sc = view.doc.graph, view.graph_scene
    assert set(sc.nodes) == {n.id for n in g.nodes}
    assert set(sc.edges) == set(g.edges)
    assert set(sc.groups) | set(sc.blocks) == {gr.name for gr in g.all_groups if gr.nodes}
    for n in g.nodes:
        item = sc.nodes[n.id]
        assert item.pos() == QPointF(*n.pos)
        shape = view.doc.analysis.shapes.get(n.id)
        assert shape is not None and item._shape_text == "×".join(map(str, shape))
    for e, it in sc.edges.items():
        assert it.label_text == "×".join(map(str, view.doc.analysis.shapes[e.source]))


@pytest.mark.parametrize("name", NAMES or ["resnet-like"])
def test_template_loads_into_canvas(make_view, name):
    view = make_view()
    project = build_project(name) if NAMES else Project(graph=resnet_like_graph(4))
    view.doc.set_project(project)
    assert not view.doc.analysis.errors
    check_items(view)
    # after replacing the project the scene follows the new graph only
    first = project.graph.nodes[1].id
    cmds.push(view.doc, cmds.RemoveNodesCommand(view.doc, [first]))
    assert set(view.graph_scene.nodes) == {n.id for n in view.doc.graph.nodes}
    assert set(view.graph_scene.edges) == set(view.doc.graph.edges)


def test_switching_projects_detaches_old_graph(make_view):
    view = make_view(lenet_graph())
    old = view.doc.graph
    view.doc.set_project(Project(graph=resnet_like_graph(1)))
    old.remove_node("fc3")  # the old graph is no longer shown: nothing happens on the canvas
    check_items(view)


def test_benchmark_helper(qapp):
    from benchmarks.canvas_timing import measure_canvas

    res = measure_canvas(Project(graph=resnet_like_graph(8)))
    assert res["nodes"] == 2 + 8 * 5 + 3 and res["populate_s"] > 0 and res["edit_s"] > 0


def test_lenet_screenshot(make_view, tmp_path):
    view = make_view(lenet_graph())
    view.resize(700, 1000)
    view.fit_to_view()
    out = tmp_path / "canvas.png"
    assert view.grab().save(str(out))
    img = view.grab().toImage()
    assert img.width() >= 600
    # the cards are white on the light background: some pixels are pure white
    cx = view.mapFromScene(view.graph_scene.nodes["conv1"].mapToScene(QPointF(150, 8)))
    assert img.pixelColor(cx.x(), cx.y()).lightness() > 240


def test_save_selection_as_template(make_view):
    view = make_view(resnet_like_graph(1))
    view.select_nodes(view.doc.graph.group("block0").nodes)
    ok = view.save_selection_as_template("my block")
    assert ok, view.messages[-1]
    assert any("my block" in m for m in view.messages)
