"""The training engine: a generator that yields records and stops cooperatively.

    trainer = Trainer(project, data, settings, out_dir)
    for rec in trainer.run():          # StartRecord, ProgressRecord..., EpochRecord..., ResultRecord
        ...
    trainer.request_stop()             # from any thread; honoured between steps

Faults (NaN loss, out of memory, unreadable data, a graph that does not compile) never raise
out of ``run()``: it ends with ``ResultRecord(status="failed", message=...)``. A stop in
mid-epoch saves ``last.pt`` with the current weights and ``complete=False``; resuming from it
starts the next epoch (the partial epoch counts as done). NaN/OOM failures write nothing new.
"""
from __future__ import annotations

import json
import platform
import random
import threading
import time
import warnings
from pathlib import Path

import torch

from studio.core.errors import StudioError
from studio.core.project import Project, save_project
from studio.core.userfile import atomic_write_text

from . import distributed as dist_util
from . import transfer
from .checkpoint import build_model, load_checkpoint, save_checkpoint, weights_mismatch
from .faults import Fail, first_line, is_oom
from .layer_stats import DEFAULT_EVERY, STATS_FILE, LayerStats, graph_layers, trim_stats
from .loop import PROGRESS_INTERVAL_S, run_epochs  # noqa: F401 (PROGRESS_INTERVAL_S: public)
from .records import EpochRecord, ProgressRecord, ResultRecord, StartRecord  # noqa: F401
from studio.runs import STATUS_FILE, graph_version, new_run_dir, write_status
from .runtime import LoaderBatches, TensorBatches, amp_setup, as_tensors, dataset_len, pick_device
from .optim import make_optimizer, make_scheduler
from .settings import TrainSettings
from .weight_init import init_weights

SMALL_MODEL_MACS = 200e6  # forward MACs per batch below which the CPU uses one thread


def default_run_dir(project: Project, base: Path) -> Path:
    """A new run folder under ``base`` named after the project (see studio.runs)."""
    return new_run_dir(project.name or project.template or "project", base)


