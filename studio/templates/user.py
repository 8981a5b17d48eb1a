"""The user's own templates and blocks, kept as project-format JSON files.

Templates (whole projects) live in ``user_templates_dir()``, blocks (a selected group of
nodes, with the ports left dangling noted) in its ``blocks/`` folder. A file holds the
project format plus a ``user_template`` record: name, description, kind, and for blocks
the ``inputs``/``outputs`` that were cut. Saving is atomic; names become safe file names.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.core.errors import ProjectError, StudioError
from studio.core.graph import Graph
from studio.core.project import MAX_BYTES, Project, check_values, parse_project
from studio.core.text import MAX_INT, clip, short_repr
from studio.core.userfile import UserFileError, atomic_write_text, parse_json, read_text, shown
from studio.core.validate import validate
from studio.paths import user_templates_dir

from .registry import TemplateInfo, builtin_entry, builtin_names, checked_build, unknown_name_error

SUFFIX = ".cnnproj"


def _slug(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StudioError("a template needs a name: type one (letters, digits, spaces, '-' or '_')")
    if len(name) > 80:
        raise StudioError(f"template name '{name[:40]}…' is too long: use at most 80 characters")
    slug = re.sub(r"[^a-z0-9_-]+", "_", name.strip().lower()).strip("_")
    if not slug:
        raise StudioError(f"template name {name!r} has no letters or digits: use some")
    return slug


def _folder(kind: str) -> Path:
    d = user_templates_dir()
    if kind == "block":
        d = d / "blocks"
        d.mkdir(parents=True, exist_ok=True)
    return d


def _path(name: str, kind: str) -> Path:
    return _folder(kind) / (_slug(name) + SUFFIX)


@dataclass(frozen=True)
class TemplateMeta:
    """The ``user_template`` record of a saved template or block, checked field by field."""
    name: str
    description: str = ""
    kind: str = "project"
    inputs: tuple[dict[str, Any], ...] = ()  # blocks: {"node": str, "port": int, "shape": [int]|None}
    outputs: tuple[dict[str, Any], ...] = ()  # blocks: {"node": str, "shape": [int]|None}

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "description": self.description, "kind": self.kind}
        if self.kind == "block":
            d["inputs"] = [dict(x) for x in self.inputs]
            d["outputs"] = [dict(x) for x in self.outputs]
        return d


def _bad(where: str, field_name: str, want: str, value: Any) -> ProjectError:
    return ProjectError(f"{where}: user_template.{field_name} should be {want}, not {short_repr(value)}; "
                        "fix it or delete the file")


def _shape(v: Any) -> bool:
    return v is None or (isinstance(v, list) and len(v) <= 8
                         and all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= MAX_INT for x in v))


def _ports(raw: Any, key: str, where: str) -> tuple[dict[str, Any], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _bad(where, key, "a list", raw)
    out = []
    for i, d in enumerate(raw):
        if not isinstance(d, dict) or not isinstance(d.get("node"), str):
            raise _bad(where, f"{key}[{i}]", "an object with a 'node' name", d)
        port = d.get("port", 0)
        if port is None:
            port = 0
        if not isinstance(port, int) or isinstance(port, bool) or not 0 <= port < 1024:
            raise _bad(where, f"{key}[{i}].port", "a small whole number", port)
        if not _shape(d.get("shape")):
            raise _bad(where, f"{key}[{i}].shape", "a list of whole numbers or null", d.get("shape"))
        item = {"node": d["node"], "shape": d.get("shape")}
        if key == "inputs":
            item["port"] = port
        out.append(item)
    return tuple(out)


def parse_meta(raw: Any, path: Path, kind: str) -> TemplateMeta:
    """The typed record of a file's ``user_template`` object (absent: named after the file), or
    ProjectError naming the field: a name or a description that is not text, ports not a list."""
    where = shown(path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ProjectError(f"{where}: user_template should be an object, not {short_repr(raw)}; "
                           "fix it or delete the file")
    name = raw.get("name", path.stem)
    if not isinstance(name, str) or not name.strip():
        raise _bad(where, "name", "a non-empty text", name)
    try:
        _slug(name)
    except StudioError as exc:
        raise ProjectError(f"{where}: user_template.name: {exc}") from None
    description = raw.get("description", "")
    if description is None:
        description = ""
    if not isinstance(description, str):
        raise _bad(where, "description", "a text", description)
    return TemplateMeta(name.strip(), description, kind, _ports(raw.get("inputs"), "inputs", where),
                        _ports(raw.get("outputs"), "outputs", where))


def _read(path: Path, kind: str = "project") -> tuple[Project, TemplateMeta]:
    """One read of the file (a regular file only, at most the project size cap): the project and
    its typed ``user_template`` record, or ProjectError."""
    try:
        data = parse_json(read_text(path, what="template file", limit=MAX_BYTES, fmt="UTF-8 JSON"), path,
                          what="template file", allow_nan=True)
    except UserFileError as exc:
        raise ProjectError(str(exc)) from None
    proj = parse_project(data, shown(path))  # also refuses lone surrogates anywhere, the record included
    return proj, parse_meta(data.get("user_template"), path, kind)


def _write(path: Path, project: Project, meta: TemplateMeta) -> None:
    data = project.to_dict()
    data["user_template"] = meta.to_dict()
    check_values(data, f"template '{clip(meta.name)}'")
    try:
        atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n", what="template")
    except UserFileError as exc:
        raise StudioError(f"cannot save template '{clip(meta.name)}': {exc}") from None


def _entries(kind: str, errors: list[str] | None = None) -> list[tuple[Path, Project, TemplateMeta]]:
    """Every readable file of ``kind``; the others are skipped, each with a line in ``errors``."""
    out = []
    try:
        paths = sorted(_folder(kind).glob("*" + SUFFIX))
    except OSError as exc:
        if errors is not None:
            errors.append(f"cannot list {shown(_folder(kind))}: {exc.strerror or exc}")
        return []
    for p in paths:
        try:
            proj, meta = _read(p, kind)
        except StudioError as exc:
            if errors is not None:
                errors.append(f"skipped: {exc}")
            continue
        out.append((p, proj, meta))
    return out


# ---- whole-project templates -------------------------------------------------
def save_user_template(name: str, project: Project, description: str = "", overwrite: bool = False) -> Path:
    """Save ``project`` as the template ``name``; refuses a taken name unless overwrite."""
    slug = _slug(name)
    if builtin_entry(name) is not None or slug in builtin_names():
        raise StudioError(f"'{name}' is the name of a built-in template: choose another name")
    path = _path(name, "project")
    if path.exists() and not overwrite:
        raise StudioError(f"a template named '{name}' already exists: choose another name or delete it first")
    _write(path, project.copy(), TemplateMeta(name.strip(), str(description), "project"))
    return path


def _find(name: str, kind: str) -> Path | None:
    """The file of the template (or block) ``name``: by its file name, else by the name recorded
    inside a readable file (a file renamed by hand still answers to the name it lists under)."""
    if not isinstance(name, str):
        return None
    try:
        path = _path(name, kind)
    except StudioError:
        return None
    if path.exists():
        return path
    return next((p for p, _, m in _entries(kind) if m.name == name.strip()), None)


def user_template_names() -> list[str]:
    return [m.name for _, _, m in _entries("project")]


def _info(proj: Project, meta: TemplateMeta) -> TemplateInfo:
    a = validate(proj.graph, proj.num_classes)
    shape = proj.input_shape or (0, 0, 0)
    card = {"params": a.total_params, "macs": a.macs, "idea": "", "authors": "", "year": "", "title": ""}
    return TemplateInfo(meta.name, meta.name, tuple(shape), proj.num_classes,
                        meta.description or "your own template", card, False)


def list_user_templates(errors: list[str] | None = None) -> list[TemplateInfo]:
    return [_info(proj, meta) for _, proj, meta in _entries("project", errors)]


def user_template_info(name: str) -> TemplateInfo | None:
    path = _find(name, "project")
    return _info(*_read(path)) if path else None


def load_user_template(name: str) -> Project:
    path = _find(name, "project")
    if path is None:
        raise unknown_name_error(name, builtin_names() + user_template_names())
    proj, meta = _read(path)
    proj.template = meta.name
    return proj


def delete_user_template(name: str) -> None:
    path = _find(name, "project")
    if path is None:
        raise StudioError(f"there is no template of yours named '{name}'"
                          + (" (built-in templates cannot be deleted)" if builtin_entry(name) else ""))
    path.unlink()


def build_user_project(name: str, input_shape=None, num_classes=None) -> Project | None:
    """A user template as a new project, retargeted to another input or class count."""
    if _find(name, "project") is None:
        return None
    proj = load_user_template(name)
    if input_shape is None and num_classes is None:
        return proj
    base = proj.graph.to_dict()

    def builder(shape, classes):
        p = _retarget(Project(graph=_graph_from(base)), shape, classes)
        return p.graph

    shape = tuple(input_shape) if input_shape is not None else proj.input_shape
    classes = num_classes if num_classes is not None else proj.num_classes
    if shape is None:
        raise StudioError(f"template '{name}' has no single Input layer, so its input cannot be changed")
    proj.graph = checked_build(name, builder, shape, classes)
    proj.num_classes = classes
    return proj


def _graph_from(d: dict) -> Graph:
    from studio.core.project import parse_project

    return parse_project({"format": "cnn-studio", "version": 1, "graph": d}).graph


def _retarget(proj: Project, shape, classes) -> Project:
    g = proj.graph
    ins = g.input_nodes()
    if shape is not None and len(ins) == 1:
        g.set_params(ins[0].id, {"channels": shape[0], "height": shape[1], "width": shape[2]})
    if classes is not None:
        a = validate(g)
        nid = a.output_id
        while nid is not None and g.node(nid).type not in ("Linear", "Input") and len(g.in_edges(nid)) == 1:
            nid = g.in_edges(nid)[0].source
        if nid is not None and g.node(nid).type == "Linear":
            g.set_param(nid, "out_features", classes)
        proj.num_classes = classes
    return proj


# ---- blocks: a selected group of nodes ---------------------------------------
@dataclass
class Block:
    name: str
    description: str
    graph: Graph
    inputs: list[dict[str, Any]] = field(default_factory=list)  # {"node", "port", "shape"}
    outputs: list[dict[str, Any]] = field(default_factory=list)  # {"node", "shape"}


def save_block(name: str, graph: Graph, node_ids, description: str = "", overwrite: bool = False) -> Path:
    """Save the nodes ``node_ids`` of ``graph`` (edges among them, groups wholly inside)
    as a reusable block; edges that crossed the selection are noted as its ports."""
    ids = list(dict.fromkeys(node_ids))
    if not ids:
        raise StudioError("select the nodes to save as a block first")
    for n in ids:
        graph.node(n)
    path = _path(name, "block")
    if path.exists() and not overwrite:
        raise StudioError(f"a block named '{name}' already exists: choose another name or delete it first")
    sel = set(ids)
    sub = graph.subgraph(ids)
    for g in graph.groups:
        if g.nodes and set(g.nodes) <= sel:
            sub.add_group(g.name, g.nodes, g.collapsed, g.kind)
    shapes = validate(graph).shapes
    sh = lambda n: list(shapes[n]) if n in shapes else None  # noqa: E731
    inputs = [{"node": e.target, "port": e.port, "shape": sh(e.source)}
              for e in graph.edges if e.target in sel and e.source not in sel]
    outputs = []
    for e in graph.edges:
        if e.source in sel and e.target not in sel and all(o["node"] != e.source for o in outputs):
            outputs.append({"node": e.source, "shape": sh(e.source)})
    meta = TemplateMeta(name.strip(), str(description), "block", tuple(inputs), tuple(outputs))
    _write(path, Project(graph=sub, name=name.strip()), meta)
    return path


def list_blocks(errors: list[str] | None = None) -> list[Block]:
    """The saved blocks that can be read; each skipped file adds a line to ``errors``."""
    return [_block(p, m) for _, p, m in _entries("block", errors)]


def _block(proj: Project, meta: TemplateMeta) -> Block:
    return Block(meta.name, meta.description, proj.graph, [dict(x) for x in meta.inputs],
                 [dict(x) for x in meta.outputs])


def load_block(name: str) -> Block:
    path = _find(name, "block")
    if path is None:
        known = [b.name for b in list_blocks()]
        raise StudioError(f"there is no block named '{name}'" + (f" (yours: {', '.join(known)})" if known else ""))
    return _block(*_read(path, "block"))


def delete_block(name: str) -> None:
    path = _find(name, "block")
    if path is None:
        raise StudioError(f"there is no block named '{name}'")
    path.unlink()


def insert_block(graph: Graph, name_or_project, at: tuple[float, float] = (0.0, 0.0)) -> dict[str, str]:
    """Add a block's (or a project's) nodes to ``graph`` with fresh ids, its top-left at
    ``at`` (``Graph.paste``: the window's ids, labels and layout); returns {old id: new id}
    so the caller can reconnect the ports."""
    if isinstance(name_or_project, Project):
        src = name_or_project.graph
    elif isinstance(name_or_project, Graph):
        src = name_or_project
    elif _find(str(name_or_project), "block") is not None:
        src = load_block(str(name_or_project)).graph
    else:
        src = load_user_template(str(name_or_project)).graph
    return graph.paste(src, at) if len(src) else {}
