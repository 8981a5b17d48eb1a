"""Import torchvision CNNs with the CLI and check the exported model.py against torchvision.

For each model: `cnn-studio import torchvision.models:X -o X.cnnproj --input 3xSxS` (exit
code), parameters equal to torchvision's, the exported model.py loading a fresh randomly
initialised torchvision state_dict with strict=True (the compiled module too), and the max abs
difference of the outputs in eval mode (exported and compiled). GoogLeNet is compared with ``aux_logits=False`` (its auxiliary heads
run only while training, so an eval-mode import leaves them out).

    python benchmarks/import_torchvision.py [--size 224] [model ...]
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import sys
import tempfile
import time
from pathlib import Path

import torch
import torchvision

from studio.cli import main as cli
from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.core.project import load_project

MODELS = ["googlenet", "densenet121", "mobilenet_v2", "mobilenet_v3_small", "shufflenet_v2_x0_5",
          "efficientnet_b0", "convnext_tiny", "regnet_x_400mf", "resnext50_32x4d"]


def reference(name: str) -> torch.nn.Module:
    kw = {"aux_logits": False, "init_weights": True} if name == "googlenet" else {}
    torch.manual_seed(1)
    return getattr(torchvision.models, name)(weights=None, **kw).eval()


def load_class(src: str, folder: Path):
    path = folder / "model_export.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"export_{time.time_ns()}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    import re

    return getattr(mod, re.search(r"^    model = (\w+)\(\)$", src, re.M).group(1))


def check(name: str, size: int, folder: Path) -> dict:
    out = folder / f"{name}.cnnproj"
    err = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        rc = cli(["import", f"torchvision.models:{name}", "-o", str(out), "--input", f"3x{size}x{size}", "--force"])
    row = {"model": name, "exit": rc, "import_s": time.perf_counter() - t0}
    if rc != 0:
        row["error"] = err.getvalue().strip().splitlines()[0]
        return row
    proj = load_project(out)
    cls = load_class(generate_source(proj), folder)
    exported = cls().eval()
    ref = reference(name)
    count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    row["params"] = count(exported)
    row["params_equal"] = count(exported) == count(ref)
    compiled = compile_graph(proj.graph, proj.num_classes).eval()
    try:
        exported.load_state_dict(ref.state_dict(), strict=True)
        compiled.load_state_dict(ref.state_dict(), strict=True)
        row["strict_load"] = True
    except RuntimeError as exc:
        row["strict_load"] = False
        row["error"] = str(exc).splitlines()[0][:200]
        return row
    x = torch.randn(2, 3, size, size, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        y = ref(x)
        row["max_abs_diff"] = max(float((exported(x) - y).abs().max()), float((compiled(x) - y).abs().max()))
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", default=MODELS)
    ap.add_argument("--size", type=int, default=224)
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    ok = True
    print(f"{'model':<20} {'exit':>4} {'params':>11} {'equal':>5} {'strict':>6} {'max|diff|':>10} {'import s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.models:
            r = check(name, args.size, Path(tmp))
            good = r["exit"] == 0 and r.get("params_equal") and r.get("strict_load") and r.get("max_abs_diff", 1) <= 1e-4
            ok &= bool(good)
            print(f"{name:<20} {r['exit']:>4} {r.get('params', 0):>11,} {str(r.get('params_equal', '-')):>5} "
                  f"{str(r.get('strict_load', '-')):>6} {r.get('max_abs_diff', float('nan')):>10.2e} "
                  f"{r['import_s']:>8.1f}" + (f"  {r['error']}" if "error" in r else ""), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
