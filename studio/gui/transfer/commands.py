"""Undo commands for the transfer-learning settings kept in ``project.training``: the frozen
layers (``freeze``), the weights file (``weights``), ``unfreeze_after`` and ``lr_mult``.

They change the project's training settings (not the graph), so they do not go through the
graph's batch; the document emits ``settings_changed`` and the views follow it."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from studio.core.freeze import FREEZE_KEY, with_frozen
from studio.gui.i18n import tr

_MISSING = object()


class SetTrainingCommand(QUndoCommand):
    """Set some keys of ``project.training`` (one undo step)."""

    def __init__(self, doc, changes: dict[str, Any], text: str):
        super().__init__(text)
        self.doc = doc
        self.changes = dict(changes)
        self.before = {k: doc.project.training.get(k, _MISSING) for k in self.changes}

    def _apply(self, values: dict[str, Any]) -> None:
        training = dict(self.doc.project.training)
        for k, v in values.items():
            if v is _MISSING or v in ("", None):
                training.pop(k, None)
            else:
                training[k] = v
        self.doc.project.training = training
        self.doc.settings_changed.emit()

    def redo(self) -> None:  # Qt override
        self._apply(self.changes)

    def undo(self) -> None:  # Qt override
        self._apply(self.before)


def freeze_command(doc, ids, frozen: bool, what: str = "") -> SetTrainingCommand | None:
    """Freeze or unfreeze the nodes ``ids`` (None when nothing would change)."""
    old = str(doc.project.training.get(FREEZE_KEY) or "")
    new = with_frozen(doc.graph, old, ids, frozen)
    if new == old:
        return None
    what = what or (f"'{doc.graph.node(next(iter(ids))).name}'" if len(ids) == 1 else
                    tr("{n} layers").format(n=len(ids)))
    text = tr("Freeze {what}") if frozen else tr("Unfreeze {what}")
    return SetTrainingCommand(doc, {FREEZE_KEY: new}, text.format(what=what))


def push_freeze(doc, ids, frozen: bool, what: str = "") -> bool:
    cmd = freeze_command(doc, list(ids), frozen, what)
    if cmd is None:
        return False
    doc.undo_stack.push(cmd)
    return True
