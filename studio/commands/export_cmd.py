"""`cnn-studio export`: readable PyTorch code (optionally with weights), ONNX or TorchScript."""
from __future__ import annotations

import os

from studio.core.errors import StudioError
from studio.core.text import printable

from .common import HelpFormatter, add_model_argument, check_output_file, load_model_arg

SUFFIXES = {".py": "pytorch", ".onnx": "onnx", ".pt": "torchscript", ".pth": "torchscript",
            ".ts": "torchscript", ".torchscript": "torchscript"}
EXAMPLE = {"pytorch": "model.py", "onnx": "model.onnx", "torchscript": "model_ts.pt"}


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="write a project or template as model.py, ONNX or TorchScript",
                       description="Write a project (or a template) as readable PyTorch code, ONNX or "
                                   "TorchScript. The format follows the file name (.py, .onnx, .pt) unless "
                                   "--format says otherwise.",
                       epilog="examples:\n  cnn-studio export my_net.cnnproj -o model.py --weights runs/lenet/best.pt\n"
                              "  cnn-studio export resnet18 -o resnet18.onnx --input 3x64x64 --classes 5",
                       formatter_class=HelpFormatter)
    add_model_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="output file, e.g. model.py, model.onnx or model_ts.pt")
    p.add_argument("--format", choices=("pytorch", "onnx", "torchscript"), default=None,
                   help="pytorch (readable code), onnx (opset 18, dynamic batch) or torchscript "
                        "(default: from the file name)")
    p.add_argument("--weights", metavar="CHECKPOINT",
                   help="a checkpoint (or state_dict) to export with; for pytorch it is written "
                        "next to the code as <name>_weights.pt")
    p.add_argument("--force", action="store_true", help="overwrite FILE (and <name>_weights.pt) if it exists")
    p.set_defaults(run=run)


def guess_format(output: str) -> str | None:
    return SUFFIXES.get(os.path.splitext(output)[1].lower())


def run(args) -> int:
    from studio.compiler.codegen import weights_path_for

    fmt = args.format or guess_format(args.output)
    if fmt is None:
        raise StudioError(f"cannot tell the format of {args.output!r} from its name: end it in .py (PyTorch code), "
                          ".onnx or .pt (TorchScript), or add --format pytorch|onnx|torchscript")
    out = check_output_file(args.output, args.force, example=EXAMPLE[fmt])
    if fmt == "pytorch" and args.weights:
        from pathlib import Path
        check_output_file(weights_path_for(Path(out)), args.force)
    proj = load_model_arg(args.model, args.input, args.classes)
    from studio.compiler.export import export_project  # torch: after the arguments and the project are checked

    written = export_project(proj, out, fmt, weights=args.weights)
    for path in written:
        print(printable(f"wrote {path}"))
    if fmt == "pytorch":
        print(printable(f"run it with: python {written[0]}"))  # it finds its weights file next to itself
    return 0
