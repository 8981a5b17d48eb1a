"""Layer specifications and their registry.

A :class:`LayerSpec` describes one layer type completely: its parameters, how many inputs
it takes, its shape rule, parameter count, MACs, the filled-in formula ("explain") and how
it maps to torch (class name and keyword arguments). Specs live in ``studio.layers``, which
registers them here with :func:`register`; the core never imports the catalogue (the
``studio`` package imports it, so any ``import studio.…`` has every layer type registered).
Nothing here imports torch or Qt.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .errors import ParamError, ShapeError, UnknownLayerError
from .i18n import QT_TRANSLATE_NOOP
from .text import clip, short_repr

_WHOLE = QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' must be a whole number, not {value}")

Shape = tuple[int, ...]
Window = tuple[tuple[int, int], tuple[int, int], tuple[int, int]]  # (kernel, stride, dilation)

CATEGORIES = (
    "Input",
    "Convolution",
    "Pooling",
    "Normalisation",
    "Regularisation",
    "Activation",
    "Linear/Reshape",
    "Merge",
)


def pair(v: Any) -> tuple[int, int]:
    """An int or a 2-sequence as a (h, w) pair."""
    if isinstance(v, (list, tuple)):
        return int(v[0]), int(v[1])
    return int(v), int(v)


def fmt_shape(shape: Sequence[int] | None) -> str:
    if shape is None:
        return "?"
    return "×".join(str(int(s)) for s in shape)


def fmt_pair(v: Any) -> str:
    h, w = pair(v)
    return f"{h}×{w}"


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a layer.

    kind is one of: ``int``, ``float``, ``bool``, ``choice``, ``size2`` (an int or an
    [h, w] pair), ``padding`` (like size2, or the strings in ``choices``), ``pad4`` (an int
    or [left, right, top, bottom]).
    """

    name: str
    kind: str
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] = ()
    optional: bool = False  # None is allowed ("auto")
    label: str = ""
    min_open: bool = False  # the value must be above ``min``, not equal to it (torch's eps > 0)

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ")

    def _range_template(self) -> str:
        """The message for a value out of range (``{layer}``, ``{param}``, ``{value}``, ``{lo}``, ``{hi}``)."""
        lo, hi = self.min is not None, self.max is not None
        if lo and self.min_open:
            return (QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be above {lo} and at "
                                      "most {hi}") if hi else
                    QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be above {lo}"))
        if lo and hi:
            return QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be between {lo} and {hi}")
        if lo:
            return QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be at least {lo}")
        if hi:
            return QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be at most {hi}")
        return QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; it must be any value")

    def _check_number(self, v: Any, layer: str) -> None:
        low = self.min is not None and (v < self.min or (self.min_open and v == self.min))
        if low or (self.max is not None and v > self.max):
            raise self._error(self._range_template(), layer, v, lo="" if self.min is None else f"{self.min:g}",
                              hi="" if self.max is None else f"{self.max:g}")

    def _error(self, template: str, layer: str, value: Any = None, **args: Any) -> ParamError:
        """A ParamError about this parameter: ``template`` filled in with the layer, the parameter's
        name and the value (the window translates the template first)."""
        return ParamError(template, self.name, args={"layer": layer, "param": self.name, "value": short_repr(value),
                                                     **args})

    def coerce(self, value: Any, layer: str = "layer") -> Any:
        """Check ``value`` and return it in canonical form; raise ParamError if invalid."""
        if value is None:
            if self.optional:
                return None
            raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is missing (no value)"), layer)
        k = self.kind
        if k == "int":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if not _is_int(value):
                raise self._error(_WHOLE, layer, value)
            self._check_number(value, layer)
            return value
        if k == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' must be a number, not {value}"),
                                  layer, value)
            value = float(value)
            self._check_number(value, layer)
            return value
        if k == "bool":
            if not isinstance(value, bool):
                raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' must be true or false, not "
                                                    "{value}"), layer, value)
            return value
        if k == "choice":
            if value not in self.choices:
                opts = ", ".join(repr(c) for c in self.choices)
                raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' is {value}; choose one of "
                                                    "{choices}"), layer, value, choices=opts)
            return value
        if k in ("size2", "padding", "pad4"):
            if isinstance(value, str):
                if k == "padding" and value in self.choices:
                    return value
                raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' cannot be {value}"), layer, value)
            n = 4 if k == "pad4" else 2
            if isinstance(value, (list, tuple)):
                if len(value) != n or not all(_is_int(x) or (isinstance(x, float) and x.is_integer()) for x in value):
                    raise self._error(QT_TRANSLATE_NOOP("Errors", "{layer} parameter '{param}' must be a whole number or "
                                                        "a list of {n} whole numbers, not {value}"), layer, value, n=n)
                vals = [int(x) for x in value]
                for x in vals:
                    self._check_number(x, layer)
                if len(set(vals)) == 1:
                    return vals[0]
                return vals
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if not _is_int(value):
                raise self._error(_WHOLE, layer, value)
            self._check_number(value, layer)
            return value
        raise AssertionError(f"unknown parameter kind {k}")


