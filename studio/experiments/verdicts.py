"""Verdicts computed from what the variants recorded (metrics.jsonl, layer_stats.jsonl and the
trained graphs): the measured numbers, "holds" or "does not hold here" and why. Never canned:
each function reads numbers and compares them; the same inputs always give the same verdict,
so anyone can recompute verdict.json from the run folders (``recompute``).

The texts are English templates marked with ``QT_TRANSLATE_NOOP("Experiments", ...)`` and filled
in after ``translate`` (identity by default: verdict.json, report.md and the CLI stay English;
the window passes its translator to show the verdict in its language)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.i18n import QT_TRANSLATE_NOOP

from .spec import Experiment


def _same(text: str) -> str:
    return text


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


def recompute(exp: Experiment, out_dir: Path, translate=_same) -> dict:
    """The verdict from the files under ``out_dir`` alone (its texts through ``translate``)."""
    data = {v.name: load_variant(Path(out_dir) / v.name) for v in exp.variants}
    return compute(exp, data, translate)


def compute(exp: Experiment, data: dict[str, VariantData], translate=_same) -> dict:
    tx = translate
    values, holds, reason, *text = VERDICTS[exp.verdict](exp, data, tx)
    verdict = text[0] if text else (tx(QT_TRANSLATE_NOOP("Experiments", "holds")) if holds
                                    else tx(QT_TRANSLATE_NOOP("Experiments", "does not hold here")))
    return {"experiment": exp.name, "claim": tx(exp.claim), "source": tx(exp.source), "metric": tx(exp.metric),
            "variants": {v.name: {"label": tx(v.label), **values.get(v.name, {})} for v in exp.variants},
            "holds": bool(holds), "verdict": verdict, "reason": reason}


def _sep(tx, sep: str = "; ") -> str:
    """The separator of a list of measured items (``"; "`` or ``", "``), in the language of ``tx``."""
    return tx(QT_TRANSLATE_NOOP("Experiments", "; ")) if sep == "; " else tx(QT_TRANSLATE_NOOP("Experiments", ", "))


def _not_here(tx) -> str:
    return tx(QT_TRANSLATE_NOOP("Experiments", ": does not hold here"))


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


def _ep(n: int | None, budget: int, tx=_same) -> str:
    if n is not None:
        return tx(QT_TRANSLATE_NOOP("Experiments", "epoch {n}")).format(n=n)
    return tx(QT_TRANSLATE_NOOP("Experiments", "not within {budget} epochs")).format(budget=budget)


def _sci(x: float | None) -> str:
    return "–" if x is None else ("∞" if math.isinf(x) else f"{x:.3g}")


# ---- one function per claim ---------------------------------------------------------------
def _relu_vs_tanh(exp: Experiment, data, tx=_same):
    target = exp.options.get("train_acc", 0.75)
    n = max(len(d.metrics) for d in data.values())
    e = {k: epochs_to(d.metrics, "train_acc", target) for k, d in data.items()}
    values = {k: {"epochs_to_target": e[k], "final_train_acc": last(d.metrics, "train_acc")}
              for k, d in data.items()}
    r, t = e.get("relu"), e.get("tanh")
    factor = exp.options.get("factor", 2.0)
    if r is None:
        return values, False, tx(QT_TRANSLATE_NOOP(
            "Experiments", "ReLU never reached {target} training accuracy in {n} epochs (tanh: {tanh}): "
                           "does not hold here")).format(target=_pct(target), n=n, tanh=_ep(t, n, tx))
    t_eff = t if t is not None else n + 1  # tanh not there yet: at least one epoch more than the run
    speed = t_eff / r
    for k in values:
        values[k]["speedup_vs_relu"] = (e[k] or n + 1) / r if k != "relu" else 1.0
    holds = speed >= factor
    more = "" if t is not None else tx(QT_TRANSLATE_NOOP("Experiments", "+ (tanh never reached it)"))
    why = tx(QT_TRANSLATE_NOOP(
        "Experiments", "ReLU reached {target} training accuracy at epoch {relu}, tanh at {tanh}: {speed}×{more} "
                       "faster (the claim needs ≥ {factor}×; AlexNet measured ~6×)")).format(
        target=_pct(target), relu=r, tanh=_ep(t, n, tx), speed=f"{speed:.1f}", more=more, factor=f"{factor:g}")
    return values, holds, why + ("" if holds else _not_here(tx))


def _no_validation(tx) -> str:
    return tx(QT_TRANSLATE_NOOP("Experiments", "no validation accuracy was recorded: the data needs a validation "
                                               "split"))


def _dropout(exp: Experiment, data, tx=_same):
    values = {}
    for k, d in data.items():
        tr, va = last(d.metrics, "train_acc"), last(d.metrics, "val_acc")
        values[k] = {"final_train_acc": tr, "final_val_acc": va,
                     "gap": None if tr is None or va is None else tr - va}
    g0, g1 = values["plain"]["gap"], values["dropout"]["gap"]
    if g0 is None or g1 is None:
        return values, False, _no_validation(tx)
    holds = g1 < g0
    why = tx(QT_TRANSLATE_NOOP(
        "Experiments", "train−val accuracy gap {plain} points without dropout, {dropout} with (validation "
                       "{plain_val} → {dropout_val})")).format(
        plain=f"{100 * g0:.1f}", dropout=f"{100 * g1:.1f}", plain_val=_pct(values['plain']['final_val_acc']),
        dropout_val=_pct(values['dropout']['final_val_acc']))
    return values, holds, why + ("" if holds else tx(QT_TRANSLATE_NOOP("Experiments",
                                                                       ": dropout did not narrow the gap here")))


def _batchnorm(exp: Experiment, data, tx=_same):
    target = exp.options.get("val_acc", 0.9)
    n = max(len(d.metrics) for d in data.values())
    values = {k: {"epochs_to_target": epochs_to(d.metrics, "val_acc", target), "best_val_acc": best(d.metrics, "val_acc")}
              for k, d in data.items()}
    p, b = values["plain"]["epochs_to_target"], values["bn"]["epochs_to_target"]
    hi = values.get("bn_high_lr", {}).get("epochs_to_target")
    holds = b is not None and (p is None or b < p)
    why = tx(QT_TRANSLATE_NOOP("Experiments", "{target} validation accuracy: without BN {plain}, with BN {bn}")).format(
        target=_pct(target), plain=_ep(p, n, tx), bn=_ep(b, n, tx))
    if "bn_high_lr" in values:
        why += tx(QT_TRANSLATE_NOOP("Experiments", ", with BN at the higher learning rate {high}")).format(
            high=_ep(hi, n, tx))
    return values, holds, why + ("" if holds else tx(QT_TRANSLATE_NOOP("Experiments", ": BN was not faster here")))


def _small_kernels(exp: Experiment, data, tx=_same):
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
        text = tx(QT_TRANSLATE_NOOP("Experiments", "{small} ({small_params} params, {small_acc}) vs {big} "
                                                   "({big_params} params, {big_acc})")).format(
            small=tx(exp.variant(small).label), small_params=f"{s['params']:,}", small_acc=_pct(s['best_val_acc']),
            big=tx(exp.variant(big).label), big_params=f"{b['params']:,}", big_acc=_pct(b['best_val_acc']))
        if diff is not None:
            text += tx(QT_TRANSLATE_NOOP("Experiments", ": {diff} points")).format(diff=f"{diff:+.1f}")
        (held if fewer and as_good else failed).append(text)
    why = (tx(QT_TRANSLATE_NOOP("Experiments", "holds for {pairs}")).format(pairs=_sep(tx).join(held)) if held
           else tx(QT_TRANSLATE_NOOP("Experiments", "holds for no pair")))
    if failed:
        why += tx(QT_TRANSLATE_NOOP("Experiments", ". Does not hold for {pairs}")).format(pairs=_sep(tx).join(failed))
    why += tx(QT_TRANSLATE_NOOP("Experiments", " (fewer parameters, accuracy at most {tolerance} point lower)")
              ).format(tolerance=f"{100 * tol:g}")
    if held and failed:
        why += tx(QT_TRANSLATE_NOOP("Experiments", ". The saving of parameters holds everywhere; the accuracy "
                                                   "depends on the setting (see the notes)"))
    text = (tx(QT_TRANSLATE_NOOP("Experiments", "holds")) if not failed else
            tx(QT_TRANSLATE_NOOP("Experiments", "holds in some settings, not in others")) if held else
            tx(QT_TRANSLATE_NOOP("Experiments", "does not hold here")))
    return values, bool(held), why + ("" if held else _not_here(tx)), text


def _degradation(exp: Experiment, data, tx=_same):
    values = {}
    for k, d in data.items():
        values[k] = {"final_train_loss": last(d.metrics, "train_loss"), "final_train_acc": last(d.metrics, "train_acc"),
                     "grad_ratio_first_sample": grad_ratio(d.stats)}
    sh, dp, rs = (values[k]["final_train_loss"] for k in ("shallow", "deep", "residual"))
    if None in (sh, dp, rs):
        return values, False, tx(QT_TRANSLATE_NOOP("Experiments", "a variant recorded no training loss (did it fail?)"))
    limit = exp.options.get("healthy_ratio", 10.0)
    gr = values["deep"]["grad_ratio_first_sample"]
    degraded = dp > sh
    fixed = rs < dp
    holds = degraded and fixed
    if gr is None:
        grads = tx(QT_TRANSLATE_NOOP("Experiments", "no layer statistics were recorded"))
    elif gr < limit:
        grads = (tx(QT_TRANSLATE_NOOP("Experiments", "not vanishing: the first layer's gradient is {ratio}× the "
                                                     "last's")).format(ratio=f"{1 / gr:.3g}") if gr < 1 else
                 tx(QT_TRANSLATE_NOOP("Experiments", "healthy: the last layer's gradient is {ratio}× the first's")
                    ).format(ratio=f"{gr:.3g}"))
    else:
        grads = tx(QT_TRANSLATE_NOOP("Experiments", "vanishing: the last layer's gradient is {ratio}× the first's")
                   ).format(ratio=f"{gr:.3g}")
    deeper = (tx(QT_TRANSLATE_NOOP("Experiments", "deeper is worse")) if degraded
              else tx(QT_TRANSLATE_NOOP("Experiments", "deeper is not worse")))
    residual = (tx(QT_TRANSLATE_NOOP("Experiments", "the residual net trains better")) if fixed
                else tx(QT_TRANSLATE_NOOP("Experiments", "the residual net is no better")))
    why = tx(QT_TRANSLATE_NOOP(
        "Experiments", "final training loss: shallow {shallow}, deep plain {deep}, deep residual {residual_loss} "
                       "({deeper}; {residual}). Gradients of the deep plain net (BatchNorm) at the start: {grads} "
                       "(last/first {ratio}, vanishing would be ≥ {limit})")).format(
        shallow=f"{sh:.3f}", deep=f"{dp:.3f}", residual_loss=f"{rs:.3f}", deeper=deeper, residual=residual,
        grads=grads, ratio=_sci(gr), limit=f"{limit:g}")
    if gr is not None and gr < limit:
        why += tx(QT_TRANSLATE_NOOP("Experiments", ", so the degradation is not caused by vanishing gradients"))
    return values, holds, why + ("" if holds else _not_here(tx))


def _vanishing(exp: Experiment, data, tx=_same):
    big, small = exp.options.get("vanishing_ratio", 1000.0), exp.options.get("healthy_ratio", 10.0)
    values = {k: {"grad_ratio_first_sample": grad_ratio(d.stats), "final_train_acc": last(d.metrics, "train_acc")}
              for k, d in data.items()}
    r = {k: v["grad_ratio_first_sample"] for k, v in values.items()}

    def healthy(k):
        return k in r and r[k] is not None and 1 / small < r[k] < small

    sig = r.get("sigmoid")
    holds = sig is not None and sig >= big and healthy("relu_bn") and ("relu_he" not in r or healthy("relu_he"))
    why = tx(QT_TRANSLATE_NOOP(
        "Experiments", "gradient norm of the last layer ÷ the first at the first step: {ratios} (the claim: "
                       "sigmoid ≥ {vanishing}; with BatchNorm, and with ReLU + He init, within {healthy}× of 1)")
             ).format(ratios=_sep(tx, ", ").join(f"{tx(exp.variant(k).label)} {_sci(v)}" for k, v in r.items()),
                      vanishing=f"{big:g}", healthy=f"{small:g}")
    if "relu_he" in r and "relu" in r and r["relu"] is not None and r["relu"] >= big and healthy("relu_he"):
        why += tx(QT_TRANSLATE_NOOP(
            "Experiments", ". ReLU alone is not enough with PyTorch's default initialisation (made for no "
                           "particular activation): He initialisation, which keeps each layer's variance for ReLU, "
                           "is what keeps the gradient near 1 without BatchNorm"))
    return values, holds, why + ("" if holds else _not_here(tx))


def _first_layer_max(stats: list[dict]) -> float | None:
    vals = []
    for s in stats:
        g = [v["grad_norm"] for v in s["layers"].values() if "grad_norm" in v]
        if g:
            vals.append(float(g[0]))
    if not vals:
        return None
    return math.inf if any(not math.isfinite(v) for v in vals) else max(vals)



def _exploding(exp: Experiment, data, tx=_same):
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
    if blew:
        parts = [tx(QT_TRANSLATE_NOOP("Experiments", "{variant}: the loss became NaN/Inf after step {step} "
                                                     "(first-layer gradient norm up to {norm})")).format(
            variant=tx(exp.variant(bad).label), step=first['diverged_after_step'], norm=_sci(first['max_grad_norm']))]
    else:
        parts = [tx(QT_TRANSLATE_NOOP("Experiments", "{variant}: the loss stayed finite")).format(
            variant=tx(exp.variant(bad).label))]
    for k in fixes:
        v = values[k]
        if data[k].divergence is not None:
            parts.append(tx(QT_TRANSLATE_NOOP("Experiments", "{variant}: diverged too")).format(
                variant=tx(exp.variant(k).label)))
        else:
            parts.append(tx(QT_TRANSLATE_NOOP("Experiments", "{variant}: trained, final loss {loss}, first-layer "
                                                             "gradient norm at most {norm}")).format(
                variant=tx(exp.variant(k).label), loss=_sci(v['final_train_loss']), norm=_sci(v['max_grad_norm'])))
    why = _sep(tx).join(parts)
    return values, holds, why + ("" if holds else _not_here(tx))


def _compare(exp: Experiment, data, tx=_same):
    """A user's own variants: is the edited one (the last) at least as good as the original?"""
    values = {k: {"best_val_acc": best(d.metrics, "val_acc"), "final_train_loss": last(d.metrics, "train_loss"),
                  "params": d.params} for k, d in data.items()}
    names = [v.name for v in exp.variants]
    a, b = values[names[0]], values[names[-1]]
    key = "best_val_acc" if a["best_val_acc"] is not None and b["best_val_acc"] is not None else None
    if key is None:
        return values, False, _no_validation(tx)
    diff = b[key] - a[key]
    holds = diff >= 0
    why = tx(QT_TRANSLATE_NOOP("Experiments", "best validation accuracy: {a} {a_acc}, {b} {b_acc} ({diff} points)")
             ).format(a=tx(exp.variants[0].label), a_acc=_pct(a[key]), b=tx(exp.variants[-1].label),
                      b_acc=_pct(b[key]), diff=f"{'+' if diff >= 0 else ''}{100 * diff:.1f}")
    return values, holds, why + ("" if holds else tx(QT_TRANSLATE_NOOP("Experiments", ": the variant is worse here")))


