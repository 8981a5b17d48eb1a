"""The Experiments window: pick a built-in experiment (or your own variants), run its variants
one after another in the background, watch their curves overlaid and the gradient flow, and read
the verdict computed from the recorded metrics (the same runner as `cnn-studio experiment`)."""
from __future__ import annotations

import html
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QSpinBox, QSplitter, QVBoxLayout, QWidget)

from studio.experiments import EXPERIMENTS
from studio.experiments.report import COLORS
from studio.gui.training.gradient_flow import GradientFlowView

from .teaching import GradientPlot, numbers_html, setup_html


def _describe(exp) -> str:
    variants = "".join(f"<li>{html.escape(v.label)}</li>" for v in exp.variants)
    return (f"<h3>{html.escape(exp.title)}</h3><p><b>Claim.</b> {html.escape(exp.claim)}</p>"
            f"<p><b>Source.</b> {html.escape(exp.source)}</p><p><b>Decided by.</b> {html.escape(exp.metric)}</p>"
            f"<p><b>Variants</b><ul>{variants}</ul>{exp.epochs} epochs each on "
            f"<i>{html.escape(str(exp.data.get('source')))}</i>, seed {exp.seed}, "
            f"budget {exp.budget_s // 60} min on a 2-core CPU</p>" + setup_html(exp))


