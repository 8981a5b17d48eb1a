"""Project files: versioned JSON, parsed into typed records, migrated, refused clearly.

Never pickle, never eval: a project file is data only. Reading and saving go through
:mod:`studio.core.userfile` (regular files only, a size cap, strict UTF-8; an atomic save with a
temp file in the same folder, fsync, rename), so a crash mid-save leaves the old file intact.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import GraphError, ParamError, ProjectError
from .graph import Graph
from .i18n import QT_TRANSLATE_NOOP
from .spec import canonical_type
from .text import MAX_INT, clip, has_surrogate, printable, short_repr
from .userfile import UserFileError, atomic_write_bytes, atomic_write_text, clean_stale_temps, parse_json, read_text, shown

__all__ = ["Project", "ProjectError", "load_project", "loads_project", "parse_project", "save_project",
           "check_values", "atomic_write_bytes", "atomic_write_text", "clean_stale_temps"]

FORMAT = "cnn-studio"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
SUFFIX = ".cnnproj"

# version -> function(dict) -> dict upgrading a file of that version by one step
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass
class Project:
    graph: Graph = field(default_factory=Graph)
    num_classes: int = 10
    name: str = ""
    template: str | None = None
    class_names: list[str] | None = None
    dataset: dict[str, Any] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)
    notes: str = ""

    @property
    def input_shape(self) -> tuple[int, int, int] | None:
        ins = self.graph.input_nodes()
        if len(ins) != 1:
            return None
        p = ins[0].params
        return (p["channels"], p["height"], p["width"])

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"format": FORMAT, "version": VERSION, "name": self.name}
        if self.template:
            d["template"] = self.template
        shape = self.input_shape
        if shape is not None:
            d["input_shape"] = list(shape)
        d["num_classes"] = self.num_classes
        if self.class_names:
            d["class_names"] = list(self.class_names)
        if self.notes:
            d["notes"] = self.notes
        d["graph"] = self.graph.to_dict()
        d["dataset"] = dict(self.dataset)
        d["training"] = dict(self.training)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def copy(self) -> "Project":
        return parse_project(json.loads(self.to_json()))


_KIND_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a whole number",
               float: "a decimal number", type(None): "null"}


_NOT_OBJECT = QT_TRANSLATE_NOOP("Errors", "{where} should be an object, not {kind}")
_AT = QT_TRANSLATE_NOOP("Errors", "{where}: {error}")  # an error of the graph, where in the file it is


def _type_name(v: Any) -> str:
    return _KIND_NAMES.get(type(v), type(v).__name__)


def _need(obj: dict, key: str, kind: type | tuple, where: str, optional: bool = False, default: Any = None) -> Any:
    if key not in obj:
        if optional:
            return default
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{where} is missing the field '{key}'"),
                           args={"where": where, "key": key})
    v = obj[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(v, bool) and bool not in kinds:
        ok = False
    else:
        ok = isinstance(v, kinds)
    if not ok:
        want = " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{where}: field '{key}' should be {want}, not {kind} ({value})"),
                           args={"where": where, "key": key, "want": want, "kind": _type_name(v), "value": short_repr(v)})
    return v


def parse_project(data: Any, source: str = "project", max_nodes: int | None = None) -> Project:
    """Turn decoded JSON into a Project, or raise ProjectError naming the problem.

    ``max_nodes``: refuse a larger graph before building it (the window's limit)."""
    if not isinstance(data, dict):
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: a project file holds a JSON object, not {kind}"),
                           args={"source": source, "kind": _type_name(data)})
    fmt = data.get("format")
    if fmt != FORMAT:
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source} is not a cnn-studio project (its 'format' is "
                                             "{value}, expected '{format}')"),
                           args={"source": source, "value": short_repr(fmt), "format": FORMAT})
    check_values(data, source)
    version = _need(data, "version", int, source)
    if version > VERSION:
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source} was written by a newer cnn-studio (format version "
                                             "{version}; this one reads up to {newest}): update cnn-studio to open it"),
                           args={"source": source, "version": version, "newest": VERSION})
    if version < 1:
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: format version {version} is not valid"),
                           args={"source": source, "version": version})
    while version < VERSION:
        data = MIGRATIONS[version](data)
        version += 1

    g = _need(data, "graph", dict, source)
    nodes = _need(g, "nodes", list, f"{source}: graph")
    if max_nodes is not None and len(nodes) > max_nodes:
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source} has {n} layers; the window edits projects of up to "
                                             "{most} layers (drawing more would leave it unresponsive): use the "
                                             "command line (cnn-studio summary, export, train) for this one"),
                           args={"source": source, "n": f"{len(nodes):,}", "most": f"{max_nodes:,}"})
    edges = _need(g, "edges", list, f"{source}: graph", optional=True, default=[])
    groups = _need(g, "groups", list, f"{source}: graph", optional=True, default=[])
    graph = Graph()
    for i, nd in enumerate(nodes):
        where = f"{source}: graph.nodes[{i}]"
        if not isinstance(nd, dict):
            raise ProjectError(_NOT_OBJECT, args={"where": where, "kind": _type_name(nd)})
        nid = _need(nd, "id", str, where)
        where = f"{source}: node '{clip(nid)}' (graph.nodes[{i}])"
        tid = _need(nd, "type", str, where)
        if canonical_type(tid) is None:
            from .spec import all_specs

            known = ", ".join(sorted(s.id for s in all_specs()))
            raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{where}: unknown layer type '{type}' (known types: {known})"),
                               args={"where": where, "type": clip(tid), "known": known})
        params = _need(nd, "params", dict, where, optional=True, default={})
        label = _need(nd, "label", str, where, optional=True, default="")
        pos = _need(nd, "pos", list, where, optional=True, default=[0, 0])
        if len(pos) != 2 or not all(isinstance(p, (int, float)) and not isinstance(p, bool) and math.isfinite(p)
                                    for p in pos):
            raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{where}: 'pos' should be [x, y] numbers, not {value}"),
                               args={"where": where, "value": short_repr(pos)})
        try:
            graph.add_node(tid, params, node_id=nid, label=label, pos=(pos[0], pos[1]))
        except (ParamError, GraphError) as exc:
            raise ProjectError(_AT, args={"where": where, "error": exc}) from None
    _add_edges(graph, edges, source)
    for i, gr in enumerate(groups):
        where = f"{source}: graph.groups[{i}]"
        if not isinstance(gr, dict):
            raise ProjectError(_NOT_OBJECT, args={"where": where, "kind": _type_name(gr)})
        name = _need(gr, "name", str, where)
        members = _need(gr, "nodes", list, where)
        collapsed = _need(gr, "collapsed", bool, where, optional=True, default=False)
        kind = _need(gr, "kind", str, where, optional=True, default="")
        try:
            graph.add_group(name, [str(m) for m in members], collapsed, kind)
        except GraphError as exc:
            raise ProjectError(_AT, args={"where": where, "error": exc}) from None

    num_classes = _need(data, "num_classes", int, source, optional=True, default=10)
    if num_classes < 1:
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: num_classes is {n}; it must be at least 1"),
                           args={"source": source, "n": num_classes})
    class_names = _need(data, "class_names", (list, type(None)), source, optional=True, default=None)
    if class_names is not None and not all(isinstance(c, str) for c in class_names):
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: class_names should be a list of strings"),
                           args={"source": source})
    proj = Project(
        graph=graph,
        num_classes=num_classes,
        name=_need(data, "name", str, source, optional=True, default=""),
        template=_need(data, "template", (str, type(None)), source, optional=True, default=None),
        class_names=class_names,
        dataset=_need(data, "dataset", dict, source, optional=True, default={}),
        training=_need(data, "training", dict, source, optional=True, default={}),
        notes=_need(data, "notes", str, source, optional=True, default=""),
    )
    shape = _need(data, "input_shape", (list, type(None)), source, optional=True, default=None)
    if shape is not None and proj.input_shape is not None and list(shape) != list(proj.input_shape):
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: input_shape {value} disagrees with the Input node "
                                             "({shape}); make them equal or drop input_shape"),
                           args={"source": source, "value": short_repr(shape),
                                 "shape": "×".join(map(str, proj.input_shape))})
    return proj


