"""ResNet-18/34 (BasicBlock) and ResNet-50/101/152 (Bottleneck), as torchvision builds them.

Each residual block is a graph Group ('layer1.0', kind 'BasicBlock' or 'Bottleneck'); the
skip is an Add node, and where the shape changes the shortcut is a projection
('downsample.0' 1×1 conv + 'downsample.1' BatchNorm), as in torchvision (ResNet v1.5:
the stride sits on the 3×3 conv).
"""
from __future__ import annotations

from functools import partial

from studio.core.graph import Graph, GraphBuilder

from .registry import register_template

LAYERS = {
    "resnet18": ("BasicBlock", [2, 2, 2, 2]),
    "resnet34": ("BasicBlock", [3, 4, 6, 3]),
    "resnet50": ("Bottleneck", [3, 4, 6, 3]),
    "resnet101": ("Bottleneck", [3, 4, 23, 3]),
    "resnet152": ("Bottleneck", [3, 8, 36, 3]),
}
EXPANSION = {"BasicBlock": 1, "Bottleneck": 4}


def _conv_bn(b: GraphBuilder, p: str, conv: str, bn: str, out: int, k: int, s: int, src: str | None = None) -> str:
    b.add("Conv2d", f"{p}.{conv}", inputs=src, out_channels=out, kernel_size=k, stride=s,
          padding=k // 2, bias=False)
    return b.add("BatchNorm", f"{p}.{bn}")


def _block(b: GraphBuilder, kind: str, p: str, planes: int, stride: int, inplanes: int) -> int:
    """Add one residual block named ``p`` after ``b.last``; returns its output channels."""
    x = b.last
    first = len(b.graph)
    out = planes * EXPANSION[kind]
    if kind == "BasicBlock":
        _conv_bn(b, p, "conv1", "bn1", planes, 3, stride)
        b.add("ReLU", f"{p}.relu1")
        main = _conv_bn(b, p, "conv2", "bn2", planes, 3, 1)
    else:
        _conv_bn(b, p, "conv1", "bn1", planes, 1, 1)
        b.add("ReLU", f"{p}.relu1")
        _conv_bn(b, p, "conv2", "bn2", planes, 3, stride)
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
    kind, counts = LAYERS[arch]
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
            inplanes = _block(b, kind, f"layer{stage}.{i}", planes, stride, inplanes)
    b.add("AdaptiveAvgPool2d", "avgpool", output_size=1)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=num_classes)
    return b.graph


_CARD = {
    "authors": "K. He, X. Zhang, S. Ren, J. Sun", "year": 2015,
    "title": "Deep Residual Learning for Image Recognition",
}
_IDEA = {
    "BasicBlock": "Residual learning: each block learns F(x) and outputs F(x) + x through an identity "
                  "skip (a 1×1 projection where the shape changes), so very deep networks still train. "
                  "BasicBlock: two 3×3 convs with BatchNorm.",
    "Bottleneck": "Residual learning with bottleneck blocks: 1×1 conv reduces the channels, 3×3 conv works "
                  "on the small tensor, 1×1 conv expands ×4; the identity skip (a 1×1 projection where "
                  "the shape changes) is added before the last ReLU. torchvision's v1.5: stride on the 3×3.",
}

for _arch, (_kind, _counts) in LAYERS.items():
    _depth = _arch[len("resnet"):]
    register_template(
        _arch, f"ResNet-{_depth}", partial(resnet, arch=_arch), (3, 224, 224), 1000,
        f"{_depth} layers: {'-'.join(map(str, _counts))} {_kind}s in four stages, global average pool, FC",
        {**_CARD, "idea": _IDEA[_kind]},
    )
