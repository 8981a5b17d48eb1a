"""Edit → History: the undo stack as a list (click a line to go back to that state)."""
from __future__ import annotations

from PySide6.QtWidgets import QUndoView, QWidget

from studio.gui.i18n import tr


def history_view(document, parent: QWidget | None = None) -> QUndoView:
    view = QUndoView(document.undo_stack, parent)
    view.setEmptyLabel(tr("<opened>"))
    view.setToolTip(tr("Every edit, oldest first: click a line to return to that state"))
    return view
