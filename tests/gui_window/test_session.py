"""What a returning user relies on: the dock layout and recent files survive a restart;
rubber-band selection, the History list and the View menu's zoom work in the real window."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from studio.gui import commands, settings

LEFT = Qt.MouseButton.LeftButton
NO = Qt.KeyboardModifier.NoModifier


def test_layout_and_recent_files_survive_a_restart(make_window, dialogs, tmp_path):
    w1 = make_window()
    w1.resize(1300, 850)
    w1.show()
    w1.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w1.palette_dock)  # the user moved it
    w1.details_dock.hide()  # and closed the bottom tabs
    dialogs.save_path = str(tmp_path / "a.cnnproj")
    assert w1.save_as()
    assert w1.close()

    w2 = make_window()  # the next start, same data folder
    w2.show()
    assert w2.dockWidgetArea(w2.palette_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not w2.details_dock.isVisible() and w2.inspector_dock.isVisible()
    assert w2.height() > 700  # (the offscreen screen is small: restoreGeometry keeps the window on it)
    w2.fill_recent_menu()
    texts = [a.text() for a in w2.recent_menu.actions()]
    assert texts[0] == "a.cnnproj" and "Clear list" in texts
    next(a for a in w2.recent_menu.actions() if a.text() == "Clear list").trigger()
    assert settings.recent_files() == []
    w2.fill_recent_menu()
    assert [a.text() for a in w2.recent_menu.actions()] == ["(no recent files)"]


def test_rubber_band_selects_the_cards_it_touches(win, qtbot):
    win.resize(1200, 900)
    win.show()
    view = win.canvas
    sc = view.graph_scene
    view.fit_to_view()
    r = QRectF()
    for nid in ("relu1", "pool1"):
        r = r.united(sc.nodes[nid].sceneBoundingRect())
    view.centerOn(r.center())
    a = view.mapFromScene(QPointF(r.left() - 60, r.top() + 20))  # empty canvas left of the cards
    b = view.mapFromScene(QPointF(r.right() - 40, r.bottom() - 20))
    assert view.itemAt(a) is None
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO, a)
    for i in range(1, 9):
        QTest.mouseMove(vp, a + (b - a) * (i / 8))
    QTest.mouseRelease(vp, LEFT, NO, b)
    assert view.selected_node_ids() == ["relu1", "pool1"]
    shown = [lab.text() for lab in win.inspector.widget().findChildren(QLabel)]
    assert win.inspector.node_id is None and "2 layers selected." in shown
    win.act["delete"].trigger()  # the Edit menu acts on the band's selection
    assert not win.document.graph.has_node("relu1") and not win.document.graph.has_node("pool1")


def test_history_list_goes_back_and_view_zoom_actions(win, qtbot):
    doc = win.document
    win.show()
    for v in (7, 8, 9):
        commands.push(doc, commands.SetParamCommand(doc, "fc1", "out_features", v))
        commands.push(doc, commands.SetLabelCommand(doc, "fc1", f"dense{v}"))
    assert doc.undo_stack.count() == 6
    hist = win.history
    win.history_dock.hide()  # Edit → History shows it again
    win.history_dock.toggleViewAction().trigger()
    assert win.history_dock.isVisible()
    rect = hist.visualRect(hist.model().index(2, 0))  # row 0 is the clean state
    QTest.mouseClick(hist.viewport(), LEFT, NO, rect.center())
    assert doc.undo_stack.index() == 2 and doc.graph.node("fc1").params["out_features"] == 7
    assert doc.graph.node("fc1").label == "dense7"
    z = win.canvas.zoom_factor()
    win.act["zoom_in"].trigger()
    assert win.canvas.zoom_factor() > z * 1.2
    win.act["zoom_out"].trigger()
    win.act["zoom_out"].trigger()
    assert win.canvas.zoom_factor() < z
