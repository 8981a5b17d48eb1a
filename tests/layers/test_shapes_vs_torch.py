"""Every layer spec agrees with real torch layers: output shape, trainable parameters and
buffers (and MACs for Conv2d/Linear via torch's flop counter), over hypothesis-generated
parameters and inputs. Where torch refuses a combination, our spec must refuse it too
(ParamError from normalize or ShapeError from infer)."""
from __future__ import annotations

import warnings

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from studio.core.errors import ParamError, ShapeError
from studio.compiler.modules import module_class
from studio.core.spec import all_specs, get_spec

torch.set_num_threads(1)
N = 2  # batch size used for every forward pass

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------- strategies
small = st.integers(1, 10)
chan = st.integers(1, 6)
image = st.tuples(chan, small, small)
vector = st.tuples(st.integers(1, 20))
any_rank = st.one_of(image, vector)


def size2(lo, hi):
    return st.one_of(st.integers(lo, hi), st.lists(st.integers(lo, hi), min_size=2, max_size=2))


conv_params = st.fixed_dictionaries({
    "out_channels": st.integers(1, 8),
    "kernel_size": size2(1, 5),
    "stride": size2(1, 3),
    "padding": st.one_of(size2(0, 3), st.sampled_from(["same", "valid"])),
    "dilation": size2(1, 3),
    "groups": st.sampled_from([1, 1, 2, 3, 4]),
    "bias": st.booleans(),
})
maxpool_params = st.fixed_dictionaries({
    "kernel_size": size2(1, 4),
    "stride": st.one_of(st.none(), size2(1, 3)),
    "padding": size2(0, 2),
    "dilation": size2(1, 3),
    "ceil_mode": st.booleans(),
})
avgpool_params = st.fixed_dictionaries({
    "kernel_size": size2(1, 4),
    "stride": st.one_of(st.none(), size2(1, 3)),
    "padding": size2(0, 2),
    "ceil_mode": st.booleans(),
    "count_include_pad": st.booleans(),
})
adaptive_params = st.fixed_dictionaries({"output_size": size2(1, 6)})
zeropad_params = st.fixed_dictionaries({
    "padding": st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=4, max_size=4))})
bn_params = st.fixed_dictionaries({
    "eps": st.sampled_from([1e-5, 1e-3]), "momentum": st.sampled_from([0.1, 0.01]), "affine": st.booleans()})
lrn_params = st.fixed_dictionaries({"size": st.integers(1, 6), "alpha": st.sampled_from([1e-4, 1e-3]),
                                    "beta": st.sampled_from([0.75, 0.5]), "k": st.sampled_from([1.0, 2.0])})
dropout_params = st.fixed_dictionaries({"p": st.sampled_from([0.0, 0.1, 0.5, 1.0])})
linear_params = st.fixed_dictionaries({
    "out_features": st.integers(1, 12),
    "in_features": st.one_of(st.none(), st.integers(1, 20)),
    "bias": st.booleans(),
})
empty = st.just({})

# type id -> strategy of (params, [input shapes])
CASES = {
    "Conv2d": st.tuples(conv_params, st.tuples(image)),
    "ZeroPad2d": st.tuples(zeropad_params, st.tuples(image)),
    "MaxPool2d": st.tuples(maxpool_params, st.tuples(image)),
    "AvgPool2d": st.tuples(avgpool_params, st.tuples(image)),
    "AdaptiveAvgPool2d": st.tuples(adaptive_params, st.tuples(image)),
    "AdaptiveMaxPool2d": st.tuples(adaptive_params, st.tuples(image)),
    "BatchNorm": st.tuples(bn_params, st.tuples(any_rank)),
    "LocalResponseNorm": st.tuples(lrn_params, st.tuples(any_rank)),
    "Dropout": st.tuples(dropout_params, st.tuples(any_rank)),
    "Dropout2d": st.tuples(dropout_params, st.tuples(image)),
    "ReLU": st.tuples(empty, st.tuples(any_rank)),
    "LeakyReLU": st.tuples(st.fixed_dictionaries({"negative_slope": st.sampled_from([0.01, 0.2, 0.0, 1.0])}),
                           st.tuples(any_rank)),
    "GELU": st.tuples(st.fixed_dictionaries({"approximate": st.sampled_from(["none", "tanh"])}),
                      st.tuples(any_rank)),
    "Sigmoid": st.tuples(empty, st.tuples(any_rank)),
    "Tanh": st.tuples(empty, st.tuples(any_rank)),
    "Softmax": st.tuples(empty, st.tuples(any_rank)),
    "Linear": st.tuples(linear_params, st.tuples(vector)),
    "Flatten": st.tuples(empty, st.tuples(any_rank)),
    "Identity": st.tuples(empty, st.tuples(any_rank)),
}


