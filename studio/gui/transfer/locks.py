"""Frozen layers on the canvas, in the Inspector, the context menu and the status bar.

A lock badge (a child item, so the card classes need no change) sits on the top-right corner
of every frozen card and of a collapsed stage whose layers are all frozen. The badges follow
the document: after every graph or settings change they are placed again."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QLabel

from studio.core.freeze import frozen_ids, frozen_text, split_params
from studio.gui.i18n import tr

from .commands import push_freeze

LOCK_COLOR = QColor("#5b6f8f")


class LockBadge(QGraphicsItem):
    """A small padlock drawn at the parent card's top-right corner."""

    SIZE = 16.0

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        r = parent.boundingRect()
        self.setPos(r.right() - self.SIZE - 10, r.top() + 2)
        self.setToolTip(tr("Frozen: its weights (and BatchNorm statistics) stay as loaded during training"))

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.SIZE, self.SIZE)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        s = self.SIZE
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LOCK_COLOR, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QPainterPath()
        shackle.moveTo(s * 0.3, s * 0.5)
        shackle.lineTo(s * 0.3, s * 0.3)
        shackle.arcTo(QRectF(s * 0.3, s * 0.08, s * 0.4, s * 0.4), 180, -180)
        shackle.lineTo(s * 0.7, s * 0.5)
        painter.drawPath(shackle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LOCK_COLOR)
        painter.drawRoundedRect(QRectF(s * 0.15, s * 0.45, s * 0.7, s * 0.5), 2, 2)


class LockController:
    """Keeps the badges on the scene's cards in step with ``project.training['freeze']``."""

    def __init__(self, document, scene):
        self.doc, self.scene = document, scene
        self.badges: dict[tuple[str, str], LockBadge] = {}
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        for sig in (document.settings_changed, document.project_replaced, document.analysis_changed):
            sig.connect(self.schedule)
        self.refresh()

    def schedule(self, *_a) -> None:
        self._timer.start()  # after the scene has followed the same change

    def locked(self) -> set[tuple[str, str]]:
        graph = self.doc.graph
        ids = frozen_ids(graph, frozen_text(self.doc.project))
        out = {("node", nid) for nid in ids if nid in self.scene.nodes}
        costs = self.doc.analysis.costs
        for name in self.scene.blocks:  # a stage is locked when every layer with weights in it is
            g = graph.group(name) if graph.has_group(name) else None
            weighted = [n for n in (g.nodes if g is not None else []) if (c := costs.get(n)) is not None and c.params]
            if weighted and all(n in ids for n in weighted):
                out.add(("block", name))
        return out

    def refresh(self) -> None:
        want = self.locked()
        for key in list(self.badges):
            badge = self.badges[key]
            item = self.scene.nodes.get(key[1]) if key[0] == "node" else self.scene.blocks.get(key[1])
            if key not in want or badge.parentItem() is not item:
                if badge.scene() is not None and badge.parentItem() is not None:
                    badge.setParentItem(None)
                    self.scene.removeItem(badge)
                del self.badges[key]
        for key in want - set(self.badges):
            item = self.scene.nodes.get(key[1]) if key[0] == "node" else self.scene.blocks.get(key[1])
            if item is not None:
                self.badges[key] = LockBadge(item)


class FrozenBox(QCheckBox):
    """The Inspector's 'Frozen' box for one layer: toggling it is an undo step; it follows
    undo/redo and the context menu."""

    def __init__(self, doc, node_id: str, parent=None):
        super().__init__(tr("Frozen (keep its weights while training)"), parent)
        self.setObjectName("frozen_box")
        self.setToolTip(tr("A frozen layer keeps the weights it starts with (e.g. from File → Load weights…); "
                           "a frozen BatchNorm keeps its running statistics."))
        self.doc, self.node_id = doc, node_id
        self.sync()
        self.toggled.connect(self._toggled)
        doc.settings_changed.connect(self.sync)

    def sync(self) -> None:
        if not self.doc.graph.has_node(self.node_id):
            return
        self.blockSignals(True)
        self.setChecked(self.node_id in frozen_ids(self.doc.graph, frozen_text(self.doc.project)))
        self.blockSignals(False)

    def _toggled(self, on: bool) -> None:
        push_freeze(self.doc, [self.node_id], on)


def frozen_checkbox(doc, node_id: str) -> QCheckBox:
    return FrozenBox(doc, node_id)


def add_freeze_actions(menu, doc, ids, what: str = "") -> None:
    """'Freeze' / 'Unfreeze' entries of a context menu for the layers ``ids``."""
    ids = [i for i in ids if doc.graph.has_node(i)]
    if not ids:
        return
    frozen = frozen_ids(doc.graph, frozen_text(doc.project))
    menu.addSeparator()
    if not all(i in frozen for i in ids):
        menu.addAction(tr("Freeze {what}").format(what=what).strip(), lambda: push_freeze(doc, ids, True, what))
    if any(i in frozen for i in ids):
        menu.addAction(tr("Unfreeze {what}").format(what=what).strip(), lambda: push_freeze(doc, ids, False, what))


def params_text(doc) -> str:
    """'1,234 trainable · 5,678 frozen' when layers are frozen, else ''."""
    trainable, frozen = split_params(doc.analysis, doc.graph, frozen_text(doc.project))
    return tr("{trainable} trainable · {frozen} frozen").format(trainable=f"{trainable:,}", frozen=f"{frozen:,}") \
        if frozen else ""


class FrozenStatusLabel(QLabel):
    """A permanent status-bar label with the trainable/frozen split (hidden when none is frozen)."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("frozen_status")
        self.doc = doc
        for sig in (doc.settings_changed, doc.project_replaced, doc.analysis_changed):
            sig.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        text = params_text(self.doc)
        self.setText(tr("Frozen layers: {text}").format(text=text) if text else "")
        self.setVisible(bool(text))
