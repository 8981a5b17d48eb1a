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
    p.add_argument("--json", action="store_true", help="print JSON: a list of {id, title, zh, text, shows, …} (--lang zh: the texts in Chinese)")
    p.add_argument("--lang", choices=("en", "zh"), default="en",
                   help="zh: in Chinese (the Chinese term first, every text in Chinese), with the course notes' "
                        "own words where they err")
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


_NO_BREAK_BEFORE = set("，。：；？！）、》」』”")
_NO_BREAK_AFTER = set("（《「『“")


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _wrap_wide(text: str, width: int = 96, indent: str = "  ") -> list[str]:
    """Wrap text that mixes Chinese and ASCII by display columns (a Chinese character is two):
    a line may break between two Chinese characters or at a space, never inside an ASCII word,
    before a closing mark or after an opening one."""
    import re

    tokens: list[str] = []
    for t in re.findall(r"\s+|[^\s\u2e80-\uffff]+|[\u2e80-\uffff]", text):
        if tokens and not tokens[-1].isspace() and not t.isspace() and (
                t[0] in _NO_BREAK_BEFORE or tokens[-1][-1] in _NO_BREAK_AFTER):
            tokens[-1] += t
        else:
            tokens.append(t)
    lines, line = [], ""
    for t in tokens:
        if line and not t.isspace() and _width(indent + line + t) > width:
            lines.append(indent + line.rstrip())
            line = ""
        if line or not t.isspace():
            line += t
    if line.strip():
        lines.append(indent + line.rstrip())
    return lines


def _text(c, lang: str) -> str:
    from studio.core.concepts import NOT_SO, SHOWN_IN, heading, localized
    from studio.core.i18n import translate

    zh = lang == "zh"
    if zh:
        c = localized(c, lambda ctx, s: translate(ctx, s, "zh_CN"))
        wrap = _wrap_wide
        not_so, shown = translate("Concepts", NOT_SO, "zh_CN"), translate("Concepts", SHOWN_IN, "zh_CN")
    else:
        wrap = textwrap.TextWrapper(width=96, initial_indent="  ", subsequent_indent="  ").wrap
        not_so, shown = NOT_SO, SHOWN_IN
    lines = [f"{heading(c, zh)}  [{c.id}]"]
    lines += wrap(c.text)
    if c.misconception:
        lines += wrap(f"{not_so}{'' if not_so.endswith('：') else ' '}{c.misconception}")
        if c.note and zh:
            lines.append(f"  笔记原文：{c.note}")
    lines.append(f"  {shown.format(link=c.link)}  ({c.shows})")
    return "\n".join(lines)


def _localized(chosen, lang: str):
    if lang != "zh":
        return chosen
    from studio.core.concepts import localized
    from studio.core.i18n import translate

    return [localized(c, lambda ctx, s: translate(ctx, s, "zh_CN")) for c in chosen]


def run(args) -> int:
    chosen = _select(args.ids)
    if args.json:
        print(dumps_strict([c.to_dict() for c in _localized(chosen, args.lang)], ensure_ascii=False, indent=2))
        return 0
    print("\n\n".join(_text(c, args.lang) for c in chosen))
    return 0
