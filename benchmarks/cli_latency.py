"""How fast `cnn-studio` reports a mistake, against the time of `python -c "import torch"`.

Argument, file and project errors are reported before torch is imported, so a typo costs a
fraction of torch's import time. In one invocation this script alternates fresh processes
of the baseline (`python -c "import torch"`) and of each error path, so both see the same
machine state, and prints the median wall time of each and the ratio error path ÷ import
torch (target < 0.3 for every path).

    python benchmarks/cli_latency.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.3

# (what, arguments); every one must print one line and exit 2
PATHS = [
    ("train, no such project file", ["train", "nosuch.cnnproj"]),
    ("summary, damaged project file", ["summary", "{broken}"]),
    ("train, bad option value", ["train", "lenet5", "--epochs", "-3"]),
    ("train, unknown option", ["train", "lenet5", "--bogus"]),
    ("train --resume, no such checkpoint", ["train", "lenet5", "--resume", "nosuch.pt"]),
    ("export, no such project file", ["export", "nosuch.cnnproj", "-o", "{tmp}/model.py"]),
    ("predict, no such checkpoint", ["predict", "nosuch.pt", "image.png"]),
    ("evaluate, no such checkpoint", ["evaluate", "nosuch.pt"]),
]


def timed(cmd: list[str], env: dict, expect_rc: int) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=env["_CWD"])
    dt = time.perf_counter() - t
    if r.returncode != expect_rc:
        raise SystemExit(f"{' '.join(cmd)}: exit {r.returncode}, expected {expect_rc}\n{r.stderr}")
    return dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs of each command (the median counts)")
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp, "broken.cnnproj")
        broken.write_text('{"format": "cnn-studio", "version": 1, "graph": {"nodes": [', encoding="utf-8")
        env["_CWD"] = tmp
        cmds = [[sys.executable, "-m", "studio.cli", *(a.format(broken=broken, tmp=tmp) for a in argv)]
                for _, argv in PATHS]
        base = [sys.executable, "-c", "import torch"]
        times: dict[int, list[float]] = {i: [] for i in range(len(PATHS))}
        torch_times: list[float] = []
        for _ in range(args.repeat):  # alternate: baseline, then every path
            torch_times.append(timed(base, env, 0))
            for i, cmd in enumerate(cmds):
                times[i].append(timed(cmd, env, 2))
    t_torch = statistics.median(torch_times)
    print(f"python -c 'import torch': {t_torch * 1000:.0f} ms (median of {args.repeat})")
    worst = 0.0
    for i, (what, _) in enumerate(PATHS):
        t = statistics.median(times[i])
        ratio = t / t_torch
        worst = max(worst, ratio)
        print(f"  {what:<38} {t * 1000:6.0f} ms   ratio {ratio:.2f}")
    print(f"worst ratio error path / import torch: {worst:.2f} (target < {TARGET})")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
