"""torch.fx import: torchvision models, functional ops, round trips, one clear error."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

from studio.cli import main
from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.compiler.importer import ImportModelError, import_callable, import_module
from studio.core.project import load_project

SHAPE = (3, 64, 64)


@pytest.fixture(scope="module")
def tv_models():
    """torchvision resnet18, vgg16 and alexnet, built once on the meta device (no weights to init)."""
    with torch.device("meta"):
        return {n: getattr(torchvision.models, n)() for n in ("resnet18", "vgg16", "alexnet")}


@pytest.fixture(scope="module")
def imported(tv_models):
    return {n: import_module(m, SHAPE, name=n) for n, m in tv_models.items()}


@pytest.mark.parametrize("name", ["resnet18", "vgg16", "alexnet"])
def test_torchvision_import_keeps_parameters_and_keys(name, tv_models, imported):
    orig, proj = tv_models[name], imported[name]
    with torch.device("meta"):
        compiled = compile_graph(proj.graph, proj.num_classes)
    count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    assert count(compiled) == count(orig)
    a, b = orig.state_dict(), compiled.state_dict()
    assert {k: tuple(v.shape) for k, v in a.items()} == {k: tuple(v.shape) for k, v in b.items()}
    assert proj.num_classes == 1000 and proj.input_shape == SHAPE


def test_resnet_import_has_blocks_layout_and_same_outputs():
    torch.manual_seed(0)
    orig = torchvision.models.resnet18(num_classes=7).eval()
    proj = import_module(orig, SHAPE)
    g = proj.graph
    groups = {gr.name: gr for gr in g.groups}
    assert sorted(groups) == [f"layer{i}.{j}" for i in range(1, 5) for j in range(2)]
    assert groups["layer2.0"].kind == "BasicBlock" and "layer2.0.downsample.0" in groups["layer2.0"].nodes
    assert g.node("layer1.0.add").type == "Add" and g.node("flatten").type == "Flatten"
    assert len({n.pos for n in g.nodes}) == len(g)  # laid out: no two cards on one spot
    compiled = compile_graph(g, 7)
    compiled.load_state_dict(orig.state_dict(), strict=True)
    compiled.eval()
    x = torch.randn(2, *SHAPE)
    with torch.no_grad():
        assert torch.allclose(compiled(x), orig(x), atol=1e-5)


@pytest.mark.parametrize("name", ["resnet18", "vgg16", "alexnet"])
def test_import_export_import_gives_the_same_graph(name, imported, make_source_module):
    proj = imported[name]
    _, cls = make_source_module(generate_source(proj))
    with torch.device("meta"):
        again = import_module(cls(), SHAPE, name=name)
    assert again.graph.structure() == proj.graph.structure()


class Functional(nn.Module):
    """Functional spellings of supported operations."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.branch = nn.Conv2d(4, 4, 1)
        self.branch2 = nn.Conv2d(4, 4, 1)
        self.pad = nn.ZeroPad2d((1, 0, 1, 0))
        self.pool = nn.AvgPool2d(2)
        self.norm = nn.LocalResponseNorm(3)
        self.drop = nn.Dropout2d(0.1)
        self.head = nn.Sequential(nn.Linear(8 * 4 * 4, 6), nn.BatchNorm1d(6), nn.LeakyReLU(0.2),
                                  nn.Dropout(0.3), nn.Linear(6, 3))
        self.act = nn.GELU()

    def forward(self, x):
        x = F.relu(self.conv(x))
        y = torch.relu(self.branch(x))
        x += y
        x = torch.add(x, self.branch2(x))
        x = torch.cat([x, self.act(x)], dim=1)
        x = self.drop(self.norm(self.pool(self.pool(x))))
        x = x.view(x.size(0), -1)
        return torch.sigmoid(self.head(x))


def test_functional_ops_import_and_match_outputs():
    torch.manual_seed(0)
    orig = Functional().eval()
    proj = import_module(orig, (3, 16, 16))
    types = sorted(n.type for n in proj.graph.nodes)
    assert types.count("Add") == 2 and types.count("Concat") == 1 and types.count("ReLU") == 2
    assert "Flatten" in types and "Sigmoid" in types
    compiled = compile_graph(proj.graph, proj.num_classes)
    compiled.load_state_dict(orig.state_dict(), strict=True)
    compiled.eval()
    x = torch.randn(2, 3, 16, 16)
    with torch.no_grad():
        assert torch.allclose(compiled(x), orig(x), atol=1e-6)


class Unsupported(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3)
        self.act = nn.ELU()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        x = self.act(self.conv(self.conv(x))) * 2
        x = x * x.mean(dim=1, keepdim=True)
        x = x.mean(dim=(2, 3))
        return self.fc(x)


def test_unsupported_ops_are_listed_in_one_error():
    with pytest.raises(ImportModelError) as exc:
        import_module(Unsupported(), (3, 9, 9))
    msg = str(exc.value)
    first = msg.splitlines()[0]
    assert first == ("cannot import Unsupported: 4 operation(s) have no studio layer "
                     "(Conv2d, ELU, operator.mul, method .mean()).")
    assert "called more than once" in msg and "ELU at 'act'" in msg and "dim=(1,)" in msg


def test_cli_import_writes_project_or_nothing(tmp_path, capsys):
    out = tmp_path / "r18.cnnproj"
    assert main(["import", "torchvision.models:resnet18", "--input", "3x32x32", "--classes", "10",
                 "-o", str(out)]) == 0
    proj = load_project(out)
    assert proj.num_classes == 10 and proj.input_shape == (3, 32, 32) and len(proj.graph.groups) == 8
    assert main(["import", "torchvision.models:resnet18", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    bad = tmp_path / "bad.cnnproj"
    assert main(["import", f"{__name__}:Unsupported", "--input", "3x9x9", "-o", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "have no studio layer" in err and "Traceback" not in err and not bad.exists()
    assert main(["import", "no_such_pkg_xyz:net", "-o", str(bad)]) == 2
    assert "cannot import the Python module 'no_such_pkg_xyz'" in capsys.readouterr().err
    assert main(["import", "torchvision.models:alexnet", "--input", "3x8x8", "-o", str(bad)]) == 2
    assert "--input" in capsys.readouterr().err and not bad.exists()


def test_import_callable_passes_num_classes():
    proj = import_callable("torchvision.models:alexnet", (3, 64, 64), num_classes=4)
    assert proj.num_classes == 4 and proj.graph.node("classifier.6").params["out_features"] == 4
