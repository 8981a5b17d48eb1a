"""`cnn-studio summary`: the per-layer table with totals, like torchinfo."""
from __future__ import annotations

import sys

from studio.core.freeze import frozen_ids, frozen_text
from studio.core.jsonout import dumps_strict
from studio.core.number_text import int_arg
from studio.core.spec import fmt_shape
from studio.core.text import printable
from studio.core.validate import Analysis, validate

from .common import (
    HelpFormatter,
    add_model_argument,
    load_model_arg,
    print_graph_errors,
)


def add_parser(sub) -> None:
    p = sub.add_parser("summary", help="per-layer shapes, parameters and MACs of a project or template",
                       description="Print each layer's output shape, parameters, MACs, receptive field and jump "
                                   "with totals and a memory estimate (like torchinfo). An invalid graph prints its problems "
                                   "(node, numbers, fix) and exits 2.",
                       epilog="examples:\n  cnn-studio summary resnet50\n"
                              "  cnn-studio summary resnet18 --input 3x64x64 --classes 5\n"
                              "  cnn-studio summary my_net.cnnproj --json --batch-size 32",
                       formatter_class=HelpFormatter)
    add_model_argument(p)
    p.add_argument("--batch-size", type=int_arg("--batch-size", example="32"), default=1, metavar="N", help="batch size for the memory estimate (default 1)")
    p.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    p.set_defaults(run=run)


def mb(n: int) -> str:
    return f"{n / 2**20:,.2f}"


def summary_dict(a: Analysis, batch: int, frozen: set[str] = frozenset()) -> dict:
    frozen_params = sum(c.params for nid, c in a.costs.items() if nid in frozen)
    return {
        "input_shape": list(a.shapes[a.input_id]) if a.input_id in a.shapes else None,
        "output_shape": list(a.output_shape) if a.output_shape else None,
        "total_params": a.total_params,
        "trainable_params": a.trainable_params - frozen_params,
        "frozen_params": frozen_params,  # layers frozen for fine-tuning (docs/transfer.md)
        "buffers": a.buffers,
        "macs": a.macs,
        "memory": a.memory_estimate(batch),
        "layers": [dict(r.to_dict(), frozen=r.id in frozen) for r in a.rows()],
        "issues": [i.to_dict() for i in a.issues],
    }


def format_table(a: Analysis, batch: int, title: str = "", frozen: set[str] = frozenset()) -> str:
    rows = a.rows()
    head = ("Layer (type)", "Output shape", "Params", "MACs", "RF", "Jump")
    body = [(f"{printable(r.name)} ({r.type})", fmt_shape(r.output_shape), f"{r.params:,}", f"{r.macs:,}",
             r.field.size_text if r.field else "–", r.field.jump_text if r.field else "–") for r in rows]
    w = [max(len(head[i]), *(len(b[i]) for b in body)) if body else len(head[i]) for i in range(6)]
    line = lambda c: (f"{c[0]:<{w[0]}}  {c[1]:<{w[1]}}  {c[2]:>{w[2]}}  {c[3]:>{w[3]}}"  # noqa: E731
                      f"  {c[4]:>{w[4]}}  {c[5]:>{w[5]}}")
    width = sum(w) + 10
    out = []
    if title:
        out.append(printable(title))
    out += ["=" * width, line(head), "-" * width, *[line(b) for b in body], "=" * width]
    mem = a.memory_estimate(batch)
    out += [
        f"Total params: {a.total_params:,}",
        *_param_lines(a, frozen),
        f"Non-trainable buffers: {a.buffers:,}",
        f"MACs per image: {a.macs:,} ({a.macs / 1e6:,.2f} M)",
        "RF: receptive field in input pixels (largest over all paths); Jump: input pixels per output step",
        "-" * width,
        f"Input size (MB), batch {batch}: {mb(mem['input_bytes'])}",
        f"Forward activations (MB), batch {batch}: {mb(mem['activation_bytes'])}",
        f"Params and buffers size (MB): {mb(mem['param_bytes'])}",
        f"Estimated training memory (MB), batch {batch}, Adam: {mb(mem['training_bytes_estimate'])}",
        "=" * width,
    ]
    return "\n".join(out)


def _param_lines(a: Analysis, frozen: set[str]) -> list[str]:
    f = sum(c.params for nid, c in a.costs.items() if nid in frozen)
    return [f"Trainable params: {a.trainable_params - f:,}"] + ([f"Frozen params: {f:,}"] if f else [])


def run(args) -> int:
    if args.batch_size < 1:
        print("cnn-studio summary: --batch-size must be at least 1", file=sys.stderr)
        return 2
    proj = load_model_arg(args.model, args.input, args.classes)
    a = validate(proj.graph, proj.num_classes)
    frozen = frozen_ids(proj.graph, frozen_text(proj))
    if args.json:
        print(dumps_strict(summary_dict(a, args.batch_size, frozen), indent=2))
        return 2 if a.errors else 0
    if a.errors:
        print_graph_errors(a, proj.name or args.model)
        return 2
    shape = a.shapes.get(a.input_id)
    title = printable(f"{proj.name or args.model}  (input {fmt_shape(shape)}, {proj.num_classes} classes)")
    print(format_table(a, args.batch_size, title, frozen))
    for i in a.warnings:
        print(printable(f"warning: [{a.names.get(i.node, i.node)}] {i.message}"))
    return 0
