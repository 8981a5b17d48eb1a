"""Layers that ``torch.nn`` does not have, as small modules.

The compiled network uses these classes and the code generator copies their source into
``model.py`` (only the ones a network uses), so an export still needs only torch. Each keeps
torchvision's ``state_dict`` names (``LayerNorm2d`` is an ``nn.LayerNorm``: ``weight``,
``bias``). Layer specs name them by class name; :func:`module_class` resolves a name to
``torch.nn.<name>`` first, then to a class here.
"""
from __future__ import annotations

import torch
from torch import nn

from .names import CUSTOM_CLASSES


class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels of each pixel of an N×C×H×W tensor (ConvNeXt's eps 1e-6)."""

    def __init__(self, normalized_shape, eps=1e-6, **kwargs):
        super().__init__(normalized_shape, eps=eps, **kwargs)

    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = super().forward(x)
        return x.permute(0, 3, 1, 2)


class Permute(nn.Module):
    """Reorders the dimensions (e.g. N×C×H×W to channels-last N×H×W×C)."""

    def __init__(self, dims):
        super().__init__()
        self.dims = list(dims)

    def forward(self, x):
        return torch.permute(x, self.dims)


class GlobalMean(nn.Module):
    """The mean over height and width: N×C×H×W to N×C (N×C×1×1 with keepdim)."""

    def __init__(self, keepdim=False):
        super().__init__()
        self.keepdim = keepdim

    def forward(self, x):
        return x.mean((2, 3), keepdim=self.keepdim)


class ChannelChunk(nn.Module):
    """One of ``chunks`` equal slices of the channels (``x.chunk(chunks, dim=1)[index]``)."""

    def __init__(self, chunks, index):
        super().__init__()
        self.chunks = chunks
        self.index = index

    def forward(self, x):
        return x.chunk(self.chunks, dim=1)[self.index]


class StochasticDepth(nn.Module):
    """While training, drops the whole residual branch with probability p (per sample in
    'row' mode, for the batch in 'batch' mode) and scales the rest by 1/(1−p); identity at
    eval."""

    def __init__(self, p, mode="row"):
        super().__init__()
        self.p = p
        self.mode = mode

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        survival = 1.0 - self.p
        size = [x.shape[0]] + [1] * (x.ndim - 1) if self.mode == "row" else [1] * x.ndim
        noise = torch.empty(size, dtype=x.dtype, device=x.device).bernoulli_(survival)
        if survival > 0.0:
            noise.div_(survival)
        return x * noise


CUSTOM = {c.__name__: c for c in (LayerNorm2d, Permute, GlobalMean, ChannelChunk, StochasticDepth)}
assert tuple(CUSTOM) == CUSTOM_CLASSES


def module_class(name: str) -> type:
    """The torch class a layer spec names: ``torch.nn.<name>`` or one of the classes above."""
    cls = getattr(nn, name, None)
    if isinstance(cls, type) and issubclass(cls, nn.Module):
        return cls
    return CUSTOM[name]

