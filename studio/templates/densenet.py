"""DenseNet-121, as torchvision builds it (same module names).

Inside a dense block every layer receives the concatenation of the block's input and all
earlier layers' outputs (BN-ReLU-1×1 conv to 4·k channels, BN-ReLU-3×3 conv to k = 32 new
channels); transitions halve the channels (1×1 conv) and the size (2×2 average pool).
"""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import pooled_head, register_template

BLOCKS = {"densenet121": (32, (6, 12, 24, 16), 64)}  # growth rate, layers per block, stem channels
BN_SIZE = 4


def _dense_layer(b: GraphBuilder, p: str, src: str, growth: int) -> str:
    first = len(b.graph)
    b.add("BatchNorm", f"{p}.norm1", inputs=src)
    b.add("ReLU", f"{p}.relu1")
    b.add("Conv2d", f"{p}.conv1", out_channels=BN_SIZE * growth, kernel_size=1, bias=False)
    b.add("BatchNorm", f"{p}.norm2")
    b.add("ReLU", f"{p}.relu2")
    out = b.add("Conv2d", f"{p}.conv2", out_channels=growth, kernel_size=3, padding=1, bias=False)
    b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind="DenseLayer")
    return out


def _dense_block(b: GraphBuilder, p: str, n: int, growth: int) -> None:
    x, first = b.last, len(b.graph)
    feats = [x]
    for i in range(1, n + 1):
        src = feats[0] if len(feats) == 1 else b.add("Concat", f"{p}.cat{i}", inputs=list(feats))
        feats.append(_dense_layer(b, f"{p}.denselayer{i}", src, growth))
    b.add("Concat", f"{p}.cat", inputs=feats)
    b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind="DenseBlock")


def densenet(input_shape, num_classes, arch: str = "densenet121") -> Graph:
    growth, counts, stem = BLOCKS[arch]
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    b.add("Conv2d", "features.conv0", out_channels=stem, kernel_size=7, stride=2, padding=3, bias=False)
    b.add("BatchNorm", "features.norm0")
    b.add("ReLU", "features.relu0")
    b.add("MaxPool2d", "features.pool0", kernel_size=3, stride=2, padding=1)
    ch = stem
    for i, n in enumerate(counts, start=1):
        _dense_block(b, f"features.denseblock{i}", n, growth)
        ch += n * growth
        if i != len(counts):
            first = len(b.graph)
            p = f"features.transition{i}"
            b.add("BatchNorm", f"{p}.norm")
            b.add("ReLU", f"{p}.relu")
            b.add("Conv2d", f"{p}.conv", out_channels=ch // 2, kernel_size=1, bias=False)
            b.add("AvgPool2d", f"{p}.pool", kernel_size=2, stride=2)
            b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind="Transition")
            ch //= 2
    b.add("BatchNorm", "features.norm5")
    b.add("ReLU", "relu")
    pooled_head(b, num_classes, fc="classifier")
    return b.graph


register_template(
    "densenet121", "DenseNet-121", densenet, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "4 dense blocks (6, 12, 24, 16 layers, growth rate 32) joined by transitions, "
                      "global average pool, FC"),
    {"authors": "G. Huang, Z. Liu, L. van der Maaten, K. Q. Weinberger", "year": 2017,
     "title": "Densely Connected Convolutional Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Dense connectivity: each layer takes the concatenated feature maps of "
                               "all earlier layers in its block and adds only k = 32 new ones, so features are "
                               "reused, gradients reach every layer directly, and the network needs far fewer "
                               "parameters than a ResNet of similar accuracy.")},
)
