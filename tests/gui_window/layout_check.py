"""Find what a person would see as broken in a laid-out window: sibling widgets that overlap,
labels whose text is cut, short tables that hide a row (used by test_layout_walk)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractScrollArea, QGraphicsView, QLabel, QScrollArea, QTableView, QWidget)

MAX_TABLE_ROWS = 12


def _skip(w: QWidget) -> bool:
    """Subtrees drawn by their own rules: the canvas (minimap and breadcrumbs overlay it on
    purpose) and pyqtgraph plots."""
    return isinstance(w, QGraphicsView)


def _name(w: QWidget) -> str:
    text = w.text()[:40] if isinstance(w, QLabel) else ""
    return f"{type(w).__name__}({w.objectName() or text!r})"


def _visible_children(w: QWidget) -> list[QWidget]:
    return [c for c in w.findChildren(QWidget, options=_direct()) if c.isVisible() and not c.isWindow()
            and c.width() > 0 and c.height() > 0]


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _in_scroll(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def label_cut(lab: QLabel) -> bool:
    if not lab.text() or lab.pixmap() is not None and not lab.pixmap().isNull():
        return False
    if lab.toolTip() and "…" in lab.text():
        return False  # elided on purpose, the whole text in the tooltip
    if _in_scroll(lab):
        return False  # the scroll area shows the rest
    m = lab.contentsMargins()
    if lab.wordWrap():
        return lab.heightForWidth(lab.width()) > lab.height() + 1
    hint = lab.sizeHint()
    return hint.width() > lab.width() + m.left() + m.right() + 1 or hint.height() > lab.height() + 1


def table_hides_row(t: QTableView) -> bool:
    model = t.model()
    n = model.rowCount() if model is not None else 0
    if not 0 < n <= MAX_TABLE_ROWS or _in_scroll(t):
        return False
    last = n - 1
    bottom = t.rowViewportPosition(last) + t.rowHeight(last)
    return t.rowViewportPosition(0) < 0 or bottom > t.viewport().height()


def problems(root: QWidget) -> list[str]:
    out: list[str] = []

    def walk(w: QWidget) -> None:
        if _skip(w):
            return
        kids = _visible_children(w)
        if not isinstance(w, QAbstractScrollArea):  # its viewport and scroll bars are laid out by Qt
            for i, a in enumerate(kids):
                for b in kids[i + 1:]:
                    inter = a.geometry().intersected(b.geometry())
                    if inter.width() > 1 and inter.height() > 1 and not a.visibleRegion().isEmpty() \
                            and not b.visibleRegion().isEmpty():
                        out.append(f"{_name(a)} overlaps {_name(b)} in {_name(w)}")
        for c in kids:
            if isinstance(c, QLabel) and label_cut(c):
                out.append(f"label cut: {_name(c)} {c.size().toTuple()} < {c.sizeHint().toTuple()}")
            if isinstance(c, QTableView) and table_hides_row(c):
                out.append(f"table hides a row: {_name(c)} ({c.model().rowCount()} rows, "
                           f"viewport {c.viewport().height()} px)")
            walk(c)

    walk(root)
    return out
