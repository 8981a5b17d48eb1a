"""The experiment's report: report.md (claim, source, numbers, verdict) and curves.png."""
from __future__ import annotations

import math
from pathlib import Path

from .spec import Experiment

CURVE_KEYS = (("train_loss", "training loss"), ("train_acc", "training accuracy"), ("val_acc", "validation accuracy"))


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        if math.isinf(v):
            return "∞"
        return f"{v:.4g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def report_markdown(exp: Experiment, verdict: dict) -> str:
    keys = []
    for vals in verdict["variants"].values():
        keys += [k for k in vals if k != "label" and k not in keys]
    lines = [f"# {exp.title} (`{exp.name}`)", "",
             f"**Claim.** {exp.claim}", "", f"**Source.** {exp.source}", "",
             f"**Decided by.** {exp.metric}", "",
             f"**Verdict: {verdict['verdict']}.** {verdict['reason']}", "",
             "| variant | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, vals in verdict["variants"].items():
        lines.append(f"| {vals.get('label', name)} | " + " | ".join(_fmt(vals.get(k)) for k in keys) + " |")
    run = verdict.get("run", {})
    if run:
        lines += ["", f"Data: {run.get('data')}, input {run.get('input_shape')}, {run.get('epochs')} epochs, "
                      f"seed {exp.seed}; took {run.get('seconds', 0):.0f} s wall, "
                      f"{run.get('cpu_seconds', 0):.0f} s CPU "
                      f"(budget {exp.budget_s} s{'' if run.get('within_budget', True) else ', EXCEEDED'}) "
                      f"on {run.get('device', '?')}."]
    if exp.notes:
        lines += ["", exp.notes]
    lines += ["", "![curves](curves.png)", ""]
    return "\n".join(lines)


def save_curves(exp: Experiment, metrics: dict[str, list[dict]], path: Path) -> Path:
    """Training loss, training accuracy and validation accuracy per epoch, one line per variant."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(CURVE_KEYS), figsize=(4.2 * len(CURVE_KEYS), 3.4), dpi=90)
    for ax, (key, title) in zip(axes, CURVE_KEYS):
        for v in exp.variants:
            rows = [r for r in metrics.get(v.name, []) if isinstance(r.get(key), (int, float))]
            if rows:
                ax.plot([r["epoch"] for r in rows], [r[key] for r in rows], marker="o", ms=3, label=v.label)
        ax.set_title(title)
        ax.set_xlabel("epoch")
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle(exp.title, fontsize=11)
    fig.tight_layout()
    from studio.core.userfile import atomic_path

    try:
        with atomic_path(path, what="curves image") as tmp:  # never written in place or through a link
            fig.savefig(tmp, format="png")
    finally:
        plt.close(fig)
    return Path(path)
