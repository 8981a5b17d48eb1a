"""The epoch/step loop of the Trainer, as named steps that can be run (and tested) alone.

The loop talks to the Trainer through a small public interface (no private members):
``settings``, ``device``, ``dist``, ``net``/``model``, ``optimizer``, ``scheduler``, ``scaler``,
``batches``, ``bundle``, ``augment``/``aug_gen``, ``amp_dtype``, ``history``, ``epochs_done``,
``best_val_acc``, ``run_dir``, ``last_path``/``best_path``, ``layer_stats`` and the methods
``wait_while_paused()``, ``stop_requested``, ``result(status, message)``,
``save_state(path, epoch, complete, step, metrics)``.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from studio.core.jsonout import dumps_strict
from studio.core.userfile import open_append

from . import distributed as dist_util
from .faults import Fail, first_line, is_oom, nan_message
from .records import PROGRESS_INTERVAL_S, EpochRecord, ProgressRecord, StartRecord
from .transfer import unfreeze_for_epoch
from .runtime import autocast, dataset_len, val_batches, validate

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


def start_record(tr) -> StartRecord:
    st = tr.settings
    return StartRecord(device=tr.device.type, device_name=tr.device_name, epochs=st.epochs,
                       steps_per_epoch=len(tr.batches), num_train=dataset_len(tr.bundle.train),
                       num_val=dataset_len(tr.bundle.val), params=sum(p.numel() for p in tr.model.parameters()),
                       amp=tr.amp_dtype is not None, start_epoch=tr.start_epoch,
                       run_dir=str(tr.run_dir) if tr.run_dir else None, world_size=tr.dist.world_size)


def should_stop(tr) -> bool:
    stop = tr.stop_requested
    if tr.dist.enabled:
        stop = dist_util.any_rank(stop, tr.device)
    return stop


def next_batch(it, epoch: int, batch: int):
    """The next (x, y, n_global) batch or None at the end; unreadable data fails the run."""
    try:
        return next(it, None)
    except Exception as exc:
        if is_oom(exc):
            raise
        raise Fail(f"could not read a training batch (epoch {epoch}, batch {batch + 1}): "
                   f"{type(exc).__name__}: {first_line(exc)}; check the data files") from None


def train_step(tr, xb, yb, n_global: int, sample: bool = False):
    """Forward, backward and one optimiser step on a batch; returns (logits, loss)."""
    st, dev, dist = tr.settings, tr.device, tr.dist
    try:
        if tr.augment is not None:
            xb = tr.augment(xb, tr.aug_gen)
        if st.channels_last and xb.dim() == 4:
            xb = xb.contiguous(memory_format=torch.channels_last)
        with autocast(dev, tr.amp_dtype):
            out = tr.net(xb)
            loss = F.cross_entropy(out.float(), yb, label_smoothing=st.label_smoothing)
        scaled = loss * (len(yb) * dist.world_size / n_global) if dist.enabled else loss
        tr.optimizer.zero_grad(set_to_none=True)
        if tr.scaler is not None:
            tr.scaler.scale(scaled).backward()
            if sample:
                tr.layer_stats.after_backward(tr.scaler.get_scale())
            tr.scaler.step(tr.optimizer)
            tr.scaler.update()
        else:
            scaled.backward()
            if sample:
                tr.layer_stats.after_backward()
            tr.optimizer.step()
    except Exception as exc:
        if is_oom(exc):
            raise
        shape = "×".join(map(str, xb.shape[1:]))
        raise Fail(f"the model failed on a batch of {shape} images: {first_line(exc)}") from None
    if tr.scheduler is not None:
        tr.scheduler.step()
    return out, loss


def accumulate(es: EpochState, out, loss, yb) -> None:
    with torch.no_grad():
        es.sums[0] += loss.detach() * len(yb)
        es.sums[1] += (out.argmax(1) == yb).sum()
        es.sums[2] += len(yb)


def check_finite(tr, value: float) -> None:
    if not math.isfinite(value):
        raise Fail(nan_message(tr.epochs_done + 1, tr.settings.lr, tr.settings.optimizer))


def progress_record(tr, es: EpochState, step: int, now: float, clock: Clock) -> ProgressRecord:
    st, n_batches = tr.settings, len(tr.batches)
    loss_sum, correct, count = es.sums.tolist()
    check_finite(tr, loss_sum)
    train_s = es.train_seconds(now)
    left = (st.epochs - es.epoch) * n_batches + (n_batches - es.batch)
    return ProgressRecord(epoch=es.epoch, epochs=st.epochs, step=step, batch=es.batch, batches=n_batches,
                          loss=loss_sum / count, acc=correct / count, lr=tr.optimizer.param_groups[0]["lr"],
                          samples_per_s=count * tr.dist.world_size / train_s,
                          elapsed_s=clock.elapsed(now, es.paused_s), eta_s=left * train_s / es.batch)


def run_epoch_steps(tr, es: EpochState, step: int, clock: Clock):
    """Train one epoch batch by batch, yielding progress (and layer statistics when sampled);
    returns the global step count.

    Sets ``es.stopped`` when a stop was asked for (the epoch is then incomplete)."""
    n_batches = len(tr.batches)
    it = tr.batches.epoch(es.epoch)
    stats = tr.layer_stats
    while True:
        es.paused_s += tr.wait_while_paused()
        if should_stop(tr):
            es.stopped = True
            return step
        batch = next_batch(it, es.epoch, es.batch)
        if batch is None:
            return step
        xb, yb, n_global = batch
        es.batch += 1
        sample = stats is not None and stats.begin(step, es.epoch - 1 + (es.batch - 1) / n_batches)
        out, loss = train_step(tr, xb, yb, n_global, sample)
        step += 1
        if sample:
            yield stats.after_update()
        accumulate(es, out, loss, yb)
        if tr.dist.enabled and dist_util.any_rank(not math.isfinite(loss.item()), tr.device):
            check_finite(tr, float("nan"))
        now = time.perf_counter()
        if es.batch == n_batches or now - es.last_emit >= PROGRESS_INTERVAL_S:
            es.last_emit = now
            yield progress_record(tr, es, step, now, clock)


def stopped_result(tr, es: EpochState):
    n_batches = len(tr.batches)
    partial = es.batch > 0
    if partial:
        tr.save_state(tr.last_path, es.epoch - 1, False, es.batch,
                      tr.history[-1].to_dict() if tr.history else None)
    where = f"in epoch {es.epoch} after {es.batch} of {n_batches} batches" if partial else \
        f"after epoch {es.epoch - 1}"
    if tr.last_path is None or not tr.last_path.exists():  # stopped before the first batch
        where, saved = "before the first batch", "nothing was trained and no checkpoint was written"
    else:
        saved = "last.pt holds the current weights"
    return tr.result("stopped", f"stopped {where}; {saved}")


def epoch_record(tr, es: EpochState, clock: Clock) -> EpochRecord:
    """Validate and summarise a finished epoch."""
    st, dev, dist = tr.settings, tr.device, tr.dist
    train_s = es.train_seconds(time.perf_counter())
    loss_sum, correct, count = dist_util.all_sum(es.sums.tolist(), dev)
    check_finite(tr, loss_sum)
    ncls = tr.project.num_classes
    vb = val_batches(tr.bundle.val, tr.bundle.in_memory, dev, max(256, st.batch_size), dist.rank,
                     dist.world_size, tr.val_tensors)
    vloss, vcorrect, vtop5, vcount = dist_util.all_sum(
        validate(tr.model, vb, dev, tr.amp_dtype, st.channels_last, ncls), dev)
    return EpochRecord(epoch=es.epoch, epochs=st.epochs, train_loss=loss_sum / count, train_acc=correct / count,
                       val_loss=vloss / vcount if vcount else None, val_acc=vcorrect / vcount if vcount else None,
                       val_top5=(vtop5 / vcount if vcount else None) if ncls > 5 else None,
                       lr=tr.optimizer.param_groups[0]["lr"], samples_per_s=count / train_s,
                       elapsed_s=clock.elapsed(time.perf_counter()))


def record_epoch(tr, rec: EpochRecord, batches_done: int) -> None:
    """Remember the epoch, keep the best score, write the checkpoints and the metrics line."""
    tr.history.append(rec)
    tr.epochs_done = rec.epoch
    score = rec.val_acc if rec.val_acc is not None else rec.train_acc
    improved = tr.best_val_acc is None or score > tr.best_val_acc
    if improved:
        tr.best_val_acc = score
    if not tr.dist.is_main:
        return
    tr.save_state(tr.last_path, rec.epoch, True, batches_done, rec.to_dict())
    if improved:
        tr.save_state(tr.best_path, rec.epoch, True, batches_done, rec.to_dict())
    line = {k: rec.to_dict()[k] for k in METRIC_KEYS}
    with open_append(tr.run_dir / "metrics.jsonl", what="metrics log") as f:  # never through a link
        f.write(dumps_strict(line) + "\n")


def finished_message(tr) -> str:
    acc, n = tr.best_val_acc, tr.epochs_done
    done = f"trained {n} epoch{'s' if n != 1 else ''}"
    return f"{done}; best validation accuracy {acc * 100:.2f}%" if acc is not None else done


def run_epochs(tr):
    """The whole loop: a start record, then per epoch progress and an epoch record, then a result."""
    st = tr.settings
    yield start_record(tr)
    if tr.start_epoch > st.epochs:
        yield tr.result("finished", f"nothing to do: the checkpoint already has {tr.epochs_done} epochs; "
                                    f"ask for more than {tr.epochs_done} epochs to continue")
        return
    clock = Clock(time.perf_counter() - tr.elapsed_offset)
    step = (tr.start_epoch - 1) * len(tr.batches)
    tr.net.train()
    for epoch in range(tr.start_epoch, st.epochs + 1):
        unfreeze_for_epoch(tr.model, st, epoch)  # transfer: the fine-tune schedule
        es = EpochState(epoch, time.perf_counter(), torch.zeros(3, dtype=torch.float64, device=tr.device))
        step = yield from run_epoch_steps(tr, es, step, clock)
        clock.paused_s += es.paused_s
        if es.stopped:
            yield stopped_result(tr, es)
            return
        rec = epoch_record(tr, es, clock)
        record_epoch(tr, rec, es.batch)
        yield rec
    yield tr.result("finished", finished_message(tr))
