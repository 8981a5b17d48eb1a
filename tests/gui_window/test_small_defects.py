"""The small defects of issue 20, each pinned: the minimap fitted in a screenshot, no stale
selection outline, a fit after the window settles, MaxPool's one-liner from its parameters, the
Concepts VGG link on a pair where stacking saves."""
from __future__ import annotations

from PySide6.QtCore import QRectF

from studio.templates import build_project


def test_minimap_shows_the_whole_drawing_after_refit(make_window, qtbot):
    win = make_window(build_project("resnet18"))
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.zoom_in()
    win.canvas.zoom_in()
    win.canvas.refit()
    mm = win.canvas.minimap
    assert mm.isVisible()  # resnet18 at a legible zoom does not fit: the minimap helps
    shown = mm.mapToScene(mm.viewport().rect()).boundingRect()
    assert shown.contains(win.canvas.graph_scene.itemsBoundingRect())


def test_selection_outline_inside_the_repainted_area(make_window):
    from studio.gui.canvas.node_item import NODE_H, NODE_W

    win = make_window()
    item = next(iter(win.canvas.graph_scene.nodes.values()))
    reach = item.OUTLINE_REACH
    outline = QRectF(0, 0, NODE_W, NODE_H).adjusted(-reach, -reach, reach, reach)
    assert item.boundingRect().contains(outline)


def test_canvas_refits_once_the_window_settles(make_window, qtbot):
    from studio.gui.app import fit_when_settled

    win = make_window()
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    refits = []
    first = win.canvas.refit
    win.canvas.refit = lambda: (refits.append(win.canvas.viewport().size().toTuple()), first())
    fit_when_settled(win, quiet_ms=20)
    qtbot.waitUntil(lambda: len(refits) == 1, timeout=3000)
    win.resize(1500, 1000)  # the window manager maximises after the first show
    qtbot.waitUntil(lambda: len(refits) == 2, timeout=3000)
    assert refits[1] == win.canvas.viewport().size().toTuple() and refits[1][0] > refits[0][0]
    assert win.canvas._fitted is not None


def test_maxpool_one_liner_follows_kernel_and_stride(make_window):
    import studio.layers  # noqa: F401 (registers the catalogue)
    from studio.core.spec import get_spec

    spec = get_spec("MaxPool2d")
    assert "halves the map with 2×2 stride 2" in spec.describe({**spec.defaults(), "kernel_size": 2})
    three = spec.describe({**spec.defaults(), "kernel_size": 3, "stride": 1, "padding": 1})
    assert "3×3 window, stride 1" in three and "keeps the map's size" in three and "halves" not in three
    win = make_window()
    pool = next(n for n in win.document.graph.nodes if n.type == "MaxPool2d")
    win.document.graph.node(pool.id).params.update(kernel_size=3, stride=3)
    win.select_node(pool.id)
    texts = [lab.text() for lab in win.inspector.findChildren(type(win.graph_label))]
    assert any("3×3 window, stride 3" in t for t in texts), texts


def test_vgg_concept_link_selects_a_pair_where_stacking_saves(make_window):
    from studio.core.receptive import vgg_insight
    from studio.gui.dialogs.concept_links import open_place

    win = make_window(build_project("vgg16"))
    open_place(win, "inspector:Conv2d")  # where the concepts show a convolution's weights
    ids = win.canvas.selected_node_ids()
    assert len(ids) == 1 and ids[0] != "features.2"
    assert "more than the pair" in vgg_insight(win.document.graph, win.document.analysis, ids[0])
