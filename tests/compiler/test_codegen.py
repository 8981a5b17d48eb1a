"""Generated model.py: same state_dict as the compiled module, same outputs, runs alone, safe."""
from __future__ import annotations

import ast
import io
import re
import tokenize
import subprocess
import sys

import pytest
import torch

from studio.compiler import compile_graph
from studio.compiler.codegen import generate_source
from studio.core.graph import GraphBuilder
from studio.core.project import Project

from .conftest import fill_, small_project
from .test_compile import TEMPLATES, random_graph, skip_graph


def assert_same_model(project, make_source_module, real=True):
    src = generate_source(project)
    ast.parse(src)
    _, cls = make_source_module(src)
    if real:
        with torch.device("meta"):
            compiled = compile_graph(project.graph, project.num_classes)
            exported = cls()
        fill_(compiled).eval()
        exported.to_empty(device="cpu")
    else:
        compiled = compile_graph(project.graph, project.num_classes).eval()
        exported = cls()
    a, b = compiled.state_dict(), exported.state_dict()
    assert list(a) == list(b)
    assert [tuple(t.shape) for t in a.values()] == [tuple(t.shape) for t in b.values()]
    exported.load_state_dict(a, strict=True)
    exported.eval()
    x = torch.randn(2, *project.input_shape)
    with torch.no_grad():
        assert torch.equal(compiled(x), exported(x))
    return src


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_exports_the_same_model(name, make_source_module):
    p = small_project(name)
    src = assert_same_model(p, make_source_module)
    assert max(len(line) for line in src.splitlines()) <= 100
    assert not re.findall(r"^class \w+_\d+\(", src, re.M)  # one class per block type
    _, cls = make_source_module(src)
    with torch.device("meta"):  # shapes only: Model(num_classes=7) gives 7 scores
        assert cls(num_classes=7)(torch.empty(2, *p.input_shape)).shape == (2, 7)
    assert src.count("import ") == 2 and "import torch\nfrom torch import nn\n" in src
    if name.startswith("resnet"):
        kind = "BasicBlock" if name in ("resnet18", "resnet34") else "Bottleneck"
        assert src.count("class ") == 2 and f"class {kind}(nn.Module)" in src
        assert "nn.Sequential(" in src and "if self.downsample is not None:" in src
    if name.startswith("vgg"):
        assert "self.features = nn.Sequential(" in src and "self.classifier = nn.Sequential(" in src
        assert "def forward(self, x):\n        x = self.features(x)" in src


@pytest.mark.parametrize("seed", range(0, 30, 3))
def test_random_graphs_export_the_same_model(seed, make_source_module):
    import random

    g = random_graph(random.Random(seed))
    assert_same_model(Project(graph=g, num_classes=4), make_source_module, real=False)


def test_hand_graph_with_skip_reads_well(make_source_module):
    src = assert_same_model(Project(graph=skip_graph(), num_classes=5, name="skip net"), make_source_module,
                            real=False)
    assert "class SkipNet(nn.Module):" in src
    assert "torch.cat([" in src and " + " in src
    assert "self.branch = nn.ModuleDict({" in src


def test_python_model_py_runs_alone(tmp_path):
    p = small_project("resnet18")
    (tmp_path / "model.py").write_text(generate_source(p), encoding="utf-8")
    r = subprocess.run([sys.executable, "model.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "output shape: (1, 10)"


EVIL = [
    'x"; import os; os.system("touch MARKER") #',
    "'''\nopen('MARKER', 'w').write('pwned')\n'''",
    '"""\nopen("MARKER", "w").write("pwned")\n"""',
    "\\\nopen('MARKER','w')\r\n# \u2028 \x00 \\",
    "__import__('os').system('touch MARKER')",
]


def test_hostile_strings_never_become_code(tmp_path):
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8, label=EVIL[0])
    for i, label in enumerate(EVIL):
        b.add("Conv2d", f"layer{i}", out_channels=2, padding=1, label=label)
    b.add("Flatten", "flatten", label=EVIL[1])
    b.add("Linear", "fc", out_features=3, label=EVIL[2])
    g = b.graph
    g.add_group(EVIL[1], ["layer0", "layer1"], kind=EVIL[3])
    g.add_group(EVIL[4], ["layer3"], kind=EVIL[4])
    proj = Project(graph=g, num_classes=3, name=EVIL[2], template=EVIL[1], notes=EVIL[0],
                   class_names=EVIL[:3])
    src = generate_source(proj)
    tree = ast.parse(src)
    # no user string became a name, call or statement: only torch/nn calls, our own classes and
    # submodules (self.<identifier>: a group named 'open' is the block self.open)
    calls = {ast.unparse(n.func).split("(")[0] for n in ast.walk(tree) if isinstance(n, ast.Call)}
    calls = {c for c in calls if not c.startswith("self.")}
    assert not any("open" in c or "system" in c or "__import__" in c or "os." in c for c in calls), calls
    assert all(isinstance(n, (ast.Import, ast.ImportFrom, ast.ClassDef, ast.If)) for n in tree.body)
    # user text appears only in comments (as repr) or squeezed into an identifier
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if "MARKER" in tok.string:
            assert tok.type in (tokenize.COMMENT, tokenize.NAME) or re.fullmatch(
                r'"""(The \w+ network, as built in cnn-studio|An? \w+ block \(used \d+ times? in this network\))\."""',
                tok.string), tok
    (tmp_path / "model.py").write_text(src, encoding="utf-8")
    r = subprocess.run([sys.executable, "model.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "output shape: (1, 3)" in r.stdout
    assert not (tmp_path / "MARKER").exists()
