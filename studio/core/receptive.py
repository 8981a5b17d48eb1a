"""Receptive field and jump (effective stride) of every layer, in input pixels.

For a layer with kernel K, stride S and dilation D fed by a layer whose receptive field is
r_in and jump j_in (one step on its output moves j_in pixels of the image):

    r_out = r_in + (K − 1)·D·j_in        j_out = j_in·S

starting from r = 1, j = 1 at the Input. Layers that read one pixel per output pixel
(activations, normalisation, padding) keep both; a merge (Add, Concat) takes the largest over
its inputs, so every layer reports the largest receptive field over all paths from the Input
(in a ResNet the main path, not the 1×1 shortcut). Layers whose output is a vector (Flatten,
Linear) see the whole image and have no entry. Each layer type tells its window through
``LayerSpec.window``; nothing here knows layer types by name except the conv for the VGG note.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP
from .spec import get_spec


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Field:
    size: tuple[int, int]  # receptive field (height, width) in input pixels
    jump: tuple[int, int]  # input pixels between neighbouring output pixels

    @staticmethod
    def _json(v: tuple[int, int]) -> int | list[int]:
        return v[0] if v[0] == v[1] else [v[0], v[1]]

    @property
    def size_json(self) -> int | list[int]:
        """An int for a square field, else [h, w] (like a size2 parameter)."""
        return self._json(self.size)

    @property
    def jump_json(self) -> int | list[int]:
        return self._json(self.jump)

    @property
    def size_text(self) -> str:
        return f"{self.size[0]}×{self.size[1]}"

    @property
    def jump_text(self) -> str:
        j = self.jump
        return str(j[0]) if j[0] == j[1] else f"{j[0]}×{j[1]}"


INPUT_FIELD = Field((1, 1), (1, 1))


def step(field: Field, window) -> Field:
    """The field after one layer with ``window`` = ((K_h, K_w), (S_h, S_w), (D_h, D_w)) or None."""
    if window is None:
        return field
    (kh, kw), (sh, sw), (dh, dw) = window
    (rh, rw), (jh, jw) = field.size, field.jump
    return Field((rh + (kh - 1) * dh * jh, rw + (kw - 1) * dw * jw), (jh * sh, jw * sw))


def receptive_fields(graph, analysis) -> dict[str, Field]:
    """Field of every layer with an image output, in topological order (see module doc)."""
    sources: dict[str, list[str]] = {}
    for e in sorted(graph.edges, key=lambda e: e.port):
        sources.setdefault(e.target, []).append(e.source)
    return compute(analysis, {n.id: n.params for n in graph.nodes}, sources)


def compute(analysis, params: dict[str, dict], sources: dict[str, list[str]]) -> dict[str, Field]:
    """:func:`receptive_fields` from each node's parameters and input nodes."""
    out: dict[str, Field] = {}
    shapes, in_shapes, types = analysis.shapes, analysis.in_shapes, analysis.types
    specs: dict[str, object] = {}
    for nid in analysis.order:
        shape = shapes.get(nid)
        if shape is None or len(shape) != 3:
            continue
        if nid == analysis.input_id:
            out[nid] = INPUT_FIELD
            continue
        srcs = [out.get(s) for s in sources.get(nid, ())]
        if not srcs or None in srcs:
            continue
        best = srcs[0] if len(srcs) == 1 else max(srcs, key=lambda f: (f.size[0] * f.size[1], f.jump))
        t = types[nid]
        spec = specs.get(t) or specs.setdefault(t, get_spec(t))
        try:
            win = spec.window(params[nid], in_shapes.get(nid, []), shape)
        except (KeyError, TypeError, ValueError, IndexError):
            win = None
        out[nid] = step(best, win)
    return out


def describe(field: Field | None, t=_same) -> str:
    """One line for tooltips and the inspector; ``t`` translates (the window's ``tr_core``)."""
    if field is None:
        return ""
    if field.jump == (1, 1):
        text = QT_TRANSLATE_NOOP("Layers", "receptive field {size} pixels of the input image · jump {jump} "
                                           "(one step on this layer's output moves {jump} input pixel)")
    else:
        text = QT_TRANSLATE_NOOP("Layers", "receptive field {size} pixels of the input image · jump {jump} "
                                           "(one step on this layer's output moves {jump} input pixels)")
    return t(text).format(size=field.size_text, jump=field.jump_text)


