"""The training engine: a generator that yields records and stops cooperatively.

    trainer = Trainer(project, data, settings, out_dir)
    for rec in trainer.run():          # StartRecord, ProgressRecord..., EpochRecord..., ResultRecord
        ...
    trainer.request_stop()             # from any thread; honoured between steps

Faults (NaN loss, out of memory, unreadable data, a graph that does not compile) never raise
out of ``run()``: it ends with ``ResultRecord(status="failed", message=..., error=...)``, the
error worded by ``faults.failure`` (a StudioError naming its field; see studio.core.errors).

The Trainer owns the controls, the setup and the checkpoints; every attribute is set in its
constructor. ``_setup`` builds the run's ``RunParts`` (device, data, model, optimiser...) in
one piece (``_build_model`` is where the model and its initial weights come from);
``TrainingLoop`` (loop.py) runs the epochs over them and accumulates into ``RunState``. A stop in
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
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.project import Project, save_project
from studio.core.userfile import atomic_write_text
from studio.runs import STATUS_FILE, graph_version, new_run_dir, write_status

from . import distributed as dist_util
from . import transfer
from .checkpoint import build_model, load_checkpoint, save_checkpoint, weights_mismatch
from .ckpt_meta import best_score
from .faults import Fail, failure, first_line, is_oom
from .layer_stats import DEFAULT_EVERY, STATS_FILE, LayerStats, graph_layers, trim_stats
from .loop import TrainingLoop
from .records import PROGRESS_INTERVAL_S, EpochRecord, ProgressRecord, ResultRecord, StartRecord  # noqa: F401
from .runtime import LoaderBatches, TensorBatches, amp_setup, as_tensors, dataset_len, pick_device
from .optim import make_optimizer, make_scheduler
from .settings import TrainSettings
from .state import RunParts, RunState
from .weight_init import init_weights

SMALL_MODEL_MACS = 200e6  # forward MACs per batch below which the CPU uses one thread


def default_run_dir(project: Project, base: Path) -> Path:
    """A new run folder under ``base`` named after the project (see studio.runs)."""
    return new_run_dir(project.name or project.template or "project", base)


class Trainer:
    """One training run. Every attribute is set here; ``_setup`` fills ``parts`` in one piece."""

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
        self.best_path: Path | None = None
        self.last_path: Path | None = None
        self.device: torch.device | None = None  # known before the rest of the setup (OOM messages)
        self.parts: RunParts | None = None  # device, data, model, optimiser...: set by _setup
        self.state = RunState()  # history, epochs done, best accuracy (and its split)
        self.loop: TrainingLoop | None = None
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._pause_wake = threading.Event()
        self.pause_reached = threading.Event()  # set while the loop waits in a pause
        self.stats_every = stats_every  # layer statistics every N steps (0: none)
        self.init = init  # weight initialisation scheme (None: PyTorch's default)
        self.dist = dist_util.DistInfo()
        self.weights = weights  # transfer: a weights file or its tensors (None: the settings' file)
        self.weights_report = None  # transfer: what loading the weights file did

    # ---- what the run has done -----------------------------------------------------
    @property
    def history(self) -> list[EpochRecord]:
        return self.state.history

    @property
    def epochs_done(self) -> int:
        return self.state.epochs_done

    @property
    def model(self):
        return self.parts.model if self.parts is not None else None

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

    def _run(self):
        self.parts = self._setup()
        self.loop = TrainingLoop(self, self.parts, self.state, self.settings, self.project.num_classes)
        yield from self.loop.run()

    def _run_guarded(self):
        try:
            yield from self._run()
        except Exception as exc:  # never a traceback out of run(): faults.failure words it
            if is_oom(exc) and self.device is not None and self.device.type == "cuda":
                torch.cuda.empty_cache()
            where = self.device.type.upper() if self.device is not None else "the device"
            error = failure(exc, self.settings.batch_size, where)
            yield self.result("failed", str(error), error)

    def result(self, status: str, message: str, error: StudioError | None = None) -> ResultRecord:
        def s(p):
            return str(p) if p is not None and p.exists() else None
        return ResultRecord(status=status, message=message, epochs_done=self.state.epochs_done,
                            best_acc=self.state.best_acc, best_acc_split=self.state.best_acc_split,
                            best_checkpoint=s(self.best_path), last_checkpoint=s(self.last_path),
                            run_dir=str(self.run_dir) if self.run_dir else None, error=error)

    def _close(self, rec: ResultRecord) -> None:
        """The run ended: the status record says how (every run, CLI or window)."""
        if self.parts is not None and self.parts.layer_stats is not None:
            self.parts.layer_stats.close()
        if self.run_dir is None or not self.dist.is_main or not self.run_dir.is_dir():
            return
        write_status(self.run_dir, status=rec.status, message=rec.message, epochs_done=rec.epochs_done,
                     best_acc=rec.best_acc, best_acc_split=rec.best_acc_split,
                     ended=time.strftime("%Y-%m-%dT%H:%M:%S"))

    # ---- setup --------------------------------------------------------------------
    def _load_data(self):
        if self.data is not None:
            return self.data
        try:
            from .data import DataSettings, load_data
        except ImportError as exc:
            raise Fail(QT_TRANSLATE_NOOP("Errors", "the dataset code is not available ({text})"),
                       args={"text": first_line(exc)}) from None
        try:
            return load_data(DataSettings.from_dict(self.project.dataset or {}), self.project.input_shape)
        except StudioError:
            raise
        except Exception as exc:
            raise Fail(QT_TRANSLATE_NOOP("Errors", "could not load the data: {kind}: {text}"),
                       args={"kind": type(exc).__name__, "text": first_line(exc)}) from None

    def _check_data(self, bundle) -> None:
        """The data fits the project (class count, a training set); the project records it."""
        n = bundle.num_classes
        if n != self.project.num_classes:
            names = f"{', '.join(map(str, bundle.class_names[:6]))}{'…' if n > 6 else ''}"
            raise Fail(QT_TRANSLATE_NOOP("Errors", "the project has {classes} classes but the data has {n} ({names})"),
                       field="num_classes", hint="set", value=n,
                       args={"classes": self.project.num_classes, "n": n, "names": names})
        self.project.class_names = list(bundle.class_names)
        used = getattr(bundle, "settings", None)
        if hasattr(used, "to_dict"):  # record the data actually trained on
            self.project.dataset = used.to_dict()
        if dataset_len(bundle.train) == 0:
            raise Fail(QT_TRANSLATE_NOOP(
                "Errors", "the training set is empty: check the data folder (one subfolder of images per class)"))

    def _pick_device(self) -> tuple[torch.device, str]:
        device, name = pick_device(self.settings.device)
        if self.dist.enabled and device.type == "cuda":
            device = torch.device("cuda", torch.cuda.current_device())
            name = torch.cuda.get_device_name(device)
        if device.type == "cuda":
            torch.backends.cudnn.benchmark = True
        self.device = device
        if device.type == "cpu":
            name = self._cpu_threads(name)
        return device, name

    def _build_model(self, device: torch.device) -> torch.nn.Module:
        """The project's model with its initial weights, on the device."""
        model = build_model(self.project)
        init_weights(model, self.init)
        # transfer learning: weights file by key and shape, frozen layers (studio.training.transfer)
        self.weights_report = transfer.prepare_model(model, self.settings, self.weights, self.resume is not None)
        model = model.to(device)
        if self.settings.channels_last:
            model = model.to(memory_format=torch.channels_last)
        return model

    def _setup(self) -> RunParts:
        st = self.settings
        self.dist = dist_util.current()
        torch.manual_seed(st.seed)
        random.seed(st.seed)
        device, device_name = self._pick_device()
        bundle = self._load_data()
        self._check_data(bundle)
        model = self._build_model(device)
        amp_dtype, need_scaler = amp_setup(device, st.amp)
        net = model
        if self.dist.enabled:
            from torch.nn.parallel import DistributedDataParallel as DDP
            net = DDP(model, device_ids=[device.index] if device.type == "cuda" else None)
        rank, world = self.dist.rank, self.dist.world_size
        if bundle.in_memory:
            x, y = as_tensors(bundle.train, device)
            batches = TensorBatches(x, y, st.batch_size, st.seed, rank, world)
            val_tensors = as_tensors(bundle.val, device) if dataset_len(bundle.val) else None
        else:
            batches = LoaderBatches(bundle.train, st.batch_size, st.seed, device, st.num_workers, rank, world)
            val_tensors = None
        optimizer = make_optimizer(model, st)
        parts = RunParts(device=device, device_name=device_name, bundle=bundle, model=model, net=net,
                         optimizer=optimizer, scheduler=make_scheduler(optimizer, st, len(batches)),
                         scaler=torch.amp.GradScaler("cuda") if need_scaler else None, amp_dtype=amp_dtype,
                         batches=batches, val_tensors=val_tensors,
                         augment=bundle.augment if getattr(bundle, "augments", False) else None,
                         aug_gen=torch.Generator().manual_seed(st.seed * 7919 + rank))
        if self.resume is not None:
            self._load_resume(parts)
        if self.dist.is_main:
            self._open_run_dir(len(batches), model)
        if self.stats_every > 0:
            path = self.run_dir / STATS_FILE if self.run_dir is not None else None
            parts.layer_stats = LayerStats(graph_layers(model, self.project.graph), path, self.stats_every)
        return parts

    def _open_run_dir(self, steps_per_epoch: int, model: torch.nn.Module) -> None:
        from studio.paths import runs_dir
        self.run_dir = self.out_dir or default_run_dir(self.project, runs_dir())
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            save_project(self.project, self.run_dir / "project.cnnproj")
        except OSError as exc:
            raise Fail(QT_TRANSLATE_NOOP("Errors", "cannot create the run folder {folder}: {reason}"),
                       args={"folder": self.run_dir, "reason": exc.strerror or exc}) from None
        self.best_path, self.last_path = self.run_dir / "best.pt", self.run_dir / "last.pt"
        self._trim_metrics()
        trim_stats(self.run_dir / STATS_FILE, (self.state.start_epoch - 1) * steps_per_epoch)
        write_status(self.run_dir, status="running", message="", epochs=self.settings.epochs,
                     epochs_done=self.state.epochs_done, best_acc=self.state.best_acc,
                     best_acc_split=self.state.best_acc_split, graph_version=graph_version(self.project),
                     started=time.strftime("%Y-%m-%dT%H:%M:%S"), ended=None,
                     grad_clip=self.settings.grad_clip)  # the largest gradient norm a step applies (0: off)
        transfer.record(self.run_dir, self.weights_report, model, self.settings)  # transfer: run.json

    def _cpu_threads(self, device_name: str) -> str:
        """Small models run faster on one thread (no OpenMP barriers between tiny ops)."""
        n = self.settings.threads
        if n == 0:
            from studio.core.validate import validate
            macs = validate(self.project.graph, self.project.num_classes).macs
            n = 1 if macs * self.settings.batch_size < SMALL_MODEL_MACS else 0
        if n:
            torch.set_num_threads(n)
        n = torch.get_num_threads()
        return f"{device_name.split(' (')[0]} ({platform.machine() or 'cpu'}, {n} thread{'s' if n > 1 else ''})"

    def _load_resume(self, p: RunParts) -> None:
        """Weights, optimiser, schedule, RNG and the run's state from the checkpoint to resume."""
        ckpt = load_checkpoint(self.resume)
        problem = weights_mismatch(p.model, ckpt["model"])
        if problem:
            raise Fail(QT_TRANSLATE_NOOP("Errors", "{file} does not fit this model ({problem}): resume with the "
                                         "project the checkpoint was trained on"),
                       args={"file": self.resume.name, "problem": problem})
        p.model.load_state_dict(ckpt["model"])
        if ckpt.get("optimizer"):
            try:
                p.optimizer.load_state_dict(ckpt["optimizer"])
            except (ValueError, KeyError):
                raise Fail(QT_TRANSLATE_NOOP("Errors", "{file} was trained with another optimiser setup"),
                           args={"file": self.resume.name}, field="training.optimizer", hint="set",
                           value=(ckpt.get("settings") or {}).get("optimizer", "?")) from None
        # The schedule is rebuilt for the (possibly longer) run and advanced past the finished epochs.
        for g in p.optimizer.param_groups:
            g["lr"] = self.settings.lr * g.get("lr_mult", 1.0)  # transfer: per-stage multipliers
            g.pop("initial_lr", None)
        p.scheduler = make_scheduler(p.optimizer, self.settings, len(p.batches))
        if p.scheduler is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # past the end of the run there is nothing to train (the loop says so): do not
                # step a one-cycle schedule beyond its total
                for _ in range(min(int(ckpt["epoch"]), self.settings.epochs) * len(p.batches)):
                    p.scheduler.step()
        if ckpt.get("scaler") and p.scaler is not None:
            p.scaler.load_state_dict(ckpt["scaler"])
        if isinstance(ckpt.get("rng"), torch.Tensor):
            torch.set_rng_state(ckpt["rng"])
        st = self.state
        st.start_epoch = int(ckpt["epoch"]) + 1
        st.elapsed_offset = float((ckpt.get("metrics") or {}).get("elapsed_s") or 0.0)
        st.epochs_done = int(ckpt["epoch"])
        st.best_acc, st.best_acc_split = best_score(ckpt)

    def _trim_metrics(self):
        """On resume, drop metric lines of epochs that will be trained again."""
        from studio.runs.folder import METRICS_LIMIT, prepare_run_file, read_run_file

        path = self.run_dir / "metrics.jsonl"
        for name in ("metrics.jsonl", STATUS_FILE):
            prepare_run_file(self.run_dir / name)  # a link or a pipe planted there is removed, never followed
        raw = read_run_file(path, METRICS_LIMIT, None)
        if raw is None:
            return
        keep = []
        for line in raw.decode("utf-8", errors="replace").splitlines():
            try:
                if json.loads(line).get("epoch", 0) < self.state.start_epoch:
                    keep.append(line)
            except (ValueError, AttributeError):
                continue
        atomic_write_text(path, "".join(k + "\n" for k in keep))

    # ---- checkpoints ----------------------------------------------------------------
    def _state(self, epoch: int, complete: bool, step: int, metrics: dict | None) -> dict:
        p = self.parts
        b = p.bundle
        return {
            "model": p.model.state_dict(),
            "optimizer": p.optimizer.state_dict(),
            "scheduler": p.scheduler.state_dict() if p.scheduler is not None else None,
            "scaler": p.scaler.state_dict() if p.scaler is not None else None,
            "epoch": epoch, "complete": complete, "step": step, "metrics": metrics or {},
            "best_acc": self.state.best_acc, "best_acc_split": self.state.best_acc_split,
            "project": self.project.to_dict(), "class_names": list(b.class_names),
            "mean": [float(m) for m in b.mean], "std": [float(s) for s in b.std],
            "input_shape": list(self.project.input_shape or ()),
            "settings": self.settings.to_dict(), "seed": self.settings.seed,
            "rng": torch.get_rng_state(), "format": "cnn-studio-checkpoint", "version": 1,
        }

    def save_state(self, path: Path | None, epoch: int, complete: bool, step: int, metrics: dict | None) -> None:
        """Write a checkpoint of the current state (main process only)."""
        if self.dist.is_main and path is not None:
            save_checkpoint(path, self._state(epoch, complete, step, metrics))