def check_values(data: Any, source: str = "project") -> None:
    """Refuse what no field of a project can hold, wherever it is: lone surrogates (text that cannot
    be saved as UTF-8) and integers beyond 64 bits (outside ``dataset``/``training``, whose values
    are checked field by field where they are used). Iterative, so any nesting depth is fine."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, v = stack.pop()
        if isinstance(v, str):
            if has_surrogate(v):
                raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: {path} holds a lone surrogate ({value}), which "
                                                     "is not a character and cannot be saved as UTF-8: retype that text"),
                                   args={"source": source, "path": path or "a value", "value": short_repr(v)})
        elif isinstance(v, int) and not isinstance(v, bool):
            if abs(v) > MAX_INT and not path.startswith(("dataset", "training")):
                raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: {path} is {value}, beyond 64 bits: no setting "
                                                     "takes numbers that large (at most {most})"),
                                   args={"source": source, "path": path or "a value", "value": short_repr(v),
                                         "most": f"{MAX_INT:,}"})
        elif isinstance(v, dict):
            for k, item in v.items():
                if isinstance(k, str) and has_surrogate(k):
                    raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: the key {key} in {path} holds a lone "
                                                         "surrogate, which is not a character: retype it"),
                                       args={"source": source, "key": short_repr(k), "path": path or "the file"})
                stack.append((f"{path}.{clip(k, 40)}" if path else clip(k, 40), item))
        elif isinstance(v, (list, tuple)):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(v))


def _add_edges(graph: Graph, edges: list, source: str) -> None:
    """Connect the listed edges (ports, arity checked per edge), then refuse a cycle with one
    topological sort: linear in the size of the graph whatever order the edges are listed in."""
    for i, ed in enumerate(edges):
        where = f"{source}: graph.edges[{i}]"
        if not isinstance(ed, dict):
            raise ProjectError(_NOT_OBJECT, args={"where": where, "kind": _type_name(ed)})
        src = _need(ed, "source", str, where)
        dst = _need(ed, "target", str, where)
        port = _need(ed, "port", int, where, optional=True, default=None)
        for end, nid in (("source", src), ("target", dst)):
            if not graph.has_node(nid):
                raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{where}: source '{id}' is not a node of the graph")
                                   if end == "source" else
                                   QT_TRANSLATE_NOOP("Errors", "{where}: target '{id}' is not a node of the graph"),
                                   args={"where": where, "id": clip(nid)})
        try:
            graph.connect(src, dst, port, check_cycle=False)
        except GraphError as exc:
            raise ProjectError(_AT, args={"where": where, "error": exc}) from None
    stuck = graph.nodes_on_cycles()
    if stuck:
        on_cycle = [(i, e) for i, e in enumerate(graph.edges) if e.source in stuck and e.target in stuck]
        i, e = next(((i, e) for i, e in on_cycle if graph.find_path_exists(e.target, e.source)), on_cycle[0])
        a, b = graph.node(e.source).name, graph.node(e.target).name
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "{source}: graph.edges[{i}]: connecting '{a}' → '{b}' would make "
                                             "a cycle: '{b}' already feeds '{a}'"),
                           args={"source": source, "i": i, "a": clip(a), "b": clip(b)})


def loads_project(text: str, source: str = "project", max_nodes: int | None = None) -> Project:
    try:
        data = parse_json(text, source, what="project file", allow_nan=True)
    except UserFileError as exc:
        raise ProjectError(str(exc)) from None
    return parse_project(data, source, max_nodes)


def load_project(path: str | os.PathLike, max_nodes: int | None = None) -> Project:
    """Read a project file: a regular file (never a pipe or a device) of at most MAX_BYTES, strict
    UTF-8 JSON. NaN and Infinity constants are read here and refused field by field where used."""
    try:
        text = read_text(path, what="project file", limit=MAX_BYTES, fmt="UTF-8 JSON")
    except UserFileError as exc:
        raise ProjectError(str(exc)) from None
    return loads_project(text, shown(Path(path).name), max_nodes)


def save_project(project: Project, path: str | os.PathLike) -> None:
    """Write the project atomically; text that cannot be encoded (a lone surrogate in a label) is
    refused with the field named, before anything is written."""
    text = project.to_json()
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        check_values(project.to_dict(), f"cannot save {printable(Path(path).name)}")
        raise ProjectError(QT_TRANSLATE_NOOP("Errors", "cannot save {path}: it holds text that cannot be written as "
                                             "UTF-8"), args={"path": printable(path)}) from None
    try:
        atomic_write_bytes(path, data, what="project file")
    except UserFileError as exc:
        raise ProjectError(str(exc)) from None
