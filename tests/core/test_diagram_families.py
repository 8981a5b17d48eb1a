"""The diagram draws each family's idea: DenseNet's dense layers and concatenations with the
channels growing, framed dense blocks and transitions; GoogLeNet's inception modules as parallel
branches; MobileNet's and EfficientNet's depthwise blocks (with squeeze-excitation); the legend
names only what the figure holds."""
from __future__ import annotations

from collections import Counter

from studio.core.validate import validate
from studio.diagram.geometry import KIND_TITLE, build_diagram, primitives
from studio.templates import build_project


def _diagram(name):
    p = build_project(name)
    return build_diagram(p.graph, validate(p.graph, p.num_classes), name)


def _legend_names(d):
    return {t[3] for t in primitives(d) if t[0] == "text" and t[3] in KIND_TITLE.values()}


def test_densenet_concatenates_and_frames_its_blocks():
    d = _diagram("densenet121")
    kinds = Counter(b.kind for b in d.boxes)
    assert kinds["block"] == 0 and kinds["dense"] == 58 and kinds["concat"] == 58 and kinds["transition"] == 3
    cats = [b for b in d.boxes if b.kind == "concat" and b.label.startswith("features.denseblock1.")]
    assert [b.shape[0] for b in cats] == [96, 128, 160, 192, 224, 256]  # 64 + 32 per layer
    assert {"features.denseblock1", "features.denseblock4", "features.transition1", "features.transition3"} <= {
        s.name for s in d.stages}
    names = _legend_names(d)
    assert "residual block" not in names and KIND_TITLE["dense"] in names and KIND_TITLE["concat"] in names


def test_googlenet_inception_modules_are_parallel_branches():
    d = _diagram("googlenet")
    inc = [b for b in d.boxes if b.kind == "inception"]
    assert [b.label for b in inc][:2] == ["inception3a", "inception3b"] and len(inc) == 9
    assert inc[0].shape[0] == 256 and inc[1].shape[0] == 480
    assert [s.name for s in d.stages][:3] == ["inception3", "inception4", "inception5"]
    assert KIND_TITLE["inception"] in _legend_names(d) and "residual block" not in _legend_names(d)


def test_depthwise_and_squeeze_excitation_blocks():
    mb, ef, rn = _diagram("mobilenet_v2"), _diagram("efficientnet_b0"), _diagram("resnet18")
    assert Counter(b.kind for b in mb.boxes)["inverted"] == 17
    assert Counter(b.kind for b in ef.boxes)["mbconv"] == 16
    assert KIND_TITLE["mbconv"] in _legend_names(ef) and KIND_TITLE["inverted"] not in _legend_names(ef)
    assert Counter(b.kind for b in rn.boxes)["block"] == 8 and "residual block" in _legend_names(rn)
    assert KIND_TITLE["dense"] not in _legend_names(rn)