@dataclass
class Costs:
    params: int = 0  # trainable parameters
    buffers: int = 0  # non-trained state (running statistics)
    macs: int = 0


class LayerSpec:
    """Base class of every layer type. Subclasses set the class attributes and override
    :meth:`infer` (and :meth:`costs`, :meth:`explain`, :meth:`short`, :meth:`torch_module`
    as needed)."""

    id: str = ""
    title: str = ""
    category: str = ""
    description: str = ""
    params: tuple[ParamSpec, ...] = ()
    arity: tuple[int, int | None] = (1, 1)  # (min, max) number of inputs; None = no max
    legacy_ids: tuple[str, ...] = ()
    #: name of the torch.nn class (or None for Input/Add/Concat, handled by the compiler)
    torch_class: str | None = None
    #: every class ``torch_module`` may return (BatchNorm: BatchNorm1d and BatchNorm2d);
    #: empty means ``(torch_class,)``
    torch_classes: tuple[str, ...] = ()
    #: the order of those classes' constructor keywords (torch's signature; a test compares):
    #: generated code writes the leading required ones positionally, ``nn.Conv2d(3, 64, ...)``.
    #: Empty: every keyword by name, in the order ``torch_module`` gives them
    torch_keywords: tuple[str, ...] = ()
    #: a merge computed in ``forward`` from the layer's inputs, with no module: "add" (``a + b``),
    #: "concat" (``torch.cat([a, b], dim=1)``) or "multiply" (``a * b``); None for other layers
    merge: str | None = None
    #: False for the layers that build no torch module (the Input and the merges)
    holds_module: bool = True
    #: the ``torch.nn`` classes (names) the importer reads as this layer, through :meth:`from_torch`
    imports: tuple[str, ...] = ()
    #: the torch classes (names) the Explain view works out one output value of by hand: keys
    #: of ``studio.training.explain_layers.EXPLAINERS``, resolved there (this module has no torch)
    explainers: tuple[str, ...] = ()

    def describe(self, params: dict, t=None) -> str:
        """The one-line description for these parameters (default: ``description``). ``t``
        translates a text marked ``QT_TRANSLATE_NOOP("Layers", …)`` (the window's); None: English."""
        return t(self.description) if t else self.description

    # ---- parameters -------------------------------------------------------
    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def normalize(self, params: dict[str, Any] | None, label: str | None = None) -> dict[str, Any]:
        """Return a full, checked parameter dict (defaults filled in). Raises ParamError."""
        who = f"{self.title} '{clip(label)}'" if label else self.title
        params = dict(params or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(params) - known)
        if unknown:
            raise ParamError(QT_TRANSLATE_NOOP("Errors", "{who} has no parameter '{param}' (it has: {known})"), unknown[0],
                             args={"who": who, "param": clip(unknown[0]), "known": ", ".join(sorted(known)) or "none"})
        out = {}
        for p in self.params:
            out[p.name] = p.coerce(params.get(p.name, p.default), who)
        self.check(out, who)
        return out

    def check(self, params: dict[str, Any], who: str) -> None:
        """Cross-parameter checks that do not depend on the input shape."""

    # ---- shape rule and costs ---------------------------------------------
    def infer(self, params: dict[str, Any], in_shapes: list[Shape]) -> Shape:
        raise NotImplementedError

    def costs(self, params: dict[str, Any], in_shapes: list[Shape], out: Shape) -> Costs:
        return Costs()

    def explain(self, params: dict[str, Any], in_shapes: list[Shape], out: Shape | None, t=None) -> str:
        """The filled-in formula (several lines); ``t`` as for :meth:`describe`."""
        ins = ", ".join(fmt_shape(s) for s in in_shapes) or (t or str)(QT_TRANSLATE_NOOP("Layers", "nothing"))
        return f"{self.title}: {ins} → {fmt_shape(out)}"

    def short(self, params: dict[str, Any]) -> str:
        """Key parameters in short form, e.g. 'Conv 5×5 · 6 · s1'."""
        return self.title

    def window(self, params: dict[str, Any], in_shapes: list[Shape], out: Shape) -> Window | None:
        """The sliding window this layer applies to the spatial axes, for receptive fields:
        ((K_h, K_w), (S_h, S_w), (D_h, D_w)). None when each output pixel reads only the same
        pixel of its input(s) (activations, normalisation, padding, merges)."""
        return None

    # ---- torch mapping ---------------------------------------------------
    def torch_module(self, params: dict[str, Any], in_shapes: list[Shape]) -> tuple[str, dict[str, Any]]:
        """(torch.nn class name, keyword arguments) that build this layer."""
        if self.torch_class is None:
            raise NotImplementedError(self.id)
        return self.torch_class, {}

    def built_classes(self) -> tuple[str, ...]:
        """The torch classes this layer can become."""
        return self.torch_classes or ((self.torch_class,) if self.torch_class else ())

    def from_torch(self, module: Any) -> dict[str, Any] | str:
        """This layer's parameters read from a torch module of one of :attr:`imports`, or the
        reason it cannot be read. The default reads each parameter from the module's attribute
        of the same name (tuples as lists); attributes are read, torch is not imported."""
        out = {}
        for p in self.params:
            if hasattr(module, p.name):
                v = getattr(module, p.name)
                out[p.name] = list(v) if isinstance(v, tuple) else v
        return out

    # ---- helpers for subclasses -------------------------------------------
    @staticmethod
    def need_image(in_shape: Shape, who: str, what: str = "an image (C×H×W)") -> None:
        if len(in_shape) != 3:
            fix = None
            args = {"who": who, "shape": fmt_shape(in_shape)}
            if what == "an image (C×H×W)":
                raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} needs an image (C×H×W) but receives a vector of "
                                                   "{shape} features; place it before the Flatten"), fix, args=args)
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} needs {what} but receives a vector of {shape} features; "
                                               "place it before the Flatten"), fix, args={**args, "what": what})


