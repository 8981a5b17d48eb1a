"""`cnn-studio evaluate`: accuracy, per-class precision/recall and the confusion matrix of a checkpoint."""
from __future__ import annotations

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict
from studio.core.text import printable

from .common import HelpFormatter, data_settings


def add_parser(sub) -> None:
    p = sub.add_parser("evaluate", help="measure a trained checkpoint on a data set",
                       description="Accuracy, per-class precision and recall, the confusion matrix and the "
                                   "most confident mistakes of a checkpoint (best.pt or last.pt).",
                       epilog="examples:\n  cnn-studio evaluate runs/lenet/best.pt\n"
                              "  cnn-studio evaluate runs/lenet/best.pt --data digits --split val --json",
                       formatter_class=HelpFormatter)
    p.add_argument("checkpoint", metavar="CKPT", help="a checkpoint written by `cnn-studio train`")
    p.add_argument("--data", metavar="SOURCE", help="digits, shapes, mnist:DIR, ... (default: the data it was "
                   "trained on)")
    p.add_argument("--download", action="store_true",
                   help="download MNIST/Fashion-MNIST/CIFAR-10 into DIR when its files are missing")
    p.add_argument("--split", choices=("test", "val", "train"), default=None,
                   help="which part to measure (default: test, or val when there is no test part)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), default="auto",
                   help="auto (default) takes CUDA, then MPS, then the CPU")
    p.add_argument("--json", action="store_true", help="print a JSON object instead of the report")
    p.set_defaults(run=run)


def run(args) -> int:
    from studio.training.checkpoint_file import checkpoint_file

    checkpoint_file(args.checkpoint)  # a mistyped path is reported before torch loads
    from studio.training.checkpoint import load_checkpoint, model_from_checkpoint
    from studio.training.data import load_data
    from studio.training.evaluate import evaluate
    from studio.training.runtime import pick_device

    ckpt = load_checkpoint(args.checkpoint)
    model, project = model_from_checkpoint(ckpt)
    device, _ = pick_device(args.device)
    data = data_settings(project, args.data, args.download, where=f"the project in {args.checkpoint}")
    bundle = load_data(data, tuple(ckpt["input_shape"]))
    names = list(ckpt["class_names"])
    if bundle.num_classes != len(names):
        raise StudioError(f"the checkpoint knows {len(names)} classes but --data {data.source} has "
                          f"{bundle.num_classes}: evaluate on the kind of data it was trained on")
    split = args.split or ("test" if bundle.test is not None and len(bundle.test) else "val")
    ds = getattr(bundle, split)
    if ds is None or len(ds) == 0:
        raise StudioError(f"the {split} part of {data.source} is empty: choose another with --split")
    res = evaluate(model.to(device), ds, names, device)
    if args.json:
        print(dumps_strict({"split": split, "count": res.count, "accuracy": res.accuracy, "top5": res.top5,
                          "class_names": names, "precision": res.precision, "recall": res.recall,
                          "confusion": res.confusion, "worst": res.worst}))
        return 0
    print(printable(f"{args.checkpoint}: epoch {ckpt['epoch']}, {data.source} {split} set"))
    print(res.report())
    if res.worst:
        print("\nmost confident mistakes (index: true → predicted, confidence)")
        for i, t, p, c in res.worst[:8]:
            print(printable(f"  #{i}: {names[t]} → {names[p]} ({c * 100:.1f}%)"))
    return 0