class Trainer:
    def __init__(self, project: Project, data=None, settings: TrainSettings | None = None,
                 out_dir: Path | None = None, resume: Path | None = None, stats_every: int = DEFAULT_EVERY,
                 init: str | None = None, weights=None):
        self.project = project.copy()
        self.data = data
        self.settings = settings or TrainSettings.from_dict(project.training)
        self.project.training = self.settings.to_dict()
        self.resume = Path(resume) if resume else None
        self.out_dir = Path(out_dir) if out_dir else (self.resume.parent if self.resume else None)
        self.run_dir: Path | None = None
        self.model = None
        self.device: torch.device | None = None
        self.history: list[EpochRecord] = []
        self.epochs_done = 0
        self.best_val_acc: float | None = None
        self.best_path: Path | None = None
        self.last_path: Path | None = None
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._pause_wake = threading.Event()
        self.pause_reached = threading.Event()  # set while the loop waits in a pause
        self.stats_every = stats_every  # layer statistics every N steps (0: none)
        self.init = init  # weight initialisation scheme (None: PyTorch's default)
        self.weights = weights  # transfer: a weights file or its tensors (None: the settings' file)
        self.weights_report = None  # transfer: what loading the weights file did
        self.layer_stats: LayerStats | None = None
        self.dist = dist_util.DistInfo()
        self.elapsed_offset = 0.0  # seconds already trained before a resume

    # ---- control from any thread -------------------------------------------------
    def request_stop(self) -> None:
        self._stop.set()
        self._pause_wake.set()

    def request_pause(self) -> None:
        self._pause.set()

    def request_resume(self) -> None:
        self._pause.clear()
        self._pause_wake.set()

    @property
    def paused(self) -> bool:
        return self._pause.is_set() and not self._stop.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def wait_while_paused(self) -> float:
        """Block while paused (a stop ends the wait); returns the seconds spent waiting.
        ``pause_reached`` is set while the engine sits in this wait."""
        if not self._pause.is_set() or self._stop.is_set():
            return 0.0
        t0 = time.perf_counter()
        self.pause_reached.set()
        try:
            while self._pause.is_set() and not self._stop.is_set():
                self._pause_wake.wait(0.05)
                self._pause_wake.clear()
        finally:
            self.pause_reached.clear()
        return time.perf_counter() - t0

    # ---- the generator -----------------------------------------------------------
    def run(self):
        threads = torch.get_num_threads()
        try:
            for rec in self._run_guarded():
                if rec.kind == "result":
                    self._close(rec)
                yield rec
        finally:
            torch.set_num_threads(threads)

    def _run_guarded(self):
        try:
            yield from self._run()
        except Fail as exc:
            yield self.result("failed", str(exc))
        except StudioError as exc:
            yield self.result("failed", str(exc))
        except Exception as exc:  # never a traceback out of run()
            if is_oom(exc):
                yield self.result("failed", self._oom_message())
            else:
                yield self.result("failed", f"training failed: {type(exc).__name__}: {first_line(exc)}")

    def result(self, status: str, message: str) -> ResultRecord:
        def s(p):
            return str(p) if p is not None and p.exists() else None
        return ResultRecord(status=status, message=message, epochs_done=self.epochs_done,
                            best_val_acc=self.best_val_acc, best_checkpoint=s(self.best_path),
                            last_checkpoint=s(self.last_path), run_dir=str(self.run_dir) if self.run_dir else None)

    def _close(self, rec: ResultRecord) -> None:
        """The run ended: the status record says how (every run, CLI or window)."""
        if self.layer_stats is not None:
            self.layer_stats.close()
        if self.run_dir is None or not self.dist.is_main or not self.run_dir.is_dir():
            return
        best = None if rec.best_val_acc is None else {"name": self.best_metric_name, "value": rec.best_val_acc}
        write_status(self.run_dir, status=rec.status, message=rec.message, epochs_done=rec.epochs_done,
                     best_val_acc=rec.best_val_acc, best_metric=best,
                     ended=time.strftime("%Y-%m-%dT%H:%M:%S"))

    @property
    def best_metric_name(self) -> str:
        b = getattr(self, "bundle", None)
        return "val_acc" if b is not None and dataset_len(b.val) else "train_acc"

    def _oom_message(self) -> str:
        bs = self.settings.batch_size
        where = self.device.type.upper() if self.device is not None else "the device"
        if self.device is not None and self.device.type == "cuda":
            torch.cuda.empty_cache()
        return (f"ran out of memory on {where} with batch size {bs}: try a smaller batch size "
                f"(e.g. --batch-size {max(1, bs // 2)}) or a smaller input resolution")

    # ---- setup --------------------------------------------------------------------
    def _load_data(self):
        if self.data is not None:
            return self.data
        try:
            from .data import DataSettings, load_data
        except ImportError as exc:
            raise Fail(f"the dataset code is not available ({first_line(exc)})") from None
        try:
            return load_data(DataSettings.from_dict(self.project.dataset or {}), self.project.input_shape)
        except StudioError:
            raise
        except Exception as exc:
            raise Fail(f"could not load the data: {type(exc).__name__}: {first_line(exc)}") from None

    def _setup(self):
        st = self.settings
        self.dist = dist_util.current()
        torch.manual_seed(st.seed)
        random.seed(st.seed)
        self.device, self.device_name = pick_device(st.device)
        if self.dist.enabled and self.device.type == "cuda":
            self.device = torch.device("cuda", torch.cuda.current_device())
            self.device_name = torch.cuda.get_device_name(self.device)
        if self.device.type == "cuda":
            torch.backends.cudnn.benchmark = True
        if self.device.type == "cpu":
            self.device_name = self._cpu_threads()
        bundle = self._load_data()
        self.bundle = bundle
        if bundle.num_classes != self.project.num_classes:
            raise Fail(f"the project has {self.project.num_classes} classes but the data has {bundle.num_classes} "
                        f"({', '.join(map(str, bundle.class_names[:6]))}{'…' if bundle.num_classes > 6 else ''}): "
                        f"set the number of classes to {bundle.num_classes} (--classes {bundle.num_classes})")
        self.project.class_names = list(bundle.class_names)
        used = getattr(bundle, "settings", None)
        if hasattr(used, "to_dict"):  # record the data actually trained on
            self.project.dataset = used.to_dict()
        if dataset_len(bundle.train) == 0:
            raise Fail("the training set is empty: check the data folder (one subfolder of images per class)")
        self.model = build_model(self.project)
        init_weights(self.model, self.init)
        # transfer learning: weights file by key and shape, frozen layers (studio.training.transfer)
        self.weights_report = transfer.prepare_model(self.model, st, self.weights, self.resume is not None)
        self.model = self.model.to(self.device)
        if st.channels_last:
            self.model = self.model.to(memory_format=torch.channels_last)
        self.amp_dtype, need_scaler = amp_setup(self.device, st.amp)
        self.scaler = torch.amp.GradScaler("cuda") if need_scaler else None
        if self.dist.enabled:
            from torch.nn.parallel import DistributedDataParallel as DDP
            ids = [self.device.index] if self.device.type == "cuda" else None
            self.net = DDP(self.model, device_ids=ids)
        else:
            self.net = self.model
        rank, world = self.dist.rank, self.dist.world_size
        if bundle.in_memory:
            x, y = as_tensors(bundle.train, self.device)
            self.batches = TensorBatches(x, y, st.batch_size, st.seed, rank, world)
            self.val_tensors = as_tensors(bundle.val, self.device) if dataset_len(bundle.val) else None
        else:
            self.batches = LoaderBatches(bundle.train, st.batch_size, st.seed, self.device,
                                         st.num_workers, rank, world)
            self.val_tensors = None
        self.augment = bundle.augment if getattr(bundle, "augments", False) else None
        self.aug_gen = torch.Generator().manual_seed(st.seed * 7919 + rank)
        self.optimizer = make_optimizer(self.model, st)
        self.scheduler = make_scheduler(self.optimizer, st, len(self.batches))
        self.start_epoch = 1
        if self.resume is not None:
            self._load_resume()
        if self.dist.is_main:
            from studio.paths import runs_dir
            self.run_dir = self.out_dir or default_run_dir(self.project, runs_dir())
            try:
                self.run_dir.mkdir(parents=True, exist_ok=True)
                save_project(self.project, self.run_dir / "project.cnnproj")
            except OSError as exc:
                raise Fail(f"cannot create the run folder {self.run_dir}: {exc.strerror or exc}") from None
            self.best_path, self.last_path = self.run_dir / "best.pt", self.run_dir / "last.pt"
            self._trim_metrics()
            trim_stats(self.run_dir / STATS_FILE, (self.start_epoch - 1) * len(self.batches))
            write_status(self.run_dir, status="running", message="", epochs=self.settings.epochs,
                         epochs_done=self.epochs_done, best_val_acc=self.best_val_acc, best_metric=None,
                         graph_version=graph_version(self.project), started=time.strftime("%Y-%m-%dT%H:%M:%S"),
                         ended=None)
            transfer.record(self.run_dir, self.weights_report, self.model, st)  # transfer: run.json

        if self.stats_every > 0:
            path = self.run_dir / STATS_FILE if self.run_dir is not None else None
            self.layer_stats = LayerStats(graph_layers(self.model, self.project.graph), path, self.stats_every)

    def _cpu_threads(self) -> str:
        """Small models run faster on one thread (no OpenMP barriers between tiny ops)."""
        n = self.settings.threads
        if n == 0:
            from studio.core.validate import validate
            macs = validate(self.project.graph, self.project.num_classes).macs
            n = 1 if macs * self.settings.batch_size < SMALL_MODEL_MACS else 0
        if n:
            torch.set_num_threads(n)
        n = torch.get_num_threads()
        return f"{self.device_name.split(' (')[0]} ({platform.machine() or 'cpu'}, {n} thread{'s' if n > 1 else ''})"

    def _load_resume(self):
        ckpt = load_checkpoint(self.resume)
        problem = weights_mismatch(self.model, ckpt["model"])
        if problem:
            raise Fail(f"{self.resume.name} does not fit this model ({problem}): resume with the "
                        "project the checkpoint was trained on")
        self.model.load_state_dict(ckpt["model"])
        if ckpt.get("optimizer"):
            try:
                self.optimizer.load_state_dict(ckpt["optimizer"])
            except (ValueError, KeyError):
                raise Fail(f"{self.resume.name} was trained with another optimiser setup: resume with "
                            f"--optimizer {ckpt.get('settings', {}).get('optimizer', '?')}") from None
        # The schedule is rebuilt for the (possibly longer) run and advanced past the finished epochs.
        for g in self.optimizer.param_groups:
            g["lr"] = self.settings.lr * g.get("lr_mult", 1.0)  # transfer: per-stage multipliers
            g.pop("initial_lr", None)
        self.scheduler = make_scheduler(self.optimizer, self.settings, len(self.batches))
        if self.scheduler is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # past the end of the run there is nothing to train (run_epochs says so): do not
                # step a one-cycle schedule beyond its total
                for _ in range(min(int(ckpt["epoch"]), self.settings.epochs) * len(self.batches)):
                    self.scheduler.step()
        if ckpt.get("scaler") and self.scaler is not None:
            self.scaler.load_state_dict(ckpt["scaler"])
        if isinstance(ckpt.get("rng"), torch.Tensor):
            torch.set_rng_state(ckpt["rng"])
        self.start_epoch = int(ckpt["epoch"]) + 1
        self.elapsed_offset = float((ckpt.get("metrics") or {}).get("elapsed_s") or 0.0)
        self.epochs_done = int(ckpt["epoch"])
        self.best_val_acc = ckpt.get("best_val_acc")

    def _trim_metrics(self):
        """On resume, drop metric lines of epochs that will be trained again."""
        from studio.runs.folder import METRICS_LIMIT, read_run_file, prepare_run_file

        path = self.run_dir / "metrics.jsonl"
        for name in ("metrics.jsonl", STATUS_FILE):
            prepare_run_file(self.run_dir / name)  # a link or a pipe planted there is removed, never followed
        raw = read_run_file(path, METRICS_LIMIT, None)
        if raw is None:
            return
        keep = []
        for line in raw.decode("utf-8", errors="replace").splitlines():
            try:
                if json.loads(line).get("epoch", 0) < self.start_epoch:
                    keep.append(line)
            except (ValueError, AttributeError):
                continue
        atomic_write_text(path, "".join(k + "\n" for k in keep))

    # ---- checkpoints ----------------------------------------------------------------
    def _state(self, epoch: int, complete: bool, step: int, metrics: dict | None) -> dict:
        b = self.bundle
        return {
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict() if self.scheduler is not None else None,
            "scaler": self.scaler.state_dict() if self.scaler is not None else None,
            "epoch": epoch, "complete": complete, "step": step,
            "metrics": metrics or {}, "best_val_acc": self.best_val_acc,
            "project": self.project.to_dict(), "class_names": list(b.class_names),
            "mean": [float(m) for m in b.mean], "std": [float(s) for s in b.std],
            "input_shape": list(self.project.input_shape or ()),
            "settings": self.settings.to_dict(), "seed": self.settings.seed,
            "rng": torch.get_rng_state(), "format": "cnn-studio-checkpoint", "version": 1,
        }

    def _save(self, path: Path, state: dict) -> None:
        if self.dist.is_main and path is not None:
            save_checkpoint(path, state)

    def save_state(self, path: Path | None, epoch: int, complete: bool, step: int, metrics: dict | None) -> None:
        """Write a checkpoint of the current state (main process only)."""
        self._save(path, self._state(epoch, complete, step, metrics))

    # ---- the loop -------------------------------------------------------------------
    def _run(self):
        self._setup()
        yield from run_epochs(self)
