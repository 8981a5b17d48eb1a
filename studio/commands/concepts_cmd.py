"""`cnn-studio concepts`: the concepts of Help → Concepts without the window: id, title, the
Chinese term, the explanation, the misconception it corrects and where the studio shows it."""
from __future__ import annotations

import textwrap

from studio.core.errors import StudioError
from studio.core.jsonout import dumps_strict

from .common import HelpFormatter


def add_parser(sub) -> None:
    p = sub.add_parser("concepts", help="the concepts of a first CNN course, with Chinese terms",
                       description="The ideas of a first CNN course (one-hot, softmax, cross-entropy, Linear, "
                                   "Flatten, convolution arithmetic, padding, stride, pooling, gradients, "
                                   "LeNet to ResNet): each with its Chinese term, a short explanation, the "
                                   "misconception it corrects and the place in the studio that shows it "
                                   "(Help → Concepts in the window).",
                       epilog="examples:\n  cnn-studio concepts\n  cnn-studio concepts softmax pooling\n"
                              "  cnn-studio concepts --lang zh\n  cnn-studio concepts --json",
                       formatter_class=HelpFormatter)
    p.add_argument("ids", nargs="*", metavar="ID", help="show only these concepts (e.g. softmax, pooling)")
    p.add_argument("--json", action="store_true", help="print JSON: a list of {id, title, zh, text, shows, …}")
    p.add_argument("--lang", choices=("en", "zh"), default="en",
                   help="zh: the Chinese term first, with the course notes' own words where they err")
    p.set_defaults(run=run)


def _select(ids):
    from studio.core.concepts import CONCEPTS, concept_ids, get_concept

    if not ids:
        return list(CONCEPTS)
    out = []
    for cid in ids:
        c = get_concept(cid)
        if c is None:
            import difflib

            near = difflib.get_close_matches(cid, concept_ids(), 1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise StudioError(f"unknown concept {cid!r}: {hint}run `cnn-studio concepts` for the list")
        out.append(c)
    return out


def _text(c, lang: str) -> str:
    head = f"{c.zh} · {c.title}" if lang == "zh" else f"{c.title} · {c.zh}"
    lines = [f"{head}  [{c.id}]"]
    wrap = textwrap.TextWrapper(width=96, initial_indent="  ", subsequent_indent="  ")
    lines += wrap.wrap(c.text)
    if c.misconception:
        lines += wrap.wrap(f"Not so: {c.misconception}")
        if c.note and lang == "zh":
            lines.append(f"  笔记原文: {c.note}")
    lines.append(f"  Shown in the studio: {c.link}  ({c.shows})")
    return "\n".join(lines)


def run(args) -> int:
    chosen = _select(args.ids)
    if args.json:
        print(dumps_strict([c.to_dict() for c in chosen], ensure_ascii=False, indent=2))
        return 0
    print("\n\n".join(_text(c, args.lang) for c in chosen))
    return 0
