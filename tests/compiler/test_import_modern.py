"""torch.fx import of the modern torchvision CNNs: every state_dict key kept, the exported
model.py loads torchvision's weights with strict=True and computes the same outputs.
(All nine models at 3×224×224: benchmarks/import_torchvision.py.)"""
from __future__ import annotations

import pytest
import torch
import torchvision
from torch import nn
from torchvision.models.convnext import CNBlockConfig, ConvNeXt
from torchvision.models.densenet import DenseNet
from torchvision.models.regnet import BlockParams, RegNet

from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.compiler.importer import import_module
from studio.core.spec import get_spec

SHAPE = (3, 64, 64)


def small_convnext():
    return ConvNeXt([CNBlockConfig(16, 32, 2), CNBlockConfig(32, None, 1)], stochastic_depth_prob=0.1,
                    num_classes=5)


def small_densenet():
    return DenseNet(growth_rate=8, block_config=(2, 3), num_init_features=16, num_classes=5)


def small_regnet():
    """torchvision's RegNet at a small width: its ModuleDict keys look like 'block1-0'."""
    return RegNet(BlockParams.from_init_params(depth=4, w_0=16, w_a=8.0, w_m=2.0, group_width=8), num_classes=5)


BUILDERS = {
    "shufflenet_v2_x0_5": lambda: torchvision.models.shufflenet_v2_x0_5(num_classes=5),
    "mobilenet_v3_small": lambda: torchvision.models.mobilenet_v3_small(num_classes=5),
    "regnet": small_regnet,
    "convnext": small_convnext,
    "densenet": small_densenet,
}
EXPECT = {  # layer types each import must contain
    "shufflenet_v2_x0_5": {"ChannelChunk", "ChannelShuffle", "Concat"},
    "mobilenet_v3_small": {"Hardswish", "Hardsigmoid", "Multiply", "Depthwise"},
    "regnet": {"Add", "Grouped"},
    "convnext": {"LayerNorm2d", "Permute", "LayerNorm", "LinearLast", "LayerScale", "StochasticDepth", "GELU"},
    "densenet": {"Concat", "AdaptiveAvgPool2d"},
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_export_loads_torchvision_weights_strictly_and_agrees(name, make_source_module):
    torch.manual_seed(0)
    orig = BUILDERS[name]().eval()
    proj = import_module(orig, SHAPE, name=name)
    cards = [get_spec("Conv2d").short(n.params) for n in proj.graph.nodes if n.type == "Conv2d"]
    kinds = {n.type for n in proj.graph.nodes} | {c.split(" ", 1)[0] for c in cards}
    assert EXPECT[name] <= kinds
    if name == "regnet":
        assert "trunk_output.block1.block1-0.f.b.0.weight" in orig.state_dict()
    compiled = compile_graph(proj.graph, proj.num_classes).eval()
    _, cls = make_source_module(generate_source(proj))
    exported = cls().eval()
    x = torch.randn(2, *SHAPE)
    with torch.no_grad():
        want = orig(x)
        for model in (compiled, exported):
            model.load_state_dict(orig.state_dict(), strict=True)
            assert (model(x) - want).abs().max().item() <= 1e-4


def test_googlenet_is_traced_in_eval_mode_and_keeps_its_mode():
    with torch.device("meta"):
        orig = torchvision.models.googlenet(init_weights=False)  # aux heads on, training mode
    assert orig.training
    proj = import_module(orig, SHAPE, name="googlenet")
    assert orig.training and all(m.training for m in orig.modules())
    with torch.device("meta"):
        compiled = compile_graph(proj.graph, proj.num_classes)
    keys = {k for k in orig.state_dict() if not k.startswith(("aux1.", "aux2."))}
    assert set(compiled.state_dict()) == keys  # only the training-only auxiliary heads are left out


class Handwritten(nn.Module):
    """Functional spellings of the new mappings."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.se1 = nn.Conv2d(8, 4, 1)
        self.se2 = nn.Conv2d(4, 8, 1)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        x = torch.nn.functional.relu6(self.conv(x))
        x = torch.nn.functional.max_pool2d(x, 2)
        x = torch.nn.functional.avg_pool2d(x, kernel_size=2, stride=1)
        g = torch.nn.functional.adaptive_avg_pool2d(x, 1)
        g = torch.nn.functional.hardsigmoid(self.se2(torch.nn.functional.silu(self.se1(g))))
        x = torch.cat([x * g], 1).contiguous()
        x = torch.nn.functional.hardswish(x)
        return self.fc(torch.flatten(x.mean((2, 3)), 1))


def test_functional_calls_map_to_layers():
    torch.manual_seed(0)
    orig = Handwritten().eval()
    proj = import_module(orig, (3, 16, 16))
    types = {n.type for n in proj.graph.nodes}
    assert {"ReLU6", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "SiLU", "Hardsigmoid", "Multiply",
            "Hardswish", "GlobalMean"} <= types
    assert "Concat" not in types  # torch.cat of one tensor is that tensor
    compiled = compile_graph(proj.graph, proj.num_classes).eval()
    compiled.load_state_dict(orig.state_dict(), strict=True)
    x = torch.randn(2, 3, 16, 16)
    with torch.no_grad():
        assert torch.allclose(compiled(x), orig(x), atol=1e-6)
