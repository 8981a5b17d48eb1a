"""See the whole network: deep templates open as their stages, legible, in a 1600×1000
window; expanding a stage re-flows without overlap as one undo step; problems are named on
the card with a Fix button that makes room as the palette does; the Diagram tab follows the
graph and exports; a screenshot of a broken project centres the first broken layer."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from studio.gui.canvas import style
from studio.gui.canvas.group_item import BlockItem
from studio.templates import build_project


def open_window(make_window, qtbot, project):
    win = make_window(project)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    # the docks take their first sizes once the window shows (the bottom one at most half)
    qtbot.waitUntil(lambda: win.details_dock.height() <= win.height() // 2, timeout=3000)
    win.canvas.fit_to_view()
    return win


def cards(view):
    """The visible cards (layers and collapsed groups) with their scene rectangles."""
    sc = view.graph_scene
    items = [it for it in list(sc.nodes.values()) + list(sc.blocks.values()) if it.isVisible()]
    return [(it, QRectF(it.scenePos(), QPointF(it.scenePos().x() + style.NODE_W, it.scenePos().y() + style.NODE_H)))
            for it in items]


def assert_no_overlap(view):
    rs = cards(view)
    for i, (a, ra) in enumerate(rs):
        for b, rb in rs[i + 1:]:
            assert not ra.intersects(rb), (getattr(a, "node_id", getattr(a, "name", a)),
                                           getattr(b, "node_id", getattr(b, "name", b)))


def snapshot(graph):
    return sorted((n.id, n.pos) for n in graph.nodes), sorted((g.name, g.collapsed) for g in graph.all_groups)


def test_resnet50_opens_whole_and_legible(make_window, qtbot):
    win = open_window(make_window, qtbot, build_project("resnet50"))
    view = win.canvas
    z = view.zoom_factor()
    assert z >= style.legible_zoom()
    for kind in ("title", "small", "normal"):  # every card's text at least 9 px on screen
        assert style.text_px(kind) * z >= 9
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    blocks = {it.name for it, _ in cards(view) if isinstance(it, BlockItem)}
    assert blocks == {"stem", "layer1", "layer2", "layer3", "layer4", "head"}
    for it, r in cards(view):
        assert shown.contains(r), getattr(it, "name", None)
    layer1 = view.graph_scene.blocks["layer1"]
    assert layer1.texts[2] == "64×56×56 → 256×56×56"  # in → out shape on the card
    assert "params" in layer1.texts[1] and "MACs" in layer1.texts[1] and layer1.texts[0] == "3 Bottlenecks"
    assert_no_overlap(view)


def test_expand_a_stage_reflows_and_undo_restores(make_window, qtbot):
    win = open_window(make_window, qtbot, build_project("resnet152"))
    view, doc = win.canvas, win.document
    before = snapshot(doc.graph)
    view.toggle_group("layer3")  # 36 Bottlenecks
    sc = view.graph_scene
    assert "layer3" in sc.groups and doc.undo_stack.count() == 1
    assert sum(1 for it, _ in cards(view) if isinstance(it, BlockItem)) == 5 + 36
    assert_no_overlap(view)
    # the stage frame (one per column) never covers a card of another stage
    frame = sc.groups["layer3"]
    inside = {sc.blocks[g.name] for g in doc.graph.groups if g.name.startswith("layer3.")}
    for it, r in cards(view):
        if it not in inside:
            assert not any(part.intersects(r) for part in frame._rects), getattr(it, "name", None)
    view.toggle_group("layer3.0")  # and a block inside it
    assert_no_overlap(view)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert snapshot(doc.graph) == before and "layer3" in sc.blocks


def broken_lenet():
    proj = build_project("lenet5")
    g = proj.graph
    g.remove_node("flatten")
    g.connect("pool2", "fc1")
    return proj


def test_problem_on_the_card_and_its_fix_button(make_window, qtbot):
    win = open_window(make_window, qtbot, broken_lenet())
    view, doc, g = win.canvas, win.document, win.document.graph
    fc1 = view.graph_scene.nodes["fc1"]
    callout = fc1.problem
    assert callout is not None and callout.isVisible() and callout.fix is not None
    assert "expects" in callout.message or "Flatten" in callout.message, callout.message
    assert not callout.message.startswith("Linear 'fc1'")  # the card already says that
    before = snapshot(g)
    view.select_nodes(["fc1"])  # scrolls it into view
    btn = callout.button
    at = view.mapFromScene(btn.mapToScene(btn.boundingRect().center()))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: not doc.analysis.errors, timeout=3000)
    flat = next(n for n in g.nodes if n.type == "Flatten")
    assert g.predecessors(flat.id) == ["pool2"] and g.predecessors("fc1") == [flat.id]
    assert doc.undo_stack.count() == 1 and not fc1.problem.isVisible()
    assert_no_overlap(view)  # room was made as for a palette insertion
    doc.undo_stack.undo()
    assert snapshot(g) == before


def test_screenshot_focus_centres_the_first_broken_layer(make_window, qtbot):
    from studio.gui.app import focus_for_screenshot

    proj = broken_lenet()
    win = open_window(make_window, qtbot, proj)
    assert focus_for_screenshot(win) == "fc1"
    view = win.canvas
    assert view.selected_node_ids() == ["fc1"]
    centre = view.mapToScene(view.viewport().rect().center())
    card = view.graph_scene.nodes["fc1"].sceneBoundingRect()
    assert abs(card.center().y() - centre.y()) < 40 and win.bottom_tabs.currentWidget() is win.problems


def test_diagram_tab_follows_the_graph_and_exports(make_window, qtbot, tmp_path):
    import xml.etree.ElementTree as ET

    win = open_window(make_window, qtbot, build_project("lenet5"))
    tab = win.diagram
    win.bottom_tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.diagram is not None, timeout=3000)
    n = len(tab.diagram.boxes)
    win.canvas.select_nodes(["relu2"])
    win.canvas.add_layer("Conv2d")  # a new feature map below relu2
    qtbot.waitUntil(lambda: tab.diagram is not None and len(tab.diagram.boxes) == n + 1, timeout=3000)
    svg = tab.export(".svg", str(tmp_path / "d.svg"))
    png = tab.export(".png", str(tmp_path / "d"))
    texts = [t.text for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert "16×10×10" in texts and png.suffix == ".png" and png.read_bytes()[:4] == b"\x89PNG"
    img = tab.canvas.grab().toImage()
    assert img.width() > 100 and len({img.pixel(x, img.height() // 2) for x in range(0, img.width(), 7)}) > 3


def test_minimap_and_breadcrumbs(make_window, qtbot):
    win = open_window(make_window, qtbot, build_project("resnet152"))
    view = win.canvas
    view.toggle_group("layer3")
    view.fit_to_view()  # the expanded stage is too tall to read whole: the top, legible
    qtbot.waitUntil(lambda: view.minimap.isVisible(), timeout=3000)
    mm = view.minimap
    # a click on the minimap's bottom-right moves the canvas there
    before = view.visible_rect().center()
    corner = mm.mapFromScene(view.graph_scene.itemsBoundingRect().bottomRight())
    QTest.mouseClick(mm.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    after = view.visible_rect().center()
    assert after.x() > before.x() or after.y() > before.y()
    # inside layer3's frame the breadcrumbs name it; a click on the network frames everything
    view.centre_on(["layer3.20.conv1"])
    assert view.breadcrumbs.isVisible() and view.breadcrumbs.path == ["layer3"]
    view.breadcrumbs.linkActivated.emit("#")
    assert view.visible_rect().contains(view.graph_scene.itemsBoundingRect())


def test_legibility_audit(make_window, qtbot):
    from studio.gui.training.epoch_axis import EpochAxis

    win = open_window(make_window, qtbot, build_project("vgg16"))
    view = win.canvas
    view.toggle_group("stage2")
    card = view.graph_scene.nodes["features.7"]  # 128×112×112 and 148k params
    card._layout()
    assert card._params_up and card._info.text() == "128×112×112"  # whole, the count moved up
    # the bottom dock stays at most half the window, whatever tab is up
    for i in range(win.bottom_tabs.count()):
        win.bottom_tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: win.details_dock.height() <= win.height() // 2, timeout=3000)
    # runs plots count whole epochs
    ticks = EpochAxis("bottom").tickValues(0.5, 12.5, 300)[0][1]
    assert ticks and all(t == int(t) for t in ticks)
