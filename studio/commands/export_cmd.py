"""`cnn-studio export`: readable PyTorch code (optionally with weights), ONNX or TorchScript."""
from __future__ import annotations

from .common import add_model_argument, load_model_arg


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="write a project or template as model.py, ONNX or TorchScript")
    add_model_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="output file, e.g. model.py, model.onnx or model_ts.pt")
    p.add_argument("--format", choices=("pytorch", "onnx", "torchscript"), default=None,
                   help="pytorch (readable code, the default), onnx (opset 17, dynamic batch) or torchscript")
    p.add_argument("--weights", metavar="CHECKPOINT",
                   help="a checkpoint (or state_dict) to export with; for pytorch it is written "
                        "next to the code as <name>_weights.pt")
    p.set_defaults(run=run)


def guess_format(output: str) -> str:
    low = output.lower()
    if low.endswith(".onnx"):
        return "onnx"
    if low.endswith((".pt", ".pth", ".ts", ".torchscript")):
        return "torchscript"
    return "pytorch"


def run(args) -> int:
    from studio.compiler.export import export_project

    proj = load_model_arg(args.model, args.input, args.classes)
    fmt = args.format or guess_format(args.output)
    written = export_project(proj, args.output, fmt, weights=args.weights)
    for path in written:
        print(f"wrote {path}")
    if fmt == "pytorch":
        print(f"run it with: python {written[0]}")
    return 0
