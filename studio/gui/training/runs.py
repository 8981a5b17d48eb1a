"""The Runs tab: every run folder under runs_dir() with its curves, settings, final metrics and
checkpoints; select two runs to overlay their curves."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from .epoch_axis import whole_epoch_ticks
from .plots import TRAIN_COLOR, VAL_COLOR

RUN_COLORS = [(TRAIN_COLOR, VAL_COLOR), ("#9467bd", "#d62728")]  # first run, second run (dashed)


@dataclass
class RunInfo:
    path: Path
    metrics: list[dict] = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    dataset: dict = field(default_factory=dict)
    model: str = ""
    result: dict = field(default_factory=dict)
    checkpoints: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def best_val_acc(self) -> float | None:
        accs = [m["val_acc"] for m in self.metrics if isinstance(m.get("val_acc"), (int, float))]
        return max(accs) if accs else self.result.get("best_val_acc")

    @property
    def status(self) -> str:
        return str(self.result.get("status", "finished" if self.metrics else "–"))


def read_run(path: Path) -> RunInfo:
    """Read a run folder; unreadable parts are left empty (a run being written is fine)."""
    info = RunInfo(Path(path))
    mfile = info.path / "metrics.jsonl"
    if mfile.exists():
        for line in mfile.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                info.metrics.append(row)
    proj = info.path / "project.cnnproj"
    if proj.exists():
        try:
            d = json.loads(proj.read_text(encoding="utf-8"))
            info.settings = d.get("training") or {}
            info.dataset = d.get("dataset") or {}
            info.model = d.get("name") or d.get("template") or ""
        except (ValueError, OSError, AttributeError):
            pass
    res = info.path / "gui-result.json"
    if res.exists():
        try:
            info.result = json.loads(res.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            pass
    info.checkpoints = sorted(info.path.glob("*.pt"))
    return info


def list_runs(root: Path | None = None) -> list[RunInfo]:
    from studio.paths import runs_dir

    root = Path(root) if root is not None else runs_dir()
    runs = [read_run(p) for p in root.iterdir() if p.is_dir()] if root.exists() else []
    return sorted(runs, key=lambda r: r.path.stat().st_mtime, reverse=True)


class RunsView(QWidget):
    checkpoint_chosen = Signal(object)  # Path of a checkpoint to evaluate / try

    COLS = ("Run", "Model", "Data", "Epochs", "Best val acc", "Status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list[RunInfo] = []
        self.table = QTableWidget(0, len(self.COLS))
        self.table.setHorizontalHeaderLabels(self.COLS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(self.refresh)
        self.open_button = QPushButton("Open folder")
        self.open_button.clicked.connect(self._open_folder)
        self.use_button = QPushButton("Evaluate && try best.pt")
        self.use_button.clicked.connect(self._use)
        buttons = QHBoxLayout()
        for b in (refresh, self.open_button, self.use_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addLayout(buttons)
        self.details = QLabel("Select a run to see its settings and checkpoints; select two to compare.")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.loss_plot = pg.PlotWidget(title="Loss per epoch")
        self.acc_plot = pg.PlotWidget(title="Accuracy per epoch (%)")
        for w in (self.loss_plot, self.acc_plot):
            w.setBackground(None)
            w.showGrid(x=True, y=True, alpha=0.2)
            w.setLabel("bottom", "epoch")
            whole_epoch_ticks(w)
            # accuracy climbs to the top right: its legend goes bottom right, out of the way
            w.addLegend(offset=(-8, -8) if w is self.acc_plot else (-8, 8))
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.acc_plot)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.details)
        rl.addLayout(plots, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 700])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.refresh()

    def refresh(self) -> None:
        self.runs = list_runs()
        self.table.setRowCount(len(self.runs))
        for row, r in enumerate(self.runs):
            best = r.best_val_acc
            cells = (r.name, r.model, r.dataset.get("source", ""), str(len(r.metrics)),
                     "–" if best is None else f"{100 * best:.1f}%", r.status)
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected_runs(self) -> list[RunInfo]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.runs[r] for r in rows if r < len(self.runs)]

    def select_runs(self, names: list[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, r in enumerate(self.runs):
            if r.name in names:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selection_changed(self) -> None:
        runs = self.selected_runs()[:2]
        self.open_button.setEnabled(len(runs) == 1)
        self.use_button.setEnabled(len(runs) == 1 and any(p.name == "best.pt" for p in runs[0].checkpoints))
        self.loss_plot.clear()
        self.acc_plot.clear()
        for i, r in enumerate(runs):
            self._plot_run(r, RUN_COLORS[i], dashed=i == 1, tag="" if len(runs) == 1 else f" [{i + 1}]")
        self.details.setText("<br><br>".join(self._describe(r) for r in runs) if runs else
                             "Select a run to see its settings and checkpoints; select two to compare.")

    def _plot_run(self, r: RunInfo, colors, dashed: bool, tag: str) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        ep = [m.get("epoch") for m in r.metrics]
        for key, plot, color, name, scale in (
                ("train_loss", self.loss_plot, colors[0], "train", 1), ("val_loss", self.loss_plot, colors[1], "val", 1),
                ("train_acc", self.acc_plot, colors[0], "train", 100), ("val_acc", self.acc_plot, colors[1], "val", 100)):
            pts = [(e, m[key] * scale) for e, m in zip(ep, r.metrics)
                   if isinstance(e, (int, float)) and isinstance(m.get(key), (int, float))]
            if pts:
                xs, ys = zip(*pts)
                plot.plot(list(xs), list(ys), pen=pg.mkPen(color, width=2, style=style), symbol="o", symbolSize=5,
                          symbolBrush=color, name=f"{name}{tag}")

    def _describe(self, r: RunInfo) -> str:
        s = r.settings
        last = r.metrics[-1] if r.metrics else {}
        parts = [f"<b>{r.name}</b> — {r.model or 'model'} on {r.dataset.get('source', '?')} · {r.status}"]
        if s:
            parts.append(f"{s.get('epochs')} epochs · batch {s.get('batch_size')} · {s.get('optimizer')} lr "
                         f"{s.get('lr')} · schedule {s.get('scheduler')} · wd {s.get('weight_decay')} · "
                         f"seed {s.get('seed')} · device {s.get('device')}")
        if last:
            parts.append("final: " + ", ".join(f"{k} {v:.4g}" for k, v in last.items()
                                               if isinstance(v, float) and k != "elapsed_s"))
        if r.result.get("message") and r.status == "failed":
            parts.append(f"<span style='color:#b71c1c'>{html.escape(str(r.result['message']))}</span>")
        ck = ", ".join(f"{p.name} ({p.stat().st_size / 1e6:.1f} MB)" for p in r.checkpoints if p.exists())
        parts.append(f"checkpoints: {ck or 'none'}")
        parts.append(f"<span style='color:gray'>{r.path}</span>")
        return "<br>".join(parts)

    def _open_folder(self) -> None:
        runs = self.selected_runs()
        if runs:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(runs[0].path)))

    def _use(self) -> None:
        runs = self.selected_runs()
        if runs:
            best = runs[0].path / "best.pt"
            self.checkpoint_chosen.emit(best if best.exists() else runs[0].checkpoints[-1])
