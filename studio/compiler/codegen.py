"""Readable PyTorch source from a project, torchvision style.

The text follows the module plan that :func:`compile_graph` builds from, so the generated
class has exactly the compiled module's ``state_dict`` keys. User strings (labels, names)
reach the code only as ``repr`` literals in comments or as sanitised identifiers.
"""
from __future__ import annotations

import inspect
import textwrap
import unicodedata

from studio.core.project import Project
from studio.core.spec import fmt_shape

from .classes import Arg, BlockClass, camel
from .compile import make_plan
from .plan import Container, ModulePlan, Namespace, Op

IND = "    "


def plain(text: object, limit: int = 400) -> str:
    """Text safe inside a comment: no line breaks or control characters."""
    s = "".join(ch if ch == " " or unicodedata.category(ch)[0] not in "CZ" else " " for ch in str(text))
    return s[:limit]


def _value(v) -> str:
    return str(v) if isinstance(v, Arg) else repr(v)


def _signature(cls_name: str):
    from torch import nn

    return inspect.signature(getattr(nn, cls_name)).parameters


_POSITIONAL = ("in_channels", "out_channels", "in_features", "out_features", "num_features")


def leaf_expr(cls_name: str, kwargs: dict) -> str:
    params = _signature(cls_name)
    order = list(params)
    parts, positional = [], True
    for k in sorted(kwargs, key=lambda k: order.index(k) if k in order else len(order)):
        p = params.get(k)
        required = p is not None and p.default is inspect.Parameter.empty
        if positional and required and k in _POSITIONAL and order.index(k) == len(parts):
            parts.append(_value(kwargs[k]))
        else:
            positional = False
            parts.append(f"{k}={_value(kwargs[k])}")
    return f"nn.{cls_name}({', '.join(parts)})"


class _Writer:
    def __init__(self, plan: ModulePlan, labels: dict[str, str]):
        self.plan = plan
        self.labels = labels

    # ---- __init__ -------------------------------------------------------
    def expr(self, item, ind: str, cls: BlockClass | None, path: tuple) -> str:
        if item.kind == "leaf":
            kwargs = cls.leaf_kwargs.get(path, {}) if cls else item.kwargs
            return leaf_expr(item.cls, kwargs)
        if item.kind == "block":
            if cls is not None:
                args = [(a, v) for a, v in cls.leaf_kwargs.get(path, {}).items()]
            else:
                args = item.block_class.call_args(item)
            return f"{item.class_name}({', '.join(f'{a}={_value(v)}' for a, v in args)})"
        inner = ind + IND
        lines = []
        for name, child in item.children.items():
            e = self.expr(child, inner, cls, path + (name,))
            key = "" if item.kind == "seq" else f"{name!r}: "
            note = self.note(child) if cls is None else ""
            lines.append(f"{inner}{key}{e},{note}")
        if item.kind == "seq":
            return "nn.Sequential(\n" + "\n".join(lines) + f"\n{ind})"
        return "nn.ModuleDict({\n" + "\n".join(lines) + f"\n{ind}}})"

    def note(self, item) -> str:
        if item.kind == "leaf" and self.labels.get(item.node_id):
            return f"  # {self.labels[item.node_id]!r}"
        return ""

    def init_lines(self, c: Container, cls: BlockClass | None) -> list[str]:
        out = []
        for name, item in c.children.items():
            e = self.expr(item, IND * 2, cls, (name,))
            if cls is not None and cls.optional == name:
                out += [f"{IND * 2}self.{name} = None", f"{IND * 2}if {cls.flag}:",
                        f"{IND * 3}self.{name} = {textwrap.indent(e, IND).lstrip()}"]
            else:
                note = self.note(item) if cls is None else ""
                out.append(f"{IND * 2}self.{name} = {e}{note}")
        return out

    # ---- forward --------------------------------------------------------
    def forward_lines(self, c: Container, optional: str | None) -> list[str]:
        uses: dict[str, int] = {}
        for s in c.steps:
            for i in s.inputs:
                uses[i] = uses.get(i, 0) + 1
        var = {c.input_node: "x"}
        ns = Namespace()
        fresh = True
        out = []
        for s in c.steps:
            ins = [var[i] for i in s.inputs]
            for i in s.inputs:
                uses[i] -= 1
            if isinstance(s.target, Op):
                expr = " + ".join(ins) if s.target.type == "Add" else f"torch.cat([{', '.join(ins)}], dim=1)"
                base = s.target.type.lower()
            else:
                expr = f"{self.access(s.target)}({ins[0]})"
                base = s.target[-1]
            if optional is not None and s.target == (optional,):
                name = ns.create("identity")
                out += [f"{name} = {ins[0]}", f"if self.{optional} is not None:", f"{IND}{name} = {expr}"]
            else:
                first = s.inputs[0]
                if uses[first] == 0 and s.inputs.count(first) == 1:  # its value is not needed again
                    name = var[first]
                else:
                    name = ns.create("out" if fresh else base)
                    fresh = False
                out.append(f"{name} = {expr}")
            var[s.output] = name
        out.append(f"return {var[c.output]}")
        return [IND * 2 + line for line in out]

    @staticmethod
    def access(path: tuple) -> str:
        s = "self"
        for p in path:
            s += f"[{p!r}]" if p.isdigit() else f".{p}"
        return s

    # ---- classes --------------------------------------------------------
    def block_class(self, cls: BlockClass) -> list[str]:
        args = ", ".join(["self", *cls.args] + ([f"{cls.flag}=False"] if cls.optional else []))
        n = len(cls.instances)
        doc = f"{'An' if cls.name[0] in 'AEIOU' else 'A'} {cls.name} block (used {n} time{'s' if n != 1 else ''} in this network)."
        return ([f"class {cls.name}(nn.Module):", f'{IND}"""{doc}"""', "",
                 f"{IND}def __init__({args}):", f"{IND * 2}super().__init__()"]
                + self.init_lines(cls.template, cls)
                + ["", f"{IND}def forward(self, x):"]
                + self.forward_lines(cls.template, cls.optional))

    def model_class(self, name: str, doc: str) -> list[str]:
        return ([f"class {name}(nn.Module):", f'{IND}"""{doc}"""', "",
                 f"{IND}def __init__(self):", f"{IND * 2}super().__init__()"]
                + self.init_lines(self.plan.root, None)
                + ["", f"{IND}def forward(self, x):"]
                + self.forward_lines(self.plan.root, None))


