"""`cnn-studio import MODULE:CALLABLE -o PROJECT`: an existing PyTorch model as an editable graph.

Importing runs the named Python module's code (as `python -c "import MODULE"` would): only
import modules you trust.
"""
from __future__ import annotations

import os

from studio.core.errors import StudioError
from studio.core.number_text import int_arg
from studio.core.project import SUFFIX, save_project
from studio.core.text import printable

from .transfer_args import add_weights_argument, attach_weights
from .common import HelpFormatter, check_output_file, parse_input_shape


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="import a PyTorch model (MODULE:CALLABLE) as a project, via torch.fx",
                       description="Trace a PyTorch model with torch.fx and save it as an editable project. "
                                   "This imports and runs the named Python module: only use code you trust.",
                       epilog="example:\n  cnn-studio import torchvision.models:resnet18 -o resnet18.cnnproj "
                              "--input 3x224x224",
                       formatter_class=HelpFormatter)
    p.add_argument("callable", metavar="MODULE:CALLABLE",
                   help="e.g. torchvision.models:resnet18, or model.py:Net for a file (a module in the current "
                        "folder is found too)")
    p.add_argument("-o", "--output", required=True, metavar="PROJECT", help=f"project file to write ({SUFFIX})")
    p.add_argument("--input", metavar="CxHxW", default="3x224x224", help="input shape (default 3x224x224)")
    p.add_argument("--classes", type=int_arg("--classes", example="10"), metavar="N",
                   help="number of classes (passed as num_classes= when the callable accepts it)")
    p.add_argument("--force", action="store_true", help="overwrite an existing project file")
    add_weights_argument(p)  # transfer learning (docs/transfer.md)
    p.set_defaults(run=run)


def run(args) -> int:
    shape = parse_input_shape(args.input)
    if args.classes is not None and args.classes < 1:
        raise StudioError(f"--classes {args.classes}: a classifier needs at least 1 class")
    out = check_output_file(args.output, args.force, example="model" + SUFFIX)
    from studio.compiler.pyload import sys_path_without

    with sys_path_without(os.getcwd()):  # no file of the current folder stands in for torch's imports
        from studio.compiler.importer import import_callable  # torch: after the arguments are checked

        proj = import_callable(args.callable, shape, args.classes)  # what is run: studio.compiler.pyload
    report = attach_weights(proj, args.weights)  # transfer: tried and stored before saving
    save_project(proj, out)
    n_groups = len(proj.graph.groups)
    print(printable(f"imported {args.callable}: {len(proj.graph)} nodes, {len(proj.graph.edges)} edges"
          f"{f', {n_groups} blocks' if n_groups else ''}, {proj.num_classes} classes"))
    print(printable(f"wrote {out}"))
    for line in report:
        print(printable(line))
    return 0
