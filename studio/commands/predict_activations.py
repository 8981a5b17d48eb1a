"""`cnn-studio predict --activations`: every layer's feature maps for one image, headless.

--activations        per layer with an image output: its shape [C,H,W] and the mean and max of each
                     channel (``--json``: under ``activations``, keyed by layer name)
--activations-out D  also write each layer's maps as a PNG grid (000_input.png, 001_conv1.png, …)
The numbers come from studio.training.activations, the code behind Inference → Overview.
"""
from __future__ import annotations

import sys
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict


def add_arguments(p) -> None:
    g = p.add_argument_group("every layer at once")
    g.add_argument("--activations", action="store_true",
                   help="list every layer with C×H×W maps for the image: shape, per-channel mean and max")
    g.add_argument("--activations-out", metavar="DIR",
                   help="write each layer's feature maps as a PNG grid into DIR (implies --activations)")


def wanted(args) -> bool:
    return bool(getattr(args, "activations", False) or getattr(args, "activations_out", None))


def _check(args) -> None:
    if getattr(args, "explain", False) or getattr(args, "explain_layer", None):
        raise StudioError("--activations shows every layer; --explain/--explain-layer one step: "
                          "run them one at a time")
    if args.activations_out and len(args.images) > 1:
        raise StudioError(f"--activations-out writes one image's maps, but {len(args.images)} images were given: "
                          "pass one image")


def run(args) -> int:
    _check(args)  # option mistakes are reported before torch loads
    from studio.training import activations as act
    from studio.training.predict import Predictor

    from .predict_explain import term

    pred = Predictor.from_checkpoint(args.checkpoint)
    failed = 0
    for path in args.images:
        try:
            x = pred.preprocess(pred.load_image(path))
            layers, logits = act.capture_all(pred.model, pred.project, x.to(pred.device))
        except StudioError as exc:
            print(f"cnn-studio predict: {exc}", file=sys.stderr)
            failed += 1
            continue
        files = act.save_thumbnails(layers, args.activations_out) if args.activations_out else []
        p = logits.softmax(0)
        top = [{"class": str(pred.class_names[i]) if i < len(pred.class_names) else str(i),
                "probability": float(p[i])} for i in p.argsort(descending=True)[:args.top_k].tolist()]
        record = {"image": str(path), "activations": act.stats(layers), "logits": logits.tolist(), "top": top}
        if files:
            record["thumbnails"] = [str(f) for f in files]
        if args.json:
            print(dumps_strict(record))
            continue
        print(f"{term(path)}: {term(top[0]['class'])} ({100 * top[0]['probability']:.1f}%)")
        for name, d in record["activations"].items():
            c, h, w = d["shape"]
            print(f"  {term(name):<24} {c:>4}×{h}×{w:<4} mean {sum(d['mean']) / c:>9.4f}  max {max(d['max']):>9.4f}")
        if files:
            print(f"  wrote {len(files)} PNG grids to {term(Path(args.activations_out))}")
    return 2 if failed else 0
