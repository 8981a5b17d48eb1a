"""Editing actions of the canvas (mixed into GraphView): add, delete, clipboard, groups,
rename, fixes, auto-layout and the context menus. Each pushes one undo command."""
from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu

from studio.core.spec import get_spec, specs_by_category
from studio.gui import commands as cmds

from .edge_item import EdgeItem
from .group_item import BlockItem, GroupItem
from .layout import layout_positions
from .node_item import NodeItem
from .style import NODE_H, NODE_W

MIME_GRAPH = "application/x-cnn-studio-graph"


class EditingMixin:
    # ---- adding and deleting -------------------------------------------------------
    def add_layer(self, type_id: str, scene_pos: QPointF | None = None) -> str | None:
        """Add a layer (top-left at ``scene_pos``). Without a position, it is inserted below
        the one selected layer, wired in after it (one undo step), or put at the view centre."""
        doc = self.doc
        after = self._insert_after() if scene_pos is None else None
        if scene_pos is None:
            scene_pos = self._free_spot(after, NODE_W, NODE_H)
        cmd, err = cmds.AddNodeCommand.try_create(doc, type_id, None, (scene_pos.x(), scene_pos.y()))
        if cmd is None:
            self.message.emit(f"Cannot add {type_id}: {err}")
            return None
        nid = cmd.node_id
        if after is not None and get_spec(type_id).arity[1] != 0:
            text = f"{cmd.text()} after '{doc.graph.node(after).name}'"
            self._push_below(after, NODE_H, text, [cmd, lambda: cmds.ConnectCommand(doc, after, nid)], nid)
            self.message.emit(text)
        else:
            err = cmds.push(doc, cmd)
            if err:
                self.message.emit(f"Cannot add {type_id}: {err}")
                return None
            self.message.emit(cmd.text())
        self.select_nodes([nid])
        return nid

    # ---- inserting below the selected layer ----------------------------------------------
    def _insert_after(self) -> str | None:
        sel = self.selected_node_ids()
        return sel[0] if len(sel) == 1 else None

    def _free_spot(self, after: str | None, w: float, h: float) -> QPointF:
        """Top-left for something ``w``×``h``: below ``after``, or centred in the view."""
        if after is not None:
            x, y = self.doc.graph.node(after).pos
            return QPointF(x, y + NODE_H + 34)
        c = self.mapToScene(self.viewport().rect().center())
        return QPointF(c.x() - w / 2, c.y() - h / 2)

    def _push_below(self, after: str, height: float, text: str, steps, out_id: str | None) -> None:
        """One undo step: make room under ``after`` (layers below move down), run ``steps``
        (commands, or callables that make one once the earlier steps are done), then re-route
        what ``after`` fed so that it comes out of ``out_id`` (the inserted layers' output)."""
        doc, graph = self.doc, self.doc.graph
        top = graph.node(after).pos[1] + NODE_H + 34
        fed = [e for e in graph.out_edges(after)]
        moves = {n.id: (n.pos, (n.pos[0], n.pos[1] + height + 34)) for n in graph.nodes
                 if n.pos[1] >= top - NODE_H / 2 and n.id != after}
        doc.undo_stack.beginMacro(text)
        try:
            if moves and fed:
                cmds.push(doc, cmds.MoveNodesCommand(doc, moves))
            for step in steps:
                cmds.push(doc, step() if callable(step) else step)
            if out_id is not None and graph.has_node(out_id):
                for e in fed:
                    if cmds.connect_error(graph, out_id, e.target, e.port) is None:
                        cmds.push(doc, cmds.ConnectCommand(doc, out_id, e.target, e.port))
        finally:
            doc.undo_stack.endMacro()

    def delete_selection(self, reconnect: bool = True) -> bool:
        """Delete the selected layers and connections (one undo step). A deleted run of
        layers in a chain is bridged: the layer above is wired to the ones below."""
        ids, edges = self.selected_node_ids(), self.selected_edges()
        if not ids and not edges:
            return False
        cmd = cmds.RemoveNodesCommand(self.doc, ids, edges, reconnect=reconnect)
        text, graph = cmd.text(), self.doc.graph
        bridged = ", ".join(f"'{graph.node(e.source).name}' → '{graph.node(e.target).name}'" for e in cmd.healed)
        err = cmds.push(self.doc, cmd)
        self.message.emit(f"Cannot delete: {err}" if err else
                          text + (f"; reconnected {bridged} (Ctrl+Z undoes both)" if bridged else ""))
        return not err

    # ---- clipboard ----------------------------------------------------------------------
    def selection_fragment(self, ids=None) -> dict | None:
        """The selected nodes, the edges among them and groups wholly inside, as a dict."""
        graph = self.doc.graph
        ids = list(ids) if ids is not None else self.selected_node_ids()
        if not ids:
            return None
        frag = graph.subgraph(ids).to_dict()
        order = {n: i for i, n in enumerate(ids)}
        frag["nodes"].sort(key=lambda d: order.get(d["id"], 0))
        inside = set(ids)
        groups = [g.to_dict() for g in graph.groups if g.nodes and set(g.nodes) <= inside]
        if groups:
            frag["groups"] = groups
        return frag

    def copy_selection(self) -> int:
        frag = self.selection_fragment()
        if frag is None:
            self.message.emit("Nothing selected to copy")
            return 0
        text = json.dumps({"format": "cnn-studio-fragment", **frag})
        md = QMimeData()
        md.setData(MIME_GRAPH, text.encode("utf-8"))
        md.setText(text)
        QGuiApplication.clipboard().setMimeData(md)
        self._paste_count = 0
        n = len(frag["nodes"])
        self.message.emit(f"Copied {n} layer{'s' if n != 1 else ''}")
        return n

    def cut_selection(self) -> int:
        n = self.copy_selection()
        if n:
            ids = self.selected_node_ids()
            cmd = cmds.RemoveNodesCommand(self.doc, ids)
            cmd.setText(f"Cut {n} layer{'s' if n != 1 else ''}")
            cmds.push(self.doc, cmd)
            self._paste_count = -1  # the first paste goes where the layers were
        return n

    def paste(self) -> list[str]:
        md = QGuiApplication.clipboard().mimeData()
        if md is not None and md.hasFormat(MIME_GRAPH):
            text = bytes(md.data(MIME_GRAPH)).decode("utf-8")
        else:
            text = QGuiApplication.clipboard().text()
        self._paste_count += 1
        off = 40.0 * self._paste_count
        return self._paste(text, (off, off), "Paste")

    def duplicate_selection(self) -> list[str]:
        frag = self.selection_fragment()
        if frag is None:
            self.message.emit("Nothing selected to duplicate")
            return []
        return self._paste(frag, (40.0, 40.0), "Duplicate")

    def _paste(self, frag, offset, text) -> list[str]:
        cmd, err = cmds.PasteCommand.try_create(self.doc, frag, offset, text)
        if cmd is not None:
            err = cmds.push(self.doc, cmd)
        if err:
            self.message.emit(err if err.startswith("cannot") or "clipboard" in err else f"Cannot paste: {err}")
            return []
        ids = list(cmd.new_ids.values())
        self.select_nodes(ids)
        self.message.emit(cmd.text())
        return ids

    # ---- groups and templates ----------------------------------------------------------
    def group_selection(self, name: str) -> bool:
        cmd, err = cmds.GroupCommand.try_create(self.doc, name, self.selected_node_ids())
        if cmd is not None:
            err = cmds.push(self.doc, cmd)
        self.message.emit(f"Cannot group: {err}" if err else cmd.text())
        return not err

    def ungroup(self, name: str) -> None:
        cmds.push(self.doc, cmds.UngroupCommand(self.doc, name))

    def toggle_group(self, name: str) -> None:
        g = self.doc.graph.group(name)
        cmds.push(self.doc, cmds.SetGroupCollapsedCommand(self.doc, name, not g.collapsed))

    def save_selection_as_template(self, name: str) -> bool:
        ids = self.selected_node_ids()
        if not ids:
            self.message.emit("Select the layers to save as a template first")
            return False
        try:
            from studio.templates.user import save_block

            save_block(name, self.doc.graph, ids)
        except Exception as exc:  # a StudioError names the problem; anything else too
            self.message.emit(f"Not saved: {exc}")
            return False
        self.message.emit(f"Saved {len(ids)} layers as block '{name}': insert it from the palette's "
                          f"My blocks or Edit → Insert block")
        self.blocks_changed.emit()
        return True

    def insert_block(self, name: str, scene_pos: QPointF | None = None) -> list[str]:
        """Insert the saved block ``name`` as one undo step: with its top-left at ``scene_pos``
        (a drop), else below the one selected layer and fed by it, else centred in the view."""
        from studio.core.errors import StudioError
        from studio.templates.user import load_block

        try:
            block = load_block(name)
        except StudioError as exc:
            self.message.emit(f"Cannot insert block: {exc}")
            return []
        doc = self.doc
        after = self._insert_after() if scene_pos is None else None
        pos = [n.pos for n in block.graph.nodes] or [(0.0, 0.0)]
        w = max(p[0] for p in pos) - min(p[0] for p in pos) + NODE_W
        h = max(p[1] for p in pos) - min(p[1] for p in pos) + NODE_H
        if scene_pos is None:
            scene_pos = self._free_spot(after, w, h)
        try:
            cmd = cmds.InsertBlockCommand(doc, block, (scene_pos.x(), scene_pos.y()), after)
        except (StudioError, KeyError, ValueError, TypeError) as exc:
            self.message.emit(f"Cannot insert block '{name}': {exc}")
            return []
        if after is not None and cmd.connected:
            outs = [o.get("node") for o in block.outputs]
            out = cmd.new_ids.get(outs[0]) if len(outs) == 1 else None
            errors = cmd.errors
            self._push_below(after, h, cmd.text(), [cmd], out)
            err = errors[0] if errors else None
        else:
            err = cmds.push(doc, cmd)
        if err:
            self.message.emit(f"Cannot insert block '{name}': {err}")
            return []
        ids = list(cmd.new_ids.values())
        self.select_nodes(ids)
        self.message.emit(cmd.text())
        return ids

    # ---- rename, fixes, layout -----------------------------------------------------------
    def rename_node(self, node_id: str) -> QLineEdit | None:
        """Edit the node's label in place (Enter commits, Esc cancels)."""
        item = self.graph_scene.nodes.get(node_id)
        if item is None:
            return None
        self._close_editor()
        node = self.doc.graph.node(node_id)
        r = self.mapFromScene(item.mapToScene(QPointF(10, 18))), self.mapFromScene(
            item.mapToScene(QPointF(NODE_W - 6, 34)))
        ed = QLineEdit(node.name, self.viewport())
        ed.setGeometry(r[0].x(), r[0].y(), max(80, r[1].x() - r[0].x()), max(20, r[1].y() - r[0].y()))
        ed.selectAll()
        ed.node_id = node_id
        ed.returnPressed.connect(lambda: self._commit_rename(ed))
        ed.editingFinished.connect(lambda: self._commit_rename(ed))
        ed.installEventFilter(self)
        self._editor = ed
        ed.show()
        ed.setFocus()
        return ed

    def eventFilter(self, obj, ev) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self._editor and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Escape:
            self._close_editor()
            return True
        return super().eventFilter(obj, ev)

    def _close_editor(self) -> None:
        ed, self._editor = self._editor, None
        if ed is not None:
            ed.removeEventFilter(self)
            ed.hide()
            ed.deleteLater()
            self.setFocus()

    def _commit_rename(self, ed) -> None:
        if ed is not self._editor:
            return
        self._close_editor()
        graph = self.doc.graph
        if not graph.has_node(ed.node_id):
            return
        node = graph.node(ed.node_id)
        label = ed.text().strip()
        label = "" if label == node.id else label
        if label != node.label:
            cmd = cmds.SetLabelCommand(self.doc, node.id, label)
            cmds.push(self.doc, cmd)
            self.message.emit(cmd.text())

    def apply_fix(self, fix) -> bool:
        cmd = cmds.ApplyFixCommand(self.doc, fix)
        err = cmds.push(self.doc, cmd)
        self.message.emit(f"Fix failed: {err}" if err else f"Applied: {fix.label}")
        return not err

    def auto_layout(self) -> None:
        pos = layout_positions(self.doc.graph)
        cmd = cmds.SetPositionsCommand(self.doc, pos)
        if any(cmd.old[k] != v for k, v in cmd.new.items()):
            cmds.push(self.doc, cmd)
        self.fit_to_view()
        self.message.emit("Auto-layout")

    # ---- context menus ---------------------------------------------------------------------
    def build_context_menu(self, view_pos) -> QMenu:
        """The menu for a right click at ``view_pos`` (a node, an edge, a group or the canvas)."""
        menu = QMenu(self)
        item = None
        for it in self.items(view_pos):
            if isinstance(it, (NodeItem, EdgeItem, BlockItem, GroupItem)) and it.isVisible():
                item = it
                break
            if it.parentItem() is not None and isinstance(it.parentItem(), NodeItem):
                item = it.parentItem()
                break
        if isinstance(item, (NodeItem, BlockItem, EdgeItem)) and not item.isSelected():
            self.graph_scene.clearSelection()
            item.setSelected(True)
        sel = self.selected_node_ids()
        graph = self.doc.graph
        if isinstance(item, NodeItem):
            nid = item.node_id
            menu.addAction("Rename", lambda: self.rename_node(nid))
            menu.addAction("Duplicate", self.duplicate_selection)
            menu.addAction("Delete", self.delete_selection)
            menu.addAction("Copy", self.copy_selection)
            menu.addAction("Group…", self._ask_group)
            g = self.graph_scene.group_of.get(nid)
            if g is not None:
                menu.addAction(f"Ungroup '{g}'", lambda: self.ungroup(g))
            fixes = [i.fix for i in self.doc.analysis.issues if i.fix is not None and i.node in sel]
            if fixes:
                menu.addSeparator()
                for f in fixes:
                    menu.addAction(f"Fix: {f.label}", lambda f=f: self.apply_fix(f))
        elif isinstance(item, (BlockItem, GroupItem)):
            name = item.name
            collapsed = graph.group(name).collapsed
            menu.addAction("Expand" if collapsed else "Collapse", lambda: self.toggle_group(name))
            menu.addAction(f"Ungroup '{name}'", lambda: self.ungroup(name))
            menu.addAction("Delete layers", lambda: (self.select_nodes(graph.group(name).nodes, False),
                                                     self.delete_selection()))
        elif isinstance(item, EdgeItem):
            menu.addAction("Delete connection", self.delete_selection)
        else:
            at = self.mapToScene(view_pos)
            add = menu.addMenu("Add layer")
            for cat, specs in specs_by_category().items():
                if not specs:
                    continue
                sub = add.addMenu(cat)
                for spec in specs:
                    sub.addAction(spec.title, lambda t=spec.id, p=QPointF(at.x() - NODE_W / 2, at.y() - NODE_H / 2):
                                  self.add_layer(t, p))
            menu.addAction("Paste", self.paste)
            menu.addSeparator()
            menu.addAction("Auto-layout", self.auto_layout)
            menu.addAction("Fit to view", self.fit_to_view)
        return menu

    def _ask_group(self) -> None:
        name, ok = QInputDialog.getText(self, "Group layers", "Name of the block:")
        if ok and name.strip():
            self.group_selection(name.strip())

    def contextMenuEvent(self, ev) -> None:
        menu = self.build_context_menu(ev.pos())
        menu.exec(ev.globalPos())
        menu.deleteLater()
