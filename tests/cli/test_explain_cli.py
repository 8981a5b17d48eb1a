"""`cnn-studio predict --explain / --explain-layer` on a really trained LeNet-5, every number
reproduced by an independent torch computation (F.softmax, F.cross_entropy, F.unfold,
F.conv2d, F.max_pool2d), plus the usage errors."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]
DIGIT = ROOT / "resources" / "samples" / "digit_3.png"
TOL = 1e-5


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A 2-epoch LeNet-5 on digits, and its weights and input prepared without studio.training.explain."""
    from studio.training.checkpoint import load_checkpoint, model_from_checkpoint
    from studio.training.data import preprocess_image
    from PIL import Image

    run = tmp_path_factory.mktemp("explain") / "run"
    assert main(["train", "lenet5", "--data", "digits", "--epochs", "2", "--out", str(run)]) == 0
    ckpt = load_checkpoint(run / "best.pt")
    model, _project = model_from_checkpoint(ckpt)
    x = preprocess_image(Image.open(DIGIT), tuple(ckpt["input_shape"]), ckpt["mean"], ckpt["std"])
    sd = ckpt["model"]
    return {"ckpt": str(run / "best.pt"), "model": model.eval(), "x": x.unsqueeze(0), "sd": sd,
            "names": list(ckpt["class_names"])}


