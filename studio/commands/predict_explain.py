"""`cnn-studio predict --explain / --explain-layer`: the arithmetic behind a prediction.

--explain          logits → e^z → Σ → probabilities, the one-hot label and the cross-entropy
--explain-layer    one output pixel of a layer by hand: patch, kernel, Σ + bias = value
The numbers come from studio.training.explain, the same code the studio window shows.
"""
from __future__ import annotations

import sys

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict
from studio.core.text import printable

from .common import cli_message


def add_arguments(p) -> None:
    g = p.add_argument_group("explain the arithmetic")
    g.add_argument("--explain", action="store_true",
                   help="show logits, e^z, their sum, the probabilities and (with --label) the one-hot label "
                        "and the cross-entropy −Σ y·log p = −log p_true")
    g.add_argument("--label", metavar="K", help="the true class (a class name or an index) for --explain")
    g.add_argument("--explain-layer", metavar="NAME",
                   help="work out one output pixel of layer NAME by hand (with --at): the input patch, kernel, "
                        "products and Σ + bias, next to the model's own value (pre-activation for Conv2d)")
    g.add_argument("--at", metavar="C,Y,X", help="the output pixel for --explain-layer: channel,row,column from 0")


def wanted(args) -> bool:
    return bool(getattr(args, "explain", False) or getattr(args, "explain_layer", None)
                or getattr(args, "label", None) is not None or getattr(args, "at", None) is not None)


def _check(args) -> None:
    if args.explain and args.explain_layer:
        raise StudioError("--explain and --explain-layer explain different things: run them one at a time")
    if args.label is not None and not args.explain:
        raise StudioError("--label gives the true class for --explain: add --explain")
    if args.at is not None and not args.explain_layer:
        raise StudioError("--at picks an output pixel for --explain-layer: add --explain-layer NAME")
    if args.explain_layer and args.at is None:
        raise StudioError(f"--explain-layer {args.explain_layer} needs --at C,Y,X (e.g. --at 0,10,10)")


def term(text) -> str:
    """Text safe on a terminal: control characters, line separators and bidi overrides escaped."""
    return printable(text)


def run(args) -> int:
    _check(args)  # option mistakes are reported before torch loads
    import torch

    from studio.training import explain as ex
    from studio.training.predict import Predictor

    at = ex.parse_at(args.at) if args.at is not None else None
    pred = Predictor.from_checkpoint(args.checkpoint)
    label = ex.parse_label(args.label, pred.class_names) if args.label is not None else None
    node = ex.explainable_node(pred.model, pred.project, args.explain_layer) if args.explain_layer else None
    failed = 0
    for path in args.images:
        try:
            x = pred.preprocess(pred.load_image(path))
            if node is None:
                with torch.no_grad():
                    logits = pred.model.eval()(x.unsqueeze(0).to(pred.device))[0].float().cpu()
                d = ex.output_breakdown(logits.tolist(), pred.class_names, label, args.top_k)
            else:
                d = ex.layer_at(pred.model, pred.project, node, x.to(pred.device), at)
        except StudioError as exc:
            print(f"cnn-studio predict: {printable(cli_message(exc))}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            print(dumps_strict({"image": str(path), **d}))
        else:
            print(format_output(path, d) if node is None else format_layer(path, d))
    return 2 if failed else 0


def format_output(path, d: dict) -> str:
    names = d["class_names"]
    w = max(5, *(len(term(n)) for n in names))
    e_head = "e^z" if not d["shift"] else f"e^(z−{d['shift']:.4g})"
    lines = [f"{term(path)}: {term(names[d['predicted']])} ({100 * d['probabilities'][d['predicted']]:.1f}%)",
             f"  {'class':<{w}}  {'logit z':>10}  {e_head:>12}  {'p = e^z/Σ':>10}" + ("  y" if d["one_hot"] else "")]
    rows = list(range(len(names)))
    if len(names) > 20:  # many classes: the top-k and the true class (--json lists them all)
        rows = [t["index"] for t in d["top_k"]]
        if d["label"] is not None and d["label"] not in rows:
            rows.append(d["label"])
    for i in rows:
        y = f"  {d['one_hot'][i]}" if d["one_hot"] else ""
        lines.append(f"  {term(names[i]):<{w}}  {d['logits'][i]:>10.4f}  {d['exp'][i]:>12.5g}  "
                     f"{d['probabilities'][i]:>10.4f}{y}")
    if len(rows) < len(names):
        lines.append(f"  … {len(names) - len(rows)} more classes (--json lists all)")
    lines.append(f"  Σ {e_head} = {d['sum_exp']:.6g}; the probabilities sum to {sum(d['probabilities']):.6f}")
    if d["cross_entropy"] is not None:
        k = d["label"]
        lines.append(f"  cross-entropy = −Σ y_i·log p_i = −log p[{term(names[k])}] = −log {d['p_true']:.6f} "
                     f"= {d['cross_entropy']:.6f}")
    lines.append(f"  (chance level for {len(names)} classes: ln {len(names)} = {d['chance_level']:.4f})")
    return "\n".join(lines)


def _grid(rows) -> list[str]:
    return ["    " + "  ".join("   pad  " if v is None else f"{v:>8.4f}" for v in r) for r in rows]


def format_layer(path, d: dict) -> str:
    c, y, x = d["at"]
    head = f"{term(path)}: {term(d['layer'])} ({d['type']}) at channel {c}, row {y}, column {x}"
    lines = [head]
    if d["kind"] == "conv":
        for ch, patch, kern, s in zip(d["input_channels"], d["patch"], d["kernel"], d["channel_sums"]):
            lines += [f"  input channel {ch}: patch (zeros where the window is over the padding)", *_grid(patch),
                      "  kernel", *_grid(kern), f"  Σ patch·kernel = {s:.6f}"]
        bias = d["bias"] or 0.0
        lines.append(f"  Σ over {len(d['input_channels'])} channel(s) = {d['sum']:.6f}; + bias {bias:.6f} "
                     f"= {d['recomputed']:.6f}")
    elif d["kind"] in ("max", "avg"):
        lines += ["  window (pad: outside the input)", *_grid(d["patch"][0])]
        how = "max" if d["kind"] == "max" else f"sum {d['sum']:.6f} / {d['divisor']}"
        lines.append(f"  {how} = {d['recomputed']:.6f}")
    elif d["kind"] == "batchnorm":
        lines.append(f"  γ·(x − μ)/√(σ² + ε) + β = {d['gamma']:.4f}·({d['input']:.4f} − {d['running_mean']:.4f})"
                     f"/√({d['running_var']:.4f} + {d['eps']:g}) + {d['beta']:.4f} = {d['recomputed']:.6f}")
    else:
        lines.append(f"  f(x) = {d['function']} with x = {d['input']:.6f}: {d['recomputed']:.6f}")
    lines.append(f"  the model computed {d['value']:.6f} (difference {d['difference']:.2g})")
    return "\n".join(lines)
