"""Groups made by the user (any ids) become block classes; those that cannot stay flat, with a note."""
from __future__ import annotations

import subprocess
import sys

import pytest
import torch

from studio.compiler import compile_graph, make_plan
from studio.compiler.codegen import generate_source
from studio.core.graph import GraphBuilder
from studio.core.project import Project, load_project, save_project

from .conftest import small_project
from .test_codegen import assert_same_model
from .test_compile import check_shapes

NOTE = "# group {!r} is not a single-input single-output block: exported flat ({})"


def comment_text_of(src: str) -> str:
    """The header comments of generated code as one line (long ones are wrapped at 100 characters)."""
    head = src.split("\nimport torch\n")[0].splitlines()
    return "# " + " ".join(line[2:] for line in head if line.startswith("# "))


def lenet(*groups):
    from studio.templates import build_project

    p = build_project("lenet5")
    for name, ids, *kind in groups:
        p.graph.add_group(name, ids, kind=kind[0] if kind else "")
    return p


STAGES = [("stage1", ["conv1", "relu1", "pool1"]), ("stage2", ["conv2", "relu2", "pool2"])]


def residual_graph() -> Project:
    """stem -> two residual blocks (8 then 16 channels) -> head; ids say nothing of the blocks."""
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=16, width=16)
    b.add("Conv2d", "stem", out_channels=8, kernel_size=3, padding=1)
    x = b.add("ReLU", "stem_relu")
    for i, (ch, prev) in enumerate([(8, None), (16, "widen")], start=1):
        if prev:
            x = b.add("Conv2d", prev, inputs=x, out_channels=ch, kernel_size=1)
        b.add("Conv2d", f"conv_a{i}", inputs=x, out_channels=ch, kernel_size=3, padding=1, bias=False)
        b.add("BatchNorm", f"bn_a{i}")
        b.add("ReLU", f"relu_a{i}")
        b.add("Conv2d", f"conv_b{i}", out_channels=ch, kernel_size=3, padding=1, bias=False)
        main = b.add("BatchNorm", f"bn_b{i}")
        b.add("Add", f"add{i}", inputs=[main, x])
        x = b.add("ReLU", f"relu_b{i}")
    b.add("AdaptiveAvgPool2d", "pool", inputs=x, output_size=1)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=5)
    return Project(graph=b.graph, num_classes=5, name="tiny res")


def res_members(i):
    return [f"conv_a{i}", f"bn_a{i}", f"relu_a{i}", f"conv_b{i}", f"bn_b{i}", f"add{i}", f"relu_b{i}"]


def test_lenet_stages_share_one_class(make_source_module):
    p = lenet(*STAGES)
    plan = make_plan(p.graph, p.num_classes)
    assert [(c.name, len(c.instances), c.args) for c in plan.classes] == [("Stage", 2, ["in_channels", "out_channels"])]
    assert plan.paths["conv1"] == "stage1.conv" and plan.paths["pool2"] == "stage2.pool"
    assert plan.paths["fc1"] == "fc1" and not plan.flat
    src = assert_same_model(p, make_source_module, real=False)
    assert src.count("class ") == 2 and "class Stage(nn.Module):" in src
    assert "self.stage1 = Stage(in_channels=1, out_channels=6)" in src
    assert "self.stage2 = Stage(in_channels=6, out_channels=16)" in src
    assert "x = self.stage1(x)\n        x = self.stage2(x)\n" in src
    m = compile_graph(p.graph, p.num_classes)
    assert type(m.stage1).__name__ == "Stage" and type(m.stage2) is type(m.stage1)
    assert list(m.state_dict())[:4] == ["stage1.conv.weight", "stage1.conv.bias", "stage2.conv.weight",
                                        "stage2.conv.bias"]
    check_shapes(m, p.graph, torch.randn(2, *p.input_shape))


