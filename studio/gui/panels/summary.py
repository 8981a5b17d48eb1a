"""The Summary tab: the per-layer table (name, type, output shape, params, MACs), totals and
the activation memory for a batch size. A click on a row selects the node on the canvas."""
from __future__ import annotations

from studio.core.freeze import frozen_ids, frozen_text, split_params
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

from studio.core.spec import fmt_shape, get_spec
from studio.gui.i18n import tr

COLUMNS = ("Name", "Type", "Output shape", "Params", "MACs", "Receptive field", "Jump", "Trainable")
RF_TIP = (  # English; shown translated by column_tip()
"Receptive field: how many input pixels one output pixel of this layer depends on (the largest over "
          "all paths). Jump: how many input pixels apart two neighbouring output pixels are. "
          "r_out = r_in + (K − 1)·D·j_in, j_out = j_in·S")


def column_titles() -> tuple[str, ...]:
    """:data:`COLUMNS` in the window's language."""
    return (tr("Name", "layer name"), tr("Type", "layer type"), tr("Output shape"), tr("Params", "column"),
            tr("MACs", "column"), tr("Receptive field"), tr("Jump", "receptive field"), tr("Trainable"))


def column_tip() -> str:
    """:data:`RF_TIP` in the window's language."""
    return tr("Receptive field: how many input pixels one output pixel of this layer depends on (the largest over "
              "all paths). Jump: how many input pixels apart two neighbouring output pixels are. "
              "r_out = r_in + (K − 1)·D·j_in, j_out = j_in·S")


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
    """One row per layer in topological order: (id, name, type, output shape, params, MACs, field).
    An analysis with the same layers in the same order only repaints the rows that changed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []

    @staticmethod
    def rows_of(analysis, frozen=frozenset()) -> list[tuple]:
        costs, shapes, names, types = analysis.costs, analysis.shapes, analysis.names, analysis.types
        fields = getattr(analysis, "receptive", {})
        out = []
        for nid in analysis.order:
            c = costs.get(nid)
            out.append((nid, names[nid], types[nid], shapes.get(nid), c.params if c else 0, c.macs if c else 0,
                        fields.get(nid), nid in frozen))
        return out

    def set_rows(self, rows) -> None:
        rows = list(rows)
        old = self.rows
        if len(rows) != len(old) or any(a[0] != b[0] for a, b in zip(rows, old)):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        self.rows = rows
        changed = [i for i, (a, b) in enumerate(zip(rows, old)) if a != b]
        last = len(COLUMNS) - 1
        start = prev = None
        for i in changed + [None]:  # contiguous runs: one dataChanged each
            if start is not None and (i is None or i != prev + 1):
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last), [Qt.ItemDataRole.DisplayRole])
                start = None
            if i is not None and start is None:
                start = i
            prev = i

    def rowCount(self, parent=QModelIndex()):  # Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section >= 5:
            return column_tip()
        return None

    def node_id(self, row: int) -> str:
        return self.rows[row][0]

    def cell_text(self, row: int, col: int) -> str:
        r = self.rows[row]
        if col == 0:
            return r[1]
        if col == 1:
            return get_spec(r[2]).title
        if col == 2:
            return fmt_shape(r[3])
        if col == 3:
            return f"{r[4]:,}"
        if col == 4:
            return f"{r[5]:,}"
        if col == 7:  # transfer learning: frozen layers (project.training["freeze"])
            return "–" if not r[4] else (tr("no (frozen)") if r[7] else tr("yes", "trainable"))
        f = r[6]
        if f is None:
            return tr("whole image") if col == 5 and r[3] is not None and len(r[3]) == 1 else "–"
        return f.size_text if col == 5 else f.jump_text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= index.column() < 7:
            return _RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()][0]
        return None


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
        for i, w in enumerate((160, 140, 130, 120, 140, 110, 60, 90)):
            self.table.setColumnWidth(i, w)
        self.table.clicked.connect(self._on_click)
        self.totals_label = QLabel()
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label.setWordWrap(True)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 4096)
        self.batch_spin.setValue(32)
        self.batch_spin.setPrefix(tr("batch ", "spin box prefix"))
        self.batch_spin.setToolTip(tr("Batch size for the memory estimate"))
        self.batch_spin.valueChanged.connect(lambda _v: self._update_totals())
        foot = QHBoxLayout()
        foot.addWidget(self.totals_label, 1)
        foot.addWidget(self.batch_spin)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.table)
        lay.addLayout(foot)
        self._stale = False
        document.analysis_changed.connect(self._on_analysis)
        document.settings_changed.connect(lambda: self._on_analysis(self.document.analysis))  # frozen layers
        self._analysis = document.analysis
        self.refresh()

    def _on_analysis(self, analysis) -> None:
        self._analysis = analysis
        if not self.isVisibleTo(self.window()):  # another tab or a closed dock: catch up when shown
            self._stale = True
            return
        self.refresh()

    def refresh(self) -> None:
        """Bring the table and totals up to the latest analysis."""
        self._stale = False
        frozen = frozen_ids(self.document.graph, frozen_text(self.document.project))
        self.model.set_rows(LayerTableModel.rows_of(self._analysis, frozen))
        self._update_totals()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _update_totals(self) -> None:
        a = self._analysis
        b = self.batch_spin.value()
        mem = a.memory_estimate(b)
        out = fmt_shape(a.output_shape) if a.output_shape is not None else "?"
        trainable, frozen = split_params(a, self.document.graph, frozen_text(self.document.project))
        fz = tr(" + <b>{n}</b> frozen").format(n=f"{frozen:,}") if frozen else ""
        text = tr(
            "<b>{layers}</b> layers · output {output} · <b>{trainable}</b> trainable params{frozen} "
            "({param_bytes}) · {buffers} buffers · <b>{macs}</b> MACs "
            "per image · activations {activations} for batch {batch} "
            "(training ≈ {training})"
        ).format(layers=len(a.order), output=out, trainable=f"{trainable:,}", frozen=fz,
                 param_bytes=human_bytes(mem['param_bytes']), buffers=f"{a.buffers:,}", macs=human_count(a.macs),
                 activations=human_bytes(mem['activation_bytes']), batch=b,
                 training=human_bytes(mem['training_bytes_estimate']))
        if text != self.totals_label.text():
            self.totals_label.setText(text)

    def row_of(self, node_id: str) -> int:
        if self._stale:
            self.refresh()
        for i, r in enumerate(self.model.rows):
            if r[0] == node_id:
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
            self.node_activated.emit(self.model.node_id(index.row()))