def _conv_before(graph, nid: str) -> tuple[str | None, bool]:
    """The Conv2d feeding ``nid`` through single-input layers that keep the geometry (ReLU,
    BN…), and whether an activation lies between them."""
    cur, activated = nid, False
    for _ in range(64):
        ins = graph.in_edges(cur)
        if len(ins) != 1:
            break
        src = graph.node(ins[0].source)
        if src.type == "Conv2d":
            return src.id, activated
        spec = get_spec(src.type)
        if spec.category not in ("Activation", "Normalisation", "Regularisation") or spec.arity != (1, 1):
            break
        activated = activated or spec.category == "Activation"
        cur = src.id
    return None, False


def vgg_insight(graph, analysis, nid: str, t=_same) -> str:
    """For a conv right after another conv: what the two together see, and what one big conv
    with the same channels would cost (Simonyan & Zisserman's argument for 3×3 stacks)."""
    from .spec import pair

    node = graph.node(nid)
    if node.type != "Conv2d" or nid not in analysis.shapes:
        return ""
    prev_id, activated = _conv_before(graph, nid)
    if prev_id is None or prev_id not in analysis.in_shapes or not analysis.in_shapes[prev_id]:
        return ""
    prev = graph.node(prev_id)
    for p in (prev.params, node.params):
        if pair(p.get("dilation", 1)) != (1, 1) or p.get("groups", 1) != 1:
            return ""
    k1, k2 = pair(prev.params["kernel_size"]), pair(node.params["kernel_size"])
    s1 = pair(prev.params["stride"])
    big = (k1[0] + (k2[0] - 1) * s1[0], k1[1] + (k2[1] - 1) * s1[1])
    c_in = analysis.in_shapes[prev_id][0][0]
    c_mid, c_out = prev.params["out_channels"], node.params["out_channels"]
    two = k1[0] * k1[1] * c_in * c_mid + k2[0] * k2[1] * c_mid * c_out
    one = big[0] * big[1] * c_in * c_out
    field = getattr(analysis, "receptive", {}).get(nid)
    image = (t(QT_TRANSLATE_NOOP("Layers", " (in the image: {size})")).format(size=field.size_text)
             if field is not None else "")
    if one > two:
        verdict = t(QT_TRANSLATE_NOOP("Layers", "{r}× more than the pair")).format(r=f"{one / two:.2f}")
    elif one < two:
        verdict = t(QT_TRANSLATE_NOOP(
            "Layers", "here the single conv is cheaper, because {prev} widens {c_in} channels to {c_mid}; "
            "with equal channels C the pair needs {a}·C² instead of {b}·C²")).format(
            prev=prev.name, c_in=c_in, c_mid=c_mid, a=k1[0] * k1[1] + k2[0] * k2[1], b=big[0] * big[1])
    else:
        verdict = t(QT_TRANSLATE_NOOP("Layers", "the same"))
    nonlin = (t(QT_TRANSLATE_NOOP("Layers", ", and the pair has an activation between, one more non-linearity"))
              if activated else "")
    return t(QT_TRANSLATE_NOOP(
        "Layers", "With {prev} before it, this layer sees {bh}×{bw} of {prev}'s input{where}. One {bh}×{bw} conv "
        "from {c_in} to {c_out} channels would need {bh}·{bw}·{c_in}·{c_out} = {one} weights instead of "
        "{k1h}·{k1w}·{c_in}·{c_mid} + {k2h}·{k2w}·{c_mid}·{c_out} = {two} ({verdict}){nonlin}: VGG's reason for "
        "stacking small kernels.")).format(
        prev=prev.name, bh=big[0], bw=big[1], where=image, c_in=c_in, c_out=c_out, c_mid=c_mid, one=f"{one:,}",
        two=f"{two:,}", k1h=k1[0], k1w=k1[1], k2h=k2[0], k2w=k2[1], verdict=verdict, nonlin=nonlin)
