"""The architecture diagram as students draw it in reports (the AlexNet/VGG paper figures,
NN-SVG, PlotNeuralNet): each feature map a box, left to right; height and depth grow with
the map's H and W, thickness with its channels (log scale, so 3 and 2048 channels both
fit); a convolution's kernel drawn as a small square on the map it reads; skip connections
as arcs; stages bracketed and named with their output shape; a legend of what the figure holds.
A deep network is drawn one box per block, and a block is drawn as what it is: a residual
block, a dense layer whose maps are concatenated (the channel count growing), an inception
module's parallel branches, an inverted residual with a depthwise convolution, with or without
squeeze-excitation.

Pure Python (no torch, no Qt): :func:`build_diagram` computes boxes and places them,
:func:`primitives` turns them into polygons, lines, curves and texts that the SVG writer
(:mod:`studio.diagram.svg`) and the Qt painter (:mod:`studio.diagram.raster`) both draw.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from studio.core.graph import Graph
from studio.core.spec import merge_kind
from studio.core.stages import infer_stages

# what a box's colour says (and the legend shows)
KIND_FILL = {"input": "#b0bec5", "conv": "#64b5f6", "pool": "#4db6ac", "block": "#9575cd",
             "linear": "#81c784", "add": "#f06292", "concat": "#ffb74d", "other": "#e0e0e0",
             "dense": "#ba68c8", "inception": "#7986cb", "inverted": "#4dd0e1", "mbconv": "#ff8a65",
             "plain": "#b39ddb", "transition": "#a1887f"}
KIND_TITLE = {"input": "input", "conv": "convolution", "pool": "pooling", "block": "residual block",
              "linear": "fully connected", "add": "add", "concat": "concatenation (channels stack up)",
              "other": "other", "dense": "dense layer (its maps are concatenated)",
              "inception": "inception: parallel branches, concatenated",
              "inverted": "inverted residual (depthwise conv)",
              "mbconv": "inverted residual, depthwise conv + squeeze-excitation", "plain": "block",
              "transition": "transition (conv + pooling between blocks)"}
_KIND_OF = {"Input": "input", "Conv2d": "conv", "MaxPool2d": "pool", "AvgPool2d": "pool",
            "AdaptiveAvgPool2d": "pool", "AdaptiveMaxPool2d": "pool", "Linear": "linear"}
_DRAWN_MERGES = ("add", "concat")  # merge kinds (LayerSpec.merge) drawn as a merge box with a skip


def _kind_of(layer_type: str) -> str:
    kind = merge_kind(layer_type)
    return kind if kind in _DRAWN_MERGES else _KIND_OF.get(layer_type, "other")
# layers that keep the shape: not drawn (their map is the one before)
_SAME_SHAPE = {"ReLU", "LeakyReLU", "GELU", "Sigmoid", "Tanh", "Softmax", "BatchNorm", "Dropout",
               "Dropout2d", "LocalResponseNorm", "Identity", "Flatten"}
BLOCK_LEVEL = 60  # graphs with more layers than this draw one box per residual block
GAP = 26.0
MIN_STEP = 66.0  # room for a shape label under each box
MAX_ROW_W = 1500.0
MARGIN = 24.0
FONT = 11.0  # label size in diagram units (a diagram is exported at 1 unit = 1 px)


def box_height(n: int) -> float:
    """Height (or depth, for W) of a map n pixels tall: log scale."""
    return 14.0 + 9.0 * math.log2(max(n, 1))


def box_thickness(c: int) -> float:
    """Thickness of a map with c channels: log scale."""
    return 3.0 + 2.6 * math.log2(max(c, 1))


def vector_height(f: int) -> float:
    return min(110.0, 14.0 + 7.5 * math.log2(max(f, 1)))


@dataclass
class Box:
    node: str  # the layer (or the block's last layer) whose output this is
    label: str  # a name: the layer or block
    shape: tuple  # (C, H, W) or (F,)
    kind: str
    stage: str = ""
    kernel: tuple[int, int] | None = None  # a conv's kernel, drawn on the previous map
    residual: bool = False  # a block with a skip (an arc over it)
    skip_from: int | None = None  # index of the box an Add's other input comes from
    x: float = 0.0  # front face: left edge
    y: float = 0.0  # front face: vertical centre
    w: float = 0.0
    h: float = 0.0
    d: float = 0.0  # oblique depth offset (for W)

    @property
    def text(self) -> str:
        return "×".join(str(v) for v in self.shape)


@dataclass
class Stage:
    name: str
    first: int
    last: int
    shape: tuple

    @property
    def text(self) -> str:
        return "×".join(str(v) for v in self.shape)


@dataclass
class Diagram:
    title: str
    boxes: list[Box] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    rows: list[tuple[int, int, float]] = field(default_factory=list)  # (first, last, baseline y)


def _block_of(graph: Graph) -> dict[str, str]:
    """Each layer's outermost block: the largest group holding it, or an inception module (a
    Concat of three or more parallel branches, all named under the Concat's own prefix; a
    DenseNet's Concat reads layers that feed each other, so it stays a concatenation)."""
    out: dict[str, str] = {}
    dense: set[str] = set()  # Concats of layers that feed each other (DenseNet)
    for n in graph.nodes:
        if n.type == "Concat" and len(graph.in_edges(n.id)) >= 2:
            srcs = [e.source for e in graph.in_edges(n.id)]
            if any(graph.find_path_exists(a, b) for a in srcs[:2] for b in srcs if a != b):
                dense.add(n.id)
            elif len(srcs) >= 3 and "." in n.id:
                prefix = n.id.rsplit(".", 1)[0]
                if all(s.startswith(prefix + ".") for s in srcs):
                    for m in graph.nodes:
                        if m.id.startswith(prefix + "."):
                            out[m.id] = prefix
    for g in sorted(graph.groups, key=lambda g: -len(g.nodes)):
        if dense & set(g.nodes):  # a dense block is drawn layer by layer: its channels grow
            continue
        for n in g.nodes:
            out.setdefault(n, g.name)
    return out


