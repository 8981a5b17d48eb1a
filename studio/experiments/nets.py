"""The networks the experiments compare, built as core graphs (no torch).

``conv_net`` is one configurable family: a stem convolution, then ``depth - 2`` 3×3 (or k×k)
convolutions in three stages (the channels double and the resolution halves at each stage,
as in the CIFAR ResNets of He et al. §4.2), global average pooling and a linear classifier.
``residual=True`` pairs the convolutions into BasicBlocks with identity skips (a 1×1
projection where the shape changes); ``bn`` puts BatchNorm after every convolution.
"""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder
from studio.core.project import Project


def _conv(b: GraphBuilder, name: str, out: int, k: int = 3, stride: int = 1, bn: bool = True,
          act: str | None = "ReLU", src: str | None = None) -> str:
    b.add("Conv2d", name, inputs=src, out_channels=out, kernel_size=k, stride=stride, padding=k // 2, bias=not bn)
    if bn:
        b.add("BatchNorm", f"{name}_bn")
    if act:
        b.add(act, f"{name}_act")
    return b.last


def conv_net(input_shape, num_classes: int, depth: int = 8, width: int = 8, act: str = "ReLU", bn: bool = True,
             residual: bool = False, dropout: float = 0.0, hidden: int = 0) -> Graph:
    """``depth`` weighted layers: 1 stem conv + (depth − 2) convs + 1 linear."""
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    _conv(b, "conv1", width, bn=bn, act=act)
    n = depth - 2 - (1 if hidden else 0)
    per_stage = [n // 3 + (1 if i < n % 3 else 0) for i in range(3)]
    ch = width
    k = 2
    for stage, count in enumerate(per_stage):
        out = width * 2 ** stage
        if residual:
            for i in range(count // 2):
                stride = 2 if (stage > 0 and i == 0) else 1
                x = b.last
                _conv(b, f"conv{k}", out, stride=stride, bn=bn, act=act)
                main = _conv(b, f"conv{k + 1}", out, bn=bn, act=None)
                short = x
                if stride != 1 or ch != out:
                    short = _conv(b, f"proj{k}", out, k=1, stride=stride, bn=bn, act=None, src=x)
                b.add("Add", f"add{k}", inputs=[main, short])
                b.add(act, f"add{k}_act")
                k += 2
                ch = out
            if count % 2:
                _conv(b, f"conv{k}", out, bn=bn, act=act)
                k += 1
        else:
            for i in range(count):
                _conv(b, f"conv{k}", out, stride=2 if (stage > 0 and i == 0) else 1, bn=bn, act=act)
                k += 1
        ch = out
    b.add("AdaptiveAvgPool2d", "pool", output_size=1)
    b.add("Flatten", "flatten")
    if hidden:
        b.add("Linear", "fc1", out_features=hidden)
        b.add(act, "fc1_act")
        if dropout:
            b.add("Dropout", "drop1", p=dropout)
    b.add("Linear", "fc", out_features=num_classes)
    return b.graph


def kernel_net(input_shape, num_classes: int, stack: int = 2, width: int = 16, big: bool = False,
               bn: bool = False) -> Graph:
    """VGG §2.3: after a stem conv, per stage either ``stack`` 3×3 convs or one (2·stack+1)² conv,
    all with ``width`` channels in and out (same receptive field; 9·stack·C² vs (2·stack+1)²·C² weights);
    ``bn``: BatchNorm after every convolution (as VGG with BN)."""
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    _conv(b, "stem", width, bn=bn)
    for stage in range(2):
        if big:
            k = 2 * stack + 1
            _conv(b, f"s{stage + 1}_conv{k}x{k}", width, k=k, bn=bn)
        else:
            for i in range(stack):
                _conv(b, f"s{stage + 1}_conv3x3_{i + 1}", width, k=3, bn=bn)
        b.add("MaxPool2d", f"s{stage + 1}_pool", kernel_size=2, stride=2)
    b.add("AdaptiveAvgPool2d", "pool", output_size=1)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=num_classes)
    return b.graph


def mlp_head_net(input_shape, num_classes: int, width: int = 16, hidden: int = 256, dropout: float = 0.0,
                 act: str = "ReLU", convs: int = 2, fcs: int = 2) -> Graph:
    """AlexNet's shape in small: ``convs`` × (conv, act, 2×2 max pool), then ``fcs`` wide fully
    connected layers (where AlexNet put its dropout) and the classifier."""
    c, h, w = input_shape
    b = GraphBuilder()
    b.add("Input", "input", channels=c, height=h, width=w)
    for i in range(1, convs + 1):
        _conv(b, f"conv{i}", width * 2 ** min(i - 1, 1), bn=False, act=act)
        b.add("MaxPool2d", f"pool{i}", kernel_size=2, stride=2)
    b.add("Flatten", "flatten")
    for i in range(1, fcs + 1):
        b.add("Linear", f"fc{i}", out_features=hidden)
        b.add(act, f"fc{i}_act")
        if dropout:
            b.add("Dropout", f"drop{i}", p=dropout)
    b.add("Linear", "fc", out_features=num_classes)
    return b.graph


BUILDERS = {"conv_net": conv_net, "kernel_net": kernel_net, "mlp_head_net": mlp_head_net}


def build_variant_project(builder: str, params: dict, input_shape, num_classes: int, name: str) -> Project:
    from studio.core.layout import auto_layout

    graph = BUILDERS[builder](tuple(input_shape), num_classes, **params)
    for nid, pos in auto_layout(graph).items():
        graph.move(nid, pos)
    return Project(graph=graph, num_classes=num_classes, name=name)
