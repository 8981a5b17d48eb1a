"""`cnn-studio import MODULE:CALLABLE -o PROJECT`: an existing PyTorch model as an editable graph.

Importing runs the named Python module's code (as `python -c "import MODULE"` would): only
import modules you trust.
"""
from __future__ import annotations

import os
import sys

from studio.core.errors import StudioError
from studio.core.number_text import int_arg
from studio.core.project import SUFFIX, save_project
from studio.core.text import printable

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
    p.set_defaults(run=run)


def _importable(spec: str) -> str:
    """Let MODULE be found as `python -c "import MODULE"` finds it, with the current folder AFTER the
    installed packages: a local ``torchvision.py`` cannot shadow the real torchvision.

    ``path/to/model.py:Net`` is read as module ``model`` from ``path/to`` (refused when an installed
    module of that name would be imported instead).
    """
    import importlib.util

    mod, sep, attr = spec.partition(":")
    folder = os.getcwd()
    path = None
    if mod.endswith(".py") or os.sep in mod or "/" in mod:
        if not os.path.isfile(mod):
            raise StudioError(f"{mod}: no such Python file (write MODULE:CALLABLE or path/to/file.py:CALLABLE)")
        path = os.path.abspath(mod)
        folder, mod = os.path.dirname(path), os.path.splitext(os.path.basename(mod))[0]
    if folder not in sys.path:
        sys.path.append(folder)
    if path is not None:
        try:
            found = importlib.util.find_spec(mod)
        except (ImportError, ValueError):
            found = None
        origin = getattr(found, "origin", None)
        if origin and os.path.realpath(origin) != os.path.realpath(path):
            raise StudioError(f"{printable(path)}: its module name '{printable(mod)}' is taken by an installed "
                              f"module ({printable(origin)}): rename the file")
    return f"{mod}{sep}{attr}"


def run(args) -> int:
    shape = parse_input_shape(args.input)
    if args.classes is not None and args.classes < 1:
        raise StudioError(f"--classes {args.classes}: a classifier needs at least 1 class")
    out = check_output_file(args.output, args.force, example="model" + SUFFIX)
    from studio.compiler.importer import import_callable  # torch: after the arguments are checked

    proj = import_callable(_importable(args.callable), shape, args.classes)
    save_project(proj, out)
    n_groups = len(proj.graph.groups)
    print(printable(f"imported {args.callable}: {len(proj.graph)} nodes, {len(proj.graph.edges)} edges"
          f"{f', {n_groups} blocks' if n_groups else ''}, {proj.num_classes} classes"))
    print(printable(f"wrote {out}"))
    return 0
