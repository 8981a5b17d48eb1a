"""The module import graph of studio/ has no cycle, between modules or between packages.

The graph is built from the source with ``ast``: one node per module (a package is its
``__init__``), one edge per import of another studio module. Every import counts, at module
level AND inside functions (the lazy ``import torch``-style imports the layering relies
on are real dependencies too, and the cycles the code had, core.spec -> layers and
compiler.plan -> classes, were function-level ones); only imports under
``if TYPE_CHECKING:`` are left out, since they never run. ``from pkg import name`` is an
edge to ``pkg.name`` when that is a module, else to ``pkg``. Importing a submodule also
runs its parent packages' ``__init__``; like import-linter, the graph does not count that.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]

# Edges left out of the check on purpose (none today: every cycle is fixed).
EXCLUDED_EDGES: set[tuple[str, str]] = set()


def modules(root: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package)."""
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_nodes(tree: ast.AST):
    """Every Import/ImportFrom node, at any depth, except under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.If) and _is_type_checking(node.test) and child in node.body:
                continue
            stack.append(child)


def targets(module: str, is_pkg: bool, node, known) -> list[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        if node.level:
            base = module if is_pkg else module.rsplit(".", 1)[0]
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = base + ("." + node.module if node.module else "")
        else:
            target = node.module
        names = [f"{target}.{a.name}" if f"{target}.{a.name}" in known else target for a in node.names]
    out = []
    for name in names:
        while name and name not in known:  # `import studio.core.graph.x` -> the nearest module
            name = name.rpartition(".")[0]
        if name and name != module:
            out.append(name)
    return out


def import_graph(root: Path, package: str) -> nx.DiGraph:
    known = modules(root, package)
    g = nx.DiGraph()
    for mod, (path, is_pkg) in known.items():
        g.add_node(mod)
        for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for t in targets(mod, is_pkg, node, known):
                g.add_edge(mod, t)
    return g


def test_studio_import_graph_is_acyclic():
    g = import_graph(ROOT, "studio")
    g.remove_edges_from(EXCLUDED_EDGES & set(g.edges))
    cycles = [c for c in nx.simple_cycles(g)][:10] if not nx.is_directed_acyclic_graph(g) else []
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c + c[:1]) for c in cycles)


def package_of(module: str) -> str:
    """``studio.core.graph`` -> ``studio.core``; a top-level module (``studio.cli``) is its own."""
    return ".".join(module.split(".")[:2])


def package_graph(g: nx.DiGraph) -> nx.DiGraph:
    """One node per top-level package (or module) of studio/, one edge per import between two;
    the package root ``studio`` (the composition root) is left out."""
    p = nx.DiGraph()
    for a, b in g.edges:
        pa, pb = package_of(a), package_of(b)
        if pa != pb and "studio" not in (pa, pb):
            p.add_edge(pa, pb)
    return p


def test_no_cycle_between_packages():
    """training imports experiments; experiments must not import training back (runs/ sits
    below both), and likewise for every pair of packages."""
    p = package_graph(import_graph(ROOT, "studio"))
    cycles = sorted(nx.simple_cycles(p))[:10]
    assert not cycles, "package cycles:\n" + "\n".join(" -> ".join(c + c[:1]) for c in cycles)
    assert p.has_edge("studio.training", "studio.experiments") and p.has_edge("studio.experiments", "studio.runs")


def subpackage_graph(g: nx.DiGraph, known: dict) -> nx.DiGraph:
    """One node per package at any depth (``studio.gui.training``), each module counted in its
    innermost package; imports between a package and its own subpackages are left out."""
    pkgs = {m for m, (_p, is_pkg) in known.items() if is_pkg}

    def pkg(m: str) -> str:
        return m if m in pkgs else m.rpartition(".")[0]

    p = nx.DiGraph()
    for a, b in g.edges:
        pa, pb = pkg(a), pkg(b)
        if pa != pb and not pb.startswith(pa + ".") and not pa.startswith(pb + "."):
            p.add_edge(pa, pb)
    return p


# Subpackage edges left out of the check on purpose: the training tabs install the Experiments
# menu, whose window shows the training worker's records (remove once the main window installs
# that menu itself).
EXCLUDED_SUBPACKAGE_EDGES: set[tuple[str, str]] = {("studio.gui.training", "studio.gui.experiments")}


def test_no_cycle_between_subpackages():
    p = subpackage_graph(import_graph(ROOT, "studio"), modules(ROOT, "studio"))
    p.remove_edges_from(EXCLUDED_SUBPACKAGE_EDGES & set(p.edges))
    cycles = sorted(nx.simple_cycles(p))[:10]
    assert not cycles, "subpackage cycles:\n" + "\n".join(" -> ".join(c + c[:1]) for c in cycles)
    assert p.has_edge("studio.gui.canvas", "studio.gui.commands")  # the graph is real


def test_a_package_cycle_is_found_without_a_module_cycle(tmp_path):
    pkg = tmp_path / "pkg"
    for sub in ("a", "b"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "x.py").write_text("from pkg.b import y\n")
    (pkg / "b" / "y.py").write_text("")
    (pkg / "b" / "z.py").write_text("def f():\n    from pkg.a import w\n")
    (pkg / "a" / "w.py").write_text("")
    g = import_graph(tmp_path, "pkg")
    assert nx.is_directed_acyclic_graph(g)  # no file-level circle...
    assert sorted(map(sorted, nx.simple_cycles(package_graph(g)))) == [["pkg.a", "pkg.b"]]  # ...but a package one
    assert sorted(map(sorted, nx.simple_cycles(subpackage_graph(g, modules(tmp_path, "pkg"))))) == [["pkg.a", "pkg.b"]]


def top_level_parts(root: Path, package: str) -> set[str]:
    """Every subpackage and top-level module of ``package`` (``studio.core``, ``studio.cli``…)."""
    base = root / package
    out = {f"{package}.{p.name}" for p in base.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    out |= {f"{package}.{p.stem}" for p in base.glob("*.py") if p.stem != "__init__"}
    return out


def importlinter_contracts() -> list[dict]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def test_every_package_is_in_the_layers_contract():
    (layers,) = [c for c in importlinter_contracts() if c["type"] == "layers"]
    named = {m.strip() for layer in layers["layers"] for m in layer.split("|")}
    assert named == top_level_parts(ROOT, "studio"), "add the package to the layers contract in pyproject.toml"


def test_qt_contract_names_every_package_but_gui():
    (qt,) = [c for c in importlinter_contracts() if c["type"] == "forbidden" and "PySide6" in c["forbidden_modules"]
             and "studio.diagram" in c["source_modules"]]
    assert set(qt["source_modules"]) == top_level_parts(ROOT, "studio") - {"studio.gui"}
    assert qt["ignore_imports"] == ["studio.diagram.raster -> PySide6"]


QT = ("PySide6", "pyqtgraph")


def test_qt_is_imported_only_under_gui_and_in_diagram_raster():
    """Every import statement, at any depth (lazy ones too)."""
    bad = []
    for mod, (path, _is_pkg) in modules(ROOT, "studio").items():
        if mod.startswith("studio.gui.") or mod in ("studio.gui", "studio.diagram.raster"):
            continue
        for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            bad += [f"{mod}:{node.lineno} imports {n}" for n in names if n.split(".")[0] in QT]
    assert not bad, "\n".join(bad)


def test_the_graph_sees_every_kind_of_import():
    g = import_graph(ROOT, "studio")
    assert g.has_edge("studio.compiler.codegen", "studio.compiler.plan")  # relative, module level
    assert g.has_edge("studio.compiler.codegen", "studio.templates")  # absolute, inside a function
    assert g.has_edge("studio", "studio.layers")  # `from . import layers` in a package
    assert g.has_edge("studio.layers.conv", "studio.core.spec")  # `from pkg.mod import name`
    assert not g.has_edge("studio.core.spec", "studio.layers")  # the catalogue registers into core


def test_a_function_level_cycle_is_found(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import f\n")
    (pkg / "b.py").write_text("def f():\n    from pkg import a\n    return a\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n")
    g = import_graph(tmp_path, "pkg")
    assert sorted(sorted(c) for c in nx.simple_cycles(g)) == [["pkg.a", "pkg.b"]]
    assert not g.has_edge("pkg.c", "pkg.a")  # type-checking only
