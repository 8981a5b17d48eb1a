"""Undo commands for groups: group, ungroup, collapse or expand (with the re-flow)."""
from __future__ import annotations

from typing import Iterable

from studio.core.graph import Group
from studio.gui.i18n import tr

from .base import _Command, _name

# ---- groups ---------------------------------------------------------------------
class GroupCommand(_Command):
    def __init__(self, doc, name: str, node_ids: Iterable[str], collapsed: bool = False,
                 kind: str = "", parent=None):
        self.name, self.node_ids = name, list(dict.fromkeys(node_ids))
        self.collapsed, self.kind = collapsed, kind
        super().__init__(doc, tr("Group {n} layers as '{name}'").format(n=len(self.node_ids), name=name), parent)

    @classmethod
    def try_create(cls, doc, name: str, node_ids: Iterable[str]):
        graph, ids = doc.graph, list(node_ids)
        name = (name or "").strip()
        if not name:
            return None, tr("a group needs a name")
        if any(g.name == name for g in graph.groups):
            return None, tr("a group named '{name}' already exists: choose another name").format(name=name)
        if not ids:
            return None, tr("select the layers to group first")
        for g in graph.groups:
            both = [n for n in ids if n in g.nodes]
            if both:
                return None, tr("'{name}' is already in group '{group}': ungroup it first").format(
                    name=_name(doc, both[0]), group=g.name)
        return cls(doc, name, ids), ""

    def _do(self, graph) -> None:
        graph.add_group(self.name, self.node_ids, self.collapsed, self.kind)

    def _undo(self, graph) -> None:
        graph.remove_group(self.name)


class UngroupCommand(_Command):
    def __init__(self, doc, name: str, parent=None):
        super().__init__(doc, tr("Ungroup '{name}'").format(name=name), parent)
        self.name = name
        self.group: Group | None = None

    def _do(self, graph) -> None:
        g = graph.remove_group(self.name)
        self.group = Group(g.name, list(g.nodes), g.collapsed, g.kind)

    def _undo(self, graph) -> None:
        g = self.group
        graph.add_group(g.name, g.nodes, g.collapsed, g.kind)


class SetGroupCollapsedCommand(_Command):
    def __init__(self, doc, name: str, collapsed: bool, parent=None):
        super().__init__(doc, (tr("Collapse '{name}'") if collapsed else tr("Expand '{name}'")).format(name=name), parent)
        self.name, self.collapsed, self.old = name, bool(collapsed), False

    def _do(self, graph) -> None:
        self.old = graph.set_group_collapsed(self.name, self.collapsed)

    def _undo(self, graph) -> None:
        graph.set_group_collapsed(self.name, self.old)


class ToggleGroupCommand(_Command):
    """Collapse or expand a group and re-flow the layout around it (``core.layout``), as
    one undo step: undo restores the old positions as well as the old state."""

    def __init__(self, doc, name: str, collapsed: bool, parent=None):
        super().__init__(doc, (tr("Collapse '{name}'") if collapsed else tr("Expand '{name}'")).format(name=name), parent)
        self.name, self.collapsed, self.old = name, bool(collapsed), False
        self.new_pos: dict | None = None
        self.old_pos: dict = {}

    def _do(self, graph) -> None:
        from studio.core.layout import auto_layout

        self.old = graph.set_group_collapsed(self.name, self.collapsed)
        if self.new_pos is None:
            self.new_pos = auto_layout(graph)
        self.old_pos = graph.move_many({n: p for n, p in self.new_pos.items() if graph.has_node(n)})

    def _undo(self, graph) -> None:
        graph.move_many(self.old_pos)
        graph.set_group_collapsed(self.name, self.old)
