"""The experiment's report: report.md (claim, source, set-up, numbers, verdict) and curves.png.

The set-up names what a reader needs to judge a verdict: the data, each variant's
initialisation, optimiser and learning rate. Table columns carry readable names, accuracies
are percentages; experiments about gradients add the per-layer gradient norm at the first step
to curves.png, in the same colours as the Experiments window (:data:`COLORS`)."""
from __future__ import annotations

import math
from pathlib import Path

from studio.core.i18n import QT_TRANSLATE_NOOP

from .spec import Experiment


def _same(text: str) -> str:
    return text


CURVE_KEYS = (("train_loss", "training loss"), ("train_acc", "training accuracy"), ("val_acc", "validation accuracy"))
#: one colour per variant, in order: curves.png and the Experiments window alike
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"]
#: verdicts about gradients: their figures add the per-layer gradient norm
GRADIENT_VERDICTS = ("vanishing", "degradation", "exploding")
INIT_NAMES = {"kaiming": "He (Kaiming normal, for ReLU)", "xavier": "Glorot (Xavier normal, tanh gain)",
              None: "PyTorch's default (Kaiming uniform, a = √5)"}
INIT_SHORT = {"kaiming": "He", "xavier": "Glorot", None: QT_TRANSLATE_NOOP("Experiments", "PyTorch default")}
#: verdict.json keys → (column heading, how to show the value); the window translates the headings
COLUMNS = {
    "grad_ratio_first_sample": (QT_TRANSLATE_NOOP("Experiments", "gradient norm last ÷ first layer, first step"), "ratio"),
    "final_train_acc": (QT_TRANSLATE_NOOP("Experiments", "final training accuracy"), "pct"),
    "final_val_acc": (QT_TRANSLATE_NOOP("Experiments", "final validation accuracy"), "pct"),
    "best_val_acc": (QT_TRANSLATE_NOOP("Experiments", "best validation accuracy"), "pct"),
    "final_train_loss": (QT_TRANSLATE_NOOP("Experiments", "final training loss"), "num"),
    "epochs_to_target": (QT_TRANSLATE_NOOP("Experiments", "epochs to the target"), "epochs"),
    "speedup_vs_relu": (QT_TRANSLATE_NOOP("Experiments", "epochs ÷ ReLU's"), "times"),
    "gap": (QT_TRANSLATE_NOOP("Experiments", "training − validation accuracy"), "points"),
    "params": (QT_TRANSLATE_NOOP("Experiments", "parameters"), "int"),
    "diverged_after_step": (QT_TRANSLATE_NOOP("Experiments", "loss NaN/Inf after step"), "step"),
    "max_grad_norm": (QT_TRANSLATE_NOOP("Experiments", "largest first-layer gradient norm"), "ratio"),
    "lr": (QT_TRANSLATE_NOOP("Experiments", "learning rate"), "num"),
}
#: the headings :func:`column` derives from keys without an entry above, marked for the window
DERIVED_HEADINGS = (QT_TRANSLATE_NOOP("Experiments", "gain vs scratch"), QT_TRANSLATE_NOOP("Experiments", "epochs"))


def _fmt(v, kind: str = "", tx=_same) -> str:
    if v is None:
        return tx(QT_TRANSLATE_NOOP("Experiments", "never")) if kind in ("epochs", "step") else "–"
    if isinstance(v, float) and math.isinf(v):
        return "∞"
    if kind == "pct":
        return f"{100 * v:.1f}%"
    if kind == "points":
        return tx(QT_TRANSLATE_NOOP("Experiments", "{n} points")).format(n=f"{100 * v:+.1f}")
    if kind == "ratio":
        return f"{v:.3g}"
    if kind == "times":
        return f"{v:.2g}×"
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def column(key: str) -> tuple[str, str]:
    return COLUMNS.get(key, (key.replace("_", " "), ""))


def setup_rows(exp: Experiment, epochs: int | None = None, short: bool = False, tx=_same) -> list[dict]:
    """Per variant: label, initialisation, optimiser, learning rate, batch size, epochs (the
    label and initialisation through ``tx``)."""
    rows = []
    names = INIT_SHORT if short else INIT_NAMES
    for v in exp.variants:
        t = exp.settings_for(v, epochs)
        opt = str(t.get("optimizer", "adam"))
        if opt == "sgd":
            opt = f"SGD{' m ' if short else ', momentum '}{t.get('momentum', 0.9):g}"
        else:
            opt = {"adam": "Adam", "adamw": "AdamW"}.get(opt, opt)
        rows.append({"variant": tx(v.label), "init": tx(names.get(v.init, str(v.init))), "optimizer": opt,
                     "lr": f"{float(t.get('lr', 0.001)):g}", "batch": int(t.get("batch_size", 64)),
                     "epochs": int(t.get("epochs", exp.epochs))})
    return rows


