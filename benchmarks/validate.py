"""Time validate() + shape inference on a generated deep residual chain (default 1,000 nodes).

Prints the median time in milliseconds, nodes per millisecond, and as a baseline the time of a
plain networkx topological sort of the same graph in the same process (the ratio says how much
our checks, shape rules and costs add on top of the bare graph walk).

    .venv/bin/python benchmarks/validate.py [--nodes 1000] [--repeat 15] [--profile]

Target (issue 2): under 20 ms for 1,000 nodes, so the canvas can revalidate on every keystroke.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx

from studio.core.graph import Graph, GraphBuilder
from studio.core.project import Project, loads_project
from studio.core.validate import validate


def residual_chain(n_nodes: int = 1000, channels: int = 16, size: int = 32) -> Graph:
    """Input, stem conv-bn-relu, then BasicBlocks (conv-bn-relu-conv-bn, Add skip, relu) until
    about ``n_nodes`` nodes, then pool, flatten, linear."""
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=size, width=size)
    b.add("Conv2d", "stem", out_channels=channels, kernel_size=3, padding=1, bias=False)
    b.add("BatchNorm", "stem_bn")
    last = b.add("ReLU", "stem_relu")
    i = 0
    while len(b.graph) + 7 + 4 <= n_nodes:
        i += 1
        b.add("Conv2d", f"b{i}_conv1", out_channels=channels, kernel_size=3, padding=1, bias=False)
        b.add("BatchNorm", f"b{i}_bn1")
        b.add("ReLU", f"b{i}_relu1")
        b.add("Conv2d", f"b{i}_conv2", out_channels=channels, kernel_size=3, padding=1, bias=False)
        bn2 = b.add("BatchNorm", f"b{i}_bn2")
        b.add("Add", f"b{i}_add", inputs=[bn2, last])
        last = b.add("ReLU", f"b{i}_relu2")
    while len(b.graph) + 3 < n_nodes:  # pad to the exact count
        last = b.add("Identity", f"pad{len(b.graph)}")
    b.add("AdaptiveAvgPool2d", "pool", output_size=1)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=10)
    return b.graph


def median_ms(fn, repeat: int, clock=time.perf_counter) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append((clock() - t0) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one validate() run")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    g = residual_chain(args.nodes)
    build_ms = (time.perf_counter() - t0) * 1000
    a = validate(g, 10)
    assert a.ok, [str(i) for i in a.errors]
    n = len(g)

    ms = median_ms(lambda: validate(g, 10), args.repeat)
    cpu_ms = median_ms(lambda: validate(g, 10), args.repeat, time.process_time)
    G = nx.DiGraph()
    G.add_nodes_from(n.id for n in g.nodes)
    G.add_edges_from((e.source, e.target) for e in g.edges)
    topo_ms = median_ms(lambda: list(nx.topological_sort(G)), args.repeat)

    print(f"graph: {n} nodes, {len(g.edges)} edges, {a.trainable_params:,} params, "
          f"{a.macs / 1e6:,.1f} M MACs (built in {build_ms:.1f} ms)")
    print(f"validate + infer: {ms:.2f} ms median of {args.repeat}  ({n / ms:.0f} nodes/ms); "
          f"CPU time {cpu_ms:.2f} ms (less affected by other processes)")
    print(f"networkx topological sort alone: {topo_ms:.3f} ms  (validate is {ms / topo_ms:.1f}× that)")
    text = Project(g, num_classes=10).to_json()
    load_ms = median_ms(lambda: loads_project(text), max(3, args.repeat // 3))
    print(f"project file: {len(text) / 1024:.0f} KiB, loads_project (parse + checks) {load_ms:.1f} ms")
    print(f"target: under 20 ms for 1,000 nodes -> {'met' if ms < 20 * n / 1000 else 'NOT met'}")
    if args.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        validate(g, 10)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
