"""VGG-11/13/16/19, with and without BatchNorm, from torchvision's configuration lists."""
from __future__ import annotations

from functools import partial

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import register_template

# numbers are conv output channels (3×3, padding 1), "M" is a 2×2 max pool
CFGS = {
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg13": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg16": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    "vgg19": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M",
              512, 512, 512, 512, "M"],
}


def vgg(input_shape, num_classes, cfg: str = "vgg16", batch_norm: bool = False) -> Graph:
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    i = 0
    for v in CFGS[cfg]:
        if v == "M":
            b.add("MaxPool2d", f"features.{i}", kernel_size=2, stride=2)
            i += 1
            continue
        b.add("Conv2d", f"features.{i}", out_channels=v, kernel_size=3, padding=1)
        i += 1
        if batch_norm:
            b.add("BatchNorm", f"features.{i}")
            i += 1
        b.add("ReLU", f"features.{i}")
        i += 1
    b.add("AdaptiveAvgPool2d", "avgpool", output_size=7)
    b.add("Flatten", "flatten")
    for j, (t, p) in enumerate([
        ("Linear", {"out_features": 4096}), ("ReLU", {}), ("Dropout", {"p": 0.5}),
        ("Linear", {"out_features": 4096}), ("ReLU", {}), ("Dropout", {"p": 0.5}),
        ("Linear", {"out_features": num_classes}),
    ]):
        b.add(t, f"classifier.{j}", **p)
    return b.graph


_CARD = {
    "authors": "K. Simonyan, A. Zisserman", "year": 2014,
    "title": "Very Deep Convolutional Networks for Large-Scale Image Recognition",
}
#: title, description and idea (plain, with BatchNorm), marked for translation; {n}: the weight layers
_TEXTS = {
    False: ("VGG-{n}",
            QT_TRANSLATE_NOOP("Templates", "{n} weight layers of 3×3 convs in five stages, FC 4096, 4096"),
            QT_TRANSLATE_NOOP("Templates", "Depth from small filters: stacks of 3×3 convs (two see 5×5, three see "
                              "7×7 with fewer parameters and more non-linearities), doubling channels after "
                              "each 2×2 pool. {n} weight layers.")),
    True: (QT_TRANSLATE_NOOP("Templates", "VGG-{n} with BatchNorm"),
           QT_TRANSLATE_NOOP("Templates", "{n} weight layers of 3×3 convs in five stages with BatchNorm, FC 4096, "
                             "4096"),
           QT_TRANSLATE_NOOP("Templates", "Depth from small filters: stacks of 3×3 convs (two see 5×5, three see "
                             "7×7 with fewer parameters and more non-linearities), doubling channels after "
                             "each 2×2 pool. {n} weight layers. This _bn variant puts BatchNorm (Ioffe & "
                             "Szegedy 2015) after every conv, which lets it train from scratch without the "
                             "original's staged initialisation.")),
}

for _name, _n in (("vgg11", 11), ("vgg13", 13), ("vgg16", 16), ("vgg19", 19)):
    for _bn in (False, True):
        _title, _desc, _idea = _TEXTS[_bn]
        register_template(
            f"{_name}_bn" if _bn else _name, _title, partial(vgg, cfg=_name, batch_norm=_bn),
            (3, 224, 224), 1000, _desc, {**_CARD, "idea": _idea}, fill={"n": _n},
        )
