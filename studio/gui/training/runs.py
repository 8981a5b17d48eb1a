"""The Runs tab: every run folder under runs_dir() with its curves, settings, final metrics and
checkpoints; select two runs to overlay their curves."""
from __future__ import annotations

import html
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter,
                               QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import printable
from studio.gui.i18n import tr, tr_core
from studio.runs import RunInfo, is_run_dir, list_runs, read_run

from .epoch_axis import whole_epoch_ticks

from .plots import TRAIN_COLOR, VAL_COLOR, legend_below

RUN_COLORS = [(TRAIN_COLOR, VAL_COLOR), ("#9467bd", "#d62728")]  # first run, second run (dashed)


def run_roots() -> list[Path]:
    """Where runs are listed from: the studio's runs folder, ``./runs`` (where ``cnn-studio
    train`` writes) and every folder opened with File → Open run…."""
    from studio.gui.settings import run_folders
    from studio.paths import runs_dir

    return [runs_dir(), Path.cwd() / "runs", *run_folders()]


def all_runs() -> list[RunInfo]:
    """The runs under every root (a root may be a run folder itself), newest first, once each."""
    seen, out = set(), []
    for root in run_roots():
        found = [read_run(root)] if is_run_dir(root) else list_runs(root)
        for r in found:
            key = Path(r.path).resolve()
            if key not in seen:
                seen.add(key)
                out.append(r)
    return out


def status_text(status: str) -> str:
    """A run's status (run.json keeps it in English) as the window shows it."""
    return {"running": tr("running", "run status"), "finished": tr("finished", "run status"),
            "stopped": tr("stopped", "run status"), "failed": tr("failed", "run status")}.get(status, status)


def _h(value) -> str:
    """A text from a run folder for Qt rich text: control characters shown escaped, then HTML-escaped."""
    return html.escape(printable(value))


