"""Verdicts recomputed from run folders alone (studio.experiments.verdicts reads them through
studio.runs): the measured numbers decide, and no torch is needed to recompute."""
from __future__ import annotations

import json
import subprocess
import sys

from studio.experiments import get_experiment
from studio.experiments.verdicts import recompute


def write_variant(out, name, train_acc):
    folder = out / name
    folder.mkdir(parents=True)
    rows = [{"epoch": i + 1, "train_acc": a} for i, a in enumerate(train_acc)]
    (folder / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")


def test_relu_vs_tanh_from_the_files(tmp_path):
    exp = get_experiment("relu-vs-tanh")  # ReLU must reach 60% training accuracy ≥ 2× sooner
    fast = tmp_path / "fast"
    write_variant(fast, "relu", [0.65, 0.8, 0.9])
    write_variant(fast, "tanh", [0.3, 0.5, 0.61])
    v = recompute(exp, fast)
    assert v["holds"] is True and v["verdict"] == "holds"
    assert v["variants"]["relu"]["epochs_to_target"] == 1 and v["variants"]["tanh"]["epochs_to_target"] == 3
    assert v["variants"]["tanh"]["speedup_vs_relu"] == 3.0 and v["variants"]["relu"]["final_train_acc"] == 0.9
    slow = tmp_path / "slow"
    write_variant(slow, "relu", [0.5, 0.7, 0.8])
    write_variant(slow, "tanh", [0.62, 0.7, 0.8])
    v = recompute(exp, slow)
    assert v["holds"] is False and v["reason"].endswith("does not hold here")
    never = tmp_path / "never"
    write_variant(never, "relu", [0.1])
    write_variant(never, "tanh", [0.1])
    assert "ReLU never reached 60.0%" in recompute(exp, never)["reason"]


def test_recomputing_a_verdict_imports_no_torch(tmp_path):
    write_variant(tmp_path, "relu", [0.7])
    write_variant(tmp_path, "tanh", [0.2, 0.7])
    code = ("import sys\nfrom studio.experiments import get_experiment\n"
            "from studio.experiments.verdicts import recompute\nimport studio.runs, studio.runs.diff\n"
            f"v = recompute(get_experiment('relu-vs-tanh'), {str(tmp_path)!r})\n"
            "assert v['holds'], v\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'torchvision', 'PySide6')]\n"
            "print(','.join(bad)); sys.exit(1 if bad else 0)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"pulled in: {r.stdout} {r.stderr}"
