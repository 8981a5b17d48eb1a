"""Verdicts computed from what the variants recorded (metrics.jsonl, layer_stats.jsonl and the
trained graphs): the measured numbers, "holds" or "does not hold here" and why. Never canned:
each function reads numbers and compares them; the same inputs always give the same verdict,
so anyone can recompute verdict.json from the run folders (``recompute``)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from .spec import Experiment


@dataclass
class VariantData:
    metrics: list[dict] = field(default_factory=list)
    stats: list[dict] = field(default_factory=list)
    params: int | None = None
    divergence: dict | None = None  # divergence.json of a variant whose loss became NaN/Inf


def load_variant(folder: Path) -> VariantData:
    from studio.runs import read_layer_stats, read_metrics, read_project

    d = VariantData(read_metrics(folder / "metrics.jsonl"), read_layer_stats(folder / "layer_stats.jsonl"))
    div = folder / "divergence.json"
    if div.is_file():
        import json

        try:
            d.divergence = json.loads(div.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            d.divergence = {"message": "unreadable divergence.json", "losses": []}
    project, _err = read_project(folder / "project.cnnproj")
    if project is not None:
        from studio.core.validate import validate

        d.params = validate(project.graph, project.num_classes).trainable_params
    return d


def recompute(exp: Experiment, out_dir: Path) -> dict:
    """The verdict from the files under ``out_dir`` alone."""
    data = {v.name: load_variant(Path(out_dir) / v.name) for v in exp.variants}
    return compute(exp, data)


def compute(exp: Experiment, data: dict[str, VariantData]) -> dict:
    values, holds, reason, *text = VERDICTS[exp.verdict](exp, data)
    verdict = text[0] if text else ("holds" if holds else "does not hold here")
    return {"experiment": exp.name, "claim": exp.claim, "source": exp.source, "metric": exp.metric,
            "variants": {v.name: {"label": v.label, **values.get(v.name, {})} for v in exp.variants},
            "holds": bool(holds), "verdict": verdict, "reason": reason}


# ---- measurements ------------------------------------------------------------------------
def last(rows: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rows if isinstance(r.get(key), (int, float))]
    return float(vals[-1]) if vals else None


def best(rows: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rows if isinstance(r.get(key), (int, float))]
    return float(max(vals)) if vals else None


def epochs_to(rows: list[dict], key: str, target: float) -> int | None:
    """The first epoch whose ``key`` reaches ``target`` (None: never within the run)."""
    for r in rows:
        v = r.get(key)
        if isinstance(v, (int, float)) and v >= target:
            return int(r["epoch"])
    return None


def grad_ratio(samples: list[dict], index: int = 0) -> float | None:
    """grad_norm of the last parameterised layer ÷ that of the first, at sample ``index``."""
    if not samples or index >= len(samples):
        return None
    norms = [v["grad_norm"] for v in samples[index]["layers"].values() if "grad_norm" in v]
    if len(norms) < 2:
        return None
    first, lastn = norms[0], norms[-1]
    return math.inf if first <= 0 else lastn / first


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _ep(n: int | None, budget: int) -> str:
    return f"epoch {n}" if n is not None else f"not within {budget} epochs"


def _sci(x: float | None) -> str:
    return "–" if x is None else ("∞" if math.isinf(x) else f"{x:.3g}")


# ---- one function per claim ---------------------------------------------------------------
def _relu_vs_tanh(exp: Experiment, data):
    target = exp.options.get("train_acc", 0.75)
    n = max(len(d.metrics) for d in data.values())
    e = {k: epochs_to(d.metrics, "train_acc", target) for k, d in data.items()}
    values = {k: {"epochs_to_target": e[k], "final_train_acc": last(d.metrics, "train_acc")}
              for k, d in data.items()}
    r, t = e.get("relu"), e.get("tanh")
    factor = exp.options.get("factor", 2.0)
    if r is None:
        return values, False, (f"ReLU never reached {_pct(target)} training accuracy in {n} epochs "
                               f"(tanh: {_ep(t, n)}): does not hold here")
    t_eff = t if t is not None else n + 1  # tanh not there yet: at least one epoch more than the run
    speed = t_eff / r
    for k in values:
        values[k]["speedup_vs_relu"] = (e[k] or n + 1) / r if k != "relu" else 1.0
    holds = speed >= factor
    more = "" if t is not None else "+ (tanh never reached it)"
    why = (f"ReLU reached {_pct(target)} training accuracy at epoch {r}, tanh at {_ep(t, n)}: "
           f"{speed:.1f}×{more} faster (the claim needs ≥ {factor:g}×; AlexNet measured ~6×)")
    return values, holds, why + ("" if holds else ": does not hold here")


def _dropout(exp: Experiment, data):
    values = {}
    for k, d in data.items():
        tr, va = last(d.metrics, "train_acc"), last(d.metrics, "val_acc")
        values[k] = {"final_train_acc": tr, "final_val_acc": va,
                     "gap": None if tr is None or va is None else tr - va}
    g0, g1 = values["plain"]["gap"], values["dropout"]["gap"]
    if g0 is None or g1 is None:
        return values, False, "no validation accuracy was recorded: the data needs a validation split"
    holds = g1 < g0
    why = (f"train−val accuracy gap {100 * g0:.1f} points without dropout, {100 * g1:.1f} with "
           f"(validation {_pct(values['plain']['final_val_acc'])} → {_pct(values['dropout']['final_val_acc'])})")
    return values, holds, why + ("" if holds else ": dropout did not narrow the gap here")


def _batchnorm(exp: Experiment, data):
    target = exp.options.get("val_acc", 0.9)
    n = max(len(d.metrics) for d in data.values())
    values = {k: {"epochs_to_target": epochs_to(d.metrics, "val_acc", target), "best_val_acc": best(d.metrics, "val_acc")}
              for k, d in data.items()}
    p, b = values["plain"]["epochs_to_target"], values["bn"]["epochs_to_target"]
    hi = values.get("bn_high_lr", {}).get("epochs_to_target")
    holds = b is not None and (p is None or b < p)
    why = (f"{_pct(target)} validation accuracy: without BN {_ep(p, n)}, with BN {_ep(b, n)}"
           + (f", with BN at the higher learning rate {_ep(hi, n)}" if "bn_high_lr" in values else ""))
    return values, holds, why + ("" if holds else ": BN was not faster here")


def _small_kernels(exp: Experiment, data):
    """Each pair on its own: where the claim holds and where it does not, both measured."""
    tol = exp.options.get("tolerance", 0.01)
    values = {k: {"params": d.params, "best_val_acc": best(d.metrics, "val_acc")} for k, d in data.items()}
    held, failed = [], []
    for small, big in exp.options.get("pairs", [("3x3x2", "5x5")]):
        s, b = values[small], values[big]
        fewer = s["params"] is not None and b["params"] is not None and s["params"] < b["params"]
        as_good = (s["best_val_acc"] is not None and b["best_val_acc"] is not None
                   and s["best_val_acc"] >= b["best_val_acc"] - tol)
        diff = (None if s["best_val_acc"] is None or b["best_val_acc"] is None
                else 100 * (s["best_val_acc"] - b["best_val_acc"]))
        text = (f"{exp.variant(small).label} ({s['params']:,} params, {_pct(s['best_val_acc'])}) vs "
                f"{exp.variant(big).label} ({b['params']:,} params, {_pct(b['best_val_acc'])})"
                + ("" if diff is None else f": {diff:+.1f} points"))
        (held if fewer and as_good else failed).append(text)
    why = ("holds for " + "; ".join(held) if held else "holds for no pair") + (
        ". Does not hold for " + "; ".join(failed) if failed else "") + (
        f" (fewer parameters, accuracy at most {100 * tol:g} point lower)")
    if held and failed:
        why += ". The saving of parameters holds everywhere; the accuracy depends on the setting (see the notes)"
    text = "holds" if not failed else ("holds in some settings, not in others" if held else "does not hold here")
    return values, bool(held), why + ("" if held else ": does not hold here"), text


def _degradation(exp: Experiment, data):
    values = {}
    for k, d in data.items():
        values[k] = {"final_train_loss": last(d.metrics, "train_loss"), "final_train_acc": last(d.metrics, "train_acc"),
                     "grad_ratio_first_sample": grad_ratio(d.stats)}
    sh, dp, rs = (values[k]["final_train_loss"] for k in ("shallow", "deep", "residual"))
    if None in (sh, dp, rs):
        return values, False, "a variant recorded no training loss (did it fail?)"
    limit = exp.options.get("healthy_ratio", 10.0)
    gr = values["deep"]["grad_ratio_first_sample"]
    degraded = dp > sh
    fixed = rs < dp
    holds = degraded and fixed
    if gr is None:
        grads = "no layer statistics were recorded"
    elif gr < limit:
        grads = (f"not vanishing: the first layer's gradient is {1 / gr:.3g}× the last's" if gr < 1 else
                 f"healthy: the last layer's gradient is {gr:.3g}× the first's")
    else:
        grads = f"vanishing: the last layer's gradient is {gr:.3g}× the first's"
    why = (f"final training loss: shallow {sh:.3f}, deep plain {dp:.3f}, deep residual {rs:.3f} "
           f"({'deeper is worse' if degraded else 'deeper is not worse'}; "
           f"{'the residual net trains better' if fixed else 'the residual net is no better'}). "
           f"Gradients of the deep plain net (BatchNorm) at the start: {grads} (last/first {_sci(gr)}, "
           f"vanishing would be ≥ {limit:g})"
           + (", so the degradation is not caused by vanishing gradients" if gr is not None and gr < limit else ""))
    return values, holds, why + ("" if holds else ": does not hold here")


def _vanishing(exp: Experiment, data):
    big, small = exp.options.get("vanishing_ratio", 1000.0), exp.options.get("healthy_ratio", 10.0)
    values = {k: {"grad_ratio_first_sample": grad_ratio(d.stats), "final_train_acc": last(d.metrics, "train_acc")}
              for k, d in data.items()}
    r = {k: v["grad_ratio_first_sample"] for k, v in values.items()}

    def healthy(k):
        return k in r and r[k] is not None and 1 / small < r[k] < small

    sig = r.get("sigmoid")
    holds = sig is not None and sig >= big and healthy("relu_bn") and ("relu_he" not in r or healthy("relu_he"))
    why = ("gradient norm of the last layer ÷ the first at the first step: "
           + ", ".join(f"{exp.variant(k).label} {_sci(v)}" for k, v in r.items())
           + f" (the claim: sigmoid ≥ {big:g}; with BatchNorm, and with ReLU + He init, within {small:g}× of 1)")
    if "relu_he" in r and "relu" in r and r["relu"] is not None and r["relu"] >= big and healthy("relu_he"):
        why += (". ReLU alone is not enough with PyTorch's default initialisation (made for no particular "
                "activation): He initialisation, which keeps each layer's variance for ReLU, is what keeps the "
                "gradient near 1 without BatchNorm")
    return values, holds, why + ("" if holds else ": does not hold here")


def _first_layer_max(stats: list[dict]) -> float | None:
    vals = []
    for s in stats:
        g = [v["grad_norm"] for v in s["layers"].values() if "grad_norm" in v]
        if g:
            vals.append(float(g[0]))
    if not vals:
        return None
    return math.inf if any(not math.isfinite(v) for v in vals) else max(vals)


def _exploding(exp: Experiment, data):
    """The first variant must diverge (NaN/Inf loss) with growing gradients; the others must not."""
    names = [v.name for v in exp.variants]
    values = {}
    for k, d in data.items():
        steps = [row[0] for row in (d.divergence or {}).get("losses", [])]
        values[k] = {"diverged_after_step": max(steps, default=0) if d.divergence is not None else None,
                     "max_grad_norm": _first_layer_max(d.stats), "final_train_loss": last(d.metrics, "train_loss")}
    bad, fixes = names[0], names[1:]
    blew = data[bad].divergence is not None
    fine = [k for k in fixes if data[k].divergence is None and values[k]["final_train_loss"] is not None
            and math.isfinite(values[k]["final_train_loss"])]
    holds = blew and len(fine) == len(fixes)
    first = values[bad]
    parts = [f"{exp.variant(bad).label}: " + (f"the loss became NaN/Inf after step {first['diverged_after_step']} "
                                               f"(first-layer gradient norm up to {_sci(first['max_grad_norm'])})"
                                               if blew else "the loss stayed finite")]
    for k in fixes:
        v = values[k]
        parts.append(f"{exp.variant(k).label}: " + ("diverged too" if data[k].divergence is not None else
                                                    f"trained, final loss {_sci(v['final_train_loss'])}, first-layer "
                                                    f"gradient norm at most {_sci(v['max_grad_norm'])}"))
    why = "; ".join(parts)
    return values, holds, why + ("" if holds else ": does not hold here")


def _compare(exp: Experiment, data):
    """A user's own variants: is the edited one (the last) at least as good as the original?"""
    values = {k: {"best_val_acc": best(d.metrics, "val_acc"), "final_train_loss": last(d.metrics, "train_loss"),
                  "params": d.params} for k, d in data.items()}
    names = [v.name for v in exp.variants]
    a, b = values[names[0]], values[names[-1]]
    key = "best_val_acc" if a["best_val_acc"] is not None and b["best_val_acc"] is not None else None
    if key is None:
        return values, False, "no validation accuracy was recorded: the data needs a validation split"
    diff = b[key] - a[key]
    holds = diff >= 0
    why = (f"best validation accuracy: {exp.variants[0].label} {_pct(a[key])}, {exp.variants[-1].label} "
           f"{_pct(b[key])} ({'+' if diff >= 0 else ''}{100 * diff:.1f} points)")
    return values, holds, why + ("" if holds else ": the variant is worse here")


