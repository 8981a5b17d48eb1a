"""The canvas's context menu: for a card, a collapsed block or group frame, a connection,
or the empty canvas (add layer, paste, layout)."""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog, QMenu

from studio.core.spec import specs_by_category

from studio.gui.fields import fix_label
from studio.gui.i18n import tr
from studio.gui.layer_text import category
from studio.gui.transfer.locks import add_freeze_actions

from .edge_item import EdgeItem
from .group_item import BlockItem, GroupItem
from .node_item import NodeItem
from .style import NODE_H, NODE_W


def item_under(view, view_pos):
    for it in view.items(view_pos):
        if isinstance(it, (NodeItem, EdgeItem, BlockItem, GroupItem)) and it.isVisible():
            return it
        if it.parentItem() is not None and isinstance(it.parentItem(), NodeItem):
            return it.parentItem()
    return None


def _node_menu(view, menu: QMenu, nid: str) -> None:
    menu.addAction(tr("Rename"), lambda: view.rename_node(nid))
    menu.addAction(tr("Duplicate"), view.duplicate_selection)
    menu.addAction(tr("Delete"), view.delete_selection)
    menu.addAction(tr("Copy"), view.copy_selection)
    menu.addAction(tr("Group…"), lambda: ask_group(view))
    g = view.graph_scene.group_of.get(nid)
    if g is not None:
        menu.addAction(tr("Ungroup '{name}'").format(name=g), lambda: view.ungroup(g))
    sel = view.selected_node_ids()
    add_freeze_actions(menu, view.doc, sel)  # transfer learning: lock/unlock (studio/gui/transfer)
    fixes = [i.fix for i in view.doc.analysis.issues if i.fix is not None and i.node in sel]
    if fixes:
        menu.addSeparator()
        for f in fixes:
            menu.addAction(tr("Fix: {fix}").format(fix=fix_label(f)), lambda f=f: view.apply_fix(f))


def _canvas_menu(view, menu: QMenu, view_pos) -> None:
    at = view.mapToScene(view_pos)
    add = menu.addMenu(tr("Add layer"))
    for cat, specs in specs_by_category().items():
        if not specs:
            continue
        sub = add.addMenu(category(cat))
        for spec in specs:
            sub.addAction(spec.title, lambda t=spec.id, p=QPointF(at.x() - NODE_W / 2, at.y() - NODE_H / 2):
                          view.add_layer(t, p))
    menu.addAction(tr("Paste"), view.paste)
    menu.addSeparator()
    menu.addAction(tr("Auto-layout"), view.auto_layout)
    menu.addAction(tr("Fit to view"), view.fit_to_view)


def build_context_menu(view, view_pos) -> QMenu:
    """The menu for a right click at ``view_pos`` (a node, an edge, a group or the canvas)."""
    menu = QMenu(view)
    item = item_under(view, view_pos)
    if isinstance(item, (NodeItem, BlockItem, EdgeItem)) and not item.isSelected():
        view.graph_scene.clearSelection()
        item.setSelected(True)
    graph = view.doc.graph
    if isinstance(item, NodeItem):
        _node_menu(view, menu, item.node_id)
    elif isinstance(item, (BlockItem, GroupItem)):
        name = item.name
        collapsed = graph.group(name).collapsed
        menu.addAction(tr("Expand") if collapsed else tr("Collapse"), lambda: view.toggle_group(name))
        menu.addAction(tr("Ungroup '{name}'").format(name=name), lambda: view.ungroup(name))
        menu.addAction(tr("Delete layers"), lambda: (view.select_nodes(graph.group(name).nodes, False),
                                                 view.delete_selection()))
        add_freeze_actions(menu, view.doc, graph.group(name).nodes, f"'{name}'")  # transfer learning
    elif isinstance(item, EdgeItem):
        menu.addAction(tr("Delete connection"), view.delete_selection)
    else:
        _canvas_menu(view, menu, view_pos)
    return menu


def ask_group(view) -> None:
    name, ok = QInputDialog.getText(view, tr("Group layers"), tr("Name of the block:"))
    if ok and name.strip():
        view.group_selection(name.strip())
