"""The epoch/step loop of the Trainer (kept apart from setup and checkpoint code)."""
from __future__ import annotations

import json
import math
import time

import torch
import torch.nn.functional as F

from . import distributed as dist_util
from .records import PROGRESS_INTERVAL_S, EpochRecord, ProgressRecord, StartRecord
from .runtime import autocast, dataset_len, val_batches, validate


def _nan_message(tr) -> str:
    lr = tr.settings.lr
    return (f"the loss became NaN/infinite in epoch {tr.epochs_done + 1}: the learning rate {lr:g} is most likely "
            f"too high for {tr.settings.optimizer.upper()}; try {lr / 10:g} (10× lower)")


def run_epochs(tr):
    from .engine import _Fail, _first_line, _is_oom

    st, dev, dist = tr.settings, tr.device, tr.dist
    batches = tr.batches
    n_batches = len(batches)
    channels_last = st.channels_last
    ls = st.label_smoothing
    ncls = tr.project.num_classes
    params = sum(p.numel() for p in tr.model.parameters())
    yield StartRecord(dev.type, tr.device_name, st.epochs, n_batches, dataset_len(tr.bundle.train),
                      dataset_len(tr.bundle.val), params, tr.amp_dtype is not None, tr.start_epoch,
                      str(tr.run_dir) if tr.run_dir else None, dist.world_size)
    if tr.start_epoch > st.epochs:
        yield tr._result("finished", f"nothing to do: the checkpoint already has {tr.epochs_done} epochs; "
                                     f"ask for more than {tr.epochs_done} epochs to continue")
        return
    t_run = time.perf_counter() - tr.elapsed_offset
    paused_s = 0.0
    step = (tr.start_epoch - 1) * n_batches
    tr.net.train()
    for epoch in range(tr.start_epoch, st.epochs + 1):
        sums = torch.zeros(3, dtype=torch.float64, device=dev)  # loss_sum, correct, count
        t_epoch = time.perf_counter()
        epoch_paused = 0.0
        last_emit = 0.0
        it = batches.epoch(epoch)
        b = 0
        stopped = False
        while True:
            # --- cooperative control between steps ---
            if tr._pause.is_set() and not tr._stop.is_set():
                t0 = time.perf_counter()
                while tr._pause.is_set() and not tr._stop.is_set():
                    time.sleep(0.05)
                epoch_paused += time.perf_counter() - t0
            stop = tr._stop.is_set()
            if dist.enabled:
                stop = dist_util.any_rank(stop, dev)
            if stop:
                stopped = True
                break
            try:
                batch = next(it, None)
            except Exception as exc:
                if _is_oom(exc):
                    raise
                raise _Fail(f"could not read a training batch (epoch {epoch}, batch {b + 1}): "
                            f"{type(exc).__name__}: {_first_line(exc)}; check the data files") from None
            if batch is None:
                break
            xb, yb, n_global = batch
            b += 1
            step += 1
            try:
                if tr.augment is not None:
                    xb = tr.augment(xb, tr.aug_gen)
                if channels_last and xb.dim() == 4:
                    xb = xb.contiguous(memory_format=torch.channels_last)
                with autocast(dev, tr.amp_dtype):
                    out = tr.net(xb)
                    loss = F.cross_entropy(out.float(), yb, label_smoothing=ls)
                scaled = loss * (len(yb) * dist.world_size / n_global) if dist.enabled else loss
                tr.optimizer.zero_grad(set_to_none=True)
                if tr.scaler is not None:
                    tr.scaler.scale(scaled).backward()
                    tr.scaler.step(tr.optimizer)
                    tr.scaler.update()
                else:
                    scaled.backward()
                    tr.optimizer.step()
            except Exception as exc:
                if _is_oom(exc):
                    raise
                shape = "×".join(map(str, xb.shape[1:]))
                raise _Fail(f"the model failed on a batch of {shape} images: {_first_line(exc)}") from None
            if tr.scheduler is not None:
                tr.scheduler.step()
            with torch.no_grad():
                sums[0] += loss.detach() * len(yb)
                sums[1] += (out.argmax(1) == yb).sum()
                sums[2] += len(yb)
            now = time.perf_counter()
            last = b == n_batches
            if dist.enabled:
                if dist_util.any_rank(not math.isfinite(loss.item()), dev):
                    raise _Fail(_nan_message(tr))
            if last or now - last_emit >= PROGRESS_INTERVAL_S:
                last_emit = now
                loss_sum, correct, count = sums.tolist()
                if not math.isfinite(loss_sum):
                    raise _Fail(_nan_message(tr))
                train_s = max(1e-9, now - t_epoch - epoch_paused)
                sps = count * dist.world_size / train_s
                left = (st.epochs - epoch) * n_batches + (n_batches - b)
                yield ProgressRecord(epoch, st.epochs, step, b, n_batches, loss_sum / count, correct / count,
                                     tr.optimizer.param_groups[0]["lr"], sps,
                                     now - t_run - paused_s - epoch_paused, left * train_s / b)
        paused_s += epoch_paused
        if stopped:
            partial = b > 0
            if partial:
                tr._save(tr.last_path, tr._state(epoch - 1, False, b, tr.history[-1].to_dict() if tr.history else None))
            where = f"in epoch {epoch} after {b} of {n_batches} batches" if partial else f"after epoch {epoch - 1}"
            if tr.last_path is None or not tr.last_path.exists():  # stopped before the first batch
                where, saved = "before the first batch", "nothing was trained and no checkpoint was written"
            else:
                saved = "last.pt holds the current weights"
            yield tr._result("stopped", f"stopped {where}; {saved}")
            return
        train_s = max(1e-9, time.perf_counter() - t_epoch - epoch_paused)
        loss_sum, correct, count = dist_util.all_sum(sums.tolist(), dev)
        if not math.isfinite(loss_sum):
            raise _Fail(_nan_message(tr))
        vb = val_batches(tr.bundle.val, tr.bundle.in_memory, dev, max(256, st.batch_size), dist.rank,
                         dist.world_size, tr.val_tensors)
        vloss, vcorrect, vtop5, vcount = dist_util.all_sum(
            validate(tr.model, vb, dev, tr.amp_dtype, channels_last, ncls), dev)
        rec = EpochRecord(epoch, st.epochs, loss_sum / count, correct / count,
                          vloss / vcount if vcount else None, vcorrect / vcount if vcount else None,
                          (vtop5 / vcount if vcount else None) if ncls > 5 else None,
                          tr.optimizer.param_groups[0]["lr"], count / train_s,
                          time.perf_counter() - t_run - paused_s)
        tr.history.append(rec)
        tr.epochs_done = epoch
        score = rec.val_acc if rec.val_acc is not None else rec.train_acc
        improved = tr.best_val_acc is None or score > tr.best_val_acc
        if improved:
            tr.best_val_acc = score
        if dist.is_main:
            state = tr._state(epoch, True, b, rec.to_dict())
            tr._save(tr.last_path, state)
            if improved:
                tr._save(tr.best_path, state)
            line = {k: rec.to_dict()[k] for k in ("epoch", "train_loss", "train_acc", "val_loss", "val_acc",
                                                   "val_top5", "lr", "samples_per_s", "elapsed_s")}
            with open(tr.run_dir / "metrics.jsonl", "a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")
        yield rec
    acc, n = tr.best_val_acc, tr.epochs_done
    done = f"trained {n} epoch{'s' if n != 1 else ''}"
    yield tr._result("finished", f"{done}; best validation accuracy {acc * 100:.2f}%" if acc is not None else done)
