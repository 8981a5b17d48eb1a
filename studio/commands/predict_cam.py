"""`cnn-studio predict --cam`: Grad-CAM, where in the image the class score comes from.

--cam                the map at the last spatial layer for the predicted class
--cam-layer NAME     at another layer (a Conv2d or pooling layer: one with an H×W map)
--cam-class K        for another class (a class name or an index)
--cam-out FILE.png   the map over the image as a PNG (FILE-<image>.png for several images)
The numbers come from studio.training.gradcam, the same code the window's overlay uses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict
from studio.core.text import printable


def add_arguments(p) -> None:
    g = p.add_argument_group("Grad-CAM: what the prediction looks at")
    g.add_argument("--cam", action="store_true", help="compute Grad-CAM (with --json: a 'cam' entry holding "
                   "layer, class and the unnormalised map at the layer's resolution)")
    g.add_argument("--cam-layer", metavar="NAME", help="the layer for --cam (default: the last one with an H×W map)")
    g.add_argument("--cam-class", metavar="K", help="the class for --cam, a name or an index (default: the "
                   "predicted class)")
    g.add_argument("--cam-out", metavar="FILE.png", help="write the map over the image as a PNG")


def wanted(args) -> bool:
    return bool(args.cam or args.cam_layer or args.cam_out or args.cam_class is not None)


def _out_path(args, image: str) -> Path | None:
    if not args.cam_out:
        return None
    out = Path(args.cam_out)
    if len(args.images) > 1:
        out = out.with_name(f"{out.stem}-{Path(image).stem}{out.suffix or '.png'}")
    return out


def run(args) -> int:
    if not args.cam:
        raise StudioError("--cam-layer, --cam-class and --cam-out go with --cam: add --cam")
    if args.cam_out and Path(args.cam_out).suffix.lower() != ".png":
        raise StudioError(f"--cam-out {args.cam_out}: write a .png file")
    from studio.training.explain import parse_label
    from studio.training.gradcam import grad_cam, overlay, pick_layer
    from studio.training.predict import Predictor

    pred = Predictor.from_checkpoint(args.checkpoint)
    pick_layer(pred.model, pred.project, args.cam_layer)  # a wrong layer: one line before any image
    cls = None
    if args.cam_class is not None:
        try:
            cls = parse_label(args.cam_class, pred.class_names)
        except StudioError as exc:
            raise StudioError(str(exc).replace("--label", "--cam-class", 1)) from None
    failed = 0
    for path in args.images:
        try:
            image = pred.load_image(path)
            top = pred.predict(image, top_k=args.top_k)
            cam = grad_cam(pred.model, pred.project, pred.preprocess(image).to(pred.device), args.cam_layer, cls)
            out = _out_path(args, path)
            if out is not None:
                try:
                    overlay(image, cam["map"]).save(out)
                except OSError as exc:
                    raise StudioError(f"--cam-out {out}: cannot write it ({exc.strerror or exc})") from None
        except StudioError as exc:
            print(f"cnn-studio predict: {printable(exc)}", file=sys.stderr)
            failed += 1
            continue
        cam_json = {"layer": cam["layer"], "class": cam["class"], "class_name": pred.class_names[cam["class"]],
                    "score": cam["score"], "map": cam["map"]}
        if args.json:
            print(dumps_strict({"image": str(path), "top": [{"class": c, "probability": p} for c, p in top],
                              "cam": cam_json, **({"cam_out": str(out)} if out else {})}))
        else:
            h, w = len(cam["map"]), len(cam["map"][0]) if cam["map"] else 0
            flat = [v for row in cam["map"] for v in row]
            peak = max(range(len(flat)), key=flat.__getitem__) if flat else 0
            line = (f"{path}: {top[0][0]} ({top[0][1] * 100:.1f}%); Grad-CAM at {cam['layer']} ({h}×{w}) for "
                    f"class {cam_json['class_name']}: strongest at row {peak // max(w, 1)}, column {peak % max(w, 1)}"
                    + (f"; wrote {out}" if out else ""))
            print(printable(line))
    return 2 if failed else 0
