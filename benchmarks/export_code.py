"""What a `.py` export without weights costs, against building the same network in plain PyTorch.

Code generation needs only the plan; the export used to build the whole ``GraphModule`` as well
(issue 19). In one process this script alternates, for each template, the code-only export and
the baseline ``torchvision.models.<name>()`` (building the same network in PyTorch), and prints the
median of each and the ratio export ÷ baseline (the export should cost a fraction of building the
module).

    python benchmarks/export_code.py [--repeat 5] [--templates resnet152 densenet121]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--templates", nargs="+", default=["resnet152", "densenet121", "efficientnet_b0"])
    args = ap.parse_args()
    import torchvision

    from studio.compiler.export import export_project
    from studio.templates import build_project

    out = Path(tempfile.mkdtemp()) / "model.py"
    print(f"{'template':<18} {'code export':>12} {'torchvision()':>14} {'ratio':>7}")
    for name in args.templates:
        project = build_project(name)
        export_project(project, out)  # warm-up: imports, caches
        getattr(torchvision.models, name)()
        ours, base = [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            export_project(project, out)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            getattr(torchvision.models, name)()
            base.append(time.perf_counter() - t)
        a, b = statistics.median(ours), statistics.median(base)
        print(f"{name:<18} {a:>11.3f}s {b:>13.3f}s {a / b:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
