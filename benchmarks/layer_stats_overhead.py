"""Layer-statistics overhead: engine samples/s with the default sampling vs with none.

    .venv/bin/python benchmarks/layer_stats_overhead.py [--rounds 3] [--epochs 3] [--template lenet5]

Both run in this process, alternating, on the same in-memory digits tensors, batch size and
thread count; only ``stats_every`` differs (the default, DEFAULT_EVERY, against 0 = off).
Prints both throughputs and the ratio with / without (target >= 0.95): by wall clock (the
engine's samples/s of the training steps) and by CPU time of the whole run (this process's CPU
seconds, which a busy machine does not distort).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch

from studio import templates
from studio.training.data import load_data, parse_data_arg
from studio.training.engine import Trainer
from studio.training.layer_stats import DEFAULT_EVERY
from studio.training.settings import TrainSettings


def engine(project, data, batch, epochs, seed, threads, every) -> tuple[float, int, float]:
    st = TrainSettings(epochs=epochs, batch_size=batch, lr=1e-3, scheduler="none", seed=seed, threads=threads)
    with tempfile.TemporaryDirectory() as d:
        c0 = time.process_time()
        recs = [r for r in Trainer(project, data, st, out_dir=Path(d), stats_every=every).run()
                if r.kind in ("epoch", "result", "layer_stats")]
        cpu = time.process_time() - c0
    if recs[-1].status != "finished":
        raise SystemExit(recs[-1].message)
    eps = [r for r in recs if r.kind == "epoch"]
    train_s = sum(len(data.train) / r.samples_per_s for r in eps)
    return len(eps) * len(data.train) / train_s, sum(r.kind == "layer_stats" for r in recs), \
        len(eps) * len(data.train) / cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--template", default="lenet5")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--every", type=int, default=DEFAULT_EVERY)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    project = templates.build_project(a.template)
    data = load_data(parse_data_arg("digits"), project.input_shape)
    engine(project, data, a.batch_size, 1, 0, a.threads, 0)  # warm up both paths once
    engine(project, data, a.batch_size, 1, 0, a.threads, a.every)
    on, off, con, coff, samples = [], [], [], [], 0
    for r in range(a.rounds):
        sps, samples, cps = engine(project, data, a.batch_size, a.epochs, r, a.threads, a.every)
        on.append(sps)
        con.append(cps)
        sps0, _n, cps0 = engine(project, data, a.batch_size, a.epochs, r, a.threads, 0)
        off.append(sps0)
        coff.append(cps0)
        print(f"round {r + 1}: with stats {on[-1]:,.0f} img/s ({con[-1]:,.0f} per CPU s), without "
              f"{off[-1]:,.0f} img/s ({coff[-1]:,.0f} per CPU s)", flush=True)
    w, wo = statistics.median(on), statistics.median(off)
    cw, cwo = statistics.median(con), statistics.median(coff)
    print(f"{a.template} on digits, batch {a.batch_size}, {a.threads} thread(s), {len(data.train)} train images, "
          f"{a.epochs} epochs, a sample every {a.every} steps ({samples} samples a run)")
    print(f"with layer stats    {w:,.0f} img/s (median of {a.rounds})")
    print(f"without layer stats {wo:,.0f} img/s (median of {a.rounds})")
    print(f"ratio with/without = {w / wo:.3f} by wall clock (target >= 0.95)")
    print(f"ratio with/without = {cw / cwo:.3f} by CPU time of the whole run (target >= 0.95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
