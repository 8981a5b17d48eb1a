"""The numbers quoted by the concepts (studio/core/concepts.py), computed here rather than typed,
so that a text such as "softmax([1, 0, 0, 0]) = [0.475, 0.175, 0.175, 0.175]" is checked by the
code that prints it. Pure Python: no torch, no Qt."""
from __future__ import annotations

import math


def softmax(z) -> list[float]:
    """p_i = e^(z_i) / Σ_j e^(z_j), shifted by max(z) so that e^z stays finite."""
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return [v / s for v in e]


def conv_out(i: int, k: int, p: int = 0, s: int = 1) -> int:
    """The student's form O = floor((I − K + 2P)/S) + 1."""
    return (i - k + 2 * p) // s + 1


def conv_params(k: int, c_in: int, c_out: int, bias: bool = True) -> int:
    return k * k * c_in * c_out + (c_out if bias else 0)


def linear_params(n_in: int, n_out: int) -> int:
    return n_in * n_out + n_out


def adaptive_windows(size_in: int, size_out: int) -> list[tuple[int, int]]:
    """PyTorch's adaptive pooling windows [start, end) along one axis:
    start = floor(i·I/O), end = ceil((i + 1)·I/O)."""
    return [((i * size_in) // size_out, -((-(i + 1) * size_in) // size_out)) for i in range(size_out)]


def stacked_receptive(k: int, n: int) -> int:
    """The field n stacked k×k convolutions (stride 1) see: 1 + n·(k − 1)."""
    return 1 + n * (k - 1)


def lenet5_params() -> dict[str, int]:
    """LeNet-5 as the studio builds it (32×32×1 input, 10 classes), layer by layer."""
    return {"conv1": conv_params(5, 1, 6), "conv2": conv_params(5, 6, 16),
            "fc1": linear_params(16 * 5 * 5, 120), "fc2": linear_params(120, 84), "fc3": linear_params(84, 10)}


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_list(values, digits: int = 3) -> str:
    return "[" + ", ".join(f"{v:.{digits}f}" for v in values) + "]"


def sigmoid_slope_max() -> float:
    """σ'(x) = σ(x)(1 − σ(x)) is largest at x = 0: 0.25."""
    s = 1 / (1 + math.exp(0))
    return s * (1 - s)


def grey_of_zero(mean: float, std: float) -> int:
    """The 0–255 grey level a normalised value of 0 stands for: (0·std + mean)·255."""
    return round((0 * std + mean) * 255)


IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
