"""Import an existing PyTorch model as an editable graph, via ``torch.fx``.

Node ids come from the fx module paths ('layer1.0.conv1'), so a re-export has the same
``state_dict`` keys as the original; custom sub-modules ('layer1.0', a BasicBlock) become
graph Groups of that kind. Anything without a studio layer is listed in ONE error (name and
location) and nothing is returned. Importing a named Python module runs that module's code.
"""
from __future__ import annotations

import inspect
import operator
import os
import re

import torch
import torch.nn.functional as F
from torch import fx, nn

from studio.core.errors import ParamError
from studio.core.graph import Graph
from studio.core.project import Project
from studio.core.text import printable
from studio.core.validate import validate

from .modmap import FUNCTIONS, METHODS, map_module
from .modmap_modern import CHUNK, PARAM, is_leaf, map_wrapped, wrapped_functions
from .pyload import ImportModelError, first_line, load_target, sys_path_without

_CONTAINERS = (nn.Sequential, nn.ModuleList, nn.ModuleDict)


_BAD = "<unsupported>"  # the value of an operation that could not be imported


MAX_LISTED = 20  # problems listed one by one; the rest are counted


def import_callable(spec: str, input_shape=(3, 224, 224), num_classes: int | None = None) -> Project:
    """Import ``"package.module:callable"`` or ``"path/to/file.py:callable"`` (a model class, a
    Python function that builds one, or an instance). See :func:`load_target` for what is run."""
    with sys_path_without(os.getcwd()):  # torch's own lazy optional imports (gmpy2…) included
        return _import_callable(spec, input_shape, num_classes)


def _import_callable(spec: str, input_shape, num_classes: int | None) -> Project:
    obj, attr = load_target(spec)
    if not isinstance(obj, nn.Module):
        kwargs = {}
        if num_classes is not None and _accepts(obj, "num_classes"):
            kwargs["num_classes"] = num_classes
        try:
            obj = obj(**kwargs)
        except Exception as exc:
            raise ImportModelError(f"calling {printable(spec)} failed: {type(exc).__name__}: "
                                   f"{printable(first_line(exc))}") from None
        if not isinstance(obj, nn.Module):
            raise ImportModelError(f"{printable(spec)} returned {type(obj).__name__}, not a torch.nn.Module: "
                                   "name the model class or the function that builds the model")
    return import_module(obj, input_shape, num_classes, name=attr.rsplit(".", 1)[-1])


def _accepts(fn, name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind == p.VAR_KEYWORD for p in params.values())


class _Tracer(fx.Tracer):
    """Traces torchvision's LayerNorm2d/StochasticDepth/Permute as one call each."""

    def __init__(self):
        super().__init__(autowrap_functions=wrapped_functions())

    def is_leaf_module(self, m: nn.Module, qualname: str) -> bool:
        return is_leaf(m) or super().is_leaf_module(m, qualname)


def _trace(module: nn.Module, input_shape):
    """Trace in evaluation mode (training-only branches such as GoogLeNet's auxiliary heads
    are left out, as the docs say), then give the module its own mode back."""
    was_training = module.training
    module.eval()
    try:
        graph = _Tracer().trace(module)
        gm = fx.GraphModule(module, graph, type(module).__name__)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        raise ImportModelError(f"torch.fx cannot trace {type(module).__name__} (data-dependent Python control "
                               f"flow?): {first}") from None
    finally:
        module.train(was_training)
    from torch.fx.passes.shape_prop import ShapeProp

    gm.eval()
    try:
        with torch.no_grad():
            ShapeProp(gm).propagate(torch.zeros(1, *input_shape, device=_device(module)))
    except Exception as exc:
        first = str(exc).strip().splitlines()[0][:300]
        raise ImportModelError(f"{type(module).__name__} does not run on a {'×'.join(map(str, input_shape))} "
                               f"input: {first}; pass the right --input CxHxW") from None
    finally:
        gm.train(was_training)
    return gm


def _device(module: nn.Module) -> torch.device:
    for t in module.parameters():
        return t.device
    for t in module.buffers():
        return t.device
    return torch.device("cpu")


def _shape(n: fx.Node):
    tm = n.meta.get("tensor_meta")
    return tuple(tm.shape) if tm is not None and hasattr(tm, "shape") else None


def _scope(n: fx.Node, own: bool) -> list[tuple[str, type]]:
    stack = list((n.meta.get("nn_module_stack") or {}).values())
    return stack[:-1] if own and stack else stack


_ID_BAD = re.compile(r"[^A-Za-z0-9_.\-]")


class _Ids:
    def __init__(self):
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        base = _ID_BAD.sub("_", base) or "node"
        if not re.match(r"[A-Za-z_]", base):
            base = "n_" + base
        name, k = base, 0
        while name in self.used:
            k += 1
            name = f"{base}_{k}"
        self.used.add(name)
        return name


