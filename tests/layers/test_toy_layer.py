"""A new layer type through exactly the checklist of docs/layers.md ("Adding a layer type"):
one spec registered (here in the test, removed after it), and the studio builds a graph with
it, infers its shape, compiles it, exports readable code with the same state_dict, and imports
the torch module back as the new type. No other file is touched."""
from __future__ import annotations

import importlib.util
import re
import sys

import pytest
import torch
from torch import nn

from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.compiler.importer import import_module
from studio.core.errors import ShapeError
from studio.core.graph import GraphBuilder
from studio.core.project import Project
from studio.core.spec import LayerSpec, ParamSpec, fmt_shape, get_spec, register, unregister
from studio.core.validate import validate


class PixelShuffleSpec(LayerSpec):
    """Step 1 of the checklist: the spec. Rearranges C·r²×H×W into C×rH×rW (ESPCN)."""

    id = "PixelShuffle"
    title = "PixelShuffle"
    category = "Linear/Reshape"
    description = "Trades channels for resolution: C·r²×H×W becomes C×rH×rW."
    params = (ParamSpec("upscale_factor", "int", 2, "r: each side grows r times", 1, 16),)
    torch_class = "PixelShuffle"
    torch_keywords = ("upscale_factor",)  # nn.PixelShuffle's signature (for the generated code)
    imports = ("PixelShuffle",)  # the importer reads nn.PixelShuffle as this type (from_torch)

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        self.need_image(in_shapes[0], who)
        c, h, w = in_shapes[0]
        r = params["upscale_factor"]
        if c % (r * r):
            raise ShapeError(f"{who} needs channels divisible by r² = {r * r}, but gets {c}")
        return c // (r * r), h * r, w * r

    def explain(self, params, in_shapes, out):
        return f"PixelShuffle: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\nparams = 0"

    def torch_module(self, params, in_shapes):
        return "PixelShuffle", {"upscale_factor": params["upscale_factor"]}


@pytest.fixture
def toy_layer():
    register(PixelShuffleSpec)
    try:
        yield get_spec("PixelShuffle")
    finally:
        unregister("PixelShuffle")


def toy_project() -> Project:
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=8, width=8)
    b.add("Conv2d", "conv", out_channels=16, kernel_size=3, padding=1)
    b.add("PixelShuffle", "shuffle", upscale_factor=2)
    b.add("ReLU", "relu")
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=3)
    return Project(graph=b.graph, num_classes=3, name="toy")


class ToyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, padding=1)
        self.shuffle = nn.PixelShuffle(2)
        self.fc = nn.Linear(4 * 16 * 16, 3)

    def forward(self, x):
        return self.fc(torch.flatten(torch.relu(self.shuffle(self.conv(x))), 1))


def test_a_toy_layer_goes_through_shapes_compile_export_and_import(toy_layer, tmp_path):
    p = toy_project()
    a = validate(p.graph, p.num_classes)
    assert not a.errors, [i.message for i in a.errors]
    assert a.shapes["shuffle"] == (4, 16, 16) and a.shapes["fc"] == (3,)

    model = compile_graph(p.graph, p.num_classes).eval()
    assert isinstance(model.node_module("shuffle"), nn.PixelShuffle)
    x = torch.randn(2, 3, 8, 8)

    src = generate_source(p)
    assert "nn.PixelShuffle(upscale_factor=2)" in src
    path = tmp_path / "toy_model.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("toy_model", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["toy_model"] = mod
    spec.loader.exec_module(mod)
    exported = getattr(mod, re.search(r"^    model = (\w+)\(\)$", src, re.M).group(1))().eval()
    exported.load_state_dict(model.state_dict(), strict=True)
    with torch.no_grad():
        assert torch.equal(model(x), exported(x))

    back = import_module(ToyNet().eval(), input_shape=(3, 8, 8), num_classes=3)
    types = [n.type for n in back.graph.nodes]
    assert "PixelShuffle" in types
    shuffle = next(n for n in back.graph.nodes if n.type == "PixelShuffle")
    assert shuffle.params["upscale_factor"] == 2


def test_the_toy_layer_refuses_bad_input_with_a_message(toy_layer):
    p = toy_project()
    p.graph.set_param("conv", "out_channels", 6)
    a = validate(p.graph, p.num_classes)
    assert any("divisible by r² = 4" in i.message for i in a.errors)


def test_the_toy_layer_is_gone_after_the_test():
    from studio.core.spec import canonical_type

    assert canonical_type("PixelShuffle") is None
