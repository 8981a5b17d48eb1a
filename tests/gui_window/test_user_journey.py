"""Issue 6, "done when", as one user session with real events: from an empty canvas build
LeNet-5 by drops and mouse wiring (shapes appear as you go), break it on purpose, read what
and where, fix it with one click, undo and redo, save, reopen, export code that runs."""
from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.gui.canvas import MIME_LAYER

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
ROW = 100.0  # vertical distance between the cards the user drops

# (layer, parameters typed in the inspector, output shape the card must show once wired)
LENET = [
    ("Conv2d", {"out_channels": 6, "kernel_size": "5"}, "6×28×28"),
    ("ReLU", {}, "6×28×28"),
    ("MaxPool2d", {}, "6×14×14"),
    ("Conv2d", {"out_channels": 16, "kernel_size": "5"}, "16×10×10"),
    ("ReLU", {}, "16×10×10"),
    ("MaxPool2d", {}, "16×5×5"),
    ("Flatten", {}, "400"),
    ("Linear", {"out_features": 120}, "120"),
    ("ReLU", {}, "120"),
    ("Linear", {"out_features": 84}, "84"),
    ("ReLU", {}, "84"),
    ("Linear", {"out_features": 10}, "10"),
]


def drop(view, type_id: str, scene_pt: QPointF) -> None:
    """Drag a palette item onto the canvas and let go at ``scene_pt``."""
    md = QMimeData()
    md.setData(MIME_LAYER, type_id.encode("utf-8"))
    pos = view.mapFromScene(scene_pt)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, md, LEFT, NO)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, md, LEFT, NO)
    QApplication.sendEvent(view.viewport(), ev)
    assert ev.isAccepted(), view.messages[-1:]


def scroll_to(view, *node_ids) -> None:
    r = QRectF()
    for nid in node_ids:
        r = r.united(view.graph_scene.nodes[nid].sceneBoundingRect())
    view.centerOn(r.center())


def wire(view, source: str, target: str) -> None:
    """Press on the output port of ``source``, drag, release on the input port of ``target``."""
    scroll_to(view, source, target)
    sc = view.graph_scene
    a = view.mapFromScene(sc.nodes[source].out_port_pos())
    b = view.mapFromScene(sc.nodes[target].in_port_pos(0))
    vp = view.viewport()
    assert vp.rect().contains(a) and vp.rect().contains(b)
    QTest.mousePress(vp, LEFT, NO, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * (i / 5))
    QTest.mouseRelease(vp, LEFT, NO, b)


def click_node(view, nid: str) -> None:
    scroll_to(view, nid)
    item = view.graph_scene.nodes[nid]
    QTest.mouseClick(view.viewport(), LEFT, NO, view.mapFromScene(item.mapToScene(QPointF(60, 28))))


def type_params(win, values: dict) -> None:
    """Set parameters in the inspector as a user does: spin boxes and typed text."""
    for name, value in values.items():
        w = win.inspector.editors[name].widget
        if isinstance(value, str):
            w.setFocus()
            w.selectAll()
            QTest.keyClicks(w, value)
        else:
            w.setValue(value)


def card(view, nid: str):
    return view.graph_scene.nodes[nid]