def _transfer(exp: Experiment, data, tx=_same):
    """Fine-tuning from features learnt on other classes beats training from scratch on few images."""
    margin = exp.options.get("margin", 0.05)
    values = {k: {"best_val_acc": best(d.metrics, "val_acc"), "final_train_acc": last(d.metrics, "train_acc"),
                  "epochs": len(d.metrics)} for k, d in data.items()}
    acc = {k: v["best_val_acc"] for k, v in values.items()}
    scratch = acc.get("scratch")
    tuned = {k: acc[k] for k in ("frozen", "finetune") if acc.get(k) is not None}
    if scratch is None or not tuned:
        return values, False, _no_validation(tx)
    for k in tuned:
        values[k]["gain_vs_scratch"] = tuned[k] - scratch
    top = max(tuned, key=tuned.get)
    gain = tuned[top] - scratch
    holds = gain >= margin
    label = {v.name: tx(v.label) for v in exp.variants}
    parts = _sep(tx, ", ").join(f"{label[k]} {_pct(tuned[k])}" for k in tuned)
    why = tx(QT_TRANSLATE_NOOP(
        "Experiments", "best validation accuracy on the new classes: {variants}, from scratch {scratch}; {best} "
                       "is {gain} points (the claim needs ≥ {margin}); pretraining reached {pretrain} on its own "
                       "classes")).format(variants=parts, scratch=_pct(scratch), best=label[top],
                                          gain=f"{100 * gain:+.1f}", margin=f"{100 * margin:.0f}",
                                          pretrain=_pct(acc.get('pretrain')))
    return values, holds, why + ("" if holds else _not_here(tx))


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
