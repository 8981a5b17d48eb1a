"""Grad-CAM: `predict --cam --json` against Grad-CAM computed here, independently, with hooks on the
exported model.py of the same trained LeNet-5."""
import importlib.util
import json
import sys

import pytest
import torch
from PIL import Image

from studio import templates
from studio.cli import main
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings

from ..training.engine_helpers import digit_png, digits_bundle


@pytest.fixture(scope="module")
def lenet_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    recs = list(Trainer(templates.build_project("lenet5"), digits_bundle(limit=512),
                        TrainSettings(epochs=2, seed=0), out_dir=out, stats_every=0).run())
    assert recs[-1].status == "finished", recs[-1].message
    return out


def independent_cam(model, layer_module, x, cls=None):
    store = {}

    def fwd(_m, _i, out):
        store["a"] = out
        out.register_hook(lambda g: store.__setitem__("g", g))

    h = layer_module.register_forward_hook(fwd)
    model.eval()
    logits = model(x.unsqueeze(0))
    k = int(logits[0].argmax()) if cls is None else cls
    logits[0, k].backward()
    h.remove()
    weights = store["g"][0].mean(dim=(1, 2))
    return k, torch.relu((weights[:, None, None] * store["a"][0]).sum(0)).detach()


def test_cam_equals_an_independent_grad_cam_on_the_exported_model(lenet_run, tmp_path, capsys):
    ckpt = lenet_run / "best.pt"
    code = tmp_path / "lenet_export.py"
    assert main(["export", str(lenet_run / "project.cnnproj"), "-o", str(code), "--weights", str(ckpt)]) == 0
    capsys.readouterr()
    spec = importlib.util.spec_from_file_location("lenet_export", code)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["lenet_export"] = mod
    spec.loader.exec_module(mod)
    net = mod.LeNet5()
    net.load_state_dict(torch.load(tmp_path / "lenet_export_weights.pt", weights_only=True))
    from studio.training.predict import Predictor
    pred = Predictor.from_checkpoint(ckpt)
    img = _digit(tmp_path)
    x = pred.preprocess(Image.open(img))
    for layer, cls_arg in (("conv2", None), ("conv1", 7)):
        argv = ["predict", str(ckpt), str(img), "--cam", "--cam-layer", layer, "--json"]
        if cls_arg is not None:
            argv += ["--cam-class", str(cls_arg)]
        assert main(argv) == 0
        got = json.loads(capsys.readouterr().out)["cam"]
        k, want = independent_cam(net, getattr(net, layer), x, cls_arg)
        assert got["layer"] == layer and got["class"] == k
        m = torch.tensor(got["map"])
        assert m.shape == want.shape == ((10, 10) if layer == "conv2" else (28, 28))
        assert want.max() > 0
        torch.testing.assert_close(m, want, rtol=1e-4, atol=1e-6)


def _digit(tmp_path):
    digit_png(tmp_path / "d.png", 3)
    return tmp_path / "d.png"


def test_cam_png_default_layer_and_bad_layer(lenet_run, tmp_path, capsys):
    img = _digit(tmp_path)
    out = tmp_path / "cam.png"
    assert main(["predict", str(lenet_run / "best.pt"), str(img), "--cam", "--cam-out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Grad-CAM at pool2 (5×5)" in text and f"wrote {out}" in text
    png = Image.open(out)
    assert png.size == Image.open(img).size and png.mode == "RGB"
    assert main(["predict", str(lenet_run / "best.pt"), str(img), "--cam", "--cam-layer", "fc1"]) == 2
    err = capsys.readouterr().err.strip()
    assert "'fc1' has no spatial feature map" in err and "conv2" in err and len(err.splitlines()) == 1
    assert main(["predict", str(lenet_run / "best.pt"), str(img), "--cam-layer", "conv1"]) == 2
    assert "add --cam" in capsys.readouterr().err


def test_cam_at_a_stage_name_takes_its_last_map():
    import torch as _t

    from studio.training.checkpoint import build_model
    from studio.training.gradcam import grad_cam, pick_layer

    from studio.core.errors import StudioError

    p = templates.build_project("resnet18", input_shape=(3, 64, 64), num_classes=5)
    _t.manual_seed(0)
    m = build_model(p).eval()
    assert pick_layer(m, p, "layer4") == "layer4.1.relu2"  # 2×2 at 64×64
    assert pick_layer(m, p, None) == "layer4.1.relu2"  # not avgpool: 1×1 is no map
    cam = grad_cam(m, p, _t.randn(3, 64, 64), "layer3")
    assert cam["layer"] == "layer3.1.relu2" and len(cam["map"]) == 4 and len(cam["map"][0]) == 4
    small = templates.build_project("resnet18", input_shape=(3, 32, 32), num_classes=5)
    with pytest.raises(StudioError, match="'layer4' has no feature map larger than 1×1"):
        pick_layer(build_model(small), small, "layer4")