def test_build_break_fix_undo_save_reopen_export(make_window, dialogs, qtbot, tmp_path):
    win = make_window()
    win.resize(1400, 900)
    win.show()
    win.windowHandle().requestActivate()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    view, doc = win.canvas, win.document
    view.messages = []
    view.message.connect(view.messages.append)

    # ---- an empty canvas: File → New leaves just the Input ----------------------------------
    win.act["new"].trigger()
    graph = doc.graph
    assert [n.type for n in graph.nodes] == ["Input"] and not doc.is_dirty
    inp = graph.nodes[0]
    x0, y0 = inp.pos[0] + 90, inp.pos[1] + 28

    # ---- build LeNet-5: drop, set parameters, wire; the card shows its shape at once --------
    prev = inp.id
    ids = []
    for k, (type_id, params, shape) in enumerate(LENET, start=1):
        scroll_to(view, prev)
        view.centerOn(QPointF(x0, y0 + k * ROW - 200))
        drop(view, type_id, QPointF(x0, y0 + k * ROW))
        (nid,) = view.selected_node_ids()  # the dropped layer is selected, the inspector shows it
        assert graph.node(nid).type == type_id and win.inspector.node_id == nid
        type_params(win, params)
        assert card(view, nid)._shape_text.startswith("?")  # nothing flows into it yet
        wire(view, prev, nid)
        assert any(e.source == prev and e.target == nid for e in graph.edges), view.messages[-1:]
        assert card(view, nid)._shape_text == shape, (type_id, k)
        assert card(view, nid).severity != "error"  # (amber while the output is not yet a vector)
        prev = nid
        ids.append(nid)
    conv1, flatten, fc1 = ids[0], ids[6], ids[7]
    a = doc.analysis
    assert a.ok and not a.warnings and a.output_shape == (10,)
    assert all(card(view, n).severity is None for n in ids)
    assert a.trainable_params == 61_706  # LeNet-5 with 6/16 convolutions, 120/84/10 units
    assert "valid" in win.graph_label.text() and "61,706" in win.graph_label.text()
    assert win.summary.model.rowCount() == 13
    assert win.isWindowModified() and "*" in win.windowTitle().replace("[*]", "*")
    # the inspector explains the first convolution with its own numbers
    click_node(view, conv1)
    assert view.selected_node_ids() == [conv1]
    assert "28" in win.inspector.explain_label.text() and "156" in win.inspector.explain_label.text()

    # ---- break it: select the Flatten, press Delete ---------------------------------------------
    click_node(view, flatten)
    assert view.selected_node_ids() == [flatten]
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert not graph.has_node(flatten)
    assert "reconnected" in view.messages[-1]  # the chain stays wired: pool2 → fc1
    a = doc.analysis
    assert [i.node for i in a.errors] == [fc1]
    problem = a.errors[0].message
    assert "16×5×5" in problem and "Flatten" in problem  # what, with the numbers
    assert card(view, fc1).severity == "error"  # where: the card is red
    assert problem in view.graph_scene.tooltip_for(fc1)
    tabs = win.bottom_tabs
    assert tabs.tabText(tabs.indexOf(win.problems)) == "Problems (1)"
    assert "1 error" in win.graph_label.text()

    # ---- fix it in one click on the Problems tab --------------------------------------------------
    bar = tabs.tabBar()
    QTest.mouseClick(bar, LEFT, NO, bar.tabRect(tabs.indexOf(win.problems)).center())
    assert tabs.currentWidget() is win.problems
    row = win.problems.tree.topLevelItem(0)
    assert row.text(1) == graph.node(fc1).name and row.text(2) == problem
    (button,) = win.problems.fix_buttons
    assert "Flatten" in button.text()
    depth = doc.undo_stack.count()
    QTest.mouseClick(button, LEFT)
    assert doc.undo_stack.count() == depth + 1
    assert win.statusBar().currentMessage().startswith("Applied: Insert Flatten")
    assert doc.analysis.ok and card(view, fc1).severity is None and card(view, fc1)._shape_text == "120"
    assert win.problems.item_count() == 0 and tabs.tabText(tabs.indexOf(win.problems)) == "Problems"
    fixed = graph.to_dict()

    # ---- undo and redo with the keyboard ----------------------------------------------------------
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, CTRL)
    assert doc.analysis.errors and card(view, fc1).severity == "error"
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert doc.analysis.ok and graph.to_dict() == fixed
    assert doc.undo_stack.text(doc.undo_stack.index() - 1).startswith("Fix:")  # as listed in Edit → History

    # ---- save through the menu (the file dialog answers), title loses its marker -----------------
    target = tmp_path / "my_lenet.cnnproj"
    dialogs.save_path = str(target)
    win.act["save"].trigger()
    assert target.is_file() and not doc.is_dirty
    assert "my_lenet.cnnproj" in win.windowTitle() and not win.isWindowModified()

    # ---- reopen: File → New, then File → Open Recent ------------------------------------------------
    win.act["new"].trigger()
    assert len(doc.graph) == 1
    win.fill_recent_menu()
    recent = [act for act in win.recent_menu.actions() if act.text() == "my_lenet.cnnproj"]
    assert recent, [act.text() for act in win.recent_menu.actions()]
    recent[0].trigger()
    assert doc.path == target and doc.graph.to_dict() == fixed and doc.analysis.ok
    assert set(view.graph_scene.nodes) == {n.id for n in doc.graph.nodes}

    # ---- export code through the menu and run it ------------------------------------------------------
    out = tmp_path / "model.py"
    dialogs.save_path = str(out)
    win.act["export_pytorch"].trigger()
    assert out.is_file(), dialogs.calls
    probe = ("import runpy, torch; ns = runpy.run_path(r'%s', run_name='__main__'); "
             "m = [v for v in ns.values() if isinstance(v, type) and issubclass(v, torch.nn.Module)][-1](); "
             "print('params', sum(p.numel() for p in m.parameters()))" % out)
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "output shape: (1, 10)" in res.stdout and "params 61706" in res.stdout, res.stdout
