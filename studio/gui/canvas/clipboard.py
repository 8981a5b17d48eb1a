"""Copy, cut, paste and duplicate on the canvas (``view.clipboard``): fragments of the graph
travel as JSON under their own MIME type (and as text), pasted as one undo step."""
from __future__ import annotations

import weakref

import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from studio.gui import commands as cmds
from studio.gui.i18n import tr

from .interactions import MIME_GRAPH


class CanvasClipboard:
    def __init__(self, view):
        self.view = weakref.proxy(view)  # no cycle: the view goes as soon as Qt deletes it
        self.paste_count = 0

    def fragment(self, ids=None) -> dict | None:
        """The selected nodes, the edges among them and groups wholly inside, as a dict."""
        graph = self.view.doc.graph
        ids = list(ids) if ids is not None else self.view.selected_node_ids()
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

    def copy(self) -> int:
        frag = self.fragment()
        if frag is None:
            self.view.message.emit(tr("Nothing selected to copy"))
            return 0
        text = json.dumps({"format": "cnn-studio-fragment", **frag})
        md = QMimeData()
        md.setData(MIME_GRAPH, text.encode("utf-8"))
        md.setText(text)
        QGuiApplication.clipboard().setMimeData(md)
        self.paste_count = 0
        n = len(frag["nodes"])
        self.view.message.emit((tr("Copied {n} layers") if n != 1 else tr("Copied {n} layer")).format(n=n))
        return n

    def cut(self) -> int:
        n = self.copy()
        if n:
            doc = self.view.doc
            cmd = cmds.RemoveNodesCommand(doc, self.view.selected_node_ids())
            cmd.setText((tr("Cut {n} layers") if n != 1 else tr("Cut {n} layer")).format(n=n))
            cmds.push(doc, cmd)
            self.paste_count = -1  # the first paste goes where the layers were
        return n

    def paste(self) -> list[str]:
        md = QGuiApplication.clipboard().mimeData()
        if md is not None and md.hasFormat(MIME_GRAPH):
            text = bytes(md.data(MIME_GRAPH)).decode("utf-8")
        else:
            text = QGuiApplication.clipboard().text()
        self.paste_count += 1
        off = 40.0 * self.paste_count
        return self._paste(text, (off, off), tr("Paste"))

    def duplicate(self) -> list[str]:
        frag = self.fragment()
        if frag is None:
            self.view.message.emit(tr("Nothing selected to duplicate"))
            return []
        return self._paste(frag, (40.0, 40.0), tr("Duplicate"))

    def _paste(self, frag, offset, text) -> list[str]:
        view = self.view
        cmd, err = cmds.PasteCommand.try_create(view.doc, frag, offset, text)
        if cmd is not None:
            err = cmds.push(view.doc, cmd)
        if err:
            view.message.emit(err if err.startswith("cannot") or "clipboard" in err
                              else tr("Cannot paste: {error}").format(error=err))
            return []
        ids = list(cmd.new_ids.values())
        view.select_nodes(ids)
        view.message.emit(cmd.text())
        return ids