def test_one_user_group_keeps_its_layers_names(make_source_module):
    p = lenet(STAGES[0])
    plan = make_plan(p.graph, p.num_classes)
    assert [(c.name, c.args) for c in plan.classes] == [("Stage1", [])]
    assert plan.paths["conv1"] == "stage1.conv1" and plan.paths["conv2"] == "conv2"
    src = assert_same_model(p, make_source_module, real=False)
    assert "self.stage1 = Stage1()" in src and "self.conv1 = nn.Conv2d(1, 6, kernel_size=5)" in src


def test_different_structures_get_their_own_classes(make_source_module):
    p = lenet(*STAGES)
    p.graph.set_param("conv2", "padding", 1)  # not a channel count or stride: another structure
    plan = make_plan(p.graph, p.num_classes)
    assert [c.name for c in plan.classes] == ["Stage1", "Stage2"]
    assert plan.paths["conv2"] == "stage2.conv2"
    assert_same_model(p, make_source_module, real=False)


def test_residual_user_groups_share_one_class_with_the_add_inside(make_source_module):
    p = residual_graph()
    p.graph.add_group("res1", res_members(1))
    p.graph.add_group("res2", res_members(2))
    plan = make_plan(p.graph, p.num_classes)
    assert [(c.name, len(c.instances)) for c in plan.classes] == [("Res", 2)]
    assert plan.paths["conv_a2"] == "res2.conv_a" and plan.paths["bn_b1"] == "res1.bn_b"
    src = assert_same_model(p, make_source_module, real=False)
    assert "self.res1 = Res(in_channels=8)" in src and "self.res2 = Res(in_channels=16)" in src
    body = src.split("class Res(nn.Module):")[1].split("class TinyRes")[0]
    assert "out = self.conv_a(x)" in body and "out = out + x" in body and "return out" in body
    assert "x = self.res1(x)\n        x = self.widen(x)\n        x = self.res2(x)" in src
    m = compile_graph(p.graph, p.num_classes)
    check_shapes(m, p.graph, torch.randn(2, 3, 16, 16))
    m(torch.randn(2, 3, 16, 16)).sum().backward()
    assert m.res1.conv_a.weight.grad is not None


def test_a_user_group_beside_template_blocks():
    p = small_project("resnet18")
    p.graph.add_group("stem", ["conv1", "bn1", "relu", "maxpool"])
    plan = make_plan(p.graph, p.num_classes)
    assert [(c.name, len(c.instances), c.optional) for c in plan.classes] == [
        ("BasicBlock", 8, "downsample"), ("Stem", 1, None)]
    assert plan.paths["conv1"] == "stem.conv1" and plan.paths["layer2.0.downsample.0"] == "layer2.0.downsample.0"
    with torch.device("meta"):
        m = compile_graph(p.graph, p.num_classes)
    keys = list(m.state_dict())
    assert keys[:2] == ["stem.conv1.weight", "stem.bn1.weight"] and "layer1.0.conv1.weight" in keys


def flat_keys(p):
    g = p.graph.copy()
    for gr in g.groups:
        g.remove_group(gr.name)
    return list(compile_graph(g, p.num_classes).state_dict())


