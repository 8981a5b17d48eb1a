"""The registry of built-in templates and the checks shared by every builder.

A template is a builder ``(input_shape, num_classes) -> Graph`` registered once under a
stable name (a duplicate raises, as torchvision's ``register_model``), with its default
input, its class count and a card about the paper.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Callable

from studio.core.errors import StudioError
from studio.core.graph import Graph
from studio.core.layout import auto_layout
from studio.core.spec import fmt_shape, get_spec
from studio.core.validate import validate

Shape3 = tuple[int, int, int]
Builder = Callable[[Shape3, int], Graph]


@dataclass
class TemplateInfo:
    name: str
    title: str
    input_shape: Shape3
    num_classes: int
    description: str
    card: dict[str, Any] = field(default_factory=dict)
    builtin: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "input_shape": list(self.input_shape),
                "num_classes": self.num_classes, "description": self.description,
                "card": dict(self.card), "builtin": self.builtin}


@dataclass
class _Entry:
    name: str
    title: str
    builder: Builder
    input_shape: Shape3
    num_classes: int
    description: str
    card: dict[str, Any]
    _counted: bool = False
    source: dict[str, str] = field(default_factory=dict)  # title, description, idea as marked (templates)
    fill: dict[str, Any] = field(default_factory=dict)  # their {names}, filled in after translation


_REGISTRY: dict[str, _Entry] = {}


def register_template(name: str, title: str, builder: Builder, input_shape: Shape3, num_classes: int,
                      description: str, card: dict[str, Any], fill: dict[str, Any] | None = None) -> None:
    """Register a builder. ``description`` and ``card["idea"]`` (and a ``title`` with words) are
    marked ``QT_TRANSLATE_NOOP("Templates", ...)`` by the caller; with ``fill`` they are templates
    whose ``{names}`` are filled in (the English here, a translation by :func:`texts`)."""
    if name in _REGISTRY:
        raise ValueError(f"template '{name}' is registered twice")
    fill = dict(fill or {})
    source = {"title": title, "description": description, "idea": card.get("idea", "")}
    done = {k: (v.format(**fill) if fill else v) for k, v in source.items()}
    card = {**card, "idea": done["idea"]} if "idea" in card else dict(card)
    _REGISTRY[name] = _Entry(name, done["title"], builder, tuple(input_shape), num_classes, done["description"],
                             card, source=source, fill=fill)


def texts(info: TemplateInfo, translate: Callable[[str, str], str]) -> dict[str, str]:
    """A template's title, description and idea through ``translate(context, text)`` (the
    window's ``tr_core``): a built-in's marked texts translated, then filled in; a user's
    template as its author wrote it."""
    e = _REGISTRY.get(info.name) if info.builtin else None
    if e is None:
        return {"title": info.title, "description": info.description, "idea": info.card.get("idea", "")}
    out = {k: translate("Templates", v) if v else "" for k, v in e.source.items()}
    return {k: (v.format(**e.fill) if e.fill else v) for k, v in out.items()}


def builtin_names() -> list[str]:
    return list(_REGISTRY)


def builtin_entry(name: str) -> _Entry | None:
    return _REGISTRY.get(name)


def builtin_info(name: str) -> TemplateInfo:
    e = _REGISTRY[name]
    if not e._counted:  # params and MACs at the default input, computed once
        a = validate(e.builder(e.input_shape, e.num_classes), e.num_classes)
        e.card.setdefault("params", a.total_params)
        e.card.setdefault("macs", a.macs)
        e._counted = True
    return TemplateInfo(e.name, e.title, e.input_shape, e.num_classes, e.description, dict(e.card), True)


def unknown_name_error(name: str, known: list[str], what: str = "template or project file") -> StudioError:
    low = name.lower()
    close = difflib.get_close_matches(low, known, n=3, cutoff=0.6)
    close += [k for k in known if k.startswith(low) and k not in close][: max(0, 4 - len(close))] if low else []
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return StudioError(f"there is no {what} named '{name}'{hint} (list them with: cnn-studio templates)")


def _first_error(graph: Graph, num_classes: int):
    a = validate(graph, num_classes)
    return a, (a.errors[0] if a.errors else None)


def _min_square(builder: Builder, channels: int, num_classes: int, limit: int) -> int | None:
    """The smallest side s for which a channels×s×s input works (binary search)."""
    lo, hi = 1, max(limit, 1)
    if _first_error(builder((channels, hi, hi), num_classes), num_classes)[1] is not None:
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if _first_error(builder((channels, mid, mid), num_classes), num_classes)[1] is None:
            hi = mid
        else:
            lo = mid + 1
    return lo


def checked_build(name: str, builder: Builder, input_shape: Shape3, num_classes: int) -> Graph:
    """Build, validate, and refuse an input the network cannot take with a clear message."""
    graph = builder(input_shape, num_classes)
    a, err = _first_error(graph, num_classes)
    if err is None:
        return graph
    c, h, w = input_shape
    where = ""
    if err.node is not None and err.node in a.in_shapes and a.in_shapes[err.node]:
        spec = get_spec(a.types[err.node])
        node = graph.node(err.node)
        shape = fmt_shape(a.in_shapes[err.node][0])
        where = (f": at '{a.names[err.node]}' ({spec.short(node.params)}) the {shape} feature map "
                 f"has shrunk too far for this layer")
    m = _min_square(builder, c, num_classes, 1024)
    need = f"; the smallest input it accepts is {c}×{m}×{m}" if m else ""
    if m and (h >= m and w >= m):  # not a size problem after all
        raise StudioError(f"{name} cannot be built for a {fmt_shape(input_shape)} input: {err.message}")
    raise StudioError(f"{name}: a {fmt_shape(input_shape)} input is too small{where}{need}",
                      field="input_shape", hint="example", value=f"{c}x{m or 224}x{m or 224}")


def apply_layout(graph: Graph) -> Graph:
    for nid, pos in auto_layout(graph).items():
        graph.move(nid, pos)
    return graph


def pooled_head(b, num_classes: int, fc: str = "fc", dropout: float | None = None,
                dropout_name: str = "dropout") -> None:
    """The head of the global-pooling networks: global average pool, flatten, optional dropout,
    one Linear (names as torchvision's, so the state_dict keys match)."""
    b.add("AdaptiveAvgPool2d", "avgpool", output_size=1)
    b.add("Flatten", "flatten")
    if dropout is not None:
        b.add("Dropout", dropout_name, p=dropout)
    b.add("Linear", fc, out_features=num_classes)
