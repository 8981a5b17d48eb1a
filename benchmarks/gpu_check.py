"""GPU check (CUDA, < 4 min): ResNet-18 on shapes 3×64×64 with AMP + channels_last, engine vs a plain loop.

    .venv/bin/python benchmarks/gpu_check.py [--count 12000] [--epochs 4] [--batch-size 256]

Both use the same model, in-memory data on the GPU, batch size, autocast dtype (bf16 where
supported, else fp16 with a GradScaler), channels_last and cudnn.benchmark; the first epoch of
each is a warm-up and not counted. Prints both throughputs and the ratio. Without CUDA it says so
and exits 0.
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
import torch.nn.functional as F


def plain_loop(project, x, y, batch, epochs, amp_dtype, scaler_needed) -> list[float]:
    from studio.training.checkpoint import build_model

    torch.manual_seed(0)
    model = build_model(project).cuda().to(memory_format=torch.channels_last)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    scaler = torch.amp.GradScaler("cuda") if scaler_needed else None
    rates = []
    for _ in range(epochs):
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        perm = torch.randperm(len(x), device=x.device)
        for i in range(0, len(x), batch):
            idx = perm[i:i + batch]
            xb = x[idx].contiguous(memory_format=torch.channels_last)
            with torch.autocast("cuda", dtype=amp_dtype):
                loss = F.cross_entropy(model(xb).float(), y[idx])
            opt.zero_grad(set_to_none=True)
            if scaler is not None:
                scaler.scale(loss).backward()
                scaler.step(opt)
                scaler.update()
            else:
                loss.backward()
                opt.step()
        torch.cuda.synchronize()
        rates.append(len(x) / (time.perf_counter() - t0))
    return rates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=12000, help="shapes images in all (80%% train)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=256)
    a = ap.parse_args()
    if not torch.cuda.is_available():
        print("gpu_check: no CUDA GPU on this machine; nothing to measure")
        return 0
    from studio import templates
    from studio.training.data import DataSettings, load_data
    from studio.training.engine import Trainer
    from studio.training.runtime import amp_setup
    from studio.training.settings import TrainSettings

    t0 = time.perf_counter()
    torch.backends.cudnn.benchmark = True
    shape = (3, 64, 64)
    project = templates.build_project("resnet18", input_shape=shape, num_classes=5)
    data = load_data(DataSettings.from_dict({"source": "shapes", "shapes": {"count": a.count}}), shape)
    print(f"{torch.cuda.get_device_name()}: torch {torch.__version__}, {len(data.train)} train images, "
          f"data ready in {time.perf_counter() - t0:.1f} s", flush=True)
    amp_dtype, scaler_needed = amp_setup(torch.device("cuda"), True)

    st = TrainSettings(epochs=a.epochs, batch_size=a.batch_size, lr=1e-3, scheduler="none", amp=True,
                       channels_last=True, device="cuda")
    with tempfile.TemporaryDirectory() as d:
        recs = list(Trainer(project, data, st, out_dir=Path(d)).run())
    res = recs[-1]
    if res.status != "finished":
        print(f"engine run {res.status}: {res.message}")
        return 1
    eng = [r.samples_per_s for r in recs if r.kind == "epoch"][1:]
    last = [r for r in recs if r.kind == "epoch"][-1]
    print(f"engine: {recs[0].device_name}, amp={recs[0].amp}; final val acc {last.val_acc * 100:.1f}%", flush=True)

    x = data.train.tensors[0].cuda()
    y = data.train.tensors[1].long().cuda()
    ref = plain_loop(project, x, y, a.batch_size, a.epochs, amp_dtype, scaler_needed)[1:]
    e, h = statistics.median(eng), statistics.median(ref)
    print(f"ResNet-18, shapes 3x64x64, batch {a.batch_size}, autocast {str(amp_dtype).replace('torch.', '')}, "
          f"channels_last")
    print(f"engine      {e:,.0f} img/s (median of epochs 2..{a.epochs})")
    print(f"plain loop  {h:,.0f} img/s")
    print(f"ratio engine/plain = {e / h:.3f}; total {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
