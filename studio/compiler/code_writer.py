"""The body of generated classes: ``__init__`` from the module plan, ``forward`` from the steps.

Block classes (:mod:`studio.compiler.classes`) write their arguments where the instances
differ, their optional parts under a condition (``self.downsample = None`` / ``if ...:``; a
sequence built as a list when some of its elements are optional; ``if self.use_residual:``
around the merge steps only some instances have) and loops for dense or chained sub-blocks.
No torch here.
"""
from __future__ import annotations

import keyword
import textwrap

from studio.core.spec import merge_kind

from .classes import Arg, BlockClass, Flag
from .names import CUSTOM_CLASSES, Namespace
from .nn_facts import POSITIONAL, keyword_order
from .plan import CompileError
from .plan_types import Container, ModulePlan, Op

IND = "    "


def comment_text(text: object, limit: int = 200) -> str:
    """A user string as it may appear in a generated comment: a quoted, escaped literal on one
    line (``repr`` escapes every non-printable character: line breaks, form feeds, NUL, lone
    surrogates), cut to ``limit`` characters of the original text."""
    s = str(text)
    if len(s) > limit:
        return repr(s[:limit]) + "..."
    return repr(s)


def fitted_comment(ind: str, text: object, width: int = 100) -> str:
    """``# 'label'`` at ``ind``, the literal cut so that the line fits in ``width``."""
    for limit in (200, 120, 80, 60, 40, 24, 12, 6, 3, 1, 0):
        line = f"{ind}# {comment_text(text, limit)}"
        if len(line) <= width:
            return line
    return f"{ind}# ..."


def _value(v) -> str:
    return str(v) if isinstance(v, Arg) else repr(v)


def leaf_expr(cls_name: str, kwargs: dict) -> str:
    order = keyword_order(cls_name)
    parts, positional = [], True
    for k in sorted(kwargs, key=lambda k: order.index(k) if k in order else len(order)):
        if positional and k in POSITIONAL and k in order and order.index(k) == len(parts):
            parts.append(_value(kwargs[k]))
        else:
            positional = False
            parts.append(f"{k}={_value(kwargs[k])}")
    return f"{'' if cls_name in CUSTOM_CLASSES else 'nn.'}{cls_name}({', '.join(parts)})"


def merge_expr(kind: str, ins: list[str]) -> str:
    """The expression of a merge layer (its spec's ``merge``) over the input variables."""
    if kind == "add":
        return " + ".join(ins)
    if kind == "multiply":
        return " * ".join(ins)
    if kind == "concat":
        return f"torch.cat([{', '.join(ins)}], dim=1)"
    raise ValueError(f"unknown merge kind {kind!r}")


def param_expr(kwargs: dict) -> str:
    """A LayerScale: a learned C×1×1 scale held by the enclosing module (torchvision's layer_scale)."""
    return f"nn.Parameter(torch.full(({_value(kwargs['channels'])}, 1, 1), {_value(kwargs['init'])}))"


def docstring(doc: str) -> list[str]:
    """A class docstring in lines of at most 100 characters."""
    lines = textwrap.wrap(doc, 92)
    if len(lines) == 1:
        return [f'{IND}"""{doc}"""']
    return [f'{IND}"""{lines[0]}', *(IND + ln for ln in lines[1:-1]), f'{IND}{lines[-1]}"""']


def access(path: tuple) -> str:
    s = "self"
    for p in path:
        s += f".{p}" if p.isidentifier() and not keyword.iskeyword(p) else f"[{p!r}]"
    return s