class ExperimentWindow(QWidget):
    finished = Signal(object)  # ExperimentResult

    def __init__(self, parent=None, out_root: Path | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Experiments — cnn-studio")
        self.out_root = out_root
        self.experiments = dict(EXPERIMENTS)
        self.thread = None
        self.result = None
        self.curves: dict[str, dict] = {}
        self.stats: dict[str, list] = {}
        self.list = QListWidget()
        for name in self.experiments:
            self.list.addItem(QListWidgetItem(name))
        self.list.currentRowChanged.connect(self._selected)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self.epochs.setPrefix("epochs: ")
        self.run_button = QPushButton("Run experiment")
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        QShortcut(QKeySequence("Ctrl+R"), self, self.start)
        QShortcut(QKeySequence("Esc"), self, self.stop)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(QLabel("Experiments"))
        ll.addWidget(self.list, 1)
        ll.addWidget(self.about, 2)
        row = QHBoxLayout()
        for w in (self.epochs, self.run_button, self.stop_button):
            row.addWidget(w)
        ll.addLayout(row)
        self.loss_plot = pg.PlotWidget(title="Training loss (running, per epoch)")
        self.acc_plot = pg.PlotWidget(title="Validation accuracy (%)")
        for w in (self.loss_plot, self.acc_plot):
            w.setBackground(None)
            w.setLabel("bottom", "epoch")
            w.addLegend(offset=(-8, 8) if w is self.loss_plot else (-8, -8))
        self.verdict = QLabel("Pick an experiment and press Run: the verdict is computed from what the "
                              "variants record, never written in advance.")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel("")
        self.flow_variant = QComboBox()
        self.flow_variant.currentIndexChanged.connect(self._show_flow)
        self.flow = GradientFlowView()
        self.grad_plot = GradientPlot()
        self.grad_plot.hide()
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.acc_plot)
        plots.addWidget(self.grad_plot)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addLayout(plots, 3)
        rl.addWidget(self.verdict)
        fl = QHBoxLayout()
        fl.addWidget(QLabel("Gradient flow of:"))
        fl.addWidget(self.flow_variant, 1)
        rl.addLayout(fl)
        rl.addWidget(self.flow, 3)
        rl.addWidget(self.status)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([330, 900])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.resize(1300, 860)
        self.list.setCurrentRow(0)

    # ---- choosing -----------------------------------------------------------
    @property
    def experiment(self):
        item = self.list.currentItem()
        return self.experiments.get(item.text()) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).text() == name:
                self.list.setCurrentRow(i)

    def add_experiment(self, exp) -> None:
        """A user-defined experiment (e.g. from Duplicate as variant), selected at once."""
        if exp.name not in self.experiments:
            self.list.addItem(QListWidgetItem(exp.name))
        self.experiments[exp.name] = exp
        self.select(exp.name)
        self._selected()

    def _selected(self, *_):
        exp = self.experiment
        if exp is not None:
            self.about.setText(_describe(exp))
            self.epochs.setValue(exp.epochs)

    # ---- running ------------------------------------------------------------
    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def start(self) -> bool:
        from studio.gui.training.worker import start_thread
        from studio.training.experiment import ExperimentRunner
        from studio.runs import new_run_dir

        from .thread import ExperimentThread

        exp = self.experiment
        if exp is None or self.is_running():
            return False
        base = self.out_root
        if base is None:
            from studio.paths import runs_dir

            base = runs_dir() / "experiments"
        out = new_run_dir(exp.name, base)
        self.reset_views(exp)
        runner = ExperimentRunner(exp, out, epochs=self.epochs.value())
        t = ExperimentThread(runner, parent=self)
        t.event.connect(self._on_event)
        t.done.connect(self._on_done)
        t.finished.connect(self._thread_ended)
        self.thread, self.result = t, None
        self._set_running(True)
        self.status.setText(f"Running {exp.name} into {out} …")
        self._t0 = time.monotonic()
        if not start_thread(t):
            from studio.gui.training.worker import THREAD_START_ERROR

            self.thread = None
            self._set_running(False)
            self.verdict.setText(f"<span style='color:#b71c1c'>{html.escape(THREAD_START_ERROR)}</span>")
            return False
        return True

    def stop(self) -> None:
        if self.is_running():
            self.thread.request_stop()
            self.status.setText("Stopping after the current step…")

    def shutdown(self, ms: int = 30000) -> bool:
        if self.thread is not None and self.thread.isRunning():
            self.thread.request_stop()
            return self.thread.wait(ms)
        return True

    def wait(self, ms: int = 30000) -> bool:
        """For the main window's shutdown: stop a running experiment and wait for its thread."""
        return self.shutdown(ms)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _set_running(self, on: bool) -> None:
        self.run_button.setEnabled(not on)
        self.stop_button.setEnabled(on)
        self.list.setEnabled(not on)
        self.epochs.setEnabled(not on)

    def reset_views(self, exp) -> None:
        self.loss_plot.clear()
        self.acc_plot.clear()
        self.curves, self.stats = {}, {}
        self.flow_variant.blockSignals(True)
        self.flow_variant.clear()
        self.flow_variant.blockSignals(False)
        self.flow.reset()
        self.grad_plot.reset(exp)
        for i, v in enumerate(exp.variants):
            color = COLORS[i % len(COLORS)]
            pen = pg.mkPen(color, width=2)
            self.curves[v.name] = {
                "loss": self.loss_plot.plot([], [], pen=pen, name=v.label), "loss_xy": ([], []),
                "acc": self.acc_plot.plot([], [], pen=pen, symbol="o", symbolSize=5, symbolBrush=color, name=v.label),
                "acc_xy": ([], [])}
            self.stats[v.name] = []
            self.flow_variant.addItem(v.label, v.name)
        self.verdict.setText("Running…")

    def _on_event(self, ev) -> None:
        rec, c = ev.record, self.curves.get(ev.variant)
        if c is None:
            return
        if rec.kind == "progress":
            xs, ys = c["loss_xy"]
            xs.append(rec.epoch - 1 + rec.batch / rec.batches)
            ys.append(rec.loss)
            c["loss"].setData(xs, ys)
        elif rec.kind == "epoch" and rec.val_acc is not None:
            xs, ys = c["acc_xy"]
            xs.append(rec.epoch)
            ys.append(100 * rec.val_acc)
            c["acc"].setData(xs, ys)
        elif rec.kind == "layer_stats":
            self.stats[ev.variant].append(rec.to_dict())
            self.grad_plot.update_variant(ev.variant, self.stats[ev.variant])
            if self.flow_variant.currentData() == ev.variant:
                self.flow.add_sample(rec)
        elif rec.kind == "start":
            self.flow_variant.setCurrentIndex(ev.index)
            self.status.setText(f"[{ev.index + 1}/{ev.total}] {self.experiment.variant(ev.variant).label}: "
                                f"{rec.params:,} parameters on {rec.device_name or rec.device}")

    def _show_flow(self, *_):
        self.flow.set_samples(self.stats.get(self.flow_variant.currentData(), []))

    def _on_done(self, result) -> None:
        self.result = result
        took = time.monotonic() - getattr(self, "_t0", time.monotonic())
        if result.status == "finished" and result.verdict:
            v = result.verdict
            color = "#2e7d32" if v["holds"] else "#b71c1c"
            self.verdict.setText(f"<b style='color:{color}'>Verdict: {html.escape(v['verdict'])}</b> — "
                                 f"{html.escape(v['reason'])}{numbers_html(v)}<span style='color:gray'>claim: "
                                 f"{html.escape(v['claim'])} ({html.escape(v['source'])})</span>")
            self.status.setText(f"Finished in {took:.0f} s; report: {Path(result.out_dir) / 'report.md'}")
        else:
            self.verdict.setText(f"<span style='color:#b71c1c'>{html.escape(result.status.capitalize())}: "
                                 f"{html.escape(result.message)}</span>")
            self.status.setText(f"{result.status} after {took:.0f} s")

    def _thread_ended(self) -> None:
        t = self.thread
        if t is not None:
            t.wait()
        self.thread = None
        self._set_running(False)
        if self.result is not None:
            self.finished.emit(self.result)
