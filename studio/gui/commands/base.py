"""The base of every undo command (children, one graph batch, roll back on failure) and
:func:`push`."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from studio.core.errors import StudioError

_ERRORS = (StudioError, KeyError, ValueError, TypeError)
_SET_PARAM_ID = 4201


def _value_text(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value_text(x) for x in v) + "]"
    if isinstance(v, str):
        return v
    if v is None:
        return "auto"
    return f"{v:g}" if isinstance(v, float) else str(v)


def _name(doc, node_id: str) -> str:
    g = doc.graph
    return g.node(node_id).name if g.has_node(node_id) else node_id


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


class _Command(QUndoCommand):
    """Base: children run first on redo and last (reversed) on undo, inside one graph batch
    so the document revalidates once. A failing redo rolls back what it did."""

    def __init__(self, doc, text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text)  # children are kept in Python (``steps``), not as Qt children
        self.doc = doc
        self.steps: list[_Command] = []
        self.errors: list[str] = []  # filled when a top-level redo failed
        self._is_child = parent is not None
        if parent is not None:
            parent.steps.append(self)

    # subclasses override these two (children are handled here)
    def _do(self, graph) -> None:
        pass

    def _undo(self, graph) -> None:
        pass

    def _redo_all(self) -> None:
        graph = self.doc.graph
        done: list[_Command] = []
        graph.begin_batch()
        try:
            try:
                for c in self.steps:
                    c._redo_all()
                    done.append(c)
                self._do(graph)
            except _ERRORS:
                for c in reversed(done):
                    c._undo_all()
                raise
        finally:
            graph.end_batch()

    def _undo_all(self) -> None:
        graph = self.doc.graph
        graph.begin_batch()
        try:
            self._undo(graph)
            for c in reversed(self.steps):
                c._undo_all()
        finally:
            graph.end_batch()

    def redo(self) -> None:
        if self._is_child:
            return  # the parent drives its steps
        try:
            self._redo_all()
        except _ERRORS as exc:
            self.errors.append(_error_text(exc))
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._is_child:
            self._undo_all()


def push(doc, cmd: _Command | None) -> str | None:
    """Push ``cmd`` on the document's undo stack; return an error message if it failed."""
    if cmd is None:
        return None
    errors = cmd.errors  # keep a reference: a failed command is deleted by the stack
    doc.undo_stack.push(cmd)
    return errors[0] if errors else None
