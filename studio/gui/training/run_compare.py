"""Two runs side by side in the Runs tab: the graph diff and the settings, as HTML."""
from __future__ import annotations

import html

from studio.gui.i18n import tr

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
        text = tr("+ connection {a} → {b}").format(a=html.escape(e[0]), b=html.escape(e[1]))
        rows.append(f"<span style='color:{BADGE_COLORS['added']}'>{text}</span>")
    for e in g["edges_removed"]:
        text = tr("- connection {a} → {b}").format(a=html.escape(e[0]), b=html.escape(e[1]))
        rows.append(f"<span style='color:{BADGE_COLORS['removed']}'>{text}</span>")
    totals = []
    for key, label in (("params", tr("params")), ("macs", tr("macs", "multiply-accumulates"))):
        v = g[key]
        if v["delta"] is not None:
            totals.append(f"{label} {v['a']:,} → {v['b']:,} ({'+' if v['delta'] >= 0 else ''}{v['delta']:,})")
    changed = set(d["settings_changed"])
    cells = "".join(
        f"<tr><td>{'<b>' if k in changed else ''}{html.escape(k)}{'</b>' if k in changed else ''}</td>"
        f"<td>{html.escape(_v(a))}</td><td>{html.escape(_v(b))}</td></tr>"
        for k, (a, b) in d["settings"].items())
    title, same, settings = tr("Graph diff [1] → [2]"), tr("same layers"), tr("<b>Settings</b> (changed in bold)")
    return (f"<b>{title}</b><br>{'<br>'.join(rows) or same}<br>{' · '.join(totals)}"
            f"<br><br>{settings}<table cellspacing=4><tr><th></th><th>[1]</th>"
            f"<th>[2]</th></tr>{cells}</table>")