class RunsView(QWidget):
    checkpoint_chosen = Signal(object)  # Path of a checkpoint to evaluate / try
    diff_badges = Signal(object)  # {node id: "added" | "changed" | "removed"} for the canvas ({}: clear)

    COLS = (QT_TRANSLATE_NOOP("Runs", "Run"), QT_TRANSLATE_NOOP("Runs", "Model"), QT_TRANSLATE_NOOP("Runs", "Data"),
            QT_TRANSLATE_NOOP("Runs", "Epochs"), QT_TRANSLATE_NOOP("Runs", "Best acc"),  # val, or "(train)"
            QT_TRANSLATE_NOOP("Runs", "Status"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list[RunInfo] = []
        self.table = QTableWidget(0, len(self.COLS))
        self.table.setHorizontalHeaderLabels([tr_core("Runs", c) for c in self.COLS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.open_button = QPushButton(tr("Open folder"))
        self.open_button.clicked.connect(self._open_folder)
        self.use_button = QPushButton(tr("Evaluate && try best.pt"))
        self.use_button.clicked.connect(self._use)
        buttons = QHBoxLayout()
        self.diff_button = QPushButton(tr("Show diff on canvas"))
        self.diff_button.setToolTip(tr("Badges on the canvas: + added, ~ changed (second run vs first)"))
        self.diff_button.setCheckable(True)
        self.diff_button.toggled.connect(self._show_badges)
        self.diff: dict | None = None
        for b in (refresh, self.open_button, self.use_button, self.diff_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addLayout(buttons)
        self.details = QLabel(tr("Select a run to see its settings and checkpoints; select two to compare."))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.loss_plot = pg.PlotWidget(title=tr("Loss per epoch"))
        self.acc_plot = pg.PlotWidget(title=tr("Accuracy per epoch (%)"))
        for w in (self.loss_plot, self.acc_plot):
            w.setBackground(None)
            w.showGrid(x=True, y=True, alpha=0.2)
            w.setLabel("bottom", tr("epoch"))
            whole_epoch_ticks(w)
            legend_below(w, columns=4)
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.acc_plot)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # two runs compared: the diff and the settings table can be long
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        rl.addWidget(scroll, 1)
        rl.addLayout(plots, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 700])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.refresh()

    def refresh(self) -> None:
        self.runs = all_runs()
        self.table.setRowCount(len(self.runs))
        for row, r in enumerate(self.runs):
            best, split = r.best
            pct = "–" if best is None else f"{100 * best:.1f}"
            shown = "–" if best is None else (tr("{acc}% (train)").format(acc=pct) if split == "train" else f"{pct}%")
            cells = (r.name, r.model, r.dataset.get("source", ""), str(len(r.metrics)), shown,
                     status_text(r.status) + (" ⚠" if r.notes else ""))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(printable(str(text)))
                if r.notes:  # what could not be read in this folder (skipped, never a crash)
                    item.setToolTip("<p>" + "<br>".join(html.escape(printable(n)) for n in r.notes[:8]) + "</p>")
                self.table.setItem(row, col, item)
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
        if len(runs) == 2:  # compare in the order they ran: [1] the older, [2] the newer
            runs.sort(key=lambda r: r.name)
        self.open_button.setEnabled(len(runs) == 1)
        self.use_button.setEnabled(len(runs) == 1 and any(p.name == "best.pt" for p in runs[0].checkpoints))
        self.loss_plot.clear()
        self.acc_plot.clear()
        for i, r in enumerate(runs):
            self._plot_run(r, RUN_COLORS[i], dashed=i == 1, tag="" if len(runs) == 1 else f" [{i + 1}]")
        self.diff = self._compare(runs) if len(runs) == 2 else None
        self.diff_button.setEnabled(self.diff is not None)
        text = "<br><br>".join(self._describe(r) for r in runs) if runs else \
            tr("Select a run to see its settings and checkpoints; select two to compare.")
        if self.diff is not None:
            from .run_compare import compare_html

            text = compare_html(self.diff) + "<br><br>" + text
        self.details.setText(text)
        self._show_badges(self.diff_button.isChecked())

    def _compare(self, runs) -> dict | None:
        if any(r.project is None for r in runs):
            return None
        from studio.runs.diff import diff_runs

        return diff_runs(runs[0], runs[1])

    def badge_map(self) -> dict:
        if self.diff is None:
            return {}
        return {c["node"]: c["status"] for c in self.diff["graph"]["nodes"]}

    def _show_badges(self, on: bool) -> None:
        self.diff_badges.emit(self.badge_map() if on else {})

    def _plot_run(self, r: RunInfo, colors, dashed: bool, tag: str) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        ep = [m.get("epoch") for m in r.metrics]
        for key, plot, color, name, scale in (
                ("train_loss", self.loss_plot, colors[0], tr("train"), 1),
                ("val_loss", self.loss_plot, colors[1], tr("val"), 1),
                ("train_acc", self.acc_plot, colors[0], tr("train"), 100),
                ("val_acc", self.acc_plot, colors[1], tr("val"), 100)):
            pts = [(e, m[key] * scale) for e, m in zip(ep, r.metrics)
                   if isinstance(e, (int, float)) and isinstance(m.get(key), (int, float))]
            if pts:
                xs, ys = zip(*pts)
                plot.plot(list(xs), list(ys), pen=pg.mkPen(color, width=2, style=style), symbol="o", symbolSize=5,
                          symbolBrush=color, name=f"{name}{tag}")

    def _describe(self, r: RunInfo) -> str:
        """The details of one run as Qt rich text: every text from the run folder (its name, the
        project's name, data source and settings, metric names, messages) is escaped."""
        s = r.settings
        last = r.metrics[-1] if r.metrics else {}
        parts = [tr("<b>{run}</b> — {model} on {data} · {status}").format(
            run=_h(r.name), model=_h(r.model or tr("model")), data=_h(r.dataset.get("source", "?")),
            status=_h(status_text(r.status)))]
        if s:
            parts.append(_h(tr("{epochs} epochs · batch {batch} · {optimizer} lr {lr} · schedule {scheduler} · "
                               "wd {wd} · seed {seed} · device {device}").format(
                epochs=s.get("epochs"), batch=s.get("batch_size"), optimizer=s.get("optimizer"), lr=s.get("lr"),
                scheduler=s.get("scheduler"), wd=s.get("weight_decay"), seed=s.get("seed"), device=s.get("device"))))
        if last:
            parts.append(tr("final: {metrics}").format(metrics=_h(", ".join(
                f"{k} {v:.4g}" for k, v in last.items() if isinstance(v, float) and k != "elapsed_s"))))
        if r.project_error:
            parts.append(f"<span style='color:#b71c1c'>project.cnnproj: {_h(r.project_error)}</span>")
        if r.result.get("message") and r.status == "failed":
            parts.append(f"<span style='color:#b71c1c'>{_h(r.result['message'])}</span>")
        ck = ", ".join(f"{p.name} ({p.stat().st_size / 1e6:.1f} MB)" for p in r.checkpoints if p.exists())
        parts.append(tr("checkpoints: {list}").format(list=_h(ck or tr("none"))))
        parts.append(f"<span style='color:gray'>{_h(r.path)}</span>")
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
