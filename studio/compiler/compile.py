"""Compile a validated graph into an ``nn.Module`` whose forward follows the graph.

The module tree comes from :mod:`studio.compiler.plan` (the same plan the code generator
uses). Forward runs a precomputed program: a plain loop over modules for chains, slot
indices (no string look-ups) for branching graphs; sequential runs are ``nn.Sequential``.
"""
from __future__ import annotations

import operator
from functools import partial, reduce

import torch
from torch import nn

from studio.core.graph import Graph
from studio.core.spec import merge_kind

from .modules import module_class
from .plan import CompileError, checked_analysis, make_plan  # noqa: F401  (the compiler's API)
from .plan_types import Container, ModulePlan, Op


def _add(*xs):
    return reduce(operator.add, xs)


def _cat(*xs):
    return torch.cat(xs, 1)


def _scale(module: nn.Module, name: str, x: torch.Tensor) -> torch.Tensor:
    return module.get_parameter(name) * x


#: the function of each merge kind (a spec's ``merge``)
MERGES = {"add": _add, "concat": _cat, "multiply": operator.mul}


class ProgramModule(nn.Module):
    """Runs a precomputed step program (root network and residual blocks)."""

    def _set_program(self, c: Container) -> None:
        slot = {c.input_node: 0}
        prog = []
        for s in c.steps:
            if isinstance(s.target, Op):
                kind = merge_kind(s.target.type)
                fn = operator.add if (kind == "add" and len(s.inputs) == 2) else MERGES[kind]
            elif c.child(s.target).kind == "param":
                fn = partial(_scale, self, ".".join(s.target))
            else:
                fn = self.get_submodule(".".join(s.target))
            ins = tuple(slot[i] for i in s.inputs)
            slot[s.output] = len(slot)
            prog.append((fn, ins[0] if len(ins) == 1 else -1, ins, slot[s.output]))
        chain = all(a == o - 1 for _, a, _, o in prog)
        # a chain is a plain loop over modules; anything else runs on numbered slots
        object.__setattr__(self, "_chain", [p[0] for p in prog] if chain else None)
        object.__setattr__(self, "_prog", prog)
        object.__setattr__(self, "_nslots", len(slot))
        object.__setattr__(self, "_out", slot[c.output])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        chain = self._chain
        if chain is not None:
            for m in chain:
                x = m(x)
            return x
        v = [None] * self._nslots
        v[0] = x
        for fn, a, ins, o in self._prog:
            v[o] = fn(v[a]) if a >= 0 else fn(*[v[i] for i in ins])
        return v[self._out]


class BlockModule(ProgramModule):
    """A residual (or any grouped) block; subclassed per block class for a readable repr."""


class GraphModule(ProgramModule):
    """The compiled network. ``node_paths`` maps layer node ids to submodule paths."""

    def __init__(self, plan: ModulePlan):
        super().__init__()
        self.node_paths = dict(plan.paths)
        self.input_id = plan.analysis.input_id
        self.output_id = plan.analysis.output_id
        classes = {c.name: type(c.name, (BlockModule,), {"__module__": __name__}) for c in plan.classes}
        _fill(self, plan.root, classes)
        self._set_program(plan.root)

    def node_module(self, node_id: str) -> nn.Module:
        return self.get_submodule(self.node_paths[node_id])


def _build(item, classes) -> nn.Module:
    if item.kind == "leaf":
        return module_class(item.cls)(**item.kwargs)
    if item.kind == "seq":
        return nn.Sequential(*(_build(c, classes) for c in item.children.values()))
    if item.kind == "dict":
        d = nn.ModuleDict()
        _fill(d, item, classes)  # a LayerScale here is a parameter of the dict
        return d
    m = classes[item.class_name]()
    _fill(m, item, classes)
    m._set_program(item)
    return m


def _fill(module: nn.Module, c: Container, classes) -> None:
    for name, item in c.children.items():
        if item.kind == "param":
            kw = item.kwargs
            module.register_parameter(name, nn.Parameter(torch.full((kw["channels"], 1, 1), float(kw["init"]))))
        else:
            module.add_module(name, _build(item, classes))


def compile_graph(graph: Graph, num_classes: int | None = None) -> nn.Module:
    """Build the module, or raise CompileError with the validation issues."""
    return GraphModule(make_plan(graph, num_classes))
