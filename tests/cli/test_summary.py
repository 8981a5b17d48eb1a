"""`python -m studio summary` in real subprocesses: table, --json, exit codes, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"


def summary(*args, cwd=ROOT):
    r = subprocess.run([sys.executable, "-m", "studio", "summary", *map(str, args)], capture_output=True,
                       text=True, cwd=cwd, timeout=120)
    assert "Traceback" not in r.stdout + r.stderr, r.stderr
    return r


def test_lenet_table():
    r = summary(EX / "lenet5.cnnproj")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("LeNet-5  (input 1×32×32, 10 classes)")
    lines = {ln.split()[0]: ln.split() for ln in out.splitlines() if "(" in ln and ln.split()}
    assert lines["conv1"][2:] == ["6×28×28", "156", "117,600", "5×5", "1"]
    assert lines["pool2"][2:] == ["16×5×5", "0", "0", "16×16", "4"]
    assert lines["flatten"][2:] == ["400", "0", "0", "–", "–"]
    assert lines["fc1"][2:] == ["120", "48,120", "48,000", "–", "–"]
    assert lines["fc3"][2:] == ["10", "850", "840", "–", "–"]
    for text in ("Total params: 61,706", "Trainable params: 61,706", "Non-trainable buffers: 0",
                 "MACs per image: 416,520 (0.42 M)", "Forward activations (MB), batch 1"):
        assert text in out
    assert "warning" not in out and r.stderr == ""


def test_resnet_json():
    r = summary(EX / "resnet_mini.cnnproj", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert {"total_params", "trainable_params", "macs", "layers", "issues", "buffers", "memory"} <= set(d)
    assert d["total_params"] == d["trainable_params"] == 19994 and d["buffers"] == 294
    assert d["issues"] == [] and d["input_shape"] == [3, 32, 32] and d["output_shape"] == [10]
    layers = {x["id"]: x for x in d["layers"]}
    for x in d["layers"]:
        assert {"id", "type", "output_shape", "params", "macs"} <= set(x)
    assert layers["block2_down"] == {"id": "block2_down", "type": "Conv2d", "name": "block2_down",
                                     "output_shape": [32, 16, 16], "params": 512, "buffers": 0, "macs": 131072,
                                     "receptive_field": 7, "jump": 2, "frozen": False}
    assert d["frozen_params"] == 0
    assert layers["block1_add"]["output_shape"] == [16, 32, 32] and layers["block2_add"]["type"] == "Add"
    assert d["macs"] == sum(x["macs"] for x in d["layers"])
    assert d["total_params"] == sum(x["params"] for x in d["layers"])


def test_batch_size_changes_the_memory_figure():
    one = json.loads(summary(EX / "lenet5.cnnproj", "--json").stdout)["memory"]
    eight = json.loads(summary(EX / "lenet5.cnnproj", "--json", "--batch-size", "8").stdout)["memory"]
    assert eight["batch_size"] == 8 and eight["activation_bytes"] == 8 * one["activation_bytes"]
    assert eight["param_bytes"] == one["param_bytes"]
    t8 = summary(EX / "resnet_mini.cnnproj", "--batch-size", "64").stdout
    t1 = summary(EX / "resnet_mini.cnnproj").stdout
    assert "Forward activations (MB), batch 64: 58.77" in t8  # 64 × 0.918 MB
    assert "Forward activations (MB), batch 1: 0.92" in t1


def test_invalid_graph_lists_issues_and_exits_2():
    r = summary(EX / "broken_linear.cnnproj")
    assert r.returncode == 2 and r.stdout == ""
    assert "1 error(s)" in r.stderr
    assert "[fc1] Linear 'fc1' needs a vector but receives 8×14×14: insert Flatten before it" in r.stderr
    assert "fix: Insert Flatten before Linear 'fc1'" in r.stderr
    r = summary(EX / "broken_linear.cnnproj", "--json")
    assert r.returncode == 2
    d = json.loads(r.stdout)
    assert d["issues"][0]["node"] == "fc1" and d["issues"][0]["severity"] == "error"
    assert {x["id"]: x["output_shape"] for x in d["layers"]}["fc1"] is None


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("name,text,needle", [
    ("trunc.cnnproj", (EX / "lenet5.cnnproj").read_text()[:300], "not valid JSON"),
    ("notjson.cnnproj", "hello", "not valid JSON"),
    ("empty.cnnproj", "", "is empty"),
    ("unknown.cnnproj", (EX / "lenet5.cnnproj").read_text().replace('"Tanh"', '"Swish"', 1), "unknown layer type 'Swish'"),
    ("newer.cnnproj", (EX / "lenet5.cnnproj").read_text().replace('"version": 1', '"version": 9'), "newer cnn-studio"),
])
def test_bad_files_one_line_exit_2(tmp_path, name, text, needle):
    r = summary(write(tmp_path, name, text))
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"cnn-studio summary: {name}") and needle in lines[0]


def test_missing_file_binary_file_and_bad_options(tmp_path):
    r = summary(tmp_path / "nope.cnnproj")
    assert r.returncode == 2 and "no such file" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    binf = tmp_path / "img.cnnproj"
    binf.write_bytes(bytes(range(256)))
    r = summary(binf)
    assert r.returncode == 2 and "not a text (UTF-8 JSON) file" in r.stderr
    r = summary(EX / "lenet5.cnnproj", "--batch-size", "0")
    assert r.returncode == 2 and "--batch-size must be at least 1" in r.stderr


def test_retargeting_a_file_and_warnings():
    r = summary(EX / "lenet5.cnnproj", "--classes", "7")
    assert r.returncode == 0
    assert "warning: [fc3] The network outputs 10 scores but the task has 7 classes" in r.stdout
    r = summary(EX / "resnet_mini.cnnproj", "--input", "3x64x64", "--json")
    d = json.loads(r.stdout)
    assert d["input_shape"] == [3, 64, 64] and d["total_params"] == 19994