@pytest.mark.parametrize("groups, notes", [
    ([("gap", ["conv1", "pool1"])], [("gap", "its layers are not contiguous in the flow")]),
    ([("outer", ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2"]), ("inner", ["conv1", "relu1", "pool1"])],
     [("outer", "it contains group 'inner'"), ("inner", "it is nested in group 'outer'")]),
    ([("a", ["conv1", "relu1"]), ("b", ["relu1", "pool1"])],
     [("a", "it overlaps group 'b'"), ("b", "it overlaps group 'a'")]),
    ([("start", ["input", "conv1"])], [("start", "it holds the Input node")]),
])
def test_groups_that_cannot_be_blocks_stay_flat_with_a_note(groups, notes, make_source_module):
    p = lenet(*groups)
    plan = make_plan(p.graph, p.num_classes)
    assert plan.flat == notes and not plan.classes
    src = assert_same_model(p, make_source_module, real=False)
    for name, why in notes:
        assert NOTE.format(name, why)[2:] in comment_text_of(src)
    assert list(compile_graph(p.graph, p.num_classes).state_dict()) == flat_keys(p)


def test_a_group_with_two_outputs_stays_flat(make_source_module):
    p = residual_graph()
    p.graph.add_group("split", ["stem", "stem_relu", "conv_a1"])  # stem_relu also feeds add1
    p.graph.add_group("res2", res_members(2))
    plan = make_plan(p.graph, p.num_classes)
    assert plan.flat == [("split", "it has 2 outputs ('stem_relu', 'conv_a1')")]
    assert [c.name for c in plan.classes] == ["Res2"]
    src = assert_same_model(p, make_source_module, real=False)
    assert NOTE.format("split", "it has 2 outputs ('stem_relu', 'conv_a1')")[2:] in comment_text_of(src)
    assert "self.stem = nn.Conv2d(" in src and "self.res2 = Res2()" in src


def test_group_names_and_kinds_become_legal_unique_names(make_source_module):
    p = lenet(("flatten", ["conv1", "relu1", "pool1"]), ("my block!", ["conv2", "relu2", "pool2"], "lenet 5"),
              ("forward", ["fc1", "relu3"]), ("2nd", ["fc2"]))
    plan = make_plan(p.graph, p.num_classes)
    assert plan.paths["conv1"] == "flatten_1.conv1" and plan.paths["conv2"] == "my_block.conv2"
    assert plan.paths["fc1"] == "forward_.fc1" and plan.paths["fc2"] == "_2nd.fc2"
    assert [c.name for c in plan.classes] == ["Flatten", "Lenet5", "Forward", "Block2nd"]
    assert_same_model(p, make_source_module, real=False)


def test_user_blocks_survive_save_and_load(tmp_path, make_source_module):
    p = residual_graph()
    p.graph.add_group("res1", res_members(1), kind="basic block")
    p.graph.add_group("res2", res_members(2), kind="basic block")
    p.graph.add_group("gap", ["stem", "widen"])
    torch.manual_seed(0)
    before = compile_graph(p.graph, p.num_classes).eval()
    src = generate_source(p)
    assert "class BasicBlock(nn.Module):" in src and NOTE.format("gap", "its layers are not contiguous in the flow")[2:] in comment_text_of(src)
    path = tmp_path / "tiny.cnnproj"
    save_project(p, path)
    q = load_project(path)
    assert generate_source(q) == src
    after = compile_graph(q.graph, q.num_classes).eval()
    after.load_state_dict(before.state_dict(), strict=True)
    x = torch.randn(2, 3, 16, 16)
    with torch.no_grad():
        assert torch.equal(before(x), after(x))
    assert_same_model(q, make_source_module, real=False)
    # a fresh process reads the file and writes the same code
    code = ("import sys; from studio.core.project import load_project; "
            "from studio.compiler.codegen import generate_source; "
            "sys.stdout.write(generate_source(load_project(sys.argv[1])))")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == src


def test_a_user_group_inside_a_numbered_run(make_source_module):
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=8, width=8)
    for i, t in enumerate(["Conv2d", "ReLU", "Conv2d", "ReLU", "MaxPool2d"]):
        b.add(t, f"features.{i}", **({"out_channels": 4, "padding": 1} if t == "Conv2d" else {}))
    b.add("Flatten", "flatten")
    b.add("Linear", "classifier.0", out_features=3)
    p = Project(graph=b.graph, num_classes=3)
    p.graph.add_group("head", ["features.2", "features.3"])
    plan = make_plan(p.graph, p.num_classes)
    assert plan.paths["features.2"] == "head.features_2" and plan.paths["features.4"] == "features.4"
    src = assert_same_model(p, make_source_module, real=False)
    assert "self.features = nn.ModuleDict({" in src and "self.head = Head()" in src
    m = compile_graph(p.graph, p.num_classes)
    check_shapes(m, p.graph, torch.randn(2, 3, 8, 8))