@st.composite
def merge_inputs(draw):
    """2-3 inputs: often equal shapes, sometimes differing in one dimension or in rank."""
    first = draw(any_rank)
    shapes = [first]
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["same", "same", "dim", "rank"]))
        if kind == "same":
            shapes.append(first)
        elif kind == "dim":
            i = draw(st.integers(0, len(first) - 1))
            s = list(first)
            s[i] = draw(st.integers(1, 10))
            shapes.append(tuple(s))
        else:
            shapes.append(draw(image if len(first) == 1 else vector))
    return {}, tuple(shapes)


CASES["Add"] = merge_inputs()
CASES["Concat"] = merge_inputs()


@st.composite
def gate_inputs(draw):
    """Multiply: equal shapes, a C×1×1 gate (either order), or shapes that do not broadcast."""
    x = draw(image)
    kind = draw(st.sampled_from(["same", "gate", "gate_first", "other"]))
    if kind == "same":
        return {}, (x, x)
    if kind == "other":
        return {}, (x, draw(any_rank))
    gate = (x[0], 1, 1)
    return {}, ((gate, x) if kind == "gate_first" else (x, gate))


channels_last = st.tuples(small, small, chan)  # H×W×C after a channels-last Permute
CASES.update({
    "ReLU6": st.tuples(empty, st.tuples(any_rank)),
    "SiLU": st.tuples(empty, st.tuples(any_rank)),
    "Hardswish": st.tuples(empty, st.tuples(any_rank)),
    "Hardsigmoid": st.tuples(empty, st.tuples(any_rank)),
    "Multiply": gate_inputs(),
    "ChannelShuffle": st.tuples(st.fixed_dictionaries({"groups": st.integers(1, 4)}), st.tuples(image)),
    "ChannelChunk": st.tuples(st.fixed_dictionaries({"chunks": st.integers(1, 4), "index": st.integers(0, 4)}),
                              st.tuples(any_rank)),
    "GlobalMean": st.tuples(st.fixed_dictionaries({"keepdim": st.booleans()}), st.tuples(image)),
    "LayerNorm2d": st.tuples(st.fixed_dictionaries({"eps": st.sampled_from([1e-6, 1e-5])}), st.tuples(image)),
    "LayerNorm": st.tuples(st.fixed_dictionaries({"eps": st.sampled_from([1e-6, 1e-5])}),
                           st.tuples(st.one_of(any_rank, channels_last))),
    "Permute": st.tuples(st.fixed_dictionaries({"order": st.sampled_from(["channels_last", "channels_first"])}),
                         st.tuples(image)),
    "LinearLast": st.tuples(st.fixed_dictionaries({"out_features": st.integers(1, 12), "bias": st.booleans()}),
                            st.tuples(st.one_of(vector, channels_last))),
    "LayerScale": st.tuples(st.fixed_dictionaries({"init": st.sampled_from([1e-6, 0.5, 1.0])}), st.tuples(image)),
    "StochasticDepth": st.tuples(st.fixed_dictionaries({"p": st.sampled_from([0.0, 0.2, 1.0]),
                                                        "mode": st.sampled_from(["row", "batch"])}),
                                 st.tuples(any_rank)),
})


class _LayerScale(nn.Module):
    """What the compiler does with a LayerScale node: a C×1×1 parameter times the input."""

    def __init__(self, channels, init):
        super().__init__()
        self.layer_scale = nn.Parameter(torch.full((channels, 1, 1), float(init)))

    def forward(self, x):
        return self.layer_scale * x