def run_json(capsys, *args):
    capsys.readouterr()
    assert main(["predict", *map(str, args), "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    return json.loads(out[0])


def close(a, b):
    return float((torch.as_tensor(a, dtype=torch.float64) - torch.as_tensor(b, dtype=torch.float64)).abs().max())


def test_explain_with_label_matches_torch(trained, capsys):
    d = run_json(capsys, trained["ckpt"], DIGIT, "--explain", "--label", "3")
    with torch.no_grad():
        z = trained["model"](trained["x"])[0]
    assert close(d["logits"], z) <= TOL
    assert close(d["probabilities"], F.softmax(z, 0)) <= TOL
    assert abs(sum(d["probabilities"]) - 1) <= 1e-9
    assert d["one_hot"] == F.one_hot(torch.tensor(3), 10).tolist()
    assert abs(d["cross_entropy"] - F.cross_entropy(z[None], torch.tensor([3])).item()) <= TOL
    assert abs(d["cross_entropy"] + math.log(d["probabilities"][3])) <= 1e-9  # = −log p_true of the shown numbers
    assert close(d["exp"], torch.exp(z.double())) <= TOL * max(1.0, max(d["exp"]))
    assert abs(d["sum_exp"] - sum(d["exp"])) <= 1e-9 * d["sum_exp"]
    top = torch.topk(F.softmax(z, 0), 5)
    assert [t["index"] for t in d["top_k"]] == top.indices.tolist()
    assert d["top_k"][0]["class"] == "3"  # the trained model reads the sample right
    assert abs(d["chance_level"] - math.log(10)) < 1e-12


def test_explain_without_label_has_no_cross_entropy(trained, capsys):
    d = run_json(capsys, trained["ckpt"], DIGIT, "--explain")
    assert d["cross_entropy"] is None and d["one_hot"] is None and len(d["probabilities"]) == 10
    assert main(["predict", trained["ckpt"], str(DIGIT), "--explain", "--label", "3"]) == 0
    text = capsys.readouterr().out
    assert "cross-entropy = −Σ y_i·log p_i = −log p[3]" in text and "ln 10 = 2.3026" in text


def test_explain_layer_conv1_matches_unfold_and_conv2d(trained, capsys):
    d = run_json(capsys, trained["ckpt"], DIGIT, "--explain-layer", "conv1", "--at", "0,10,10")
    w, b, x = trained["sd"]["conv1.weight"], trained["sd"]["conv1.bias"], trained["x"]
    patches = F.unfold(x, kernel_size=5)  # [1, 1·5·5, 28·28]
    assert close(d["patch"], patches[0, :, 10 * 28 + 10].reshape(1, 5, 5)) <= TOL
    assert close(d["kernel"], w[0]) <= TOL
    assert abs(d["bias"] - b[0].item()) <= TOL
    value = F.conv2d(x, w, b)[0, 0, 10, 10].item()
    assert abs(d["value"] - value) <= TOL and abs(d["recomputed"] - value) <= TOL
    assert close(d["products"], patches[0, :, 10 * 28 + 10].reshape(1, 5, 5) * w[0]) <= TOL
    assert d["output_shape"] == [6, 28, 28] and d["at"] == [0, 10, 10]


def test_explain_layer_pool_and_relu(trained, capsys):
    sd, x = trained["sd"], trained["x"]
    a = F.relu(F.conv2d(x, sd["conv1.weight"], sd["conv1.bias"]))
    c, y, xx = max(((c, y, xx) for c in range(6) for y in range(14) for xx in range(14)),
                   key=lambda t: F.max_pool2d(a, 2)[0, t[0], t[1], t[2]].item())
    d = run_json(capsys, trained["ckpt"], DIGIT, "--explain-layer", "pool1", "--at", f"{c},{y},{xx}")
    assert close(d["patch"][0], a[0, c, 2 * y:2 * y + 2, 2 * xx:2 * xx + 2]) <= TOL
    assert abs(d["value"] - F.max_pool2d(a, 2)[0, c, y, xx].item()) <= TOL
    assert abs(d["recomputed"] - d["value"]) <= TOL and d["value"] > 0
    r = run_json(capsys, trained["ckpt"], DIGIT, "--explain-layer", "relu1", "--at", "2,5,7")
    pre = F.conv2d(x, sd["conv1.weight"], sd["conv1.bias"])[0, 2, 5, 7].item()
    assert abs(r["input"] - pre) <= TOL and abs(r["value"] - max(0.0, pre)) <= TOL


@pytest.mark.parametrize("args, message", [
    (["--explain-layer", "conv1"], "needs --at C,Y,X"),
    (["--at", "0,1,1"], "add --explain-layer NAME"),
    (["--label", "3"], "add --explain"),
    (["--explain", "--label", "cat"], "--label 'cat' is not a class of this model"),
    (["--explain", "--explain-layer", "conv1", "--at", "0,1,1"], "one at a time"),
    (["--explain-layer", "nope", "--at", "0,1,1"], "no layer named 'nope'"),
    (["--explain-layer", "conv1", "--at", "0,28,1"], "outside conv1's 6×28×28 output"),
    (["--explain-layer", "conv1", "--at", "0,1"], "is not C,Y,X"),
    (["--explain-layer", "fc1", "--at", "0,1,1"], "outputs a vector of 120 features"),
])
def test_usage_errors_are_one_line(trained, capsys, args, message):
    capsys.readouterr()
    assert main(["predict", trained["ckpt"], str(DIGIT), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("template, last_pool, rf, jump", [("vgg16", "features.30", 212, 32),
                                                            ("alexnet", "features.12", 195, 32),
                                                            ("lenet5", "pool2", 16, 4)])
def test_summary_json_has_receptive_field_and_jump(capsys, template, last_pool, rf, jump):
    capsys.readouterr()
    assert main(["summary", template, "--json"]) == 0
    layers = {x["id"]: x for x in json.loads(capsys.readouterr().out)["layers"]}
    assert (layers[last_pool]["receptive_field"], layers[last_pool]["jump"]) == (rf, jump)
    assert layers["input"]["receptive_field"] == 1 and layers["flatten"]["receptive_field"] is None
    assert main(["summary", template]) == 0
    row = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith(f"{last_pool} "))
    assert row.split()[-2:] == [f"{rf}×{rf}", str(jump)]


def test_text_explain_of_many_classes_lists_top_k_and_the_label():
    from studio.commands.predict_explain import format_output
    from studio.training.explain import output_breakdown

    z = [float(i % 7) for i in range(100)]
    text = format_output("img.png", output_breakdown(z, [f"c{i}" for i in range(100)], label=50, top_k=3))
    rows = [ln.split()[0] for ln in text.splitlines()[2:] if ln.startswith("  c") and "cross" not in ln]
    assert len(rows) == 4 and rows[-1] == "c50" and "96 more classes" in text
    assert "−log p[c50]" in text
    bad = format_output("img\x1b[31m.png", output_breakdown([1.0, 2.0], ["a\nb", "c"], label=0))
    assert "\x1b" not in bad and "a\\nb" in bad  # control characters escaped on the terminal