_REGISTRY: dict[str, LayerSpec] = {}
_ALIASES: dict[str, str] = {}


def register(spec_cls: type[LayerSpec]) -> type[LayerSpec]:
    """Class decorator: register a layer type once under its stable id."""
    spec = spec_cls()
    if not spec.id:
        raise ValueError(f"{spec_cls.__name__} has no id")
    if spec.id in _REGISTRY or spec.id in _ALIASES:
        raise ValueError(f"layer type '{spec.id}' is registered twice")
    if spec.category not in CATEGORIES:
        raise ValueError(f"layer type '{spec.id}' has unknown category '{spec.category}'")
    _REGISTRY[spec.id] = spec
    for old in spec.legacy_ids:
        if old in _REGISTRY or old in _ALIASES:
            raise ValueError(f"legacy id '{old}' is registered twice")
        _ALIASES[old] = spec.id
    return spec_cls


def unregister(type_id: str) -> None:
    """Remove a layer type registered with :func:`register` (a test's toy layer, a plug-in)."""
    spec = _REGISTRY.pop(type_id)
    for old in spec.legacy_ids:
        _ALIASES.pop(old, None)


def canonical_type(type_id: str) -> str | None:
    if type_id in _REGISTRY:
        return type_id
    return _ALIASES.get(type_id)


def get_spec(type_id: str) -> LayerSpec:
    tid = canonical_type(type_id)
    if tid is None:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownLayerError(QT_TRANSLATE_NOOP("Errors", "unknown layer type '{type}' (known types: {known})"),
                                field="type", args={"type": type_id, "known": known})
    return _REGISTRY[tid]


def all_specs() -> list[LayerSpec]:
    return list(_REGISTRY.values())


def specs_by_category() -> dict[str, list[LayerSpec]]:
    out: dict[str, list[LayerSpec]] = {c: [] for c in CATEGORIES}
    for s in all_specs():
        out[s.category].append(s)
    return out


def prod(xs: Iterable[int]) -> int:
    r = 1
    for x in xs:
        r *= int(x)
    return r


# ---- what the specs say, as look-ups --------------------------------------------------
def merge_kind(type_id: str) -> str | None:
    """"add", "concat" or "multiply" for a merge layer type, None otherwise (or unknown)."""
    tid = canonical_type(type_id)
    return _REGISTRY[tid].merge if tid else None


def holds_module(type_id: str) -> bool:
    """Whether a layer type builds a torch module (not the Input, not a merge)."""
    tid = canonical_type(type_id)
    return _REGISTRY[tid].holds_module if tid else True


def spec_importing(torch_class: str) -> LayerSpec | None:
    """The spec whose :attr:`~LayerSpec.imports` names this ``torch.nn`` class."""
    return next((s for s in _REGISTRY.values() if torch_class in s.imports), None)


def spec_explaining(torch_class: str) -> LayerSpec | None:
    """The spec whose :attr:`~LayerSpec.explainers` names this torch class."""
    return next((s for s in _REGISTRY.values() if torch_class in s.explainers), None)


def keyword_order(torch_class: str) -> tuple[str, ...]:
    """Constructor keyword order of a torch class some spec builds (empty when unknown)."""
    for s in _REGISTRY.values():
        if torch_class in s.built_classes() and s.torch_keywords:
            return s.torch_keywords
    return ()
