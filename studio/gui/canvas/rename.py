"""Renaming a card in place (double click or the context menu): Enter commits one undo
step, Esc or leaving unchanged does nothing."""
from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtWidgets import QLineEdit

from studio.gui import commands as cmds

from .style import NODE_W


class InlineRename(QObject):
    def __init__(self, view):
        super().__init__(view)
        self.view = weakref.proxy(view)  # no cycle: the view goes as soon as Qt deletes it
        self.editor: QLineEdit | None = None

    def start(self, node_id: str) -> QLineEdit | None:
        view = self.view
        item = view.graph_scene.nodes.get(node_id)
        if item is None:
            return None
        self.close()
        node = view.doc.graph.node(node_id)
        a = view.mapFromScene(item.mapToScene(QPointF(10, 18)))
        b = view.mapFromScene(item.mapToScene(QPointF(NODE_W - 6, 34)))
        ed = QLineEdit(node.name, view.viewport())
        ed.setGeometry(a.x(), a.y(), max(80, b.x() - a.x()), max(20, b.y() - a.y()))
        ed.selectAll()
        ed.node_id = node_id
        ed.returnPressed.connect(lambda: self._commit(ed))
        ed.editingFinished.connect(lambda: self._commit(ed))
        ed.installEventFilter(self)
        self.editor = ed
        ed.show()
        ed.setFocus()
        return ed

    def eventFilter(self, obj, ev) -> bool:
        if obj is self.editor and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Escape:
            self.close()
            return True
        return super().eventFilter(obj, ev)

    def close(self) -> None:
        ed, self.editor = self.editor, None
        if ed is not None:
            ed.removeEventFilter(self)
            ed.hide()
            ed.deleteLater()
            self.view.setFocus()

    def _commit(self, ed) -> None:
        if ed is not self.editor:
            return
        self.close()
        view = self.view
        graph = view.doc.graph
        if not graph.has_node(ed.node_id):
            return
        node = graph.node(ed.node_id)
        label = ed.text().strip()
        label = "" if label == node.id else label
        if label != node.label:
            cmd = cmds.SetLabelCommand(view.doc, node.id, label)
            cmds.push(view.doc, cmd)
            view.message.emit(cmd.text())
