"""The Summary tab: the per-layer table (name, type, output shape, params, MACs), totals and
the activation memory for a batch size. A click on a row selects the node on the canvas."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

from studio.core.spec import fmt_shape, get_spec

COLUMNS = ("Name", "Type", "Output shape", "Params", "MACs")


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def human_count(n: int) -> str:
    for div, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(n) >= div:
            return f"{n / div:.2f} {unit}"
    return str(n)


class LayerTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def cell_text(self, row: int, col: int) -> str:
        r = self.rows[row]
        if col == 0:
            return r.name
        if col == 1:
            return get_spec(r.type).title
        if col == 2:
            return fmt_shape(r.output_shape)
        if col == 3:
            return f"{r.params:,}"
        return f"{r.macs:,}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].id
        return None


class SummaryPanel(QWidget):
    node_activated = Signal(str)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.model = LayerTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setStretchLastSection(False)
        for i, w in enumerate((160, 140, 130, 120, 140)):
            self.table.setColumnWidth(i, w)
        self.table.clicked.connect(self._on_click)
        self.totals_label = QLabel()
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label.setWordWrap(True)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 4096)
        self.batch_spin.setValue(32)
        self.batch_spin.setPrefix("batch ")
        self.batch_spin.setToolTip("Batch size for the memory estimate")
        self.batch_spin.valueChanged.connect(lambda _v: self._update_totals())
        foot = QHBoxLayout()
        foot.addWidget(self.totals_label, 1)
        foot.addWidget(self.batch_spin)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.table)
        lay.addLayout(foot)
        document.analysis_changed.connect(self._on_analysis)
        self._on_analysis(document.analysis)

    def _on_analysis(self, analysis) -> None:
        self._analysis = analysis
        self.model.set_rows(analysis.rows())
        self._update_totals()

    def _update_totals(self) -> None:
        a = self._analysis
        b = self.batch_spin.value()
        mem = a.memory_estimate(b)
        out = fmt_shape(a.output_shape) if a.output_shape is not None else "?"
        self.totals_label.setText(
            f"<b>{len(a.order)}</b> layers · output {out} · <b>{a.trainable_params:,}</b> trainable params "
            f"({human_bytes(mem['param_bytes'])}) · {a.buffers:,} buffers · <b>{human_count(a.macs)}</b> MACs "
            f"per image · activations {human_bytes(mem['activation_bytes'])} for batch {b} "
            f"(training ≈ {human_bytes(mem['training_bytes_estimate'])})"
        )

    def row_of(self, node_id: str) -> int:
        for i, r in enumerate(self.model.rows):
            if r.id == node_id:
                return i
        return -1

    def select_node(self, node_id: str) -> None:
        """Highlight the row of ``node_id`` (follows the canvas selection)."""
        row = self.row_of(node_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_click(self, index) -> None:
        if index.isValid():
            self.node_activated.emit(self.model.rows[index.row()].id)