def _transfer(exp: Experiment, data):
    """Fine-tuning from features learnt on other classes beats training from scratch on few images."""
    margin = exp.options.get("margin", 0.05)
    values = {k: {"best_val_acc": best(d.metrics, "val_acc"), "final_train_acc": last(d.metrics, "train_acc"),
                  "epochs": len(d.metrics)} for k, d in data.items()}
    acc = {k: v["best_val_acc"] for k, v in values.items()}
    scratch = acc.get("scratch")
    tuned = {k: acc[k] for k in ("frozen", "finetune") if acc.get(k) is not None}
    if scratch is None or not tuned:
        return values, False, "no validation accuracy was recorded: the data needs a validation split"
    for k in tuned:
        values[k]["gain_vs_scratch"] = tuned[k] - scratch
    top = max(tuned, key=tuned.get)
    gain = tuned[top] - scratch
    holds = gain >= margin
    label = {v.name: v.label for v in exp.variants}
    parts = ", ".join(f"{label[k]} {_pct(tuned[k])}" for k in tuned)
    why = (f"best validation accuracy on the new classes: {parts}, from scratch {_pct(scratch)}; "
           f"{label[top]} is {100 * gain:+.1f} points (the claim needs ≥ {100 * margin:.0f}); "
           f"pretraining reached {_pct(acc.get('pretrain'))} on its own classes")
    return values, holds, why + ("" if holds else ": does not hold here")


