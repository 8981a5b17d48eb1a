"""ResNet-18/34 (BasicBlock), ResNet-50/101/152 (Bottleneck) and the variants ResNeXt-50 32×4d
and Wide ResNet-50-2, as torchvision builds them.

Each residual block is a graph Group ('layer1.0', kind 'BasicBlock' or 'Bottleneck'); the
skip is an Add node, and where the shape changes the shortcut is a projection
('downsample.0' 1×1 conv + 'downsample.1' BatchNorm), as in torchvision (ResNet v1.5:
the stride sits on the 3×3 conv).
"""
from __future__ import annotations

from functools import partial

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import pooled_head, register_template

LAYERS = {
    "resnet18": ("BasicBlock", [2, 2, 2, 2]),
    "resnet34": ("BasicBlock", [3, 4, 6, 3]),
    "resnet50": ("Bottleneck", [3, 4, 6, 3]),
    "resnet101": ("Bottleneck", [3, 4, 23, 3]),
    "resnet152": ("Bottleneck", [3, 8, 36, 3]),
}
# the variants of residual networks: (blocks, groups, width per group), as torchvision builds them
VARIANTS = {
    "resnext50_32x4d": ([3, 4, 6, 3], 32, 4),
    "wide_resnet50_2": ([3, 4, 6, 3], 1, 128),
}
EXPANSION = {"BasicBlock": 1, "Bottleneck": 4}


def _conv_bn(b: GraphBuilder, p: str, conv: str, bn: str, out: int, k: int, s: int, src: str | None = None,
             groups: int = 1) -> str:
    b.add("Conv2d", f"{p}.{conv}", inputs=src, out_channels=out, kernel_size=k, stride=s,
          padding=k // 2, groups=groups, bias=False)
    return b.add("BatchNorm", f"{p}.{bn}")


def _block(b: GraphBuilder, kind: str, p: str, planes: int, stride: int, inplanes: int, groups: int = 1,
           base_width: int = 64) -> int:
    """Add one residual block named ``p`` after ``b.last``; returns its output channels."""
    x = b.last
    first = len(b.graph)
    out = planes * EXPANSION[kind]
    if kind == "BasicBlock":
        _conv_bn(b, p, "conv1", "bn1", planes, 3, stride)
        b.add("ReLU", f"{p}.relu1")
        main = _conv_bn(b, p, "conv2", "bn2", planes, 3, 1)
    else:
        width = int(planes * (base_width / 64.0)) * groups  # torchvision's Bottleneck
        _conv_bn(b, p, "conv1", "bn1", width, 1, 1)
        b.add("ReLU", f"{p}.relu1")
        _conv_bn(b, p, "conv2", "bn2", width, 3, stride, groups=groups)
        b.add("ReLU", f"{p}.relu2")
        main = _conv_bn(b, p, "conv3", "bn3", out, 1, 1)
    short = x
    if stride != 1 or inplanes != out:
        short = _conv_bn(b, p, "downsample.0", "downsample.1", out, 1, stride, src=x)
    b.add("Add", f"{p}.add", inputs=[main, short])
    b.add("ReLU", f"{p}.relu{2 if kind == 'BasicBlock' else 3}")
    b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind=kind)
    return out


def resnet(input_shape, num_classes, arch: str = "resnet50") -> Graph:
    if arch in VARIANTS:
        counts, groups, base_width = VARIANTS[arch]
        kind = "Bottleneck"
    else:
        (kind, counts), groups, base_width = LAYERS[arch], 1, 64
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    b.add("Conv2d", "conv1", out_channels=64, kernel_size=7, stride=2, padding=3, bias=False)
    b.add("BatchNorm", "bn1")
    b.add("ReLU", "relu")
    b.add("MaxPool2d", "maxpool", kernel_size=3, stride=2, padding=1)
    inplanes = 64
    for stage, (planes, n) in enumerate(zip((64, 128, 256, 512), counts), start=1):
        for i in range(n):
            stride = 2 if (stage > 1 and i == 0) else 1
            inplanes = _block(b, kind, f"layer{stage}.{i}", planes, stride, inplanes, groups, base_width)
    pooled_head(b, num_classes)
    return b.graph


_CARD = {
    "authors": "K. He, X. Zhang, S. Ren, J. Sun", "year": 2015,
    "title": "Deep Residual Learning for Image Recognition",
}
_IDEA = {
    "BasicBlock": QT_TRANSLATE_NOOP("Templates", "Residual learning: each block learns F(x) and outputs F(x) + x "
                                    "through an identity skip (a 1×1 projection where the shape changes), so very "
                                    "deep networks still train. BasicBlock: two 3×3 convs with BatchNorm."),
    "Bottleneck": QT_TRANSLATE_NOOP("Templates", "Residual learning with bottleneck blocks: 1×1 conv reduces the "
                                    "channels, 3×3 conv works on the small tensor, 1×1 conv expands ×4; the "
                                    "identity skip (a 1×1 projection where the shape changes) is added before the "
                                    "last ReLU. torchvision's v1.5: stride on the 3×3."),
}

for _arch, (_kind, _counts) in LAYERS.items():
    _depth = _arch[len("resnet"):]
    register_template(
        _arch, f"ResNet-{_depth}", partial(resnet, arch=_arch), (3, 224, 224), 1000,
        QT_TRANSLATE_NOOP("Templates", "{depth} layers: {counts} {kind}s in four stages, global average pool, FC"),
        {**_CARD, "idea": _IDEA[_kind]}, fill={"depth": _depth, "counts": "-".join(map(str, _counts)), "kind": _kind},
    )

register_template(
    "resnext50_32x4d", "ResNeXt-50 32×4d", partial(resnet, arch="resnext50_32x4d"), (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "ResNet-50's layout with grouped 3×3 convs: 32 groups of 4 channels (×2 per "
                      "stage) in every bottleneck"),
    {"authors": "S. Xie, R. Girshick, P. Dollár, Z. Tu, K. He", "year": 2017,
     "title": "Aggregated Residual Transformations for Deep Neural Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Cardinality: the bottleneck's 3×3 conv is split into 32 parallel "
                               "paths (one grouped conv, groups=32), a new dimension besides depth and width; "
                               "wider bottlenecks at about ResNet-50's cost give better accuracy.")},
)
register_template(
    "wide_resnet50_2", "Wide ResNet-50-2", partial(resnet, arch="wide_resnet50_2"), (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "ResNet-50 with bottlenecks twice as wide (128, 256, 512, 1024 inner channels)"),
    {"authors": "S. Zagoruyko, N. Komodakis", "year": 2016, "title": "Wide Residual Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Width instead of depth: doubling the channels inside each bottleneck "
                               "trains faster and matches much deeper thin ResNets; the outer 1×1 convs keep "
                               "ResNet-50's sizes.")},
)
