"""Two runs side by side in the Runs tab: the graph diff and the settings, as HTML."""
from __future__ import annotations

import html

BADGE_COLORS = {"added": "#2e7d32", "changed": "#ef8f00", "removed": "#c62828"}


def _v(x) -> str:
    if isinstance(x, float):
        return f"{x:.4g}"
    if isinstance(x, (list, tuple)):
        return "×".join(map(str, x))
    return "–" if x is None else str(x)


def compare_html(d: dict) -> str:
    """The diff of two runs (studio.runs.diff.diff_runs) for the details pane."""
    from studio.core.graph_diff import NodeChange

    g = d["graph"]
    rows = []
    for c in g["nodes"]:
        change = NodeChange(**c)
        color = BADGE_COLORS.get(change.status, "gray")
        rows.append(f"<span style='color:{color}'>{html.escape(change.describe())}</span>")
    for e in g["edges_added"]:
        rows.append(f"<span style='color:{BADGE_COLORS['added']}'>+ connection {html.escape(e[0])} → "
                    f"{html.escape(e[1])}</span>")
    for e in g["edges_removed"]:
        rows.append(f"<span style='color:{BADGE_COLORS['removed']}'>- connection {html.escape(e[0])} → "
                    f"{html.escape(e[1])}</span>")
    totals = []
    for key in ("params", "macs"):
        v = g[key]
        if v["delta"] is not None:
            totals.append(f"{key} {v['a']:,} → {v['b']:,} ({'+' if v['delta'] >= 0 else ''}{v['delta']:,})")
    changed = set(d["settings_changed"])
    cells = "".join(
        f"<tr><td>{'<b>' if k in changed else ''}{html.escape(k)}{'</b>' if k in changed else ''}</td>"
        f"<td>{html.escape(_v(a))}</td><td>{html.escape(_v(b))}</td></tr>"
        for k, (a, b) in d["settings"].items())
    return (f"<b>Graph diff [1] → [2]</b><br>{'<br>'.join(rows) or 'same layers'}<br>{' · '.join(totals)}"
            f"<br><br><b>Settings</b> (changed in bold)<table cellspacing=4><tr><th></th><th>[1]</th>"
            f"<th>[2]</th></tr>{cells}</table>")
