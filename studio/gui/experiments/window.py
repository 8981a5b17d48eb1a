"""The Experiments window: pick a built-in experiment (or your own variants), run its variants
one after another in the background, watch their curves overlaid and the gradient flow, and read
the verdict computed from the recorded metrics (the same runner as `cnn-studio experiment`)."""
from __future__ import annotations

import html
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from studio.experiments import EXPERIMENTS
from studio.experiments.report import COLORS
from studio.gui.training.gradient_flow import GradientFlowView
from studio.gui.training.epoch_axis import whole_epoch_ticks
from studio.gui.i18n import language, tr

from .teaching import GradientPlot, numbers_html, setup_html, tx

ROLE_NAME = Qt.ItemDataRole.UserRole  # the experiment's name on its list item


def _describe(exp) -> str:
    claim, source, decided, variants_head = (f"<b>{html.escape(t)}</b>" for t in (
        tr("Claim."), tr("Source."), tr("Decided by."), tr("Variants")))
    variants = "".join(f"<li>{html.escape(tx(v.label))}</li>" for v in exp.variants)
    budget = tr("{epochs} epochs each on <i>{data}</i>, seed {seed}, budget {minutes} min on a 2-core CPU").format(
        epochs=exp.epochs, data=html.escape(str(exp.data.get("source"))), seed=exp.seed, minutes=exp.budget_s // 60)
    return (f"<h3>{html.escape(tx(exp.title))}</h3><p>{claim} {html.escape(tx(exp.claim))}</p>"
            f"<p>{source} {html.escape(tx(exp.source))}</p>"
            f"<p>{decided} {html.escape(tx(exp.metric))}</p>"
            f"<p>{variants_head}<ul>{variants}</ul>{budget}</p>" + setup_html(exp))


def legend_html(variants) -> str:
    """The variants' colours and labels, in a line that wraps between variants."""
    return " &nbsp; ".join(f"<span style='color:{COLORS[i % len(COLORS)]}'>━━</span>&nbsp;"
                           + html.escape(tx(v.label)).replace(" ", "&nbsp;") for i, v in enumerate(variants))


def _list_item(exp) -> QListWidgetItem:
    """The experiment's name (the CLI's) in English; its title in another language, the name as
    the tooltip."""
    item = QListWidgetItem(exp.name if language() == "en" else tx(exp.title))
    item.setData(ROLE_NAME, exp.name)
    if language() != "en":
        item.setToolTip(exp.name)
    return item


class ExperimentWindow(QWidget):
    finished = Signal(object)  # ExperimentResult

    def __init__(self, parent=None, out_root: Path | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Experiments — cnn-studio"))
        self.out_root = out_root
        self.experiments = dict(EXPERIMENTS)
        self.thread = None
        self.result = None
        self.curves: dict[str, dict] = {}
        self.stats: dict[str, list] = {}
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for exp in self.experiments.values():
            self.list.addItem(_list_item(exp))
        self.list.currentRowChanged.connect(self._selected)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self.epochs.setPrefix(tr("epochs: "))
        self.run_button = QPushButton(tr("Run experiment"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        QShortcut(QKeySequence("Ctrl+R"), self, self.start)
        QShortcut(QKeySequence("Esc"), self, self.stop)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(QLabel(tr("Experiments")))
        ll.addWidget(self.list, 1)
        about_scroll = QScrollArea()  # claim, source, set-up and "decided at" can be longer than the pane
        about_scroll.setWidgetResizable(True)
        about_scroll.setFrameShape(QFrame.Shape.NoFrame)
        about_scroll.setWidget(self.about)
        ll.addWidget(about_scroll, 2)
        row = QHBoxLayout()
        for w in (self.epochs, self.run_button, self.stop_button):
            row.addWidget(w)
        ll.addLayout(row)
        self.open_button = QPushButton(tr("Open finished experiment folder…"))
        self.open_button.setToolTip(tr("A folder written by `cnn-studio experiment NAME --out DIR` (or by Run): "
                                       "its curves, verdict and gradient flow"))
        self.open_button.clicked.connect(lambda: self.open_folder())
        ll.addWidget(self.open_button)
        self.loss_plot = pg.PlotWidget(title=tr("Training loss (running, per epoch)"))
        self.acc_plot = pg.PlotWidget(title=tr("Validation accuracy (%)"))
        whole_epoch_ticks(self.acc_plot)  # one point an epoch: no 1.2, 1.4, …
        for w in (self.loss_plot, self.acc_plot):
            w.setBackground(None)
            w.setLabel("bottom", tr("epoch"))
        # one legend for the three plots (same colours), a line under them: a legend band inside
        # the loss plot, a variant a row, left no room for the curves at 1366×768 with 6–8 variants
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.verdict = QLabel(tr("Pick an experiment and press Run: the verdict is computed from what the "
                                 "variants record, never written in advance."))
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
        rl.addWidget(self.legend)
        rl.addWidget(self.verdict)
        fl = QHBoxLayout()
        fl.addWidget(QLabel(tr("Gradient flow of:")))
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
        self._size_from_screen()
        self.list.setCurrentRow(0)

    def _size_from_screen(self) -> None:
        """1300×860, never larger than the screen's free area (less 5 %)."""
        screen = self.screen()
        avail = screen.availableGeometry() if screen is not None else None
        if avail is None or QGuiApplication.platformName() == "offscreen":
            self.resize(1300, 860)
            return
        self.resize(min(1300, int(avail.width() * 0.95)), min(860, int(avail.height() * 0.95)))

    # ---- choosing -----------------------------------------------------------
    @property
    def experiment(self):
        item = self.list.currentItem()
        return self.experiments.get(item.data(ROLE_NAME)) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ROLE_NAME) == name:
                self.list.setCurrentRow(i)

    def add_experiment(self, exp) -> None:
        """A user-defined experiment (e.g. from Duplicate as variant), selected at once."""
        if exp.name not in self.experiments:
            self.list.addItem(_list_item(exp))
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
        self.status.setText(tr("Running {name} into {folder} …").format(name=exp.name, folder=out))
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
            self.status.setText(tr("Stopping after the current step…"))

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
                "loss": self.loss_plot.plot([], [], pen=pen, name=tx(v.label)), "loss_xy": ([], []),
                "acc": self.acc_plot.plot([], [], pen=pen, symbol="o", symbolSize=5, symbolBrush=color,
                                          name=tx(v.label)),
                "acc_xy": ([], [])}
            self.stats[v.name] = []
            self.flow_variant.addItem(tx(v.label), v.name)
        self.legend.setText(legend_html(exp.variants))
        self.verdict.setText(tr("Running…"))

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
            self.status.setText(tr("[{index}/{total}] {variant}: {params} parameters on {device}").format(
                index=ev.index + 1, total=ev.total, variant=tx(self.experiment.variant(ev.variant).label),
                params=f"{rec.params:,}", device=rec.device_name or rec.device))

    def open_folder(self, path: str | Path | None = None) -> bool:
        """A finished experiment folder (``cnn-studio experiment NAME --out DIR``): its curves,
        its verdict and each variant's gradient flow, read from the files; nothing is trained."""
        import json
        from types import SimpleNamespace

        from studio.runs import read_layer_stats, read_metrics

        if path is None:
            path = QFileDialog.getExistingDirectory(self, tr("Open experiment folder"),
                                                    str(self.out_root or Path.cwd()))
            if not path:
                return False
        out = Path(path)
        try:
            verdict = json.loads((out / "verdict.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            text = tr("{folder} is not a finished experiment folder (its verdict.json: {error})").format(
                folder=out, error=exc)
            self.verdict.setText(f"<span style='color:#b71c1c'>{html.escape(text)}</span>")
            return False
        name = str(verdict.get("experiment", out.name))
        exp = self.experiments.get(name)
        if exp is not None:
            self.select(name)
            variants = exp.variants
        else:
            variants = tuple(SimpleNamespace(name=d.name, label=d.name) for d in sorted(out.iterdir())
                             if (d / "metrics.jsonl").is_file())
        self.reset_views(exp if exp is not None else SimpleNamespace(variants=variants, verdict=""))
        for v in variants:
            epochs = [m for m in read_metrics(out / v.name / "metrics.jsonl") if m.get("kind", "epoch") == "epoch"]
            c = self.curves[v.name]
            c["loss_xy"] = ([m["epoch"] for m in epochs if m.get("train_loss") is not None],
                            [m["train_loss"] for m in epochs if m.get("train_loss") is not None])
            c["acc_xy"] = ([m["epoch"] for m in epochs if m.get("val_acc") is not None],
                           [100 * m["val_acc"] for m in epochs if m.get("val_acc") is not None])
            c["loss"].setData(*c["loss_xy"])
            c["acc"].setData(*c["acc_xy"])
            stats = out / v.name / "layer_stats.jsonl"
            self.stats[v.name] = read_layer_stats(stats) if stats.is_file() else []
            self.grad_plot.update_variant(v.name, self.stats[v.name])
        self._show_flow()
        self._show_verdict(verdict, out)
        self.status.setText(tr("Opened {folder} (recorded; press Run to train it again)").format(folder=out))
        self.opened = out
        return True

    def _show_verdict(self, v: dict, out: Path | None = None) -> None:
        v = self._translated(v, out)
        color = "#2e7d32" if v.get("holds") else "#b71c1c"
        verdict = tr("Verdict: {verdict}").format(verdict=v.get("verdict"))
        claim = tr("claim: {claim} ({source})").format(claim=v.get("claim", ""), source=v.get("source", ""))
        self.verdict.setText(f"<b style='color:{color}'>{html.escape(verdict)}</b> — "
                             f"{html.escape(str(v.get('reason', '')))}{numbers_html(v)}<span style='color:gray'>"
                             f"{html.escape(claim)}</span>")

    def _translated(self, v: dict, out: Path | None) -> dict:
        """verdict.json (English) in the window's language: recomputed from the folder's files
        with the translator (the same numbers, so the same verdict); where that cannot be done,
        the recorded reason stays English and the rest is translated."""
        if language() == "en":
            return v
        exp = self.experiments.get(str(v.get("experiment")))
        if exp is not None and out is not None:
            from studio.experiments.verdicts import recompute

            try:
                again = recompute(exp, Path(out), translate=tx)
            except Exception:  # an older or damaged folder: the recorded verdict is still right
                again = None
            if again is not None and again["holds"] == v.get("holds"):
                return {**v, **again}
        return {**v, **{k: tx(str(v[k])) for k in ("verdict", "claim", "source") if k in v}}

    def _show_flow(self, *_):
        self.flow.set_samples(self.stats.get(self.flow_variant.currentData(), []))

    def _on_done(self, result) -> None:
        self.result = result
        took = time.monotonic() - getattr(self, "_t0", time.monotonic())
        if result.status == "finished" and result.verdict:
            self._show_verdict(result.verdict, Path(result.out_dir))
            self.status.setText(tr("Finished in {seconds} s; report: {path}").format(
                seconds=f"{took:.0f}", path=Path(result.out_dir) / "report.md"))
        else:
            seconds = f"{took:.0f}"
            if result.status == "stopped":
                head, tail = tr("Stopped: {message}"), tr("stopped after {seconds} s")
            elif result.status == "failed":
                head, tail = tr("Failed: {message}"), tr("failed after {seconds} s")
            else:
                head, tail = f"{result.status.capitalize()}: {{message}}", f"{result.status} after {{seconds}} s"
            self.verdict.setText(f"<span style='color:#b71c1c'>{html.escape(head.format(message=result.message))}"
                                 "</span>")
            self.status.setText(tail.format(seconds=seconds))

    def _thread_ended(self) -> None:
        t = self.thread
        if t is not None:
            t.wait()
        self.thread = None
        self._set_running(False)
        if self.result is not None:
            self.finished.emit(self.result)
