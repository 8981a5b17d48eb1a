"""Every `cnn-studio` line of the README's "Command line" block, as written, in a fresh process.

The lines run one after the other from a folder laid out like the repository root (README paths
such as resources/samples/digit_*.png resolve), in ONE child interpreter that calls the real
`studio.cli.main` per line (so torch is imported once). The only change: `--epochs 10` becomes
`--epochs 3` to keep the suite fast (enough for predict to read digit_3.png right). `gui PROJECT` (which would open a window and wait) is
parsed, not run; `gui ... --screenshot` runs for real.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r'''
import glob, json, shlex, sys, runpy
from studio.cli import build_parser, main
for line in json.loads(sys.argv[1]):
    argv = shlex.split(line)[1:]
    argv = [m for a in argv for m in (sorted(glob.glob(a)) if any(c in a for c in "*?[") else [a])]
    print(f"@@ start {line}", flush=True)
    if argv[0] == "gui" and "--screenshot" not in argv:
        build_parser().parse_args(argv)  # a window that waits for the user: parse only
        rc = 0
    else:
        try:
            rc = main(argv)
        except SystemExit as exc:  # argparse refusing the line
            rc = exc.code
    print(f"@@ rc {rc}", flush=True)
print("@@ python model.py", flush=True)
runpy.run_path("model.py", run_name="__main__")
'''


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Command line.*?```sh\n(.*?)```", text, re.S).group(1)
    lines = [ln.split("#")[0].strip() for ln in block.splitlines()]
    return [ln for ln in lines if ln.startswith("cnn-studio ")]


def test_readme_command_lines_work_as_written(tmp_path):
    cmds = readme_commands()
    assert len(cmds) >= 12 and any(c.startswith("cnn-studio train ") for c in cmds)
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    run = [c.replace("--epochs 10", "--epochs 3") for c in cmds]
    env = dict(os.environ, OMP_NUM_THREADS="1", QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(run)], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=240)
    out = r.stdout
    assert r.returncode == 0, out[-2000:] + r.stderr[-3000:]
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    results = re.findall(r"@@ start (.*)\n(?:.*\n)*?@@ rc (\S+)", out)
    assert [line for line, _ in results] == run
    failed = [(line, rc) for line, rc in results if rc != "0"]
    assert not failed, (failed, r.stderr[-3000:])
    # what the lines promise
    assert "25,557,032" in out                                        # summary resnet50
    js = out.split("@@ start cnn-studio summary my_net.cnnproj --json --batch-size 32\n")[1].split("@@ rc")[0]
    assert json.loads(js)["memory"]["batch_size"] == 32
    for f in ("my_net.cnnproj", "runs/lenet/best.pt", "runs/lenet/last.pt", "runs/lenet/metrics.jsonl",
              "runs/lenet/project.cnnproj", "model.py", "model_weights.pt", "resnet18.onnx", "resnet18.cnnproj",
              "shot.png"):
        assert (tmp_path / f).is_file(), f
    assert re.search(r"resources/samples/digit_3\.png: 3 \(", out)  # predict names digit 3
    assert "cross-entropy = −Σ y_i·log p_i = −log p[3]" in out        # predict --explain --label 3
    assert "conv1 (Conv2d) at channel 0, row 10, column 10" in out and "the model computed" in out
    assert "accuracy:" in out and "confusion matrix" in out        # evaluate
    assert out.rstrip().endswith("output shape: (1, 10)")          # python model.py loads its weights
