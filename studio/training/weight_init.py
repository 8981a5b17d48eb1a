"""Weight initialisation schemes an experiment may ask for (the default is PyTorch's own)."""
from __future__ import annotations

from studio.core.errors import StudioError

SCHEMES = ("kaiming", "xavier", "normal")


def init_weights(model, scheme: str | None) -> None:
    """He (``kaiming``: for ReLU), Glorot (``xavier``: for tanh/sigmoid) or AlexNet's N(0, 0.01)
    (``normal``: the same small Gaussian for every layer) weights and zero biases for every
    convolution and linear layer of ``model``."""
    if not scheme:
        return
    if scheme not in SCHEMES:
        raise StudioError(f"unknown weight initialisation {scheme!r}: use one of {', '.join(SCHEMES)}")
    import torch
    from torch import nn

    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                if scheme == "kaiming":
                    nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                elif scheme == "normal":
                    nn.init.normal_(m.weight, 0.0, 0.01)
                else:
                    nn.init.xavier_normal_(m.weight, gain=nn.init.calculate_gain("tanh"))
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
