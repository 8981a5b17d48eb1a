"""Drives a training run: snapshot the project, run the Trainer in a thread, feed the views."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from studio.gui.fields import issue_message, window_message
from studio.gui.i18n import tr
from studio.runs import graph_version, new_run_dir, run_checkpoint

from .panel import TrainingPanel
from .worker import THREAD_START_ERROR, TrainingThread, failed_result, start_thread

FOREVER_MS = 2**31 - 1
_LIVE: set = set()  # running threads are kept alive here until they finish (never GC'd mid-run)


def default_threads() -> int | None:
    """torch threads for training from the window: leave one core to the GUI on 4+ cores.

    (On 2 cores giving one up costs more throughput than it buys smoothness; see
    benchmarks/gui_responsiveness.py.)
    """
    import torch

    n = torch.get_num_threads()
    return n - 1 if n >= 4 else None


class TrainingController(QObject):
    """Owns the training thread. ``is_running()``, ``shutdown(timeout_ms)`` for the window."""

    run_started = Signal(object)
    # ResultRecord; emitted only after the worker thread has ended (is_running() is False then)
    run_finished = Signal(object)
    layer_stats = Signal(object)  # LayerStatsRecord of the running training

    def __init__(self, document, panel: TrainingPanel, num_threads: int | None = None, parent=None):
        super().__init__(parent)
        self.document = document
        self.panel = panel
        self.num_threads = num_threads
        self.thread: TrainingThread | None = None
        self.snapshot = None
        self.snapshot_version = ""
        self.last_result = None
        self.message_box: QMessageBox | None = None
        self.state = "idle"  # idle | running | paused | stopping | finished | stopped | failed
        panel.start_button.clicked.connect(self.start)
        panel.pause_button.clicked.connect(self.toggle_pause)
        panel.stop_button.clicked.connect(self.stop)
        document.analysis_changed.connect(self._graph_edited)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    # ---- public ----------------------------------------------------------
    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def latest_checkpoint(self, project=None) -> Path | None:
        """The latest run's best checkpoint for exactly this graph (what File → Export offers)."""
        return run_checkpoint(graph_version(project or self.document.project))

    def start(self) -> bool:
        """Train a copy of the current project; False (with a message) when it cannot start."""
        from studio.core.errors import StudioError

        if self.is_running():
            return False
        p = self.panel
        p.clear_error()
        p.store_settings()
        a = self.document.analysis
        if a.errors:
            first = issue_message(a.errors[0])
            p.show_error(tr("The graph has {n} error(s); fix them first (see Problems). First: {first}").format(
                n=len(a.errors), first=first))
            return False
        try:  # the settings are parsed once per run, here; the Trainer gets them parsed
            from studio.training.settings import TrainSettings

            settings = TrainSettings.from_dict(self.document.project.training)
            if self.document.project.dataset:
                from studio.training.datasets.settings import DataSettings

                DataSettings.from_dict(self.document.project.dataset)
        except StudioError as exc:
            p.show_error(window_message(exc))
            return False
        snapshot = self.document.project.copy()
        self.snapshot = snapshot
        self.snapshot_version = graph_version(snapshot)
        out_dir = new_run_dir(self.document.display_name().removesuffix(".cnnproj"))
        self.run_dir = out_dir

        def factory():
            from studio.training.engine import Trainer

            return Trainer(snapshot, settings=settings, out_dir=out_dir)

        t = TrainingThread(factory, num_threads=self.num_threads or default_threads())
        t.run_started.connect(self._on_start)
        t.progress.connect(self._on_progress)
        t.epoch_done.connect(self._on_epoch)
        t.result.connect(self._on_result)
        t.layer_stats.connect(self.layer_stats)
        t.finished.connect(lambda t=t: self._on_thread_finished(t))
        self.thread = t
        _LIVE.add(t)
        p.plots.reset(1)
        p.plots.timer.start()
        p.epoch_bar.setValue(0)
        p.run_bar.setValue(0)
        p.stats.setText(tr("loading data…"))
        p.epoch_label.clear()
        self._set_state("running")
        if not start_thread(t):  # "Thread creation error": say so, never wait for a thread that is not there
            _LIVE.discard(t)
            self.thread = None
            t.deleteLater()
            self.run_started.emit(snapshot)
            self._finish(failed_result(THREAD_START_ERROR))
            return False
        self.run_started.emit(snapshot)
        return True

    def toggle_pause(self) -> None:
        if not self.is_running():
            return
        if self.state == "paused":
            self.thread.request_resume()
            self._set_state("running")
        elif self.state == "running":
            self.thread.request_pause()
            self._set_state("paused")

    def stop(self) -> None:
        if self.is_running():
            self.thread.request_stop()
            self._set_state("stopping")

    def shutdown(self, timeout_ms: int | None = 10000) -> bool:
        """Stop the run and wait for the thread (it writes the last checkpoint). True when stopped.

        ``timeout_ms=None`` waits as long as the current step takes (never ``terminate()``)."""
        ms = FOREVER_MS if timeout_ms is None else timeout_ms
        t = self.thread
        ok = True
        if t is not None and t.isRunning():
            t.request_stop()
            ok = t.wait(ms)
        self.panel.data_box.wait(ms)
        for view in getattr(self, "background_views", []):
            view.wait(ms)
        return ok

    def _on_quit(self) -> None:
        """The application quits: the thread must end before Qt tears down (a running QThread
        destroyed at exit aborts the process), so after 10 s keep waiting, and say so."""
        if not self.shutdown(10000):
            print("cnn-studio: waiting for the training step to finish (the last checkpoint is kept)…",
                  file=sys.stderr)
            self.shutdown(None)

    # ---- records (GUI thread) --------------------------------------------
    def _on_start(self, r) -> None:
        self.panel.plots.reset(r.steps_per_epoch, r.epochs)
        self.panel.plots.set_chance_level(_output_count(self.snapshot))
        self.panel.run_bar.setMaximum(max(1, r.epochs * r.steps_per_epoch))
        self.device_text = f"{r.device_name or r.device}{' · AMP' if r.amp else ''}"
        self._set_state(self.state)
        self.panel.stats.setText(tr("{train} train / {val} val images · {params} parameters").format(
            train=f"{r.num_train:,}", val=f"{r.num_val:,}", params=f"{r.params:,}"))

    def _on_progress(self, records) -> None:
        self.panel.plots.add_progress(records)
        self.panel.show_progress(records[-1])

    def _on_epoch(self, r) -> None:
        self.panel.plots.add_epoch(r)
        self.panel.show_epoch(r)

    def _on_result(self, r) -> None:
        """The engine's last record; the run is finished once the thread has ended too."""
        self._pending_result = r
        p = self.panel
        p.plots.timer.stop()
        p.plots.refresh()

    def _on_thread_finished(self, t) -> None:
        t.wait()  # QThread.finished is sent just before the thread really ends: let it end
        _LIVE.discard(t)
        self.signals_sent = t.signals_sent
        r = getattr(self, "_pending_result", None) or t.last_result or failed_result(
            "the training thread ended without a result; the run is incomplete")
        self._pending_result = None
        current = self.thread is t
        if current:
            self.thread = None
        t.deleteLater()
        if current:
            self._finish(r)

    def _finish(self, r) -> None:
        """Show the outcome and tell the window (the thread is gone: Train works at once)."""
        self.last_result = r
        p = self.panel
        p.plots.timer.stop()
        if p.stats.text() == tr("loading data…"):  # it ended before the start record
            p.stats.clear()
        self._set_state(r.status if r.status in ("finished", "stopped", "failed") else "failed")
        if r.status == "failed":
            text = window_message(r.error if r.error is not None else r.message or "") or \
                tr("the run ended without a message.")
            p.show_error(tr("Training failed: {message}").format(message=text))
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Training failed"), text,
                              QMessageBox.StandardButton.Ok, p.window())
            box.setModal(False)
            box.show()
            self.message_box = box
        self.run_finished.emit(r)

    # ---- state display ---------------------------------------------------
    def _graph_edited(self, *_):
        if self.state in ("running", "paused", "stopping"):
            self._set_state(self.state)

    def _set_state(self, state: str) -> None:
        self.state = state
        p = self.panel
        running = state in ("running", "paused", "stopping")
        p.start_button.setEnabled(not running)
        p.pause_button.setEnabled(state in ("running", "paused"))
        p.pause_button.setText(tr("Resume") if state == "paused" else tr("Pause"))
        p.stop_button.setEnabled(state in ("running", "paused"))
        p.set_editing_enabled(not running)
        ver = self.snapshot_version
        if running:
            edited = graph_version(self.document.project) != ver
            dev = getattr(self, "device_text", "")
            text = _running_text(state, dev).format(version=ver, device=dev)
            if edited:
                text += " · " + tr("the graph was edited since: this run trains the snapshot taken at Start")
        else:
            r = self.last_result
            text = {"idle": tr("Ready: press Train to train the current graph."),
                    "finished": tr("Finished"), "stopped": tr("Stopped"), "failed": tr("Failed")}.get(state, state)
            if r is not None and state != "idle":
                if r.best_acc is None:
                    text = tr("{state} (graph version {version}, {n} epoch(s))").format(
                        state=text, version=ver, n=r.epochs_done)
                else:
                    split = {"val": tr("val"), "train": tr("train")}.get(r.best_acc_split or "val", r.best_acc_split)
                    text = tr("{state} (graph version {version}, {n} epoch(s), best {split} acc {acc}%)").format(
                        state=text, version=ver, n=r.epochs_done, split=split, acc=f"{100 * r.best_acc:.1f}")
        p.status.setText(text)


def _running_text(state: str, device: str) -> str:
    """The status line of a running run, a template of {version} (and {device} when known)."""
    if state == "paused":
        return tr("Paused: graph version {version} on {device}") if device else tr("Paused: graph version {version}")
    if state == "stopping":
        return tr("Stopping graph version {version} on {device}") if device else tr("Stopping graph version {version}")
    return tr("Training graph version {version} on {device}") if device else tr("Training graph version {version}")


def _output_count(project) -> int | None:
    """The number of class scores the network outputs (for the ln C chance level)."""
    if project is None:
        return None
    from studio.core.validate import validate

    out = validate(project.graph, project.num_classes).output_shape
    return int(out[0]) if out is not None and len(out) == 1 else project.num_classes
