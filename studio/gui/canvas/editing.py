"""Editing actions of the canvas, owned by the view (``view.editor``): add and insert layers
and saved blocks, delete, groups, fixes, auto-layout. Each pushes one undo step; where a
layer goes and what makes room for it is decided in ``studio.core.layout``."""
from __future__ import annotations

import weakref

from PySide6.QtCore import QPointF

from studio.core.errors import StudioError
from studio.core.layout import auto_layout, insert_below
from studio.core.spec import get_spec
from studio.gui import block_files
from studio.gui import commands as cmds
from studio.gui.i18n import tr

from .style import NODE_H, NODE_W


class CanvasEditor:
    def __init__(self, view):
        self.view = weakref.proxy(view)  # no cycle: the view goes as soon as Qt deletes it

    @property
    def doc(self):
        return self.view.doc

    def _say(self, text: str) -> None:
        self.view.message.emit(text)

    # ---- adding ---------------------------------------------------------------------
    def add_layer(self, type_id: str, scene_pos: QPointF | None = None) -> str | None:
        """Add a layer (top-left at ``scene_pos``). Without a position, it is inserted below
        the one selected layer, wired in after it (one undo step), or put at the view centre."""
        doc = self.doc
        after = self.insert_after() if scene_pos is None else None
        if scene_pos is None:
            scene_pos = self.free_spot(after, NODE_W, NODE_H)
        cmd, err = cmds.AddNodeCommand.try_create(doc, type_id, None, (scene_pos.x(), scene_pos.y()))
        if cmd is None:
            self._say(tr("Cannot add {type}: {error}").format(type=type_id, error=err))
            return None
        nid = cmd.node_id
        if after is not None and get_spec(type_id).arity[1] != 0:
            text = tr("{action} after '{name}'").format(action=cmd.text(), name=doc.graph.node(after).name)
            self.push_below(after, NODE_H, text, [cmd, lambda: cmds.ConnectCommand(doc, after, nid)], nid)
            self._say(text)
        else:
            err = cmds.push(doc, cmd)
            if err:
                self._say(tr("Cannot add {type}: {error}").format(type=type_id, error=err))
                return None
            self._say(cmd.text())
        self.view.select_nodes([nid])
        return nid

    def insert_after(self) -> str | None:
        sel = self.view.selected_node_ids()
        return sel[0] if len(sel) == 1 else None

    def free_spot(self, after: str | None, w: float, h: float) -> QPointF:
        """Top-left for something ``w``×``h``: below ``after`` (as core places it), or
        centred in the view."""
        if after is not None:
            return QPointF(*insert_below(self.doc.graph, after, h)[0])
        view = self.view
        c = view.mapToScene(view.viewport().rect().center())
        return QPointF(c.x() - w / 2, c.y() - h / 2)

    def push_below(self, after: str, height: float, text: str, steps, out_id: str | None) -> None:
        """One undo step: make room under ``after`` (core's ``insert_below``), run ``steps``
        (commands, or callables that make one once the earlier steps are done), then re-route
        what ``after`` fed so that it comes out of ``out_id`` (the inserted layers' output)."""
        doc, graph = self.doc, self.doc.graph
        fed = list(graph.out_edges(after))
        _, room = insert_below(graph, after, height)
        moves = {n: (graph.node(n).pos, p) for n, p in room.items()}
        doc.undo_stack.beginMacro(text)
        try:
            if moves and fed:
                cmds.push(doc, cmds.MoveNodesCommand(doc, moves))
            for step in steps:
                cmds.push(doc, step() if callable(step) else step)
            if out_id is not None and graph.has_node(out_id):
                for e in fed:
                    if graph.can_connect(out_id, e.target, e.port):
                        cmds.push(doc, cmds.ConnectCommand(doc, out_id, e.target, e.port))
        finally:
            doc.undo_stack.endMacro()

    # ---- deleting -------------------------------------------------------------------
    def delete_selection(self, reconnect: bool = True) -> bool:
        """Delete the selected layers and connections (one undo step). A deleted run of
        layers in a chain is bridged (``Graph.bridges``): the layer above feeds the ones below."""
        view = self.view
        ids, edges = view.selected_node_ids(), view.selected_edges()
        if not ids and not edges:
            return False
        cmd = cmds.RemoveNodesCommand(self.doc, ids, edges, reconnect=reconnect)
        text, graph = cmd.text(), self.doc.graph
        bridged = ", ".join(f"'{graph.node(e.source).name}' → '{graph.node(e.target).name}'" for e in cmd.healed)
        err = cmds.push(self.doc, cmd)
        self._say(tr("Cannot delete: {error}").format(error=err) if err else
                  text + (tr("; reconnected {pairs} (Ctrl+Z undoes both)").format(pairs=bridged) if bridged else ""))
        return not err

    # ---- connecting -------------------------------------------------------------------
    def connect_nodes(self, source: str, target: str, port: int | None = None) -> bool:
        """Connect with an undo step; refusals go to ``message``. Returns success."""
        cmd, err = cmds.ConnectCommand.try_create(self.doc, source, target, port)
        if cmd is not None:
            err = cmds.push(self.doc, cmd)
        if err:
            self._say(tr("Not connected: {error}").format(error=err))
            return False
        self._say(cmd.text())
        return True

    # ---- groups and saved blocks -------------------------------------------------------
    def group_selection(self, name: str) -> bool:
        cmd, err = cmds.GroupCommand.try_create(self.doc, name, self.view.selected_node_ids())
        if cmd is not None:
            err = cmds.push(self.doc, cmd)
        self._say(tr("Cannot group: {error}").format(error=err) if err else cmd.text())
        return not err

    def ungroup(self, name: str) -> None:
        cmds.push(self.doc, cmds.UngroupCommand(self.doc, name))

    def toggle_group(self, name: str) -> None:
        """Collapse or expand ``name`` and re-flow the layout around it: one undo step."""
        g = self.doc.graph.group(name)
        cmds.push(self.doc, cmds.ToggleGroupCommand(self.doc, name, not g.collapsed))

    def save_selection_as_block(self, name: str) -> bool:
        ids = self.view.selected_node_ids()
        if not ids:
            self._say(tr("Select the layers to save as a template first"))
            return False
        ok, text = block_files.save_selection(name, self.doc.graph, ids)
        self._say(text)
        if ok:
            self.view.blocks_changed.emit()
        return ok

    def insert_block(self, name: str, scene_pos: QPointF | None = None) -> list[str]:
        """Insert the saved block ``name`` as one undo step: with its top-left at ``scene_pos``
        (a drop), else below the one selected layer and fed by it, else centred in the view."""
        block, err = block_files.load(name)
        if block is None:
            self._say(tr("Cannot insert block: {error}").format(error=err))
            return []
        doc = self.doc
        after = self.insert_after() if scene_pos is None else None
        w, h = block_files.block_size(block, NODE_W, NODE_H)
        if scene_pos is None:
            scene_pos = self.free_spot(after, w, h)
        try:
            cmd = cmds.InsertBlockCommand(doc, block, (scene_pos.x(), scene_pos.y()), after)
        except (StudioError, KeyError, ValueError, TypeError) as exc:
            self._say(tr("Cannot insert block '{name}': {error}").format(name=name, error=exc))
            return []
        if after is not None and cmd.connected:
            outs = [o.get("node") for o in block.outputs]
            out = cmd.new_ids.get(outs[0]) if len(outs) == 1 else None
            errors = cmd.errors
            self.push_below(after, h, cmd.text(), [cmd], out)
            err = errors[0] if errors else None
        else:
            err = cmds.push(doc, cmd)
        if err:
            self._say(tr("Cannot insert block '{name}': {error}").format(name=name, error=err))
            return []
        ids = list(cmd.new_ids.values())
        self.view.select_nodes(ids)
        self._say(cmd.text())
        return ids

    # ---- fixes and layout --------------------------------------------------------------
    def apply_fix(self, fix) -> bool:
        cmd = cmds.ApplyFixCommand(self.doc, fix)
        err = cmds.push(self.doc, cmd)
        self._say(tr("Fix failed: {error}").format(error=err) if err else tr("Applied: {fix}").format(fix=fix.label))
        return not err

    def auto_layout(self) -> None:
        cmd = cmds.SetPositionsCommand(self.doc, auto_layout(self.doc.graph))
        if any(cmd.old[k] != v for k, v in cmd.new.items()):
            cmds.push(self.doc, cmd)
        self.view.fit_to_view()
        self._say(tr("Auto-layout"))
