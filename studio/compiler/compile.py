"""Compile a validated graph into an ``nn.Module`` whose forward follows the graph."""
from __future__ import annotations

import keyword
import re

import torch
from torch import nn

from studio.core.errors import StudioError
from studio.core.graph import Graph
from studio.core.spec import get_spec
from studio.core.validate import Analysis, validate


class CompileError(StudioError):
    def __init__(self, message: str, issues=None):
        super().__init__(message)
        self.issues = list(issues or [])


def legal_identifier(text: str, taken: set[str]) -> str:
    """A unique, legal Python identifier made from ``text`` (torch.fx-style namespace)."""
    name = re.sub(r"\W", "_", text.strip()) or "layer"
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or name in ("forward", "training", "self"):
        name = name + "_"
    base, n = name, 1
    while name in taken or hasattr(nn.Module, name):
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


class GraphModule(nn.Module):
    """Runs the layers in topological order; Add and Concat are plain tensor ops."""

    def __init__(self, graph: Graph, analysis: Analysis):
        super().__init__()
        taken: set[str] = set()
        self.node_names: dict[str, str] = {}
        self.input_id = analysis.input_id
        self.output_id = analysis.output_id
        steps = []
        for nid in analysis.order:
            node = graph.node(nid)
            if node.type == "Input":
                continue
            ins = [e.source for e in graph.in_edges(nid)]
            spec = get_spec(node.type)
            if node.type in ("Add", "Concat"):
                steps.append((nid, node.type, None, ins))
                continue
            cls, kwargs = spec.torch_module(node.params, analysis.in_shapes[nid])
            name = legal_identifier(node.id, taken)
            self.node_names[nid] = name
            self.add_module(name, getattr(nn, cls)(**kwargs))
            steps.append((nid, node.type, name, ins))
        self._steps = steps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        values = {self.input_id: x}
        for nid, kind, name, ins in self._steps:
            if kind == "Add":
                out = values[ins[0]]
                for other in ins[1:]:
                    out = out + values[other]
            elif kind == "Concat":
                out = torch.cat([values[i] for i in ins], dim=1)
            else:
                out = getattr(self, name)(values[ins[0]])
            values[nid] = out
        return values[self.output_id]


def compile_graph(graph: Graph, num_classes: int | None = None) -> nn.Module:
    """Build the module, or raise CompileError with the validation issues."""
    analysis = validate(graph, num_classes)
    if analysis.errors:
        lines = "\n".join(f"  - {i.message}" for i in analysis.errors)
        raise CompileError(f"the graph has {len(analysis.errors)} error(s); fix them first:\n{lines}",
                           analysis.errors)
    return GraphModule(graph, analysis)