def _template_info(project: Project):
    if not project.template:
        return None
    try:
        from studio.templates import get_template

        return get_template(project.template)
    except Exception:  # noqa: BLE001 - unknown or unreadable template: no card
        return None


def model_class_name(project: Project, plan: ModulePlan, info=None) -> str:
    base = camel(info.title if info is not None else (project.name or ""), "Net")
    if base == "Block":
        base = "Net"
    return Namespace({c.name for c in plan.classes}).create(base)


def header(project: Project, plan: ModulePlan, info, weights_file: str | None) -> list[str]:
    a = plan.analysis
    lines = ["# Generated by cnn-studio: a self-contained PyTorch model (needs only torch).",
             f"# Project: {project.name or 'untitled'!r}"]
    if info is not None:
        lines[-1] += f", from the template {project.template!r} ({plain(info.title, 80)})"
        card = info.card or {}
        if card.get("title"):
            lines.append(f"# Paper: {plain(card.get('authors', ''), 120)} ({plain(card.get('year', ''), 8)}), "
                         f"{plain(card['title'], 160)}")
        if card.get("idea"):
            lines += ["# " + ln for ln in textwrap.wrap("Idea: " + plain(card["idea"], 600), 92)]
    lines.append(f"# Input: {fmt_shape(a.shapes[a.input_id])} images (channels × height × width); "
                 f"output: {fmt_shape(a.output_shape)} scores ({project.num_classes} classes)")
    lines.append(f"# Parameters: {a.trainable_params:,} trainable; {a.macs:,} multiply-adds per image")
    lines.append("# Layer names match the studio: its checkpoints load with load_state_dict(strict=True).")
    if weights_file:
        lines.append(f"# Trained weights (state_dict only): {weights_file!r}, next to this file.")
    for name, why in plan.flat:
        lines.append(plain(f"# group {name!r} is not a single-input single-output block: exported flat ({why})"))
    return lines


def generate_source(project: Project, weights_file: str | None = None) -> str:
    """The text of a readable ``model.py`` for the project."""
    plan = make_plan(project.graph, project.num_classes)
    return render(plan, project, weights_file)


def render(plan: ModulePlan, project: Project, weights_file: str | None = None) -> str:
    info = _template_info(project)
    labels = {n.id: n.label for n in project.graph.nodes if n.label}
    w = _Writer(plan, labels)
    name = model_class_name(project, plan, info)
    imports = (["from pathlib import Path", ""] if weights_file else []) + ["import torch", "from torch import nn"]
    out = header(project, plan, info, weights_file) + ["", *imports, "", ""]
    for cls in plan.classes:
        out += w.block_class(cls) + ["", ""]
    out += w.model_class(name, f"The {name} network, as built in cnn-studio.") + ["", ""]
    shape = ", ".join(str(s) for s in plan.analysis.shapes[plan.analysis.input_id])
    out += ['if __name__ == "__main__":', f"{IND}model = {name}()"]
    if weights_file:
        out.append(f"{IND}weights = Path(__file__).with_name({weights_file!r})  # saved next to this file")
        out.append(f"{IND}model.load_state_dict(torch.load(weights, weights_only=True))")
    out += [f"{IND}model.eval()", f"{IND}x = torch.randn(1, {shape})", f"{IND}with torch.no_grad():",
            f"{IND * 2}y = model(x)", f'{IND}print("output shape:", tuple(y.shape))', ""]
    return "\n".join(out)
