"""LeNet-5, AlexNet and ZFNet: plain stacks of conv, pool and fully connected layers.

Node ids follow torchvision's module names where there is one ('features.0',
'classifier.1'), so the compiled model's state_dict keys look like torchvision's.
"""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder
from studio.core.i18n import QT_TRANSLATE_NOOP

from .registry import register_template


def lenet5(input_shape, num_classes) -> Graph:
    c, h, w = input_shape
    # LeNet-5 was drawn for 32×32; smaller inputs (MNIST's 28×28) get padding on conv1
    pad = min(2, max(0, -(-(32 - min(h, w)) // 2)))
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    b.add("Conv2d", "conv1", out_channels=6, kernel_size=5, padding=pad)
    b.add("ReLU", "relu1")
    b.add("MaxPool2d", "pool1", kernel_size=2, stride=2)
    b.add("Conv2d", "conv2", out_channels=16, kernel_size=5)
    b.add("ReLU", "relu2")
    b.add("MaxPool2d", "pool2", kernel_size=2, stride=2)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc1", out_features=120)
    b.add("ReLU", "relu3")
    b.add("Linear", "fc2", out_features=84)
    b.add("ReLU", "relu4")
    b.add("Linear", "fc3", out_features=num_classes)
    return b.graph


def _stack(b: GraphBuilder, prefix: str, layers: list[tuple]) -> None:
    """Add layers named prefix.0, prefix.1, ... as torchvision's nn.Sequential numbers them."""
    for i, (type_id, params) in enumerate(layers):
        b.add(type_id, f"{prefix}.{i}", **params)


def _classifier(b: GraphBuilder, num_classes: int) -> None:
    b.add("Flatten", "flatten")
    _stack(b, "classifier", [
        ("Dropout", {"p": 0.5}), ("Linear", {"out_features": 4096}), ("ReLU", {}),
        ("Dropout", {"p": 0.5}), ("Linear", {"out_features": 4096}), ("ReLU", {}),
        ("Linear", {"out_features": num_classes}),
    ])


def alexnet(input_shape, num_classes) -> Graph:
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    conv = lambda o, k, s=1, p=0: ("Conv2d", {"out_channels": o, "kernel_size": k, "stride": s, "padding": p})  # noqa
    relu, pool = ("ReLU", {}), ("MaxPool2d", {"kernel_size": 3, "stride": 2})
    _stack(b, "features", [
        conv(64, 11, 4, 2), relu, pool,
        conv(192, 5, 1, 2), relu, pool,
        conv(384, 3, 1, 1), relu,
        conv(256, 3, 1, 1), relu,
        conv(256, 3, 1, 1), relu, pool,
    ])
    b.add("AdaptiveAvgPool2d", "avgpool", output_size=6)
    _classifier(b, num_classes)
    return b.graph


def zfnet(input_shape, num_classes) -> Graph:
    """Zeiler & Fergus 2013: 224 → conv 7×7/2 → 110 → pool → 55 → conv 5×5/2 → 26 → pool
    → 13 → three 3×3 convs → pool → 6×6×256 → FC 4096, 4096."""
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    conv = lambda o, k, s=1, p=0: ("Conv2d", {"out_channels": o, "kernel_size": k, "stride": s, "padding": p})  # noqa
    relu = ("ReLU", {})
    lrn = ("LocalResponseNorm", {"size": 5})
    _stack(b, "features", [
        conv(96, 7, 2, 1), relu, ("MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}), lrn,
        conv(256, 5, 2, 0), relu, ("MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}), lrn,
        conv(384, 3, 1, 1), relu,
        conv(384, 3, 1, 1), relu,
        conv(256, 3, 1, 1), relu, ("MaxPool2d", {"kernel_size": 3, "stride": 2}),
    ])
    _classifier(b, num_classes)
    return b.graph


register_template(
    "lenet5", "LeNet-5", lenet5, (1, 32, 32), 10,
    QT_TRANSLATE_NOOP("Templates", "LeCun's digit reader: two 5×5 conv + pool stages, then FC 120, 84, classes"),
    {"authors": "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner", "year": 1998,
     "title": "Gradient-Based Learning Applied to Document Recognition",
     "idea": QT_TRANSLATE_NOOP("Templates", "Convolutions with shared weights and subsampling, trained end to end "
                               "by back-propagation, instead of hand-made features. (The original used tanh-like "
                               "squashing and average subsampling; this version uses ReLU and max pooling, which "
                               "train faster.) A 28×28 input gets padding 2 on conv1, as MNIST tutorials do.")},
)
register_template(
    "alexnet", "AlexNet", alexnet, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "Five conv layers and three FC layers with ReLU and Dropout (torchvision's "
                      "variant)"),
    {"authors": "A. Krizhevsky, I. Sutskever, G. E. Hinton", "year": 2012,
     "title": "ImageNet Classification with Deep Convolutional Neural Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "A deep CNN trained on GPUs won ImageNet 2012 by a wide margin: ReLU "
                               "instead of tanh for fast training, Dropout against overfitting in the big FC "
                               "layers, data augmentation. This is torchvision's single-GPU variant "
                               "(64-192-384-256-256 channels, AdaptiveAvgPool 6×6).")},
)
register_template(
    "zfnet", "ZFNet", zfnet, (3, 224, 224), 1000,
    QT_TRANSLATE_NOOP("Templates", "AlexNet refined by visualising features: 7×7 stride-2 first conv, 5×5 stride-2 "
                      "second"),
    {"authors": "M. D. Zeiler, R. Fergus", "year": 2013,
     "title": "Visualizing and Understanding Convolutional Networks",
     "idea": QT_TRANSLATE_NOOP("Templates", "Deconvolution visualisations showed AlexNet's 11×11 stride-4 first "
                               "layer lost detail; a 7×7 stride-2 first conv and a stride-2 second conv fixed it "
                               "and won ImageNet 2013. Sizes: 224 → 110 → pool 55 → 26 → pool 13 → 13 → 13 → "
                               "pool 6×6×256 → FC 4096, 4096.")},
)
