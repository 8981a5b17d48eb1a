"""Time loading (parse + validate) of a long chain whose edges are listed in REVERSE order.

A chain Input → ReLU × (n-2) → Flatten/Linear with its edges listed last-to-first once made every
connect search the whole chain for a cycle: 10,000 nodes took 46 s, 100,000 never finished (issue 13).
Prints, per size, the time of ``loads_project`` (JSON decode, parse, connect, cycle check) plus
``validate`` (structure, shapes, costs), and as a baseline in the same process a plain networkx
DiGraph built from the same JSON with a topological sort; the ratio says what our checks add.

    .venv/bin/python benchmarks/load_large.py [--nodes 10000 100000]

Targets (issue 13): 10k nodes under 2 s, 100k under 20 s, in any edge order.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx

from studio.core.project import loads_project
from studio.core.validate import validate


def reversed_chain_json(n: int) -> str:
    """A valid project of ``n`` nodes in a chain, edges listed from the last to the first."""
    nodes = [{"id": "input", "type": "Input", "params": {"channels": 1, "height": 4, "width": 4}}]
    nodes += [{"id": f"r{i}", "type": "ReLU"} for i in range(n - 3)]
    nodes += [{"id": "flatten", "type": "Flatten"}, {"id": "fc", "type": "Linear", "params": {"out_features": 2}}]
    ids = [nd["id"] for nd in nodes]
    edges = [{"source": a, "target": b, "port": 0} for a, b in zip(ids, ids[1:])]
    edges.reverse()
    return json.dumps({"format": "cnn-studio", "version": 1, "name": f"chain{n}", "num_classes": 2,
                       "graph": {"nodes": nodes, "edges": edges}})


def time_ours(text: str) -> tuple[float, int]:
    t = time.perf_counter()
    proj = loads_project(text, "chain.cnnproj")
    a = validate(proj.graph, proj.num_classes)
    dt = time.perf_counter() - t
    assert a.ok, [str(i) for i in a.errors[:3]]
    return dt, len(proj.graph)


def time_networkx(text: str) -> float:
    t = time.perf_counter()
    d = json.loads(text)
    g = nx.DiGraph()
    g.add_nodes_from(nd["id"] for nd in d["graph"]["nodes"])
    g.add_edges_from((e["source"], e["target"]) for e in d["graph"]["edges"])
    order = list(nx.topological_sort(g))
    assert len(order) == g.number_of_nodes()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    for n in args.nodes:
        text = reversed_chain_json(n)
        ours, count = time_ours(text)
        base = time_networkx(text)
        print(f"{count:>7,} nodes, edges reversed: load+validate {ours:6.2f} s; networkx baseline "
              f"{base:5.2f} s; ratio {ours / base:4.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
