"""`cnn-studio diagram`: the architecture diagram of a project or template as SVG or PNG."""
from __future__ import annotations

import os
import sys

from studio.core.errors import StudioError
from studio.core.number_text import float_arg
from studio.core.text import printable
from studio.core.userfile import atomic_write_text

from .common import HelpFormatter, add_model_argument, check_output_file, load_model_arg

SUFFIXES = (".svg", ".png")


def add_parser(sub) -> None:
    p = sub.add_parser("diagram", help="draw the architecture diagram (SVG or PNG)",
                       description="Draw the network as report figures do: each feature map a box "
                                   "(height and depth from H and W, thickness from the channels, on a "
                                   "log scale), kernels, skip connections as arcs, stages named with "
                                   "their output shape, a legend. The suffix of -o picks the format.",
                       epilog="examples:\n  cnn-studio diagram resnet50 -o resnet50.svg\n"
                              "  cnn-studio diagram vgg16 -o vgg16.png --input 3x64x64 --classes 10\n"
                              "  cnn-studio diagram my_net.cnnproj -o my_net.svg --force",
                       formatter_class=HelpFormatter)
    add_model_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.svg|FILE.png",
                   help="where to write the diagram (.svg or .png)")
    p.add_argument("--scale", type=float_arg("--scale", example="2"), default=2.0, metavar="S",
                   help="pixels per diagram unit for PNG (default 2: sharp when printed)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=run)


def run(args) -> int:
    out = args.output
    suffix = os.path.splitext(out)[1].lower()
    check_output_file(out, args.force, example=f"diagram{suffix if suffix in SUFFIXES else '.svg'}")
    if suffix not in SUFFIXES:
        raise StudioError(f"-o {printable(out)}: the diagram is written as .svg or .png; end the name with one of them")
    if not 0.25 <= args.scale <= 8:
        raise StudioError(f"--scale {args.scale:g}: choose a value from 0.25 to 8")
    proj = load_model_arg(args.model, args.input, args.classes)
    from studio.core.validate import validate
    from studio.diagram import build_diagram, to_svg

    a = validate(proj.graph, proj.num_classes)
    name = proj.name or args.model
    if a.errors:
        first = a.errors[0]
        where = f"[{a.names.get(first.node, first.node)}] " if first.node else ""
        raise StudioError(f"{printable(name)}: the graph has {len(a.errors)} error(s), first {where}{first.message} "
                          f"(see: cnn-studio summary {args.model})")
    d = build_diagram(proj.graph, a, name)
    scale = args.scale
    if suffix == ".svg":  # both written atomically: a failure leaves an existing file as it was
        atomic_write_text(out, to_svg(d), what="diagram")
    else:
        from studio.diagram.raster import MAX_PIXELS, MAX_SIDE, png_scale, save_png

        scale = png_scale(d, args.scale)  # a diagram too large for any PNG: one line, nothing written
        save_png(d, out, scale)
    if scale != args.scale:
        print(f"cnn-studio diagram: note: drawn at --scale {scale:g} instead of {args.scale:g} so that the PNG "
              f"stays within {MAX_PIXELS // 1_000_000} million pixels and {MAX_SIDE:,} a side; for every detail "
              "write SVG (-o NAME.svg)",
              file=sys.stderr)
    print(printable(f"diagram of {name} ({len(d.boxes)} feature maps, {len(d.stages)} stages) written to {out}"),
          file=sys.stdout)
    return 0
