"""Engine overhead: Trainer samples/s vs a minimal hand-written PyTorch loop, same model/data/batch.

    .venv/bin/python benchmarks/train_overhead.py [--rounds 3] [--epochs 4] [--template lenet5]

Both run in this process, alternating, on the same in-memory digits tensors with Adam and the same
batch size and thread count; the engine's figure counts training steps only (not validation).
Prints both throughputs and the ratio engine / hand loop (target >= 0.95).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch
import torch.nn.functional as F

from studio import templates
from studio.training.checkpoint import build_model
from studio.training.data import load_data, parse_data_arg
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings


def hand_loop(project, x, y, batch, epochs, seed) -> float:
    torch.manual_seed(seed)
    model = build_model(project)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    n = seen = 0
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(len(x))
        for i in range(0, len(x), batch):
            idx = perm[i:i + batch]
            xb, yb = x[idx], y[idx]
            loss = F.cross_entropy(model(xb), yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            seen += len(idx)
        n += 1
    return seen / (time.perf_counter() - t0)


def engine(project, data, batch, epochs, seed, threads) -> float:
    st = TrainSettings(epochs=epochs, batch_size=batch, lr=1e-3, scheduler="none", seed=seed, threads=threads)
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        recs = [r for r in Trainer(project, data, st, out_dir=Path(d)).run() if r.kind in ("epoch", "result")]
    if recs[-1].status != "finished":
        raise SystemExit(recs[-1].message)
    eps = [r for r in recs if r.kind == "epoch"]
    train_s = sum(len(data.train) / r.samples_per_s for r in eps)
    return len(eps) * len(data.train) / train_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--template", default="lenet5")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    project = templates.build_project(a.template)
    data = load_data(parse_data_arg("digits"), project.input_shape)
    x, y = data.train.tensors[0].float(), data.train.tensors[1].long()
    hand_loop(project, x, y, a.batch_size, 1, 0)  # warm up both paths once
    engine(project, data, a.batch_size, 1, 0, a.threads)
    eng, ref = [], []
    for r in range(a.rounds):
        eng.append(engine(project, data, a.batch_size, a.epochs, r, a.threads))
        ref.append(hand_loop(project, x, y, a.batch_size, a.epochs, r))
        print(f"round {r + 1}: engine {eng[-1]:,.0f} img/s, hand loop {ref[-1]:,.0f} img/s", flush=True)
    e, h = statistics.median(eng), statistics.median(ref)
    print(f"{a.template} on digits, batch {a.batch_size}, {a.threads} thread(s), {len(x)} train images")
    print(f"engine    {e:,.0f} img/s (median of {a.rounds})")
    print(f"hand loop {h:,.0f} img/s (median of {a.rounds})")
    print(f"ratio engine/hand = {e / h:.3f} (target >= 0.95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
