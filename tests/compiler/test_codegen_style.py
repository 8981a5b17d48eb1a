"""Generated code reads like torchvision's: one class per block type, loops for dense chains,
arguments named for what they are, ``num_classes`` on the model, lines of at most 100
characters, and still exactly the compiled module (strict state_dict load, same outputs)."""
from __future__ import annotations

import ast
import re

import pytest
import torch

from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.compiler.code_format import fit
from studio.compiler.names import CUSTOM_CLASSES

from .conftest import fill_, small_project

NETS = ["resnet50", "densenet121", "efficientnet_b0", "mobilenet_v2", "googlenet"]


def classes_of(src: str) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in ast.parse(src).body if isinstance(n, ast.ClassDef)}


def init_args(cls: ast.ClassDef) -> list[str]:
    init = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    return [a.arg for a in init.args.args[1:]]


@pytest.mark.parametrize("name", NETS)
def test_export_reads_like_torchvision_and_is_the_compiled_model(name, make_source_module):
    p = small_project(name, classes=5)
    src = generate_source(p)
    long = [line for line in src.splitlines() if len(line) > 100]
    assert not long, long[:3]
    classes = classes_of(src)
    assert not [c for c in classes if re.search(r"_\d+$", c)], list(classes)
    # arguments say what they are: no out_channels_1, no bare p
    for cls in (c for n, c in classes.items() if n not in CUSTOM_CLASSES):  # those keep torchvision.ops' names
        assert not [a for a in init_args(cls) if re.search(r"_\d+$", a) or a == "p"], (cls.name, init_args(cls))
    mod, model_cls = make_source_module(src)
    assert init_args(classes[model_cls.__name__]) == ["num_classes"]
    with torch.device("meta"):
        compiled = compile_graph(p.graph, p.num_classes)
        exported = model_cls()
    fill_(compiled).eval()
    exported.to_empty(device="cpu")
    a, b = compiled.state_dict(), exported.state_dict()
    assert list(a) == list(b) and all(a[k].shape == b[k].shape for k in a)
    exported.load_state_dict(a, strict=True)
    exported.eval()
    x = torch.randn(2, *p.input_shape)
    with torch.no_grad():
        assert torch.equal(compiled(x), exported(x))
        seven = model_cls(num_classes=7).eval()
        assert seven(x).shape == (2, 7)
    assert p.num_classes == 5 and "def __init__(self, num_classes=5):" in src


def test_one_class_per_block_type_with_its_differences_as_arguments():
    srcs = {n: generate_source(small_project(n)) for n in ("resnet50", "densenet121", "mobilenet_v2",
                                                           "efficientnet_b0", "googlenet")}
    c = classes_of(srcs["resnet50"])
    assert init_args(c["Bottleneck"]) == ["in_channels", "planes", "stride"]
    assert "expansion = 4" in srcs["resnet50"] and "planes * self.expansion" in srcs["resnet50"]
    c = classes_of(srcs["densenet121"])
    assert set(c) == {"DenseLayer", "DenseBlock", "Transition", "DenseNet121"}
    assert init_args(c["DenseBlock"]) == ["num_layers", "in_channels", "growth_rate"]
    assert "for i in range(num_layers):" in srcs["densenet121"]
    assert "DenseBlock(num_layers=24, in_channels=256, growth_rate=32)" in srcs["densenet121"]
    assert srcs["densenet121"].count("torch.cat") == 2  # the loop's, not one per layer
    c = classes_of(srcs["mobilenet_v2"])
    assert init_args(c["InvertedResidual"]) == ["in_channels", "out_channels", "expand_ratio", "stride"]
    assert "if expand_ratio != 1:" in srcs["mobilenet_v2"] and "if self.use_residual:" in srcs["mobilenet_v2"]
    c = classes_of(srcs["efficientnet_b0"])
    assert [n for n in c if n.startswith("MBConv")] == ["MBConv"]
    assert "stochastic_depth_prob" in init_args(c["MBConv"]) and "kernel_size // 2" in srcs["efficientnet_b0"]
    c = classes_of(srcs["googlenet"])
    assert init_args(c["Inception"])[:3] == ["in_channels", "branch1_channels", "branch2_hidden_channels"]


def test_long_lines_split_at_brackets_and_strings_stay_whole():
    line = "        self.x = nn.Conv2d(" + ", ".join(f"a{i}" for i in range(40)) + ", mode='a, (b')"
    out = fit(line)
    assert all(len(s) <= 100 for s in out)
    assert "            mode='a, (b'," in out
    ast.parse("if 1:\n    if 1:\n" + "\n".join(out).replace("        self.x", "        x", 1))


def chain_of_units(n: int = 3):
    from studio.core.graph import GraphBuilder
    from studio.core.project import Project

    b = GraphBuilder()
    b.add("Input", "input", channels=8, height=8, width=8)
    for i in range(n):
        b.add("Conv2d", f"body.{i}.conv", out_channels=16 + 8 * i, kernel_size=3, padding=1)
        b.add("ReLU", f"body.{i}.relu")
    b.add("AdaptiveAvgPool2d", "pool", output_size=1)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=4)
    for i in range(n):
        b.graph.add_group(f"body.{i}", [f"body.{i}.conv", f"body.{i}.relu"], kind="Unit")
    b.graph.add_group("body", [f"body.{i}.{k}" for i in range(n) for k in ("conv", "relu")], kind="Body")
    return Project(graph=b.graph, num_classes=4, name="chain")


def test_a_block_of_chained_sub_blocks_is_a_loop(make_source_module):
    from .test_codegen import assert_same_model

    src = assert_same_model(chain_of_units(), make_source_module, real=False)
    body = src.split("class Body(nn.Module):")[1].split("class Chain")[0]
    assert "for i in range(num_layers):" in body and 'self.add_module(f"_{i}", layer)' in body
    assert "in_channels=in_channels + i * in_channels_step," in body
    assert "out_channels=out_channels + i * out_channels_step," in body
    assert "for layer in self.children():\n            x = layer(x)" in body
    call = src.split("self.body = Body(")[1].split(")")[0]
    assert [a.strip() for a in call.split(",") if a.strip()] == [
        "num_layers=3", "in_channels=8", "in_channels_step=8", "out_channels=16", "out_channels_step=8"]
