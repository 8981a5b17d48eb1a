"""GoogLeNet (Inception v1), as torchvision builds it, without the auxiliary classifiers
(they only run while training; torchvision's ``aux_logits=False``).

An Inception module runs four branches side by side on the same input — 1×1; 1×1 then 3×3;
1×1 then another 3×3 (torchvision's 5×5 branch uses 3×3); 3×3 max pool then 1×1 — and
concatenates their channels. Every conv is a BasicConv2d: conv (no bias), BatchNorm, ReLU.
"""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import pooled_head, register_template

# name: (1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool projection); 'pool' entries are max pools
STAGES = [
    ("inception3a", (64, 96, 128, 16, 32, 32)), ("inception3b", (128, 128, 192, 32, 96, 64)),
    ("maxpool3", 3),
    ("inception4a", (192, 96, 208, 16, 48, 64)), ("inception4b", (160, 112, 224, 24, 64, 64)),
    ("inception4c", (128, 128, 256, 24, 64, 64)), ("inception4d", (112, 144, 288, 32, 64, 64)),
    ("inception4e", (256, 160, 320, 32, 128, 128)),
    ("maxpool4", 2),
    ("inception5a", (256, 160, 320, 32, 128, 128)), ("inception5b", (384, 192, 384, 48, 128, 128)),
]


def basic_conv(b: GraphBuilder, p: str, out: int, k: int = 1, s: int = 1, pad: int = 0,
               src: str | None = None) -> str:
    first = len(b.graph)
    b.add("Conv2d", f"{p}.conv", inputs=src, out_channels=out, kernel_size=k, stride=s, padding=pad, bias=False)
    b.add("BatchNorm", f"{p}.bn", eps=0.001)
    out_id = b.add("ReLU", f"{p}.relu")
    b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind="BasicConv2d")
    return out_id


def _inception(b: GraphBuilder, p: str, cfg) -> None:
    c1, r3, c3, r5, c5, pp = cfg
    x, first = b.last, len(b.graph)
    outs = [basic_conv(b, f"{p}.branch1", c1, src=x)]
    basic_conv(b, f"{p}.branch2.0", r3, src=x)
    outs.append(basic_conv(b, f"{p}.branch2.1", c3, 3, pad=1))
    basic_conv(b, f"{p}.branch3.0", r5, src=x)
    outs.append(basic_conv(b, f"{p}.branch3.1", c5, 3, pad=1))
    b.add("MaxPool2d", f"{p}.branch4.0", inputs=x, kernel_size=3, stride=1, padding=1, ceil_mode=True)
    outs.append(basic_conv(b, f"{p}.branch4.1", pp))
    b.add("Concat", f"{p}.cat", inputs=outs)
    b.graph.add_group(p, [n.id for n in b.graph.nodes[first:]], kind="Inception")


def googlenet(input_shape, num_classes) -> Graph:
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    basic_conv(b, "conv1", 64, 7, 2, 3)
    b.add("MaxPool2d", "maxpool1", kernel_size=3, stride=2, ceil_mode=True)
    basic_conv(b, "conv2", 64)
    basic_conv(b, "conv3", 192, 3, pad=1)
    b.add("MaxPool2d", "maxpool2", kernel_size=3, stride=2, ceil_mode=True)
    for name, cfg in STAGES:
        if isinstance(cfg, int):
            b.add("MaxPool2d", name, kernel_size=cfg, stride=2, ceil_mode=True)
        else:
            _inception(b, name, cfg)
    pooled_head(b, num_classes, dropout=0.2)
    return b.graph


register_template(
    "googlenet", "GoogLeNet", googlenet, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "9 Inception modules (four parallel branches concatenated) between max pools, "
                      "global average pool, dropout, FC; no auxiliary heads"),
    {"authors": "C. Szegedy, W. Liu, Y. Jia, P. Sermanet, S. Reed, D. Anguelov, D. Erhan, V. Vanhoucke, "
                "A. Rabinovich", "year": 2014, "title": "Going Deeper with Convolutions",
     "idea": QT_TRANSLATE_NOOP("Templates", "The Inception module: 1×1, 3×3 and 5×5 convolutions and a max pool "
                               "side by side, their outputs concatenated, with 1×1 convs first to cut the channels "
                               "so the wide module stays cheap; 22 layers deep with 12× fewer parameters than "
                               "AlexNet.")},
)
