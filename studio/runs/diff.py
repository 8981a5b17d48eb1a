"""Compare two runs: the graph diff, the settings side by side, the final metrics (no torch)."""
from __future__ import annotations

from pathlib import Path

from studio.core.errors import StudioError
from studio.core.graph_diff import diff_graphs

from .folder import RunInfo, is_run_dir, read_run

METRICS = ("train_loss", "train_acc", "val_loss", "val_acc", "samples_per_s", "elapsed_s")


def open_run(path: str | Path) -> RunInfo:
    p = Path(path)
    if not p.exists():
        raise StudioError(f"{path}: no such run folder; give a folder that `cnn-studio train --out` wrote")
    if not is_run_dir(p):
        raise StudioError(f"{path} is not a run folder (it has no project.cnnproj or metrics.jsonl); "
                          "give a folder that `cnn-studio train --out` wrote")
    r = read_run(p)
    if r.project is None:
        raise StudioError(f"{path}: cannot read its project.cnnproj ({r.project_error or 'missing'})")
    return r


def diff_runs(a: RunInfo, b: RunInfo) -> dict:
    g = diff_graphs(a.project.graph, b.project.graph, (a.project.num_classes, b.project.num_classes))
    sa, sb = a.settings, b.settings
    settings = {k: [sa.get(k), sb.get(k)] for k in sorted(set(sa) | set(sb))}
    da, db = a.dataset, b.dataset
    data = {k: [da.get(k), db.get(k)] for k in sorted(set(da) | set(db)) if da.get(k) != db.get(k)}
    last_a = a.metrics[-1] if a.metrics else {}
    last_b = b.metrics[-1] if b.metrics else {}
    return {"a": {"run": str(a.path), "status": a.status, "epochs": len(a.metrics), "best_val_acc": a.best_val_acc,
                  "notes": list(a.notes)},
            "b": {"run": str(b.path), "status": b.status, "epochs": len(b.metrics), "best_val_acc": b.best_val_acc,
                  "notes": list(b.notes)},
            "graph": g.to_dict(),
            "settings": settings, "settings_changed": sorted(k for k, (x, y) in settings.items() if x != y),
            "data_changed": data,
            "final_metrics": {k: [last_a.get(k), last_b.get(k)] for k in METRICS}}


def format_diff(d: dict) -> str:
    def num(x):
        return "–" if x is None else (f"{x:,}" if isinstance(x, int) else f"{x:.4g}" if isinstance(x, float) else str(x))

    a, b, g = d["a"], d["b"], d["graph"]
    lines = [f"A: {a['run']} ({a['status']}, {a['epochs']} epochs)", f"B: {b['run']} ({b['status']}, {b['epochs']} epochs)",
             "", "graph:"]
    from studio.core.graph_diff import NodeChange

    changes = [NodeChange(**{k: v for k, v in c.items()}) for c in g["nodes"]]
    lines += [f"  {c.describe()}" for c in changes] or ["  (same layers)"]
    for e in g["edges_added"]:
        lines.append(f"  + connection {e[0]} → {e[1]}" + (f" (input {e[2] + 1})" if e[2] else ""))
    for e in g["edges_removed"]:
        lines.append(f"  - connection {e[0]} → {e[1]}" + (f" (input {e[2] + 1})" if e[2] else ""))
    for key in ("params", "macs"):
        v = g[key]
        sign = "" if v["delta"] is None or v["delta"] < 0 else "+"
        lines.append(f"  {key}: {num(v['a'])} → {num(v['b'])} ({sign}{num(v['delta'])})")
    lines += ["", "settings (A | B):"]
    for k, (x, y) in d["settings"].items():
        lines.append(f"  {'*' if x != y else ' '} {k:<16} {num(x):>12} | {num(y)}")
    for k, (x, y) in d["data_changed"].items():
        lines.append(f"  * data.{k:<11} {num(x):>12} | {num(y)}")
    lines += ["", "final metrics (A | B):"]
    for k, (x, y) in d["final_metrics"].items():
        lines.append(f"    {k:<16} {num(x):>12} | {num(y)}")
    notes = [(tag, n) for tag in ("A", "B") for n in d[tag.lower()].get("notes", ())]
    if notes:  # what could not be read in the run folders (skipped, never a crash)
        lines += ["", "skipped when reading the runs:"] + [f"  {tag}: {n}" for tag, n in notes]
    return "\n".join(lines)
