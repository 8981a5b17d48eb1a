"""Stage inference on a project with many overlapping groups (issue 18).

A 1 MB project with 44 layers and 20,000 groups took over 300 s in `cnn-studio diagram` and in
the window: ``core/stages.py:_outer_groups`` compared every pair of groups. It now finds the
groups no other group holds with one bit mask per layer (see ``stages._maximal``).

Prints, per group count: the time of ``loads_project`` (JSON, parse, groups; what `summary`
spends) as the baseline in the same process, then ``infer_stages`` (new), the old all-pairs
code (only up to --old-max groups: it is quadratic), ``build_diagram`` and the window's
``open_overview`` (stages + layout), each with its ratio to the baseline.

    .venv/bin/python benchmarks/stage_groups.py [--groups 1000 4000 20000] [--old-max 4000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studio.core import stages
from studio.core.project import loads_project
from studio.core.validate import validate
from studio.diagram import build_diagram

LAYERS = 44


def project_json(n_groups: int, kind: str = "mixed", seed: int = 0) -> str:
    """44 layers (conv/relu stacks and pools) and ``n_groups`` groups over them, named like
    torchvision's blocks ('layerK.J'). ``kind``: "mixed" (random runs of consecutive layers and
    random scattered sets), "same" (every group holds every layer: the old code compared 44-element
    sets for every pair), "half" (random sets of 22 layers: almost none holds another)."""
    rng = random.Random(seed)
    nodes = [{"id": "input", "type": "Input", "params": {"channels": 3, "height": 64, "width": 64}}]
    kinds = ["Conv2d", "ReLU"] * 18 + ["MaxPool2d"] * 4 + ["Flatten", "Linear"]
    body = []
    for i, t in enumerate(kinds[:LAYERS - 2]):
        params = {"out_channels": 8, "kernel_size": 3, "padding": 1} if t == "Conv2d" else (
            {"kernel_size": 1} if t == "MaxPool2d" else {})
        body.append({"id": f"n{i}", "type": t, "params": params})
    body += [{"id": "flatten", "type": "Flatten"}, {"id": "fc", "type": "Linear", "params": {"out_features": 10}}]
    nodes += body
    ids = [n["id"] for n in nodes]
    edges = [{"source": a, "target": b, "port": 0} for a, b in zip(ids, ids[1:])]
    layer_ids = ids[1:]
    groups = []
    for g in range(n_groups):
        if kind == "same":
            members = list(layer_ids)
        elif kind == "half":
            members = rng.sample(layer_ids, len(layer_ids) // 2)
        elif g % 2:
            a = rng.randrange(len(layer_ids) - 1)
            members = layer_ids[a:a + rng.randint(1, 12)]
        else:
            members = rng.sample(layer_ids, rng.randint(1, 8))
        groups.append({"name": f"layer{g % 50}.{g}", "nodes": members})
    return json.dumps({"format": "cnn-studio", "version": 1, "name": "groups", "num_classes": 10,
                       "graph": {"nodes": nodes, "edges": edges, "groups": groups}})


def old_outer_groups(graph, order):
    """The all-pairs code this replaced (kept here as the baseline it is measured against)."""
    groups = [g for g in graph.groups if g.nodes]
    sets = {g.name: set(g.nodes) for g in groups}
    outer = [g for g in groups if not any(h.name != g.name and sets[g.name] < sets[h.name] for h in groups)]
    pos = {n: i for i, n in enumerate(order)}
    return sorted(outer, key=lambda g: min(pos.get(n, 0) for n in g.nodes))


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def measure(kind: str, n: int, old_max: int) -> None:
    text = project_json(n, kind)
    base, proj = timed(lambda: loads_project(text, "groups.cnnproj"))
    g = proj.graph
    order = stages._order(g)
    t_new, new = timed(lambda: stages._outer_groups(g, order))
    t_inf, _ = timed(lambda: stages.infer_stages(g))
    a = validate(g, proj.num_classes)
    t_diag, _ = timed(lambda: build_diagram(g, a, "groups"))
    line = (f"{kind:>5}: {n:>6} groups, {len(text) / 1e6:.2f} MB: load (baseline) {base:.3f} s | "
            f"outer groups {t_new:.3f} s ({t_new / base:.2f}×) | infer_stages {t_inf:.3f} s ({t_inf / base:.2f}×) | "
            f"build_diagram {t_diag:.3f} s ({t_diag / base:.2f}×)")
    if n <= old_max:
        t_old, old = timed(lambda: old_outer_groups(g, order))
        assert [x.name for x in old] == [x.name for x in new], "the new code finds other outer groups"
        line += f" | old all-pairs {t_old:.3f} s ({t_old / max(t_new, 1e-9):,.0f}× the new)"
    print(line, flush=True)
    t_open, _ = timed(lambda: stages.open_overview(g))
    print(f"        window overview (stages + layout): {t_open:.3f} s ({t_open / base:.2f}×)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", type=int, nargs="+", default=[1000, 4000, 20000])
    ap.add_argument("--old-max", type=int, default=4000, help="run the old all-pairs code up to this many groups")
    ap.add_argument("--kinds", nargs="+", default=["mixed", "same", "half"])
    args = ap.parse_args()
    for kind in args.kinds:
        for n in args.groups:
            measure(kind, n, args.old_max)
    return 0


if __name__ == "__main__":
    sys.exit(main())
