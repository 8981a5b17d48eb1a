"""Compiled studio templates vs their torchvision twins: forward+backward throughput.

In one process, steps of the compiled ResNet-18 / VGG-11 and of torchvision's models
alternate on the same batch (same weights where the keys match), so both see the same
machine state. Prints samples/s of each and the ratio compiled / torchvision (target ≥ 0.98).

    python benchmarks/compiled_vs_torchvision.py [--batch 8] [--size 64] [--steps 10]
        [--models resnet18,vgg11] [--threads 1] [--device cpu|cuda]
"""
from __future__ import annotations

import argparse
import time

import torch
import torchvision
from torch import nn


def studio_model(name: str, size: int, classes: int) -> nn.Module:
    from studio.compiler import compile_graph

    try:
        from studio.templates import build_project

        proj = build_project(name, input_shape=(3, size, size), num_classes=classes)
        how = "template"
    except ImportError:  # templates missing: the same network imported from torchvision
        from studio.compiler.importer import import_module

        proj = import_module(getattr(torchvision.models, name)(num_classes=classes), (3, size, size))
        how = "imported"
    print(f"  {name}: compiled from the {how} graph ({len(proj.graph)} nodes)")
    return compile_graph(proj.graph, classes)


def step(model, opt, x, y, loss_fn, sync) -> float:
    t = time.perf_counter()
    opt.zero_grad(set_to_none=True)
    loss_fn(model(x), y).backward()
    sync()
    return time.perf_counter() - t


def bench(name: str, args) -> float:
    dev = torch.device(args.device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    torch.manual_seed(0)
    ours = studio_model(name, args.size, args.classes)
    ref = getattr(torchvision.models, name)(num_classes=args.classes)
    try:
        ours.load_state_dict(ref.state_dict(), strict=True)
        same = "same weights"
    except RuntimeError:
        same = "own weights (keys differ)"
    models = {"compiled": ours.to(dev).train(), "torchvision": ref.to(dev).train()}
    opts = {k: torch.optim.SGD(m.parameters(), lr=1e-3) for k, m in models.items()}
    x = torch.randn(args.batch, 3, args.size, args.size, device=dev)
    y = torch.randint(0, args.classes, (args.batch,), device=dev)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(args.warmup):
        for k in models:
            step(models[k], opts[k], x, y, loss_fn, sync)
    total = {k: 0.0 for k in models}
    for i in range(args.steps):
        order = list(models) if i % 2 == 0 else list(models)[::-1]  # alternate who goes first
        for k in order:
            total[k] += step(models[k], opts[k], x, y, loss_fn, sync)
    rate = {k: args.batch * args.steps / t for k, t in total.items()}
    ratio = rate["compiled"] / rate["torchvision"]
    print(f"  {name} ({same}), batch {args.batch}×3×{args.size}×{args.size}, {args.steps} steps on {dev}:")
    print(f"    compiled    {rate['compiled']:9.1f} samples/s")
    print(f"    torchvision {rate['torchvision']:9.1f} samples/s")
    print(f"    ratio compiled/torchvision = {ratio:.3f} (target ≥ 0.98)")
    return ratio


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--models", default="resnet18,vgg11")
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=0, help="torch threads (0 = torch's default)")
    p.add_argument("--device", default="cpu")
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    ratios = {m: bench(m, args) for m in args.models.split(",")}
    print("summary: " + ", ".join(f"{m} {r:.3f}" for m, r in ratios.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