VERDICTS = {"compare": _compare, "relu_vs_tanh": _relu_vs_tanh, "dropout": _dropout, "batchnorm": _batchnorm,
            "small_kernels": _small_kernels, "degradation": _degradation, "vanishing": _vanishing,
            "exploding": _exploding, "transfer": _transfer}


def _exploding_clipped(exp: Experiment, data, *args, **kw):
    """``exploding`` plus what gradient clipping did (issue 22): a clipped variant's loss staying
    finite is not the network learning, so its final training accuracy is reported beside the best."""
    from studio.core.i18n import QT_TRANSLATE_NOOP

    values, holds, why = _exploding(exp, data, *args, **kw)
    tx = kw.get("tx") or (args[0] if args else (lambda s: s))
    acc = {k: last(d.metrics, "train_acc") for k, d in data.items() if d.divergence is None}
    for v in exp.variants:
        clip = float(exp.settings_for(v).get("grad_clip") or 0)
        if clip <= 0 or v.name not in values:
            continue
        values[v.name]["final_train_acc"] = acc.get(v.name)
        others = {k: a for k, a in acc.items() if k != v.name and a is not None}
        if not holds or acc.get(v.name) is None or not others:  # a failed claim says why already
            continue
        top = max(others, key=others.get)
        learned = acc[v.name] >= others[top] - 0.1
        text = (QT_TRANSLATE_NOOP("Experiments", "{variant}: clipping kept the loss finite and the network learned "
                                                 "(training accuracy {acc}; {best} for {best_variant})") if learned else
                QT_TRANSLATE_NOOP("Experiments", "{variant}: clipping kept the loss finite (no NaN), but the network "
                                                 "hardly learned: training accuracy {acc} at the end, {best} for "
                                                 "{best_variant}. Clipping bounds the size of each step; it does "
                                                 "not make a too-high learning rate a good one"))
        why += tx(QT_TRANSLATE_NOOP("Experiments", "; ")) + tx(text).format(variant=tx(v.label), acc=_pct(acc[v.name]), best=_pct(others[top]),
                                      best_variant=tx(exp.variant(top).label))
    return values, holds, why


VERDICTS["exploding"] = _exploding_clipped