def import_module(module: nn.Module, input_shape=(3, 224, 224), num_classes: int | None = None,
                  name: str = "") -> Project:
    """An ``nn.Module`` as a Project (raises ImportModelError listing unsupported operations)."""
    input_shape = tuple(int(v) for v in input_shape)
    gm = _trace(module, input_shape)
    imp = _Importer(gm, input_shape)
    for n in gm.graph.nodes:
        imp.visit(n)
    if imp.problems:
        raise ImportModelError(problem_report(name or type(module).__name__, imp.problems))
    _add_groups(imp.graph, imp.added)
    return _finish(imp.graph, gm, module, imp.added, imp.output_id, num_classes, name)


def problem_report(name: str, problems: list[str]) -> str:
    """First line: one sentence saying what is unsupported and how many; then the list."""
    def kind(p: str) -> str:
        words = p.split(" ")
        if words[0] == "method":
            return f"method {words[1]}"
        return words[0].rsplit(".", 1)[-1] if words[0].startswith("torch.nn.modules.") else words[0]

    kinds = list(dict.fromkeys(kind(p) for p in problems))
    what = ", ".join(kinds[:4]) + (f" and {len(kinds) - 4} other kind(s)" if len(kinds) > 4 else "")
    shown = problems[:MAX_LISTED]
    lines = "\n".join(f"  - {p}" for p in shown)
    if len(problems) > len(shown):
        lines += f"\n  … and {len(problems) - len(shown)} more like these"
    return (f"cannot import {name}: {len(problems)} operation(s) have no studio layer ({what}).\n{lines}\n"
            f"Replace them with supported layers (or leave them out) and import again.")


class _Importer:
    """Walks the fx graph once, adding a studio node per supported operation."""

    def __init__(self, gm, input_shape):
        self.gm, self.input_shape = gm, input_shape
        self.graph = Graph()
        self.ids = _Ids()
        self.env: dict = {}  # fx value -> graph node id (None: a helper value like x.size(0))
        self.problems: list[str] = []
        self.added: list[tuple[str, fx.Node, bool]] = []  # (graph id, fx node, is a module call)
        self.output_id = None
        self.calls: dict[str, int] = {}
        self.attrs: dict[fx.Node, str] = {}  # get_attr parameters (LayerScale weights)
        self.chunks: dict[fx.Node, tuple] = {}  # x.chunk(n, dim=1) -> (x, n)

    def add(self, type_id, params, base, n, inputs, own):
        try:
            nid = self.graph.add_node(type_id, params, node_id=self.ids.make(base)).id
        except ParamError as exc:
            self.problems.append(f"{_where(n)}: {exc}")
            return None
        for port, src in enumerate(inputs):
            self.graph.connect(src, nid, port)
        self.added.append((nid, n, own))
        return nid

    def visit(self, n: fx.Node) -> None:
        env = self.env
        if n.op == "placeholder":
            if self.graph.input_nodes():
                self.problems.append(f"input {n.name!r}: the model takes several inputs; a classifier takes one image")
                env[n] = _BAD
                return
            c, h, w = self.input_shape
            env[n] = self.graph.add_node("Input", {"channels": c, "height": h, "width": w},
                                         node_id=self.ids.make("input")).id
            return
        if n.op == "output":
            out = n.args[0]
            if isinstance(out, fx.Node) and env.get(out):
                self.output_id = env[out]
            elif isinstance(out, fx.Node) and out in env:
                self.problems.append("output: the model returns a helper value, not a tensor")
            elif not isinstance(out, fx.Node):
                self.problems.append("output: the model returns several values (a tuple, list or dict); "
                                     "a classifier returns one tensor of scores")
            return
        # after a problem keep checking downstream ops (to list them all) without adding nodes
        bad = any(env.get(a) is _BAD for a in n.all_input_nodes)
        env[n] = _BAD
        if n.op == "call_module":
            self.module_call(n, bad)
        elif n.op in ("call_function", "call_method"):
            self.function_call(n, bad)
        elif n.op == "get_attr" and isinstance(_attr(self.gm, n.target), nn.Parameter):
            self.attrs[n] = n.target
            env[n] = None
        else:
            self.problems.append(f"{n.op} {n.target!r} {_where(n)}: the model reads a tensor attribute directly")

    def module_call(self, n, bad):
        mod = self.gm.get_submodule(n.target)
        mapped = map_module(mod, n, _shape)
        if isinstance(mapped, str):
            self.problems.append(f"{type(mod).__module__}.{type(mod).__name__} at {n.target!r}: {mapped}")
            return
        type_id, params = mapped
        self.calls[n.target] = self.calls.get(n.target, 0) + 1
        if self.calls[n.target] == 2 and any(True for _ in mod.parameters()):
            self.problems.append(f"{type(mod).__name__} at {n.target!r} is called more than once: its weights "
                                 f"are shared, which a graph of separate layers cannot express")
            return
        if not bad:
            self.env[n] = self.add(type_id, params, n.target, n, [self.env[a] for a in n.all_input_nodes],
                                   True) or _BAD

    def function_call(self, n, bad):
        env = self.env
        if n.target is operator.getitem and isinstance(n.args[0], fx.Node):
            result = self.getitem(n)
        else:
            table = FUNCTIONS if n.op == "call_function" else METHODS
            handler = table.get(n.target)
            result = handler(n, _shape) if handler else (map_wrapped(n.target, n, _shape) or "not supported")
        if result == "helper":
            env[n] = None
            return
        what = _fn_name(n.target) if n.op == "call_function" else f"method .{n.target}()"
        if isinstance(result, str):
            self.problems.append(f"{what} {_where(n)}: {result}")
            return
        if bad:
            return
        tag = result[0]
        if tag == "alias":
            env[n] = env[result[1]]
            return
        if tag == CHUNK:
            self.chunks[n] = result[1:]
            env[n] = None
            return
        if tag == PARAM:
            self.layer_scale(n, *result[1:])
            return
        type_id, params, srcs = result
        if any(env.get(s) is None for s in srcs):
            self.problems.append(f"{what} {_where(n)}: its inputs are not tensors of the model")
            return
        scope = _scope(n, own=False)
        base = (scope[-1][0] + "." if scope else "") + type_id.lower().replace("concat", "cat")
        env[n] = self.add(type_id, params, base, n, [env[s] for s in srcs], False) or _BAD

    def getitem(self, n):
        src, i = n.args[0], n.args[1]
        if src in self.chunks and isinstance(i, int):
            x, k = self.chunks[src]
            return "ChannelChunk", {"chunks": k, "index": i % k}, [x]
        if self.env.get(src) is None:
            return "helper"
        return "indexing a tensor is not supported"

    def layer_scale(self, n, p, x):
        w = _attr(self.gm, self.attrs.get(p, ""))
        xs = _shape(x)
        if w is None or xs is None or len(xs) != 4 or tuple(w.shape) != (xs[1], 1, 1):
            self.problems.append(f"operator.mul {_where(n)}: only a C×1×1 parameter times a C×H×W tensor "
                                 f"(a layer scale) is supported")
            return
        init = 1e-6 if w.is_meta else float(w.detach().flatten()[0])
        if self.env.get(x) is None:
            self.problems.append(f"operator.mul {_where(n)}: its input is not a tensor of the model")
            return
        # the node is named after the parameter, so its weight keeps the key ('features.1.0.layer_scale')
        self.env[n] = self.add("LayerScale", {"init": init}, self.attrs[p], n, [self.env[x]], False) or _BAD


