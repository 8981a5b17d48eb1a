"""Layering at run time (docs/architecture.md), each check in a fresh interpreter: the core, the layer
catalogue and the templates load neither torch nor Qt; generating code as text (the Code
tab) never imports torch. The static rules are import-linter contracts in pyproject.toml
(``lint-imports``, run by ``make test``) and tests/test_import_graph.py."""
import subprocess
import sys

HEAVY = "('torch', 'PySide6', 'pyqtgraph', 'torchvision')"


def run_fresh(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_core_layers_and_templates_import_without_torch_or_qt():
    code = (
        "import pkgutil, importlib, sys, studio.core, studio.layers, studio.templates\n"
        "import studio.diagram, studio.diagram.svg, studio.diagram.raster\n"
        "for pkg in (studio.core, studio.layers, studio.templates):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "from studio.core.spec import all_specs\n"
        "assert len(all_specs()) > 10, 'the catalogue did not register'\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {HEAVY}]\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    r = run_fresh(code)
    assert r.returncode == 0, f"pulled in: {r.stdout} {r.stderr}"


def test_code_tab_generates_source_without_importing_torch():
    """Templates with blocks (ResNet: one class with an optional downsample), a user group
    and every layer type: the text is written, torch never loaded."""
    code = (
        "import sys\n"
        "from studio.gui.panels.code_view import _generate_source\n"
        "from studio.templates import build_project\n"
        "from studio.core.graph import GraphBuilder\n"
        "from studio.core.project import Project\n"
        "srcs = [_generate_source(build_project(n)) for n in ('resnet18', 'resnet50', 'vgg11_bn', 'alexnet')]\n"
        "p = build_project('lenet5')\n"
        "p.graph.add_group('stage1', ['conv1', 'relu1', 'pool1'])\n"
        "p.graph.add_group('stage2', ['conv2', 'relu2', 'pool2'])\n"
        "srcs.append(_generate_source(p))\n"
        "assert 'class Stage(nn.Module)' in srcs[-1], srcs[-1]\n"
        "assert 'downsample=False' in srcs[0] and 'nn.Conv2d(3, 64, kernel_size=7' in srcs[0], srcs[0]\n"
        "b = GraphBuilder()\n"
        "b.add('Input', 'input', channels=3, height=32, width=32)\n"
        "b.add('ZeroPad2d', 'pad', padding=1)\n"
        "b.add('Conv2d', 'conv', out_channels=8, kernel_size=3, stride=2, bias=False)\n"
        "b.add('BatchNorm', 'bn', momentum=0.2)\n"
        "for t in ('LeakyReLU', 'GELU', 'Sigmoid', 'Tanh', 'Dropout2d', 'LocalResponseNorm'):\n"
        "    b.add(t, t.lower())\n"
        "b.add('AvgPool2d', 'avg', kernel_size=2, ceil_mode=True)\n"
        "b.add('AdaptiveMaxPool2d', 'amax', output_size=2)\n"
        "b.add('Flatten', 'flat')\n"
        "b.add('Dropout', 'drop', p=0.3)\n"
        "b.add('Linear', 'fc', out_features=10)\n"
        "src = _generate_source(Project(graph=b.graph, num_classes=10))\n"
        "assert 'nn.Conv2d(3, 8, kernel_size=3, stride=2, bias=False)' in src, src\n"
        "assert 'nn.BatchNorm2d(8, momentum=0.2)' in src and 'nn.Linear(32, 10)' in src, src\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'torchvision')]\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    r = run_fresh(code)
    assert r.returncode == 0, f"torch was imported: {r.stdout} {r.stderr}"


def test_compiler_package_loads_torch_only_when_compiling():
    code = (
        "import sys\n"
        "from studio.compiler import CompileError, make_plan\n"
        "assert 'torch' not in sys.modules, 'import studio.compiler loaded torch'\n"
        "from studio.compiler import compile_graph\n"
        "assert 'torch' in sys.modules and callable(compile_graph)\n"
    )
    r = run_fresh(code)
    assert r.returncode == 0, r.stderr
