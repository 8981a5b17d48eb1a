"""The epoch/step loop of a run: :class:`TrainingLoop`, over explicit, typed state.

The loop reads what the setup built (:class:`~studio.training.state.RunParts`), accumulates into
the run's :class:`~studio.training.state.RunState` and talks back to its Trainer through four
calls only: ``wait_while_paused()``, ``stop_requested``, ``result(status, message)`` and
``save_state(path, epoch, complete, step, metrics)``.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.jsonout import dumps_strict
from studio.core.userfile import open_append

from . import distributed as dist_util
from .faults import Fail, first_line, is_oom, nan_error
from .records import PROGRESS_INTERVAL_S, EpochRecord, ProgressRecord, ResultRecord, StartRecord
from .runtime import autocast, dataset_len, val_batches, validate
from .settings import TrainSettings
from .state import RunParts, RunState
from .transfer import unfreeze_for_epoch

if TYPE_CHECKING:
    from .engine import Trainer

METRIC_KEYS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "val_top5", "lr", "samples_per_s",
               "elapsed_s")


@dataclass
class Clock:
    """Wall time of the run without the time spent paused."""
    t_run: float
    paused_s: float = 0.0

    def elapsed(self, now: float, extra_paused: float = 0.0) -> float:
        return now - self.t_run - self.paused_s - extra_paused


@dataclass
class EpochState:
    """What one epoch has accumulated so far."""
    epoch: int
    t_start: float
    sums: torch.Tensor  # loss_sum, correct, count
    batch: int = 0
    paused_s: float = 0.0
    last_emit: float = 0.0
    stopped: bool = False

    def train_seconds(self, now: float) -> float:
        return max(1e-9, now - self.t_start - self.paused_s)


def next_batch(it, epoch: int, batch: int):
    """The next (x, y, n_global) batch or None at the end; unreadable data fails the run."""
    try:
        return next(it, None)
    except Exception as exc:
        if is_oom(exc):
            raise
        raise Fail(QT_TRANSLATE_NOOP("Errors", "could not read a training batch (epoch {epoch}, batch {batch}): "
                                     "{kind}: {text}; check the data files"),
                   args={"epoch": epoch, "batch": batch + 1, "kind": type(exc).__name__, "text": first_line(exc)}) from None


def accumulate(es: EpochState, out, loss, yb) -> None:
    with torch.no_grad():
        es.sums[0] += loss.detach() * len(yb)
        es.sums[1] += (out.argmax(1) == yb).sum()
        es.sums[2] += len(yb)


class TrainingLoop:
    """One run's epochs: ``run()`` yields a start record, per epoch progress (and layer
    statistics) and an epoch record, then a result record; a stop ends it between two steps."""

    def __init__(self, trainer: "Trainer", parts: RunParts, state: RunState, settings: TrainSettings,
                 num_classes: int):
        self.trainer = trainer
        self.parts = parts
        self.state = state
        self.settings = settings
        self.num_classes = num_classes
        self.dist = trainer.dist
        self.run_dir: Path | None = trainer.run_dir
        self.n_batches = len(parts.batches)
        self.clock = Clock(time.perf_counter() - state.elapsed_offset)
        self.step = (state.start_epoch - 1) * self.n_batches  # optimiser steps taken so far

    # ---- the whole loop ------------------------------------------------------------
    def run(self):
        st, state, p = self.settings, self.state, self.parts
        yield self.start_record()
        if state.start_epoch > st.epochs:
            yield self.trainer.result("finished", f"nothing to do: the checkpoint already has {state.epochs_done} "
                                                  f"epochs; ask for more than {state.epochs_done} epochs to continue")
            return
        self.clock = Clock(time.perf_counter() - state.elapsed_offset)
        p.net.train()
        for epoch in range(state.start_epoch, st.epochs + 1):
            unfreeze_for_epoch(p.model, st, epoch)  # transfer: the fine-tune schedule
            es = EpochState(epoch, time.perf_counter(), torch.zeros(3, dtype=torch.float64, device=p.device))
            yield from self.run_epoch(es)
            self.clock.paused_s += es.paused_s
            if es.stopped:
                yield self.stopped_result(es)
                return
            rec = self.epoch_record(es)
            self.record_epoch(rec, es.batch)
            yield rec
        yield self.trainer.result("finished", self.finished_message())

    def start_record(self) -> StartRecord:
        p, st = self.parts, self.settings
        return StartRecord(device=p.device.type, device_name=p.device_name, epochs=st.epochs,
                           steps_per_epoch=self.n_batches, num_train=dataset_len(p.bundle.train),
                           num_val=dataset_len(p.bundle.val), params=sum(t.numel() for t in p.model.parameters()),
                           amp=p.amp_dtype is not None, start_epoch=self.state.start_epoch,
                           run_dir=str(self.run_dir) if self.run_dir else None, world_size=self.dist.world_size)

    # ---- one epoch ------------------------------------------------------------------
    def should_stop(self) -> bool:
        stop = self.trainer.stop_requested
        if self.dist.enabled:
            stop = dist_util.any_rank(stop, self.parts.device)
        return stop

    def run_epoch(self, es: EpochState):
        """Train one epoch batch by batch, yielding progress (and layer statistics when sampled).

        Sets ``es.stopped`` when a stop was asked for (the epoch is then incomplete)."""
        it = self.parts.batches.epoch(es.epoch)
        stats = self.parts.layer_stats
        while True:
            es.paused_s += self.trainer.wait_while_paused()
            if self.should_stop():
                es.stopped = True
                return
            batch = next_batch(it, es.epoch, es.batch)
            if batch is None:
                return
            xb, yb, n_global = batch
            es.batch += 1
            sample = stats is not None and stats.begin(self.step, es.epoch - 1 + (es.batch - 1) / self.n_batches)
            out, loss = self.train_step(xb, yb, n_global, sample)
            self.step += 1
            if sample:
                yield stats.after_update()
            accumulate(es, out, loss, yb)
            if self.dist.enabled and dist_util.any_rank(not math.isfinite(loss.item()), self.parts.device):
                self.check_finite(float("nan"))
            now = time.perf_counter()
            if es.batch == self.n_batches or now - es.last_emit >= PROGRESS_INTERVAL_S:
                es.last_emit = now
                yield self.progress_record(es, now)

    def train_step(self, xb, yb, n_global: int, sample: bool = False):
        """Forward, backward and one optimiser step on a batch; returns (logits, loss)."""
        st, p, dist = self.settings, self.parts, self.dist
        try:
            if p.augment is not None:
                xb = p.augment(xb, p.aug_gen)
            if st.channels_last and xb.dim() == 4:
                xb = xb.contiguous(memory_format=torch.channels_last)
            with autocast(p.device, p.amp_dtype):
                out = p.net(xb)
                loss = F.cross_entropy(out.float(), yb, label_smoothing=st.label_smoothing)
            scaled = loss * (len(yb) * dist.world_size / n_global) if dist.enabled else loss
            p.optimizer.zero_grad(set_to_none=True)
            if p.scaler is not None:
                p.scaler.scale(scaled).backward()
                if sample:
                    p.layer_stats.after_backward(p.scaler.get_scale())
                if st.grad_clip > 0:
                    p.scaler.unscale_(p.optimizer)  # clip the true gradients, not the scaled ones
                    self.clip_gradients()
                p.scaler.step(p.optimizer)
                p.scaler.update()
            else:
                scaled.backward()
                if sample:
                    p.layer_stats.after_backward()
                if st.grad_clip > 0:
                    self.clip_gradients()
                p.optimizer.step()
        except Exception as exc:
            if is_oom(exc):
                raise
            shape = "×".join(map(str, xb.shape[1:]))
            raise Fail(QT_TRANSLATE_NOOP("Errors", "the model failed on a batch of {shape} images: {text}"),
                       args={"shape": shape, "text": first_line(exc)}) from None
        if p.scheduler is not None:
            p.scheduler.step()
        return out, loss

    def clip_gradients(self) -> None:
        """``grad_clip``: scale all gradients together so that their global L2 norm is at most the
        setting (the direction is kept; the layer statistics record the gradients before clipping)."""
        torch.nn.utils.clip_grad_norm_(self.parts.model.parameters(), self.settings.grad_clip)

    def check_finite(self, value: float) -> None:
        if not math.isfinite(value):
            st = self.settings
            raise nan_error(self.state.epochs_done + 1, st.lr, st.optimizer)

    def current_lr(self) -> float:
        return self.parts.optimizer.param_groups[0]["lr"]

    def progress_record(self, es: EpochState, now: float) -> ProgressRecord:
        st, n = self.settings, self.n_batches
        loss_sum, correct, count = es.sums.tolist()
        self.check_finite(loss_sum)
        train_s = es.train_seconds(now)
        left = (st.epochs - es.epoch) * n + (n - es.batch)
        return ProgressRecord(epoch=es.epoch, epochs=st.epochs, step=self.step, batch=es.batch, batches=n,
                              loss=loss_sum / count, acc=correct / count, lr=self.current_lr(),
                              samples_per_s=count * self.dist.world_size / train_s,
                              elapsed_s=self.clock.elapsed(now, es.paused_s), eta_s=left * train_s / es.batch)

    # ---- the end of an epoch, of the run --------------------------------------------
    def epoch_record(self, es: EpochState) -> EpochRecord:
        """Validate and summarise a finished epoch."""
        st, p, dist = self.settings, self.parts, self.dist
        train_s = es.train_seconds(time.perf_counter())
        loss_sum, correct, count = dist_util.all_sum(es.sums.tolist(), p.device)
        self.check_finite(loss_sum)
        ncls = self.num_classes
        vb = val_batches(p.bundle.val, p.bundle.in_memory, p.device, max(256, st.batch_size), dist.rank,
                         dist.world_size, p.val_tensors)
        vloss, vcorrect, vtop5, vcount = dist_util.all_sum(
            validate(p.model, vb, p.device, p.amp_dtype, st.channels_last, ncls), p.device)
        return EpochRecord(epoch=es.epoch, epochs=st.epochs, train_loss=loss_sum / count,
                           train_acc=correct / count, val_loss=vloss / vcount if vcount else None,
                           val_acc=vcorrect / vcount if vcount else None,
                           val_top5=(vtop5 / vcount if vcount else None) if ncls > 5 else None,
                           lr=self.current_lr(), samples_per_s=count / train_s,
                           elapsed_s=self.clock.elapsed(time.perf_counter()))

    def record_epoch(self, rec: EpochRecord, batches_done: int) -> None:
        """Remember the epoch, keep the best score, write the checkpoints and the metrics line."""
        improved = self.state.offer(rec)
        if not self.dist.is_main:
            return
        tr = self.trainer
        tr.save_state(tr.last_path, rec.epoch, True, batches_done, rec.to_dict())
        if improved:
            tr.save_state(tr.best_path, rec.epoch, True, batches_done, rec.to_dict())
        line = {k: rec.to_dict()[k] for k in METRIC_KEYS}
        with open_append(self.run_dir / "metrics.jsonl", what="metrics log") as f:  # never through a link
            f.write(dumps_strict(line) + "\n")

    def stopped_result(self, es: EpochState) -> ResultRecord:
        tr, history = self.trainer, self.state.history
        partial = es.batch > 0
        if partial:
            tr.save_state(tr.last_path, es.epoch - 1, False, es.batch, history[-1].to_dict() if history else None)
        where = f"in epoch {es.epoch} after {es.batch} of {self.n_batches} batches" if partial else \
            f"after epoch {es.epoch - 1}"
        if tr.last_path is None or not tr.last_path.exists():  # stopped before the first batch
            where, saved = "before the first batch", "nothing was trained and no checkpoint was written"
        else:
            saved = "last.pt holds the current weights"
        return tr.result("stopped", f"stopped {where}; {saved}")

    def finished_message(self) -> str:
        s = self.state
        n = s.epochs_done
        done = f"trained {n} epoch{'s' if n != 1 else ''}"
        if s.best_acc is None:
            return done
        which = "validation" if s.best_acc_split == "val" else "training (no validation split)"
        return f"{done}; best {which} accuracy {s.best_acc * 100:.2f}%"