def data_text(exp: Experiment, data: str | None = None, tx=_same) -> str:
    d = exp.data
    src = data or d.get("source", "?")
    c, h, w = exp.input_shape
    split = (tx(QT_TRANSLATE_NOOP("Experiments", ", {pct}% held out for validation")).format(
        pct=f"{100 * d['val_fraction']:.0f}") if "val_fraction" in d else "")
    return tx(QT_TRANSLATE_NOOP("Experiments", "{data} ({shape} inputs{split}), seed {seed}")).format(
        data=src, shape=f"{c}×{h}×{w}", split=split, seed=exp.seed)


def setup_markdown(exp: Experiment, epochs: int | None = None, data: str | None = None) -> list[str]:
    lines = [f"**Set-up.** Data: {data_text(exp, data)}.", "",
             "| variant | initialisation | optimiser | learning rate | batch | epochs |", "|---" * 6 + "|"]
    for r in setup_rows(exp, epochs):
        lines.append(f"| {r['variant']} | {r['init']} | {r['optimizer']} | {r['lr']} | {r['batch']} | {r['epochs']} |")
    return lines


def report_markdown(exp: Experiment, verdict: dict) -> str:
    keys = []
    for vals in verdict["variants"].values():
        keys += [k for k in vals if k != "label" and k not in keys]
    run = verdict.get("run", {})
    lines = [f"# {exp.title} (`{exp.name}`)", "",
             f"**Claim.** {exp.claim}", "", f"**Source.** {exp.source}", "",
             f"**Decided by.** {exp.metric}", ""]
    if exp.decided_at:
        lines += [f"**Decided at.** {exp.decided_at}", ""]
    lines += setup_markdown(exp, run.get("epochs"), run.get("data")) + [""]
    lines += [f"**Verdict: {verdict['verdict']}.** {verdict['reason']}", "",
              "| variant | " + " | ".join(column(k)[0] for k in keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, vals in verdict["variants"].items():
        lines.append(f"| {vals.get('label', name)} | " + " | ".join(_fmt(vals.get(k), column(k)[1]) for k in keys) + " |")
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


def first_grad_norms(samples: list[dict]) -> tuple[list[str], list[float]]:
    """Layer ids and their gradient norms at the first recorded step (graph order)."""
    if not samples:
        return [], []
    layers = [(k, v["grad_norm"]) for k, v in samples[0]["layers"].items() if "grad_norm" in v]
    return [k for k, _ in layers], [float(g) for _, g in layers]


def save_curves(exp: Experiment, metrics: dict[str, list[dict]], path: Path,
                stats: dict[str, list[dict]] | None = None) -> Path:
    """Training loss, training accuracy and validation accuracy per epoch, one line per variant;
    for a gradient claim, also each layer's gradient norm at the first step (log scale)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    grads = exp.verdict in GRADIENT_VERDICTS and stats is not None
    n = len(CURVE_KEYS) + (1 if grads else 0)
    fig, axes = plt.subplots(1, n, figsize=(4.2 * n, 3.4), dpi=90)
    for ax, (key, title) in zip(axes, CURVE_KEYS):
        for i, v in enumerate(exp.variants):
            rows = [r for r in metrics.get(v.name, []) if isinstance(r.get(key), (int, float))]
            if rows:
                ax.plot([r["epoch"] for r in rows], [r[key] for r in rows], marker="o", ms=3, label=v.label,
                        color=COLORS[i % len(COLORS)])
        ax.set_title(title)
        ax.set_xlabel("epoch")
        ax.grid(alpha=0.3)
    if grads:
        gradient_panel(axes[-1], exp, stats)
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


def _first_layer_series(samples: list[dict]) -> list[tuple[int, float]]:
    pts = []
    for smp in samples:
        _ids, norms = first_grad_norms([smp])
        if norms and not math.isnan(norms[0]) and norms[0] > 0:
            pts.append((int(smp["step"]), min(norms[0], 1e30)))
    return pts


def gradient_panel(ax, exp: Experiment, stats: dict[str, list[dict]]) -> None:
    """Exploding: the first layer's gradient norm per step; otherwise each layer's at the first step."""
    for i, v in enumerate(exp.variants):
        if exp.verdict == "exploding":
            pts = _first_layer_series(stats.get(v.name, []))
        else:
            _ids, norms = first_grad_norms(stats.get(v.name, []))
            pts = [(k + 1, g) for k, g in enumerate(norms) if g > 0 and math.isfinite(g)]
        if pts:
            ax.semilogy([p for p, _ in pts], [g for _, g in pts], marker=".", label=v.label,
                        color=COLORS[i % len(COLORS)])
    if exp.verdict == "exploding":
        ax.set_title("first layer's gradient norm per step")
        ax.set_xlabel("step")
    else:
        ax.set_title("gradient norm per layer, first step")
        ax.set_xlabel("layer with parameters, BN included (input → output)")
    ax.grid(alpha=0.3, which="both")


# AlexNet's initialisation (relu-vs-tanh's AlexNet setting, issue 22)
from studio.core.i18n import QT_TRANSLATE_NOOP  # noqa: E402

INIT_NAMES["normal"] = QT_TRANSLATE_NOOP("Experiments", "AlexNet's N(0, 0.01) for every layer")
INIT_SHORT["normal"] = "N(0, 0.01)"
