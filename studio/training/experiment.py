"""Run an experiment (studio.experiments): its variants one after another through the same
training engine, then the verdict from what they recorded, report.md and curves.png.

    runner = ExperimentRunner(get_experiment("degradation"), out_dir)
    for ev in runner.run():     # VariantEvent(variant, record)..., then ExperimentResult
        ...
    runner.request_stop()       # from any thread

Headless (``cnn-studio experiment``) and in the window (a QThread) alike.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict
from studio.core.project import Project
from studio.core.userfile import atomic_write_text
from studio.experiments.nets import build_variant_project
from studio.experiments.report import report_markdown, save_curves
from studio.experiments.spec import Experiment, Variant
from studio.experiments.verdicts import recompute

from studio.runs import read_layer_stats, read_metrics

from .transfer_data import subset_bundle, weights_without_head

DIVERGENCE_FILE = "divergence.json"


def diverged(v: Variant, result) -> bool:
    """A variant allowed to diverge whose loss became NaN/Inf: a measured result, not a failure."""
    return (v.may_diverge and result is not None and result.status == "failed"
            and "NaN" in (result.message or ""))


def write_divergence(folder: Path, message: str, losses: list) -> None:
    """divergence.json: what the engine said, and the reported losses up to the last finite one."""
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / DIVERGENCE_FILE, dumps_strict({"message": message, "losses": losses}) + "\n")



@dataclass(kw_only=True)
class VariantEvent:
    variant: str
    index: int
    total: int
    record: object  # the engine's record (start, progress, layer_stats, epoch, result)
    kind: str = field(default="variant", init=False)


@dataclass(kw_only=True)
class ExperimentResult:
    status: str  # finished | stopped | failed
    message: str
    out_dir: str
    verdict: dict | None = None
    kind: str = field(default="experiment_result", init=False)


def variant_project(exp: Experiment, v: Variant, num_classes: int) -> Project:
    if v.project is not None:
        from studio.core.project import parse_project

        p = parse_project(v.project, f"variant {v.name!r}")
        p.num_classes = num_classes
        return p
    return build_variant_project(v.builder, v.params, exp.input_shape, num_classes, f"{exp.name}-{v.name}")


class ExperimentRunner:
    def __init__(self, exp: Experiment, out_dir: Path, epochs: int | None = None, data: str | None = None,
                 device: str = "auto"):
        if epochs is not None and epochs < 1:
            raise StudioError(f"{{field}} {epochs}: an experiment needs at least 1 epoch", field="experiment.epochs")
        self.exp = exp
        self.out_dir = Path(out_dir)
        self.epochs = epochs
        self.data_arg = data
        self.device = device
        self._stop = threading.Event()
        self._trainer = None

    def request_stop(self) -> None:
        self._stop.set()
        t = self._trainer
        if t is not None:
            t.request_stop()

    def data_settings(self):
        from .data import DataSettings, parse_data_arg

        if self.data_arg:
            return parse_data_arg(self.data_arg)
        return DataSettings.from_dict(dict(self.exp.data, seed=self.exp.seed))

    def run(self):
        from .data import load_data
        from .engine import Trainer
        from .settings import TrainSettings

        exp, t0, cpu0 = self.exp, time.perf_counter(), time.process_time()
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StudioError(f"{{field}} {self.out_dir}: cannot create the folder ({exc.strerror or exc}); "
                              "choose a folder you can write to", field="experiment.out") from None
        settings = self.data_settings()
        bundle = load_data(settings, exp.input_shape)
        seconds, cpu, device = {}, {}, "?"
        for i, v in enumerate(exp.variants):
            vb = subset_bundle(bundle, v.data, exp.seed) if v.data else bundle  # transfer: part of the data
            project = variant_project(exp, v, vb.num_classes)
            project.dataset = settings.to_dict()
            st = TrainSettings.from_dict(dict(exp.settings_for(v, self.epochs), device=self.device))
            weights = weights_without_head(self.out_dir / v.weights_from / "best.pt", project) \
                if v.weights_from else None  # transfer: an earlier variant's features
            tr = Trainer(project, vb, st, out_dir=self.out_dir / v.name, stats_every=exp.stats_every, init=v.init,
                         weights=weights)
            self._trainer = tr
            if self._stop.is_set():
                tr.request_stop()
            t1, c1 = time.perf_counter(), time.process_time()
            result, losses = None, []
            for rec in tr.run():
                if rec.kind == "start":
                    device = rec.device_name or rec.device
                if rec.kind == "progress":
                    losses.append([rec.step, rec.loss])
                if rec.kind == "result":
                    result = rec
                yield VariantEvent(variant=v.name, index=i, total=len(exp.variants), record=rec)
            seconds[v.name] = round(time.perf_counter() - t1, 1)
            cpu[v.name] = round(time.process_time() - c1, 1)
            if diverged(v, result):
                write_divergence(self.out_dir / v.name, result.message, losses)
                continue
            if result is None or result.status != "finished":
                status = "stopped" if result is not None and result.status == "stopped" else "failed"
                msg = result.message if result is not None else "the engine ended without a result"
                yield ExperimentResult(status=status, message=f"variant {v.label}: {msg}", out_dir=str(self.out_dir))
                return
        self._trainer = None
        verdict = recompute(exp, self.out_dir)
        total = time.perf_counter() - t0
        verdict["run"] = {"data": settings.source, "input_shape": list(exp.input_shape),
                          "epochs": self.epochs or exp.epochs, "seconds": round(total, 1),
                          "seconds_per_variant": seconds, "cpu_seconds": round(time.process_time() - cpu0, 1),
                          "cpu_seconds_per_variant": cpu, "budget_s": exp.budget_s,
                          "within_budget": total <= exp.budget_s, "device": device}
        self.write_outputs(verdict)
        yield ExperimentResult(status="finished", message=f"{exp.name}: {verdict['verdict']}: {verdict['reason']}",
                               out_dir=str(self.out_dir), verdict=verdict)

    def write_outputs(self, verdict: dict) -> None:
        exp, out = self.exp, self.out_dir
        atomic_write_text(out / "verdict.json", dumps_strict(verdict, indent=2) + "\n", what="verdict")
        atomic_write_text(out / "report.md", report_markdown(exp, verdict), what="report")
        metrics = {v.name: read_metrics(out / v.name / "metrics.jsonl") for v in exp.variants}
        stats = {v.name: read_layer_stats(out / v.name / "layer_stats.jsonl") for v in exp.variants}
        save_curves(exp, metrics, out / "curves.png", stats)
