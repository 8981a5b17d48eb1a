"""Undo commands that add layers in bulk: paste (and duplicate) and inserting a saved block.
The ids, labels, group names and positions are the core's (``Graph.paste``, planned once by
:func:`studio.core.graph_paste.plan_paste` so that redo adds the very same ids)."""
from __future__ import annotations

import json

from studio.core.graph_paste import plan_paste, remove_pasted
from studio.gui.i18n import tr

from .base import _ERRORS, _Command, _error_text, _name
from .edits import _ConnectStep


class PasteCommand(_Command):
    """Add a fragment (``{"nodes": [...], "edges": [...], "groups": [...]}``, as made by
    ``Graph.subgraph(...).to_dict()``, or a Graph) with fresh ids, shifted by ``offset`` (or
    its top-left at ``at``). ``new_ids`` maps old ids to the new ones (for selecting the
    pasted nodes)."""

    def __init__(self, doc, fragment, offset=(40.0, 40.0), text: str = "Paste", parent=None,
                 at: tuple[float, float] | None = None):
        super().__init__(doc, "", parent)
        self.plan = plan_paste(doc.graph, fragment, at, offset)
        self.new_ids: dict[str, str] = dict(self.plan.mapping)
        self.setText(_paste_text(text, len(self.new_ids)))

    @classmethod
    def try_create(cls, doc, text_or_fragment, offset=(40.0, 40.0), text: str = "Paste"):
        try:
            frag = json.loads(text_or_fragment) if isinstance(text_or_fragment, str) else text_or_fragment
            if not isinstance(frag, dict) or not frag.get("nodes"):
                return None, "the clipboard holds no layers"
            return cls(doc, frag, offset, text), ""
        except (json.JSONDecodeError, *_ERRORS) as exc:
            return None, f"cannot paste: {_error_text(exc)}"

    def _do(self, graph) -> None:
        graph.paste(self.plan)

    def _undo(self, graph) -> None:
        remove_pasted(graph, self.plan)


class InsertBlockCommand(_Command):
    """Insert a saved block (``studio.templates.user.Block``: graph + the ``inputs`` it was
    cut from) with fresh ids, its top-left at ``at``, as one step (a block saved without
    positions is laid out by the core's paste). With ``attach_to`` (a node id) that node
    feeds the block's inputs; ``new_ids`` maps block ids to the inserted ones."""

    def __init__(self, doc, block, at=(0.0, 0.0), attach_to: str | None = None, parent=None):
        super().__init__(doc, "", parent)
        paste = PasteCommand(doc, block.graph, at=at, parent=self)
        self.new_ids = paste.new_ids
        self.connected: list[tuple[str, str, int]] = []
        if attach_to is not None and doc.graph.has_node(attach_to):
            for target, port in _block_inputs(block):
                if target in self.new_ids:
                    self.connected.append((attach_to, self.new_ids[target], port))
                    _ConnectStep(doc, attach_to, self.new_ids[target], port, parent=self)
        n = len(self.new_ids)
        if self.connected:
            text = (tr("Insert block '{name}' (1 layer) after '{after}'") if n == 1
                    else tr("Insert block '{name}' ({n} layers) after '{after}'"))
        else:
            text = tr("Insert block '{name}' (1 layer)") if n == 1 else tr("Insert block '{name}' ({n} layers)")
        self.setText(text.format(name=block.name, n=n, after=_name(doc, attach_to) if self.connected else ""))


def _paste_text(verb: str, n: int) -> str:
    """"Paste 3 layers", "Duplicate 1 layer"… in the window's language."""
    if verb == "Paste":
        return (tr("Paste 1 layer") if n == 1 else tr("Paste {n} layers")).format(n=n)
    if verb == "Duplicate":
        return (tr("Duplicate 1 layer") if n == 1 else tr("Duplicate {n} layers")).format(n=n)
    return f"{verb} {n} layer{'s' if n != 1 else ''}"


def _block_inputs(block) -> list[tuple[str, int]]:
    """(node, port) pairs the block takes its input at: the cut edges it was saved with, else
    the free inputs of its first layers."""
    seen, out = set(), []
    for d in block.inputs:
        key = (str(d.get("node")), int(d.get("port", 0)))
        if key not in seen:
            seen.add(key)
            out.append(key)
    if out:
        return out
    g = block.graph
    return [(n.id, 0) for n in g.nodes if not g.in_edges(n.id) and n.spec.arity[1] != 0][:1]
