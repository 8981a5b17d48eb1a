"""`cnn-studio new TEMPLATE -o PROJECT`: write a new project file from a template."""
from __future__ import annotations

import os

from studio.core.errors import StudioError
from studio.core.number_text import int_arg
from studio.core.project import SUFFIX, save_project
from studio.core.spec import fmt_shape
from studio.core.text import printable
from studio.core.validate import validate

from .transfer_args import add_weights_argument, attach_weights
from .common import HelpFormatter, check_output_file, parse_input_shape


def add_parser(sub) -> None:
    p = sub.add_parser("new", help="create a project file from a template",
                       description="Write a new project file from a template, optionally for another input "
                                   "shape or number of classes. Open it in the studio or use it with summary, "
                                   "train and export.",
                       epilog="example:\n  cnn-studio new lenet5 -o my_net.cnnproj --input 1x28x28 --classes 10",
                       formatter_class=HelpFormatter)
    p.add_argument("template", metavar="TEMPLATE", help="template name (see: cnn-studio templates)")
    p.add_argument("-o", "--output", required=True, metavar="PROJECT", help=f"project file to write ({SUFFIX} is added to a name without a suffix)")
    p.add_argument("--input", metavar="CxHxW", help="input shape, e.g. 1x28x28 (default: the template's)")
    p.add_argument("--classes", type=int_arg("--classes", example="10"), metavar="N", help="number of classes (default: the template's)")
    p.add_argument("--force", action="store_true", help="overwrite PROJECT if it exists")
    add_weights_argument(p)  # transfer learning (docs/transfer.md)
    p.set_defaults(run=run)


def run(args) -> int:
    from studio import templates

    shape = parse_input_shape(args.input)
    if args.classes is not None and args.classes < 1:
        raise StudioError(f"--classes {args.classes}: a classifier needs at least 1 class")
    out = args.output
    if not os.path.isdir(out) and not os.path.splitext(out)[1]:
        out += SUFFIX  # "-o my_net" writes my_net.cnnproj
    check_output_file(out, args.force, example=args.template + SUFFIX)
    proj = templates.build_project(args.template, input_shape=shape, num_classes=args.classes)
    report = attach_weights(proj, args.weights)  # transfer: tried and stored before saving
    save_project(proj, out)
    a = validate(proj.graph, proj.num_classes)
    print(printable(f"wrote {out}: {proj.name}, input {fmt_shape(proj.input_shape)}, {proj.num_classes} classes, "
          f"{len(proj.graph)} layers, {a.total_params:,} parameters"))
    for line in report:
        print(printable(line))
    return 0
