"""`cnn-studio predict --activations` on a really trained LeNet-5 equals forward hooks on the
exported model.py (shape, per-channel mean and max of every layer with an image output); the
thumbnails are written; the usage errors are one line."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import torch

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]
DIGIT = ROOT / "resources" / "samples" / "digit_3.png"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A 2-epoch LeNet-5 on digits, exported as model.py with its weights."""
    from PIL import Image

    from studio.training.checkpoint import load_checkpoint
    from studio.training.data import preprocess_image

    tmp = tmp_path_factory.mktemp("activations")
    run = tmp / "run"
    assert main(["train", "lenet5", "--data", "digits", "--epochs", "2", "--out", str(run)]) == 0
    assert main(["export", "lenet5", "-o", str(tmp / "model.py"), "--weights", str(run / "best.pt")]) == 0
    spec = importlib.util.spec_from_file_location("exported_lenet", tmp / "model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    model = mod.LeNet5()
    model.load_state_dict(torch.load(tmp / "model_weights.pt", weights_only=True))
    ckpt = load_checkpoint(run / "best.pt")
    x = preprocess_image(Image.open(DIGIT), tuple(ckpt["input_shape"]), ckpt["mean"], ckpt["std"])
    return {"ckpt": str(run / "best.pt"), "model": model.eval(), "x": x.unsqueeze(0), "tmp": tmp}


def hooked(model, x) -> dict:
    """Every module's output with an image shape, by plain forward hooks."""
    out, handles = {}, []
    for name, m in model.named_children():
        handles.append(m.register_forward_hook(
            lambda _m, _i, y, name=name: out.__setitem__(name, y.detach()[0].clone()) if y.dim() == 4 else None))
    with torch.no_grad():
        logits = model(x)[0]
    for h in handles:
        h.remove()
    return out, logits


def test_activations_json_equals_hooks_on_the_exported_model(trained, capsys):
    capsys.readouterr()
    assert main(["predict", trained["ckpt"], str(DIGIT), "--activations", "--json"]) == 0
    d = json.loads(capsys.readouterr().out.strip())
    maps, logits = hooked(trained["model"], trained["x"])
    assert list(d["activations"]) == list(maps) == ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2"]
    for name, t in maps.items():
        got = d["activations"][name]
        assert got["shape"] == list(t.shape), name
        assert torch.allclose(torch.tensor(got["mean"]), t.mean(dim=(1, 2)), atol=1e-5), name
        assert torch.allclose(torch.tensor(got["max"]), t.amax(dim=(1, 2)), atol=1e-5), name
        assert len(got["mean"]) == t.shape[0]
    assert torch.allclose(torch.tensor(d["logits"]), logits, atol=1e-4)
    assert d["top"][0]["class"] == str(int(logits.argmax()))


def test_activations_out_writes_one_png_grid_per_layer(trained, capsys):
    from PIL import Image

    out = trained["tmp"] / "thumbs"
    assert main(["predict", trained["ckpt"], str(DIGIT), "--activations-out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "conv2" in text and "16×10×10" in text and "wrote 7 PNG grids" in text
    files = sorted(p.name for p in out.glob("*.png"))
    assert files == ["000_input.png", "001_conv1.png", "002_relu1.png", "003_pool1.png", "004_conv2.png",
                     "005_relu2.png", "006_pool2.png"]
    img = Image.open(out / "004_conv2.png")
    assert img.width >= 256 and img.mode == "L"


def test_activation_usage_errors(trained, capsys):
    assert main(["predict", trained["ckpt"], str(DIGIT), "--activations", "--explain"]) == 2
    assert "one at a time" in capsys.readouterr().err
    assert main(["predict", trained["ckpt"], str(DIGIT), str(DIGIT), "--activations-out",
                 str(trained["tmp"] / "x")]) == 2
    assert "pass one image" in capsys.readouterr().err