class Writer:
    def __init__(self, plan: ModulePlan, labels: dict[str, str], overrides: dict[str, dict] | None = None):
        self.plan = plan
        self.labels = labels
        self.overrides = overrides or {}  # root layer node id -> kwargs replaced (num_classes)

    # ---- __init__ -------------------------------------------------------
    def expr(self, item, ind: str, cls: BlockClass | None, path: tuple) -> str:
        if item.kind in ("leaf", "param"):
            kwargs = cls.leaf_kwargs.get(path, {}) if cls else {**item.kwargs, **self.overrides.get(item.node_id, {})}
            return param_expr(kwargs) if item.kind == "param" else leaf_expr(item.cls, kwargs)
        if item.kind == "block":
            args = list(cls.leaf_kwargs.get(path, {}).items()) if cls else item.block_class.call_args(item)
            return f"{item.class_name}({', '.join(f'{a}={_value(v)}' for a, v in args)})"
        inner = ind + IND
        lines = []
        for name, child in item.children.items():
            if child.kind == "param":
                raise CompileError(f"LayerScale '{child.node_id}' must sit at the top level or in a block "
                                   f"(a container of numbered layers cannot hold a parameter); rename it")
            e = self.expr(child, inner, cls, path + (name,))
            key = "" if item.kind == "seq" else f"{name!r}: "
            lines += self.note(child, inner, cls) + [f"{inner}{key}{e},"]
        if item.kind == "seq":
            return "nn.Sequential(\n" + "\n".join(lines) + f"\n{ind})"
        return "nn.ModuleDict({\n" + "\n".join(lines) + f"\n{ind}}})"

    def note(self, item, ind: str, cls) -> list[str]:
        """The layer's label as a comment line above it (root class only: a block class is shared)."""
        if cls is None and item.kind in ("leaf", "param") and self.labels.get(item.node_id):
            return [fitted_comment(ind, self.labels[item.node_id])]
        return []

    @staticmethod
    def init_cond(flag: Flag) -> str:
        return f"self.{flag.name}" if flag.attr else (flag.cond or flag.name)

    def init_lines(self, c: Container, cls: BlockClass | None) -> list[str]:
        out = []
        flags = cls.flags if cls else []
        for f in flags:
            if f.attr:
                out.append(f"{IND * 2}self.{f.name} = {f.cond or f.name}")
        for name, item in c.children.items():
            flag = cls.flag_of(("unit", (name,))) if cls else None
            if item.kind == "seq" and any(cls and cls.flag_of(("unit", (name, k))) for k in item.children):
                out += self.seq_list(name, item, cls)
                continue
            e = self.expr(item, IND * 2, cls, (name,))
            if flag is not None:
                out += [f"{IND * 2}self.{name} = None", f"{IND * 2}if {self.init_cond(flag)}:",
                        f"{IND * 3}self.{name} = {textwrap.indent(e, IND).lstrip()}"]
            else:
                out += self.note(item, IND * 2, cls) + [f"{IND * 2}self.{name} = {e}"]
        return out

    def seq_list(self, name: str, item: Container, cls: BlockClass) -> list[str]:
        """A sequence with optional elements, built as a list (torchvision's ``layers``)."""
        var = Namespace(set(cls.args)).create("layers")
        chunks: list[tuple[Flag | None, list]] = []
        for k, child in item.children.items():
            flag = cls.flag_of(("unit", (name, k)))
            if chunks and chunks[-1][0] is flag:
                chunks[-1][1].append((k, child))
            else:
                chunks.append((flag, [(k, child)]))
        out = [] if chunks[0][0] is None else [f"{IND * 2}{var} = []"]
        for i, (flag, members) in enumerate(chunks):
            ind = IND * 2 if flag is None else IND * 3
            if flag is not None:
                out.append(f"{IND * 2}if {self.init_cond(flag)}:")
            if len(members) == 1 and (i or flag is not None):
                k, child = members[0]
                out.append(f"{ind}{var}.append({self.expr(child, ind, cls, (name, k))})")
                continue
            out.append(f"{ind}{var} {'=' if i == 0 and flag is None else '+='} [")
            out += [f"{ind}{IND}{self.expr(child, ind + IND, cls, (name, k))}," for k, child in members]
            out.append(f"{ind}]")
        return out + [f"{IND * 2}self.{name} = nn.Sequential(*{var})"]

    # ---- forward --------------------------------------------------------
    def forward_lines(self, c: Container, cls: BlockClass | None) -> list[str]:
        uses: dict[str, int] = {}
        for s in c.steps:
            for i in s.inputs:
                uses[i] = uses.get(i, 0) + 1
        var = {c.input_node: "x"}
        ns = Namespace()
        fresh = True
        out: list[str] = []
        open_flag = None
        for s in c.steps:
            ins = [var[i] for i in s.inputs]
            for i in s.inputs:
                uses[i] -= 1
            is_op = isinstance(s.target, Op)
            if is_op:
                expr, base = merge_expr(merge_kind(s.target.type), ins), s.target.type.lower()
            elif c.child(s.target).kind == "param":
                expr, base = f"{access(s.target)} * {ins[0]}", s.target[-1]
            else:
                expr, base = f"{access(s.target)}({ins[0]})", s.target[-1]
            flag = None
            if cls is not None:
                flag = cls.flag_of(("op", s.target.node_id) if is_op else ("unit", s.target))
            if flag is None:
                open_flag = None
                first = s.inputs[0]
                if uses[first] == 0 and s.inputs.count(first) == 1:  # its value is not needed again
                    name = var[first]
                else:
                    name = ns.create("out" if fresh else base)
                    fresh = False
                out.append(f"{name} = {expr}")
            else:
                p = s.inputs[flag.through.get(s.target.node_id, 0) if is_op else 0]
                pre = []
                if uses[p] == 0 and s.inputs.count(p) == 1 and not (var[p] == "x" and not is_op):
                    name = var[p]
                else:
                    name = ns.create("identity" if var[p] == "x" else base)
                    pre = [f"{name} = {var[p]}"]
                if open_flag is not flag or pre:
                    out += pre + [f"if {self.forward_cond(flag)}:"]
                    open_flag = flag
                out.append(f"{IND}{name} = {expr}")
            var[s.output] = name
        out.append(f"return {var[c.output]}")
        return [IND * 2 + line for line in out]

    @staticmethod
    def forward_cond(flag: Flag) -> str:
        if flag.attr:
            return f"self.{flag.name}"
        return f"{access(flag.units()[0])} is not None"

    # ---- classes --------------------------------------------------------
    def class_head(self, cls: BlockClass) -> list[str]:
        n = len(cls.instances)
        an = "An" if cls.name[0] in "AEIO" else "A"
        used = f"(used {n} time{'s' if n != 1 else ''} in this network)"
        doc = f"{an} {cls.name} block {used}."
        if cls.loop is not None:
            how = "densely connected" if cls.loop.mode == "dense" else "in a chain"
            doc = f"{an} {cls.name} block: num_layers {cls.loop.inner} blocks {how} {used}."
        flag_args = {f.name for f in cls.flags if f.cond is None}
        args = ", ".join(["self", *(f"{a}=False" if a in flag_args else a for a in cls.args)])
        out = [f"class {cls.name}(nn.Module):", *docstring(doc), ""]
        out += [f"{IND}{k} = {v!r}" for k, v in cls.attrs.items()] + ([""] if cls.attrs else [])
        return out + [f"{IND}def __init__({args}):", f"{IND * 2}super().__init__()"] + [
            f"{IND * 2}{k} = {v}" for k, v in cls.locals.items()]

    def block_class(self, cls: BlockClass) -> list[str]:
        if cls.loop is not None:
            return self.loop_class(cls)
        return (self.class_head(cls) + self.init_lines(cls.template, cls)
                + ["", f"{IND}def forward(self, x):"] + self.forward_lines(cls.template, cls))

    def loop_class(self, cls: BlockClass) -> list[str]:
        lp = cls.loop
        call = f"{lp.inner}({', '.join(f'{a}={e}' for a, e in lp.inner_args)})"
        name = (f'f"{lp.stem}{{i + {lp.start}}}"' if lp.start else f'f"{lp.stem}{{i}}"') if lp.stem else "str(i)"
        out = self.class_head(cls) + [f"{IND * 2}for i in range(num_layers):", f"{IND * 3}layer = {call}",
                                      f"{IND * 3}self.add_module({name}, layer)", "", f"{IND}def forward(self, x):"]
        if lp.mode == "dense":
            return out + [f"{IND * 2}features = [x]", f"{IND * 2}for layer in self.children():",
                          f"{IND * 3}features.append(layer(torch.cat(features, dim=1)))",
                          f"{IND * 2}return torch.cat(features, dim=1)"]
        return out + [f"{IND * 2}for layer in self.children():", f"{IND * 3}x = layer(x)", f"{IND * 2}return x"]

    def model_class(self, name: str, doc: str, num_classes: int | None) -> list[str]:
        args = "self" if num_classes is None else f"self, num_classes={num_classes}"
        return ([f"class {name}(nn.Module):", *docstring(doc), "",
                 f"{IND}def __init__({args}):", f"{IND * 2}super().__init__()"]
                + self.init_lines(self.plan.root, None)
                + ["", f"{IND}def forward(self, x):"]
                + self.forward_lines(self.plan.root, None))
