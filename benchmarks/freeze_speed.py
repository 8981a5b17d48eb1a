"""Freezing pays: training-step time with frozen early stages vs everything trainable, for the
studio's Trainer setup (studio.training.transfer) and for plain PyTorch (torchvision ResNet-18
with requires_grad=False and BatchNorm in eval mode), in this process, alternating.

    .venv/bin/python benchmarks/freeze_speed.py [--steps 10] [--rounds 3] [--batch 32] [--size 32]
        [--freeze conv1,bn1,layer1,layer2,layer3] [--device cpu]

A step is forward, cross-entropy, backward and an Adam step on random images. Prints the median
step time of each case, the speed-up frozen/unfrozen for both, and studio/torch for both (≈1.0:
the studio adds nothing on top of what plain PyTorch does).
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
import torchvision

from studio import templates
from studio.training import transfer
from studio.training.checkpoint import build_model
from studio.training.optim import make_optimizer
from studio.training.settings import TrainSettings


def studio_setup(size, classes, names, device):
    torch.manual_seed(0)
    model = build_model(templates.build_project("resnet18", input_shape=(3, size, size), num_classes=classes))
    model.to(device).train()
    transfer.freeze(model, names)
    return model, make_optimizer(model, TrainSettings(freeze=",".join(names)))


def torch_setup(size, classes, names, device):
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None, num_classes=classes).to(device).train()
    for name, m in model.named_modules():
        if any(name == n or name.startswith(n + ".") for n in names):
            for p in m.parameters(recurse=False):
                p.requires_grad_(False)
            if isinstance(m, torch.nn.BatchNorm2d):
                m.eval()
    return model, torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)


def step_time(model, opt, x, y, steps) -> float:
    def one():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        opt.step()
    one()  # warm-up
    if x.is_cuda:
        torch.cuda.synchronize()
    t0 = time.perf_counter()
    for _ in range(steps):
        one()
    if x.is_cuda:
        torch.cuda.synchronize()
    return (time.perf_counter() - t0) / steps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--size", type=int, default=32)
    ap.add_argument("--freeze", default="conv1,bn1,layer1,layer2,layer3")
    ap.add_argument("--device", default="cpu")
    a = ap.parse_args()
    dev = torch.device(a.device)
    names = transfer.parse_names(a.freeze)
    x = torch.randn(a.batch, 3, a.size, a.size, device=dev)
    y = torch.randint(0, 5, (a.batch,), device=dev)
    cases = {(who, fz): None for who in ("studio", "torch") for fz in (False, True)}
    times = {k: [] for k in cases}
    for _ in range(a.rounds):
        for who, fz in cases:
            setup = studio_setup if who == "studio" else torch_setup
            model, opt = setup(a.size, 5, names if fz else [], dev)
            times[(who, fz)].append(step_time(model, opt, x, y, a.steps))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"ResNet-18, batch {a.batch} at {a.size}×{a.size}, {dev}, {torch.get_num_threads()} threads; "
          f"frozen: {a.freeze}")
    for (who, fz), t in med.items():
        print(f"  {who:6s} {'frozen  ' if fz else 'unfrozen'}  {t * 1000:8.1f} ms/step")
    for who in ("studio", "torch"):
        print(f"  {who}: speed-up frozen vs unfrozen {med[(who, False)] / med[(who, True)]:.2f}×")
    for fz in (False, True):
        print(f"  studio / torch step time ({'frozen' if fz else 'unfrozen'}): "
              f"{med[('studio', fz)] / med[('torch', fz)]:.2f}")


if __name__ == "__main__":
    main()