def _attr(gm, target: str):
    try:
        return gm.get_parameter(target)
    except (AttributeError, ValueError):
        return None


def _finish(graph, gm, module, added, output_id, num_classes, name) -> Project:
    fx_of = {nid: n for nid, n, _ in added}
    a = validate(graph, num_classes)
    out_shape = a.output_shape
    if num_classes is None:
        num_classes = out_shape[0] if out_shape and len(out_shape) == 1 else 10
        a = validate(graph, num_classes)
    errors = [i.message for i in a.errors]
    if output_id is not None and a.output_id != output_id:
        errors.append(f"the model's output is '{output_id}' but the graph ends at '{a.output_id}'")
    for nid, shape in a.shapes.items():
        n = fx_of.get(nid)
        real = _shape(n) if n is not None else None
        if real is not None and tuple(real[1:]) != tuple(shape):
            errors.append(f"'{nid}' gives {tuple(real[1:])} in PyTorch but {tuple(shape)} in the studio")
    if errors:
        raise ImportModelError(f"{name or type(module).__name__} imported as an invalid graph:\n"
                               + "\n".join(f"  - {e}" for e in errors[:12]))
    _layout(graph)
    return Project(graph=graph, num_classes=num_classes, name=name or type(module).__name__)


def _add_groups(graph: Graph, added) -> None:
    groups: dict[str, tuple[str, list[str]]] = {}
    for nid, n, own in added:
        for path, typ in _scope(n, own):
            if isinstance(typ, type) and issubclass(typ, _CONTAINERS):
                continue
            groups.setdefault(path, (typ.__name__ if isinstance(typ, type) else str(typ), []))[1].append(nid)
    for path, (kind, members) in groups.items():
        if path and not graph.has_node(path):
            graph.add_group(path, sorted(members), kind=kind)


def _layout(graph: Graph) -> None:
    from studio.core.layout import auto_layout

    for nid, p in auto_layout(graph).items():
        graph.move(nid, p)


def _where(n: fx.Node) -> str:
    scope = _scope(n, own=n.op == "call_module")
    return f"in {scope[-1][0]!r} (node {n.name})" if scope else f"(node {n.name})"


def _fn_name(fn) -> str:
    name = getattr(fn, "__name__", repr(fn))
    if any(fn is v for v in vars(operator).values()):
        return f"operator.{name}"
    if any(fn is v for v in vars(F).values()):
        return f"torch.nn.functional.{name}"
    mod = getattr(fn, "__module__", None)
    return f"{mod or 'torch'}.{name}" if mod != "builtins" else name
