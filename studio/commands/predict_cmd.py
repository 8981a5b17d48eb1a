"""`cnn-studio predict`: class names and probabilities for image files."""
from __future__ import annotations

import sys

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict
from studio.core.number_text import int_arg
from studio.core.text import printable

from . import predict_activations, predict_cam, predict_explain
from .common import HelpFormatter, cli_message


def add_parser(sub) -> None:
    p = sub.add_parser("predict", help="classify image files with a trained checkpoint",
                       description="Classify image files with a checkpoint written by `cnn-studio train`: each "
                                   "image is resized and normalised as in training; prints the top classes with "
                                   "their probabilities. An unreadable image is reported and the rest go on "
                                   "(exit 2 at the end).",
                       epilog="examples:\n  cnn-studio predict runs/lenet/best.pt resources/samples/digit_*.png --top-k 3\n"
                              "  cnn-studio predict runs/lenet/best.pt resources/samples/digit_3.png --explain --label 3\n"
                              "  cnn-studio predict runs/lenet/best.pt resources/samples/digit_3.png "
                              "--explain-layer conv1 --at 0,10,10\n"
                              "  cnn-studio predict runs/lenet/best.pt resources/samples/digit_3.png "
                              "--cam --cam-layer conv2 --cam-out cam.png",
                       formatter_class=HelpFormatter)
    p.add_argument("checkpoint", metavar="CKPT", help="a checkpoint written by `cnn-studio train`")
    p.add_argument("images", metavar="IMAGE", nargs="+", help="image files (PNG, JPEG, ...)")
    p.add_argument("--top-k", type=int_arg("--top-k", example="3"), default=5, metavar="K", help="how many classes to list (default 5)")
    p.add_argument("--json", action="store_true", help="print one JSON object per image")
    predict_explain.add_arguments(p)
    predict_activations.add_arguments(p)
    predict_cam.add_arguments(p)  # Grad-CAM (studio/commands/predict_cam.py)
    p.set_defaults(run=run)


def run(args) -> int:
    from studio.training.checkpoint_file import checkpoint_file

    if args.top_k < 1:
        raise StudioError(f"--top-k {args.top_k}: list at least 1 class")
    checkpoint_file(args.checkpoint)  # a mistyped path is reported before torch loads
    if predict_activations.wanted(args):
        return predict_activations.run(args)
    if predict_cam.wanted(args):
        return predict_cam.run(args)
    if predict_explain.wanted(args):
        return predict_explain.run(args)
    from studio.training.predict import Predictor

    pred = Predictor.from_checkpoint(args.checkpoint)
    failed = 0
    for path in args.images:
        try:
            top = pred.predict(path, top_k=args.top_k)
        except StudioError as exc:
            print(f"cnn-studio predict: {printable(cli_message(exc))}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            print(dumps_strict({"image": path, "top": [{"class": c, "probability": p} for c, p in top]}))
        else:
            rest = ", ".join(f"{c} {p * 100:.1f}%" for c, p in top[1:])
            line = f"{path}: {top[0][0]} ({top[0][1] * 100:.1f}%)" + (f"  [{rest}]" if rest else "")
            print(printable(line))
    return 2 if failed else 0