def event(text: str) -> None:
    """Count outcomes in hypothesis statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        _event(text)


# ---------------------------------------------------------------------------- torch side
def torch_raw(type_id, params, in_shapes):
    """The torch layer for *raw* (possibly refused) parameters: what torch says about them."""
    t = lambda v: tuple(v) if isinstance(v, list) else v  # noqa: E731
    p = {k: t(v) for k, v in params.items()}
    if type_id == "Conv2d":
        return nn.Conv2d(in_shapes[0][0], **p)
    if type_id in ("MaxPool2d", "AvgPool2d"):
        return getattr(nn, type_id)(**p)
    if type_id == "Linear":
        return nn.Linear(p["in_features"] or in_shapes[0][0], p["out_features"], bias=p["bias"])
    if type_id == "ChannelChunk":
        return module_class("ChannelChunk")(**p)
    raise AssertionError(f"no raw torch mapping for {type_id}: add one")


def torch_from_spec(type_id, norm, in_shapes):
    spec = get_spec(type_id)
    if type_id == "Add":
        return lambda *xs: sum(xs[1:], xs[0])
    if type_id == "Concat":
        return lambda *xs: torch.cat(xs, dim=1)
    if type_id == "Multiply":
        return lambda a, b: a * b
    if type_id == "Input":
        return lambda: torch.zeros(N, *in_shapes)
    cls, kwargs = spec.torch_module(norm, in_shapes)
    if type_id == "LayerScale":
        return _LayerScale(**kwargs)
    return module_class(cls)(**kwargs)


def torch_refuses(build, in_shapes) -> bool:
    """True if building the layer or running it on inputs of ``in_shapes`` raises."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = build()
            if isinstance(m, nn.Module):
                m.eval()
            with torch.no_grad():
                m(*[torch.randn(N, *s) for s in in_shapes])
    except (RuntimeError, ValueError, TypeError, IndexError):
        return True
    return False


def run_torch(m, in_shapes):
    if isinstance(m, nn.Module):
        m.eval()
    xs = [torch.randn(N, *s) for s in in_shapes]
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        flops = FlopCounterMode(display=False)
        with flops:
            y = m(*xs)
    return y, flops.get_total_flops()


def check_layer(type_id, params, in_shapes):
    spec = get_spec(type_id)
    in_shapes = [tuple(s) for s in in_shapes]
    try:
        norm = spec.normalize(params)
    except ParamError as exc:
        event("refused by normalize")
        assert torch_refuses(lambda: torch_raw(type_id, params, in_shapes), in_shapes), (
            f"{type_id} {params} on {in_shapes}: we refuse ({exc}) but torch accepts")
        return
    try:
        out = spec.infer(norm, in_shapes, who=type_id)
    except ShapeError as exc:
        event("refused by infer")
        if type_id == "Linear":
            build = lambda: torch_raw(type_id, norm, in_shapes)  # noqa: E731
        elif type_id == "Add":  # torch broadcasts; we insist on equal shapes (a design choice)
            assert len(set(in_shapes)) > 1, exc
            return
        elif type_id == "Multiply" and len({len(s) for s in in_shapes}) > 1:
            return  # torch aligns ranks from the right, batch included; we refuse (a design choice)
        else:
            build = lambda: torch_from_spec(type_id, norm, in_shapes)  # noqa: E731
        assert torch_refuses(build, in_shapes), (
            f"{type_id} {norm} on {in_shapes}: we say '{exc}' but torch accepts")
        assert str(exc)
        return
    event("accepted")
    m = torch_from_spec(type_id, norm, in_shapes)
    try:
        y, flops = run_torch(m, in_shapes)
    except Exception as exc:  # pragma: no cover - the failure message is the point
        raise AssertionError(f"{type_id} {norm} on {in_shapes}: we infer {out} but torch raises {exc}") from exc
    assert tuple(y.shape) == (N, *out), f"{type_id} {norm} on {in_shapes}: ours {out}, torch {tuple(y.shape)[1:]}"
    costs = spec.costs(norm, in_shapes, out)
    if isinstance(m, nn.Module):
        trainable = sum(p.numel() for p in m.parameters() if p.requires_grad)
        buffers = sum(b.numel() for b in m.buffers())
        assert costs.params == trainable, f"{type_id} {norm} on {in_shapes}: params {costs.params} vs {trainable}"
        assert costs.buffers == buffers, f"{type_id} {norm} on {in_shapes}: buffers {costs.buffers} vs {buffers}"
    if type_id in ("Conv2d", "Linear", "LinearLast"):
        assert 2 * costs.macs * N == flops, f"{type_id} {norm} on {in_shapes}: MACs {costs.macs} vs flops/2 {flops}"
    text = spec.explain(norm, in_shapes, out)
    assert isinstance(text, str) and text


