"""The layer palette: every layer type grouped by category, then the user's saved blocks
("My blocks"), with a filter box.

Layers drag onto the canvas with MIME type ``application/x-cnn-studio-layer`` (data: the
layer type id, utf-8), blocks with ``application/x-cnn-studio-block`` (data: the block name);
a double-click asks the window to add it (below the selected layer, or at the canvas centre).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QLineEdit, QMenu, QMessageBox, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from studio.core.spec import specs_by_category
from studio.gui.canvas.style import category_color  # the palette's colours are the canvas's
from studio.gui.i18n import tr
from studio.gui import layer_text

LAYER_MIME = "application/x-cnn-studio-layer"
BLOCK_MIME = "application/x-cnn-studio-block"
TYPE_ROLE = Qt.ItemDataRole.UserRole
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 2  # the English category name (the filter matches both)
BLOCKS_TITLE = "My blocks"  # shown translated: tr(BLOCKS_TITLE) below

def swatch(category: str, size: int = 14) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = category_color(category)
    p.setBrush(c)
    p.setPen(c.darker(140))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pm)


class _LayerTree(QTreeWidget):
    def mimeData(self, items):  # Qt override
        md = QMimeData()
        ids = [it.data(0, TYPE_ROLE) for it in items if it.data(0, TYPE_ROLE)]
        blocks = [it.data(0, BLOCK_ROLE) for it in items if it.data(0, BLOCK_ROLE)]
        if ids:
            md.setData(LAYER_MIME, ids[0].encode("utf-8"))
            md.setText(ids[0])
        elif blocks:
            md.setData(BLOCK_MIME, blocks[0].encode("utf-8"))
            md.setText(blocks[0])
        return md

    def mimeTypes(self):  # Qt override
        return [LAYER_MIME, BLOCK_MIME]


class Palette(QWidget):
    add_requested = Signal(str)  # layer type id
    block_requested = Signal(str)  # name of a saved block

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter layers…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = _LayerTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._blocks_item: QTreeWidgetItem | None = None
        self._populate()
        self.refresh_blocks()
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

    def _populate(self) -> None:
        bold = self.tree.font()
        bold.setBold(True)
        for category, specs in specs_by_category().items():
            if not specs:
                continue
            cat = QTreeWidgetItem([layer_text.category(category)])
            cat.setData(0, CATEGORY_ROLE, category)
            cat.setFont(0, bold)
            cat.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(cat)
            icon = swatch(category)
            for spec in specs:
                it = QTreeWidgetItem([spec.title])
                it.setData(0, TYPE_ROLE, spec.id)
                it.setIcon(0, icon)
                it.setToolTip(0, f"<b>{spec.title}</b><br>{layer_text.lt(spec.description)}<br><i>"
                                 + tr("Drag onto the canvas, or double-click to add it.") + "</i>")
                it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                cat.addChild(it)
                self._items[spec.id] = it
            cat.setExpanded(True)

    # ---- public ---------------------------------------------------------
    def type_ids(self) -> list[str]:
        return list(self._items)

    def visible_type_ids(self) -> list[str]:
        return [tid for tid, it in self._items.items() if not it.isHidden()]

    def item_for(self, type_id: str) -> QTreeWidgetItem:
        return self._items[type_id]

    def set_filter(self, text: str) -> None:
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # re-enters through textChanged
            return
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            cat = self.tree.topLevelItem(i)
            names = f"{cat.text(0)} {cat.data(0, CATEGORY_ROLE) or ''}".lower()
            cat_match = bool(needle) and needle in names
            shown = 0
            for j in range(cat.childCount()):
                it = cat.child(j)
                tid = it.data(0, TYPE_ROLE)
                hay = f"{tid or ''} {it.text(0)}".lower()
                ok = not needle or cat_match or needle in hay
                it.setHidden(not ok)
                shown += ok
            cat.setHidden(shown == 0)

    def _on_double_click(self, item: QTreeWidgetItem, _col: int) -> None:
        tid = item.data(0, TYPE_ROLE)
        if tid:
            self.add_requested.emit(tid)
        elif item.data(0, BLOCK_ROLE):
            self.block_requested.emit(item.data(0, BLOCK_ROLE))

    # ---- saved blocks ----------------------------------------------------------
    def refresh_blocks(self) -> None:
        """(Re)list the saved blocks under "My blocks" (hidden while there are none)."""
        from studio.templates.user import list_blocks

        if self._blocks_item is None:
            bold = self.tree.font()
            bold.setBold(True)
            self._blocks_item = QTreeWidgetItem([tr("My blocks")])
            self._blocks_item.setFont(0, bold)
            self._blocks_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(self._blocks_item)
        cat = self._blocks_item
        cat.takeChildren()
        icon = swatch("Merge")
        skipped: list[str] = []
        blocks = list_blocks(skipped)
        self.block_problems = skipped  # files in the blocks folder that could not be read
        if skipped:  # a note in the list, never a crash: each file named in the tooltip
            note = QTreeWidgetItem(["⚠ " + (tr("{n} saved block files skipped") if len(skipped) > 1
                                            else tr("{n} saved block file skipped")).format(n=len(skipped))])
            note.setToolTip(0, "<p>" + "<br>".join(html.escape(e) for e in skipped[:10]) + "</p>")
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            cat.addChild(note)
        for b in blocks:
            n = len(b.graph)
            it = QTreeWidgetItem([b.name])
            it.setData(0, BLOCK_ROLE, b.name)
            it.setIcon(0, icon)
            mine = tr("your block of {n} layers") if n != 1 else tr("your block of {n} layer")
            it.setToolTip(0, f"<b>{html.escape(b.name)}</b> · {mine.format(n=n)}"
                             f"{'<br>' + html.escape(b.description) if b.description else ''}<br><i>"
                             + tr("Drag onto the canvas, or double-click: it goes below the selected layer and is "
                                  "fed by it.") + "</i>")
            it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            cat.addChild(it)
        cat.setExpanded(True)
        self.set_filter(self.filter_edit.text())

    def block_names(self) -> list[str]:
        cat = self._blocks_item
        names = [cat.child(i).data(0, BLOCK_ROLE) for i in range(cat.childCount())] if cat else []
        return [n for n in names if n]

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        name = item.data(0, BLOCK_ROLE) if item is not None else None
        if not name:
            return
        menu = QMenu(self)
        menu.addAction(tr("Insert"), lambda: self.block_requested.emit(name))
        menu.addAction(tr("Delete block '{name}'…").format(name=name), lambda: self.delete_block(name))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def delete_block(self, name: str, ask: bool = True) -> bool:
        from studio.core.errors import StudioError
        from studio.templates.user import delete_block

        B = QMessageBox.StandardButton
        if ask and QMessageBox.question(self, tr("Delete block"), tr("Delete the saved block '{name}'? Layers "
                                        "already inserted stay.").format(name=name), B.Yes | B.No, B.No) != B.Yes:
            return False
        try:
            delete_block(name)
        except StudioError as exc:
            QMessageBox.warning(self, tr("Cannot delete block"), str(exc))
            return False
        self.refresh_blocks()
        return True
