"""The module import graph of studio/ has no cycle.

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