def block_kind(graph: Graph, members: list[str], last: str) -> str:
    """What a block is, from the layers it holds (see KIND_TITLE)."""
    types = {graph.node(m).type for m in members}
    if "Concat" in types and any(len(graph.in_edges(m)) >= 3 for m in members if graph.node(m).type == "Concat"):
        return "inception"
    depthwise = any(graph.node(m).type == "Conv2d" and int(graph.node(m).params.get("groups", 1) or 1) > 1
                    for m in members)
    if depthwise:
        return "mbconv" if "Multiply" in types else "inverted"
    if "Add" in types:
        return "block"
    if types & {"MaxPool2d", "AvgPool2d"}:
        return "transition"
    if any(graph.node(e.target).type == "Concat" for e in graph.out_edges(last)):
        return "dense"
    return "plain"


def _parent_stage(label: str) -> str:
    """A stage from a block's name: 'features.denseblock1.denselayer3' → 'features.denseblock1',
    'inception4c' → 'inception4'; '' when the name has no such parent."""
    parent = label.rsplit(".", 1)[0] if "." in label else ""
    if parent and any(ch.isdigit() for ch in parent.rsplit(".", 1)[-1]):
        return parent
    m = re.fullmatch(r"(.*\d)[a-z]", label)
    if m:
        return m.group(1)
    return label if re.search(r"\d$", label) else ""


def _stage_of(graph: Graph) -> dict[str, str]:
    stages = [(g.name, g.nodes) for g in graph.stages] or infer_stages(graph)
    return {n: name for name, ids in stages for n in ids}


def _name_stages(boxes: list["Box"]) -> None:
    """Boxes outside the stem and the head with no stage of their own get one from their name,
    when at least two boxes (or a named transition) share it."""
    names = [_parent_stage(b.label) if b.kind not in ("input",) and b.stage not in ("stem", "head") else ""
             for b in boxes]
    for b, name in zip(boxes, names):
        if name and (b.stage in ("", None) or b.stage not in ("stem", "head")) and (
                names.count(name) >= 2 or "transition" in name):
            b.stage = name


