"""studio.training.explain_layers against real torch layers: one output pixel worked out by hand
equals the layer's output, for padding, stride, dilation, groups, ceil_mode, count_include_pad,
adaptive windows, batch norm in eval mode and the activations; the softmax breakdown against
torch for huge logits too."""
from __future__ import annotations

import math
import random

import pytest
import torch
from torch import nn

from studio.training.explain import output_breakdown
from studio.training.explain_layers import explain_module


def layers(seed: int):
    r = random.Random(seed)
    c = r.choice([2, 4])
    yield nn.Conv2d(c, 4, r.randint(1, 4), stride=r.randint(1, 3), padding=r.randint(0, 2),
                    dilation=r.randint(1, 2), groups=r.choice([1, 2]), bias=r.random() < 0.7)
    yield nn.Conv2d(c, 2, 3, padding="same", dilation=r.randint(1, 2))
    yield nn.Conv2d(c, 2, 4, padding="same")  # even kernel: PyTorch puts the extra zero right/bottom
    k = r.randint(2, 4)
    yield nn.MaxPool2d(k, stride=r.randint(1, 3), padding=r.randint(0, k // 2), dilation=r.randint(1, 2),
                       ceil_mode=r.random() < 0.5)
    yield nn.AvgPool2d(k, stride=r.randint(1, 3), padding=r.randint(0, k // 2), ceil_mode=r.random() < 0.5,
                       count_include_pad=r.random() < 0.5)
    yield nn.AdaptiveAvgPool2d((r.randint(1, 5), r.randint(1, 5)))
    yield nn.AdaptiveMaxPool2d(r.randint(1, 5))
    bn = nn.BatchNorm2d(c)
    bn.running_mean.uniform_(-1, 1)
    bn.running_var.uniform_(0.5, 2)
    nn.init.uniform_(bn.weight, 0.5, 1.5)
    nn.init.uniform_(bn.bias, -1, 1)
    yield bn
    yield from (nn.ReLU(), nn.LeakyReLU(0.1), nn.Sigmoid(), nn.Tanh(), nn.GELU(), nn.GELU(approximate="tanh"))


@pytest.mark.parametrize("seed", range(8))
def test_every_pixel_by_hand_equals_torch(seed):
    torch.manual_seed(seed)
    x = torch.randn(1, 4, 11, 9)
    for mod in layers(seed):
        mod.eval()
        xin = x[:, : getattr(mod, "in_channels", None) or (mod.num_features if hasattr(mod, "num_features") else 4)]
        with torch.no_grad():
            out = mod(xin)[0]
        fn = explain_module(mod)
        assert fn is not None, type(mod).__name__
        C, H, W = out.shape
        for c, y, xx in {(0, 0, 0), (C - 1, H - 1, W - 1), (C // 2, H // 2, W // 2)}:
            d = fn(mod, xin[0].double().numpy(), (c, y, xx))
            assert abs(d["recomputed"] - out[c, y, xx].item()) <= 1e-5, (mod, (c, y, xx), d["recomputed"])


def test_conv_patch_marks_padding_as_zeros():
    mod = nn.Conv2d(1, 1, 3, padding=1)
    x = torch.arange(16.0).reshape(1, 1, 4, 4)
    d = explain_module(mod)(mod, x[0].double().numpy(), (0, 0, 0))
    assert d["padding_mask"][0] == [True, True, True] and d["padding_mask"][1] == [True, False, False]
    assert d["patch"][0][0] == [0.0, 0.0, 0.0] and d["patch"][0][1][1:] == [0.0, 1.0]
    assert d["window"]["top"] == -1 and d["window"]["left"] == -1


def test_max_pool_padding_never_wins():
    mod = nn.MaxPool2d(3, stride=1, padding=1)
    x = -torch.ones(1, 1, 3, 3)  # all negative: a zero from padding would win if padding were zeros
    d = explain_module(mod)(mod, x[0].double().numpy(), (0, 0, 0))
    assert d["recomputed"] == -1.0 and d["patch"][0][0] == [None, None, None]


@pytest.mark.parametrize("scale", [1.0, 50.0, 1000.0])
def test_breakdown_matches_torch_even_for_huge_logits(scale):
    torch.manual_seed(0)
    z = torch.randn(7, dtype=torch.float64) * scale
    d = output_breakdown(z.tolist(), list("abcdefg"), label=2, top_k=3)
    assert max(abs(a - b) for a, b in zip(d["probabilities"], torch.softmax(z, 0).tolist())) < 1e-12
    ce = torch.nn.functional.cross_entropy(z[None], torch.tensor([2])).item()
    assert abs(d["cross_entropy"] - ce) <= 1e-9 * max(1.0, ce)
    assert all(math.isfinite(v) for v in d["exp"]) and d["one_hot"] == [0, 0, 1, 0, 0, 0, 0]
    assert len(d["top_k"]) == 3 and d["label_name"] == "c"
