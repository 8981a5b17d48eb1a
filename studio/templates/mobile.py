"""MobileNetV2 and EfficientNet-B0, as torchvision builds them (same module names).

Both stack inverted residual blocks: a 1×1 conv expands the channels, a depthwise 3×3 (or
5×5) conv filters each channel alone, a 1×1 conv projects back (no activation), and an
identity skip joins where the shapes allow. EfficientNet adds squeeze-excitation (a channel
gate: global pool, two 1×1 convs, sigmoid, Multiply) and stochastic depth on the skip.
"""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import pooled_head, register_template

# MobileNetV2: expansion t, output channels c, repeats n, first stride s
MNV2 = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
        (6, 320, 1, 1)]
# EfficientNet-B0: expansion, kernel, stride, in channels, out channels, repeats
EFFB0 = [(1, 3, 1, 32, 16, 1), (6, 3, 2, 16, 24, 2), (6, 5, 2, 24, 40, 2), (6, 3, 2, 40, 80, 3),
         (6, 5, 1, 80, 112, 3), (6, 5, 2, 112, 192, 4), (6, 3, 1, 192, 320, 1)]


def conv_bn_act(b: GraphBuilder, p: str, out: int, k: int = 1, s: int = 1, groups: int = 1,
                act: str | None = "ReLU6", **bn) -> str:
    """torchvision's Conv2dNormActivation: '{p}.0' conv (no bias), '{p}.1' BatchNorm, '{p}.2' act."""
    b.add("Conv2d", f"{p}.0", out_channels=out, kernel_size=k, stride=s, padding=(k - 1) // 2, groups=groups,
          bias=False)
    last = b.add("BatchNorm", f"{p}.1", **bn)
    if act:
        last = b.add(act, f"{p}.2")
    return last


def _group_from(b: GraphBuilder, first: int, name: str, kind: str) -> None:
    b.graph.add_group(name, [n.id for n in b.graph.nodes[first:]], kind=kind)


def _inverted_residual(b: GraphBuilder, p: str, cin: int, cout: int, stride: int, t: int) -> None:
    x, first = b.last, len(b.graph)
    hidden = cin * t
    i = 0
    if t != 1:
        conv_bn_act(b, f"{p}.conv.0", hidden)
        i = 1
    conv_bn_act(b, f"{p}.conv.{i}", hidden, 3, stride, groups=hidden)
    b.add("Conv2d", f"{p}.conv.{i + 1}", out_channels=cout, kernel_size=1, bias=False)
    out = b.add("BatchNorm", f"{p}.conv.{i + 2}")
    if stride == 1 and cin == cout:
        b.add("Add", f"{p}.add", inputs=[out, x])
    _group_from(b, first, p, "InvertedResidual")


def mobilenet_v2(input_shape, num_classes) -> Graph:
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    conv_bn_act(b, "features.0", 32, 3, 2)
    cin, idx = 32, 1
    for t, cout, n, s in MNV2:
        for i in range(n):
            _inverted_residual(b, f"features.{idx}", cin, cout, s if i == 0 else 1, t)
            cin, idx = cout, idx + 1
    conv_bn_act(b, f"features.{idx}", 1280)
    pooled_head(b, num_classes, fc="classifier.1", dropout=0.2, dropout_name="classifier.0")
    return b.graph


def _squeeze_excitation(b: GraphBuilder, p: str, channels: int, squeeze: int) -> None:
    x, first = b.last, len(b.graph)
    b.add("AdaptiveAvgPool2d", f"{p}.avgpool", output_size=1)
    b.add("Conv2d", f"{p}.fc1", out_channels=squeeze, kernel_size=1)
    b.add("SiLU", f"{p}.activation")
    b.add("Conv2d", f"{p}.fc2", out_channels=channels, kernel_size=1)
    gate = b.add("Sigmoid", f"{p}.scale_activation")
    b.add("Multiply", f"{p}.mul", inputs=[gate, x])
    _group_from(b, first, p, "SqueezeExcitation")


def _mbconv(b: GraphBuilder, p: str, cin: int, cout: int, k: int, stride: int, t: int, sd: float) -> None:
    x, first = b.last, len(b.graph)
    hidden = cin * t
    i = 0
    if t != 1:
        conv_bn_act(b, f"{p}.block.0", hidden, act="SiLU")
        i = 1
    conv_bn_act(b, f"{p}.block.{i}", hidden, k, stride, groups=hidden, act="SiLU")
    _squeeze_excitation(b, f"{p}.block.{i + 1}", hidden, max(1, cin // 4))
    out = conv_bn_act(b, f"{p}.block.{i + 2}", cout, act=None)
    if stride == 1 and cin == cout:
        b.add("StochasticDepth", f"{p}.stochastic_depth", p=sd)
        b.add("Add", f"{p}.add", inputs=[b.last, x])
    else:
        b.last = out
    _group_from(b, first, p, "MBConv")


def efficientnet_b0(input_shape, num_classes) -> Graph:
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    conv_bn_act(b, "features.0", 32, 3, 2, act="SiLU")
    total = sum(r[-1] for r in EFFB0)
    block_id = 0
    for stage, (t, k, s, cin, cout, n) in enumerate(EFFB0, start=1):
        for i in range(n):
            sd = round(0.2 * block_id / total, 6)
            _mbconv(b, f"features.{stage}.{i}", cin if i == 0 else cout, cout, k, s if i == 0 else 1, t, sd)
            block_id += 1
    conv_bn_act(b, "features.8", 1280, act="SiLU")
    pooled_head(b, num_classes, fc="classifier.1", dropout=0.2, dropout_name="classifier.0")
    return b.graph


register_template(
    "mobilenet_v2", "MobileNetV2", mobilenet_v2, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "17 inverted residual blocks (1×1 expand ×6, depthwise 3×3, linear 1×1 "
                      "projection), ReLU6, global average pool, dropout, FC"),
    {"authors": "M. Sandler, A. Howard, M. Zhu, A. Zhmoginov, L.-C. Chen", "year": 2018,
     "title": "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Inverted residuals with linear bottlenecks: the skip joins thin "
                               "tensors, the block expands them ×6 for a cheap depthwise 3×3 conv (one kernel per "
                               "channel) and a linear 1×1 projection without an activation brings them back, so "
                               "little information is lost; a fraction of ResNet's multiply-adds.")},
)
register_template(
    "efficientnet_b0", "EfficientNet-B0", efficientnet_b0, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "16 MBConv blocks (expand, depthwise 3×3/5×5, squeeze-excitation, projection) "
                      "with SiLU and stochastic depth, global average pool, dropout, FC"),
    {"authors": "M. Tan, Q. V. Le", "year": 2019,
     "title": "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Compound scaling: depth, width and resolution grow together by fixed "
                               "ratios from a small searched base network (B0) of MBConv blocks, each with a "
                               "squeeze-excitation gate that reweights its channels (global pool → 1×1 convs → "
                               "sigmoid → multiply).")},
)