def test_every_catalogue_type_is_covered():
    assert {s.id for s in all_specs()} == set(CASES) | {"Input"}


@pytest.mark.parametrize("type_id", sorted(CASES))
@SETTINGS
@given(data=st.data())
def test_layer_agrees_with_torch(type_id, data):
    params, shapes = data.draw(CASES[type_id], label="params, input shapes")
    check_layer(type_id, params, shapes)


@pytest.mark.parametrize("shape", [(1, 1, 1), (3, 32, 32), (4, 7, 5)])
def test_input_shape(shape):
    spec = get_spec("Input")
    p = spec.normalize({"channels": shape[0], "height": shape[1], "width": shape[2]})
    assert spec.infer(p, []) == shape


# Corner cases found while comparing with torch, kept as plain examples.
@pytest.mark.parametrize("type_id,params,shape", [
    ("MaxPool2d", {"kernel_size": 3, "stride": 2, "ceil_mode": True}, (1, 2, 2)),
    ("MaxPool2d", {"kernel_size": 2, "stride": 2, "ceil_mode": True}, (1, 5, 5)),
    ("MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, (1, 4, 4)),
    ("MaxPool2d", {"kernel_size": 2, "dilation": 2, "ceil_mode": True, "stride": 3}, (1, 3, 3)),
    ("AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True,
                   "count_include_pad": False}, (2, 6, 6)),
    ("AvgPool2d", {"kernel_size": 4, "padding": 2}, (1, 1, 1)),
    ("Conv2d", {"out_channels": 4, "kernel_size": 4, "padding": "same", "dilation": 2}, (2, 5, 5)),
    ("Conv2d", {"out_channels": 4, "kernel_size": [2, 4], "padding": "same"}, (2, 1, 1)),
    ("Conv2d", {"out_channels": 6, "kernel_size": 3, "groups": 3}, (4, 5, 5)),
    ("Conv2d", {"out_channels": 4, "kernel_size": 3, "stride": 2, "padding": "same"}, (2, 5, 5)),
    ("ZeroPad2d", {"padding": [1, 2, 0, 3]}, (1, 2, 2)),
    ("ZeroPad2d", {"padding": [2, 2, 2, 2]}, (1, 2, 2)),
    ("Linear", {"out_features": 3, "in_features": 5}, (4,)),
    ("BatchNorm", {"affine": False}, (3,)),
    ("Concat", {}, None),
])
def test_corner_cases(type_id, params, shape):
    if type_id == "Concat":
        check_layer("Concat", {}, [(2, 3, 3), (2, 3, 4)])
        check_layer("Concat", {}, [(2,), (5,)])
        return
    check_layer(type_id, params, [shape])


@pytest.mark.parametrize("type_id,torch_also_refuses", [
    ("Conv2d", True), ("MaxPool2d", True), ("AvgPool2d", True), ("AdaptiveMaxPool2d", True),
    ("LocalResponseNorm", True),
    # torch pads / drops / averages a (N, F) tensor without complaint (AdaptiveAvgPool2d(1) even
    # returns a 1×1 mean of the whole batch), which is not what the layer means on an image:
    # we refuse (a documented design choice, see docs/layers.md)
    ("ZeroPad2d", False), ("Dropout2d", False), ("AdaptiveAvgPool2d", False),
])
def test_image_layers_refuse_vectors(type_id, torch_also_refuses):
    spec = get_spec(type_id)
    norm = spec.normalize({})
    with pytest.raises(ShapeError, match="needs an image .* vector of 12 features; place it before the Flatten"):
        spec.infer(norm, [(12,)], who=type_id)
    if torch_also_refuses:
        fake = [(12, 1, 1)]  # the module is built for 12 channels, then given a (N, 12) tensor
        assert torch_refuses(lambda: torch_from_spec(type_id, norm, fake), [(12,)])


def test_linear_refuses_images_and_offers_flatten():
    spec = get_spec("Linear")
    with pytest.raises(ShapeError, match="insert Flatten before it") as exc:
        spec.infer(spec.normalize({}), [(4, 3, 3)], who="Linear 'fc'")
    assert exc.value.fix.layer_type == "Flatten"