def _stages_by_width(boxes: list["Box"], block_boxes: set[int]) -> None:
    """Blocks still without a stage (MobileNetV2's ``features.1`` … ``features.17``: torchvision
    numbers them flat) form one stage per run of consecutive blocks with the same output channels —
    the paper's bottleneck sequences (t, c, n, s) — named after the run, e.g. ``features.4–6``."""
    runs: list[list[int]] = []
    for i in sorted(block_boxes):
        b = boxes[i]
        if b.stage or b.kind not in ("inverted", "mbconv"):  # the mobile families' flat-numbered blocks
            continue
        if runs and runs[-1][-1] == i - 1 and boxes[runs[-1][-1]].shape[:1] == b.shape[:1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first, last = boxes[run[0]].label, boxes[run[-1]].label
        head, _, tail = last.rpartition(".")
        if len(run) == 1:
            name = first
        elif head and first.startswith(head + ".") and tail.isdigit():
            name = f"{first}–{tail}"
        else:
            name = f"{first} … {last}"
        for i in run:
            boxes[i].stage = name


def collect_boxes(graph: Graph, analysis) -> list[Box]:
    """The feature maps to draw, in flow order (see the module docstring)."""
    blocks = _block_of(graph) if len(graph) > BLOCK_LEVEL else {}
    stage_of = _stage_of(graph)
    boxes: list[Box] = []
    index_of: dict[str, int] = {}  # node -> index of the box showing its output
    members: dict[str, list[str]] = {}
    for n, b in blocks.items():
        members.setdefault(b, []).append(n)
    last_in_block = {b: max(ns, key=analysis.order.index) for b, ns in members.items()
                     if all(x in analysis.order for x in ns)} if blocks else {}
    pending_kernel = None
    block_boxes: set[int] = set()  # the boxes that stand for a whole block
    for nid in analysis.order:
        node = graph.node(nid)
        shape = analysis.shapes.get(nid)
        blk = blocks.get(nid)
        if blk is not None:
            if nid != last_in_block.get(blk) or shape is None:
                continue
            kind = block_kind(graph, members[blk], nid)
            has_add = any(merge_kind(graph.node(m).type) == "add" for m in members[blk])
            boxes.append(Box(nid, blk, tuple(shape), kind, stage_of.get(nid, ""), residual=has_add))
            block_boxes.add(len(boxes) - 1)
            for m in members[blk]:
                index_of[m] = len(boxes) - 1
            continue
        if shape is None:
            continue
        if node.type == "Conv2d":
            k = node.params.get("kernel_size", 1)
            pending_kernel = tuple(k) if isinstance(k, (list, tuple)) else (int(k), int(k))
        if node.type in _SAME_SHAPE and boxes:
            index_of[nid] = len(boxes) - 1
            continue
        box = Box(nid, node.name, tuple(shape), _kind_of(node.type), stage_of.get(nid, ""))
        if node.type == "Conv2d":
            box.kernel, pending_kernel = pending_kernel, None
        if merge_kind(node.type) in _DRAWN_MERGES:
            srcs = [index_of.get(e.source) for e in graph.in_edges(nid)]
            far = [s for s in srcs if s is not None and s < len(boxes) - 1]
            box.skip_from = min(far) if far else None
        boxes.append(box)
        index_of[nid] = len(boxes) - 1
    if blocks and not graph.stages:
        _name_stages(boxes)
        _stages_by_width(boxes, block_boxes)
    return boxes


def _size(box: Box) -> None:
    if len(box.shape) == 3:
        c, h, w = box.shape
        box.w, box.h, box.d = box_thickness(c), box_height(h), box_height(w) * 0.45
    else:
        f = box.shape[0] if box.shape else 1
        box.w, box.h, box.d = 6.0, vector_height(f), 3.0


def place(boxes: list[Box], titled: bool = False) -> tuple[list[tuple[int, int, float]], float, float]:
    """Left to right on rows (a long network wraps, at a stage boundary when it can)."""
    for b in boxes:
        _size(b)
    rows: list[tuple[int, int, float]] = []
    tallest = max((b.h + b.d for b in boxes), default=40.0)
    row_h = tallest + 3.2 * FONT + 70.0
    x, first, top = MARGIN, 0, MARGIN + (58.0 if titled else 34.0)
    width = 0.0
    for i, b in enumerate(boxes):
        step = max(b.w + b.d + GAP, MIN_STEP)
        if x + step > MAX_ROW_W and i > first:
            # wrap: go back to the last stage boundary in this row if there is one
            cut = next((j for j in range(i - 1, first, -1) if boxes[j].stage != boxes[j - 1].stage), i)
            rows.append((first, cut - 1, top + tallest / 2 + 10))
            top += row_h
            first = cut
            x = MARGIN
            for j in range(cut, i):
                boxes[j].x = x
                x += max(boxes[j].w + boxes[j].d + GAP, MIN_STEP)
        b.x = x
        x += step
        width = max(width, x)
    rows.append((first, len(boxes) - 1, top + tallest / 2 + 10))
    for first, last, y in rows:
        for b in boxes[first:last + 1]:
            b.y = y
    height = rows[-1][2] + tallest / 2 + 2.4 * FONT + 44.0 if boxes else 120.0
    return rows, width + MARGIN, height


def _stages(boxes: list[Box]) -> list[Stage]:
    out: list[Stage] = []
    for i, b in enumerate(boxes):
        if not b.stage:
            continue
        if out and out[-1].name == b.stage and out[-1].last == i - 1:
            out[-1].last, out[-1].shape = i, b.shape
        else:
            out.append(Stage(b.stage, i, i, b.shape))
    return out


def build_diagram(graph: Graph, analysis, title: str = "") -> Diagram:
    """The diagram of ``graph`` with the shapes of ``analysis`` (``validate(graph)``)."""
    boxes = collect_boxes(graph, analysis)
    rows, width, height = place(boxes, bool(title))
    return Diagram(title, boxes, _stages(boxes), max(width, 560.0), height + 34.0, rows)


# ---- drawing primitives (what the SVG writer and the Qt painter both draw) -------------------
# ("poly", points, fill, stroke) · ("line", x1, y1, x2, y2, stroke, dashed)
# ("quad", x1, y1, cx, cy, x2, y2, stroke) · ("rect", x, y, w, h, fill, stroke, dashed)
# ("text", x, y, text, size, anchor "start"|"middle"|"end", bold, fill)
INK, SUB, LINE = "#212121", "#616161", "#9e9e9e"


def shade(hex_color: str, f: float) -> str:
    """Lighter (f > 1) or darker (f < 1) version of a #rrggbb colour."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    if f >= 1:
        r, g, b = (int(v + (255 - v) * (f - 1)) for v in (r, g, b))
    else:
        r, g, b = (int(v * f) for v in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def _cuboid(b: Box) -> list[tuple]:
    fill = KIND_FILL.get(b.kind, KIND_FILL["other"])
    x0, x1, top, bot = b.x, b.x + b.w, b.y - b.h / 2, b.y + b.h / 2
    dx, dy = b.d * 0.75, -b.d * 0.6
    return [
        ("poly", [(x0, top), (x1, top), (x1 + dx, top + dy), (x0 + dx, top + dy)], shade(fill, 1.35), INK),
        ("poly", [(x1, top), (x1 + dx, top + dy), (x1 + dx, bot + dy), (x1, bot)], shade(fill, 0.78), INK),
        ("poly", [(x0, top), (x1, top), (x1, bot), (x0, bot)], fill, INK),
    ]


def _top(b: Box) -> tuple[float, float]:
    return b.x + b.w / 2 + b.d * 0.375, b.y - b.h / 2 - b.d * 0.6


def _kernel(prev: Box, b: Box) -> list[tuple]:
    """A small square on the map the convolution reads, lines to the map it makes."""
    if len(prev.shape) != 3 or b.kernel is None:
        return []
    kh = b.kernel[0]
    size = max(6.0, min(prev.h * 0.5, prev.h * kh / max(prev.shape[1], 1)))
    x = prev.x + prev.w + prev.d * 0.3
    y = prev.y - size / 2 - prev.d * 0.25
    tx, ty = b.x + b.w * 0.5, b.y - b.d * 0.1
    return [("rect", x, y, size, size, "#fff59d", INK, False),
            ("line", x + size, y, tx, ty, SUB, True),
            ("line", x + size, y + size, tx, ty, SUB, True)]


def _arc(a: Box, b: Box, lift: float) -> list[tuple]:
    (x1, y1), (x2, y2) = _top(a), _top(b)
    cy = min(y1, y2) - lift
    return [("quad", x1, y1, (x1 + x2) / 2, cy, x2, y2, "#e91e63"),
            ("poly", [(x2, y2), (x2 - 4, y2 - 7), (x2 + 4, y2 - 7)], "#e91e63", "#e91e63")]


def _stage_marks(d: Diagram) -> list[tuple]:
    out: list[tuple] = []
    for st in d.stages:
        for first, last, _y in d.rows:  # one bracket per row the stage spans
            lo, hi = max(st.first, first), min(st.last, last)
            if lo > hi:
                continue
            bs = d.boxes[lo:hi + 1]
            top = min(b.y - b.h / 2 - b.d * 0.6 for b in d.boxes[first:last + 1]) - 30
            bot = max(b.y + b.h / 2 for b in d.boxes[first:last + 1]) + 2.2 * FONT
            x0, x1 = bs[0].x - 8, max(b.x + max(b.w + b.d, MIN_STEP - GAP) for b in bs) + 4
            out.append(("rect", x0, top, x1 - x0, bot - top, "#f5f5f5", LINE, True))
            cont = "" if lo == st.first else " (cont.)"
            out.append(("text", x0 + 6, top - 6, st.name + cont, FONT + 1, "start", True, INK))
            room = (x1 - x0) - 0.62 * (FONT + 1) * len(st.name + cont) - 0.58 * FONT * (len(st.text) + 2) - 16
            if hi == st.last and room > 0:  # the output shape, where it fits beside the name
                out.append(("text", x1 - 4, top - 6, f"→ {st.text}", FONT, "end", False, SUB))
    return out


def _legend(d: Diagram) -> list[tuple]:
    y = d.height - 26
    out: list[tuple] = [("text", MARGIN, y, "boxes: height and depth ∝ log₂ of the map's H and W, "
                         "thickness ∝ log₂ of its channels; shapes are C×H×W", FONT, "start", False, SUB)]
    x = MARGIN
    kinds = list(dict.fromkeys(b.kind for b in d.boxes))
    if any(b.kernel for b in d.boxes):
        kinds.append("kernel")
    if any(b.residual or b.skip_from is not None for b in d.boxes):
        kinds.append("skip")
    for k in kinds:
        if k == "kernel":
            out.append(("rect", x, y + 8, 10, 10, "#fff59d", INK, False))
            name = "kernel"
        elif k == "skip":
            out.append(("quad", x, y + 18, x + 6, y + 4, x + 12, y + 18, "#e91e63"))
            name = "skip connection"
        else:
            out.append(("rect", x, y + 8, 10, 10, KIND_FILL[k], INK, False))
            name = KIND_TITLE[k]
        out.append(("text", x + 15, y + 17, name, FONT, "start", False, INK))
        x += 24 + 6.4 * len(name)
    return out


def primitives(d: Diagram) -> list[tuple]:
    """Everything to draw, back to front."""
    out: list[tuple] = []
    if d.title:
        out.append(("text", MARGIN, MARGIN + 4, d.title, FONT + 4, "start", True, INK))
    out += _stage_marks(d)
    for i, b in enumerate(d.boxes):
        if i > 0 and b.kernel is not None and d.boxes[i - 1].y == b.y:
            out += _kernel(d.boxes[i - 1], b)
        out += _cuboid(b)
        cx = b.x + (b.w + b.d * 0.75) / 2
        out.append(("text", cx, b.y + b.h / 2 + FONT + 4, b.text, FONT - 1, "middle", False, INK))
    for i, b in enumerate(d.boxes):
        if b.residual and i > 0 and d.boxes[i - 1].y == b.y:
            out += _arc(d.boxes[i - 1], b, 16)
        elif b.skip_from is not None and d.boxes[b.skip_from].y == b.y:
            out += _arc(d.boxes[b.skip_from], b, 12 + 6 * (i - b.skip_from))
    return out + _legend(d)
