"""The six templates after ResNet: exact against torchvision (parameters, state_dict keys and
shapes, and the same outputs with torchvision's weights), readable export with block classes,
small inputs, and one real training epoch on the shapes data set at 3×64×64."""
from __future__ import annotations

import re

import pytest
import torch
import torchvision

from studio import templates
from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.core.errors import StudioError
from studio.core.validate import validate

MODERN = ["resnext50_32x4d", "wide_resnet50_2", "googlenet", "densenet121", "mobilenet_v2", "efficientnet_b0"]
TV_KWARGS = {"googlenet": {"aux_logits": False, "init_weights": False}}  # no auxiliary heads
BLOCKS = {  # block classes the export must define
    "resnext50_32x4d": ["Bottleneck"], "wide_resnet50_2": ["Bottleneck"],
    "googlenet": ["BasicConv2d", "Inception"], "densenet121": ["DenseLayer", "DenseBlock", "Transition"],
    "mobilenet_v2": ["InvertedResidual"], "efficientnet_b0": ["SqueezeExcitation", "MBConv", "StochasticDepth"],
}


def tv(name, device="meta"):
    with torch.device(device):
        return getattr(torchvision.models, name)(weights=None, **TV_KWARGS.get(name, {}))


@pytest.mark.parametrize("name", MODERN)
def test_exact_params_and_keys_against_torchvision(name):
    ref = tv(name)
    proj = templates.build_project(name)
    with torch.device("meta"):
        compiled = compile_graph(proj.graph, proj.num_classes)
    shapes = lambda m: {k: tuple(v.shape) for k, v in m.state_dict().items()}  # noqa: E731
    assert shapes(compiled) == shapes(ref)
    count = sum(p.numel() for p in ref.parameters())
    info = templates.get_template(name)
    assert info.card["params"] == count == validate(proj.graph, 1000).total_params
    for key in ("authors", "year", "title", "idea", "macs"):
        assert info.card.get(key), key


@pytest.mark.parametrize("name", MODERN)
def test_export_has_block_classes_and_the_compiled_keys(name):
    proj = templates.build_project(name, (3, 64, 64), 10)
    src = generate_source(proj)
    for cls in BLOCKS[name]:
        assert f"\nclass {cls}(nn.Module):" in src or f"\nclass {cls}(nn.LayerNorm):" in src, cls
    namespace = {"__name__": "exported_model"}
    exec(compile(src, f"{name}_model.py", "exec"), namespace)  # our own generated code, as model.py runs
    model_cls = namespace[re.search(r"^    model = (\w+)\(\)$", src, re.M).group(1)]
    with torch.device("meta"):
        exported, compiled = model_cls(), compile_graph(proj.graph, 10)
    assert {k: v.shape for k, v in exported.state_dict().items()} == \
           {k: v.shape for k, v in compiled.state_dict().items()}


@pytest.mark.parametrize("name", ["mobilenet_v2", "googlenet", "densenet121"])
def test_same_outputs_as_torchvision_with_its_weights(name):
    torch.manual_seed(0)
    ref = tv(name, "cpu").eval()
    proj = templates.build_project(name, (3, 64, 64), 1000)
    model = compile_graph(proj.graph, 1000).eval()
    model.load_state_dict(ref.state_dict(), strict=True)
    x = torch.randn(2, 3, 64, 64)
    with torch.no_grad():
        assert (model(x) - ref(x)).abs().max().item() <= 1e-4


@pytest.mark.parametrize("name,minimum", [("googlenet", 15), ("mobilenet_v2", 1), ("densenet121", 29)])
def test_small_inputs_work_and_too_small_is_refused(name, minimum):
    templates.build_project(name, (3, 32, 32), 10)
    if minimum == 1:  # padded strided convs and an adaptive pool: any size works
        templates.build_project(name, (3, 1, 1), 10)
        return
    with pytest.raises(StudioError) as exc:
        templates.build_project(name, (3, minimum - 1, minimum - 1))
    msg = str(exc.value)
    assert "too small" in msg and f"3×{minimum}×{minimum}" in msg and "\n" not in msg


def test_gallery_lists_them_with_cards():
    names = [i.name for i in templates.list_templates(include_user=False)]
    assert names[-6:] == ["resnext50_32x4d", "wide_resnet50_2", "googlenet", "densenet121", "mobilenet_v2",
                          "efficientnet_b0"]
    text = templates.format_card(templates.get_template("mobilenet_v2"))
    assert "Sandler" in text and "2018" in text and "3,504,872" in text and "depthwise" in text


@pytest.mark.parametrize("name", MODERN)
def test_trains_one_epoch_on_shapes_at_64(name, tmp_path):
    from studio.training.data import DataSettings, load_data
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    torch.manual_seed(0)
    # the smallest data set (10 images): one optimiser step and a validation pass per network
    data = load_data(DataSettings.from_dict({"source": "shapes", "shapes": {"count": 10}}), (3, 64, 64))
    proj = templates.build_project(name, (3, 64, 64), data.num_classes)
    recs = list(Trainer(proj, data, TrainSettings(epochs=1, batch_size=16), out_dir=tmp_path).run())
    assert recs[-1].status == "finished", recs[-1].message
    ep = [r for r in recs if r.kind == "epoch"]
    assert len(ep) == 1 and ep[0].train_loss > 0 and ep[0].val_acc is not None
