"""The Problems tab: every error and warning of the graph. A click selects the node; a Fix
button applies the offered fix as one undo step."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QStyle, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from studio.gui import commands
from studio.gui.fields import fix_label, issue_message
from studio.gui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPanel(QWidget):
    node_activated = Signal(str)
    count_changed = Signal(int, int)  # errors, warnings
    status = Signal(str)  # what a Fix did, for the status bar

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", tr("Layer"), tr("Problem"), tr("Fix")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        hh = self.tree.header()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(False)
        self.tree.setColumnWidth(1, 140)
        self.tree.itemClicked.connect(self._on_click)
        self.empty_label = QLabel(tr("No problems: the network is valid."))
        self.empty_label.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.empty_label)
        lay.addWidget(self.tree)
        self.fix_buttons: list[QPushButton] = []
        self._key: list | None = None
        document.analysis_changed.connect(self._on_analysis)
        self._on_analysis(document.analysis)

    def _on_analysis(self, analysis) -> None:
        key = [(i.severity, i.node, analysis.names.get(i.node, ""), i.message, i.fix) for i in analysis.issues]
        if key == self._key:  # the same problems (most edits): keep the rows and their buttons
            return
        self._key = key
        self.tree.clear()
        self.fix_buttons = []
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for issue in analysis.issues:
            err = issue.severity == "error"
            name = analysis.names.get(issue.node, issue.node or "") if issue.node else tr("(graph)")
            text = issue_message(issue)
            it = QTreeWidgetItem(["", name, text, ""])
            it.setIcon(0, icons["error" if err else "warning"])
            it.setToolTip(0, tr("error") if err else tr("warning"))
            it.setData(0, ID_ROLE, issue.node)
            it.setToolTip(2, text)
            self.tree.addTopLevelItem(it)
            if issue.fix is not None:
                btn = QPushButton(fix_label(issue.fix))
                btn.setToolTip(tr("Apply this fix (undoable)"))
                btn.clicked.connect(lambda _=False, f=issue.fix: self.apply_fix(f))
                self.tree.setItemWidget(it, 3, btn)
                self.fix_buttons.append(btn)
        n_err, n_warn = len(analysis.errors), len(analysis.warnings)
        self.empty_label.setVisible(not analysis.issues)
        self.tree.setVisible(bool(analysis.issues))
        self.count_changed.emit(n_err, n_warn)

    def item_count(self) -> int:
        return self.tree.topLevelItemCount()

    def apply_fix(self, fix) -> None:
        err = commands.push(self.document, commands.ApplyFixCommand(self.document, fix))
        self.status.emit(tr("Fix failed: {error}").format(error=err) if err else
                         tr("Applied: {fix} (Ctrl+Z undoes)").format(fix=fix_label(fix)))

    def _on_click(self, item: QTreeWidgetItem, _col: int) -> None:
        nid = item.data(0, ID_ROLE)
        if nid:
            self.node_activated.emit(nid)
