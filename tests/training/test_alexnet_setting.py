"""AlexNet's preprocessing and initialisation, as the relu-vs-tanh-alexnet experiment uses them:
``dataset.normalize = "mean"`` (the mean subtracted, pixels kept on the 0–255 scale) and the
``normal`` initialisation (N(0, 0.01) weights, zero biases)."""
from __future__ import annotations

import pytest
import torch

from studio.training.data import DataError, DataSettings, load_data
from studio.training.weight_init import init_weights


def test_mean_only_normalisation_keeps_the_pixel_scale():
    std = load_data({"source": "digits"}, (1, 16, 16))
    raw = load_data({"source": "digits", "normalize": "mean"}, (1, 16, 16))
    assert raw.std == (pytest.approx(1 / 255),) and raw.mean == pytest.approx(std.mean)
    x, xs = raw.train.X, std.train.X
    # the same images: 255·(x − mean) instead of (x − mean) / std
    assert torch.allclose(x, xs * std.std[0] * 255, atol=1e-3)
    assert abs(float(x.mean())) < 1.0 and float(x.std()) > 40 and float(x.max()) <= 255
    # written into the project only when it is not the default; read back
    d = DataSettings.from_dict({"source": "digits", "normalize": "mean"})
    assert d.to_dict()["normalize"] == "mean" and DataSettings.from_dict(d.to_dict()).normalize == "mean"
    assert "normalize" not in DataSettings().to_dict()
    with pytest.raises(DataError) as err:
        DataSettings.from_dict({"normalize": "minmax"})
    assert err.value.field == "dataset.normalize" and "std, mean" in str(err.value)


def test_alexnet_initialisation_is_a_small_gaussian():
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Conv2d(3, 64, 5), torch.nn.Tanh(), torch.nn.Flatten(), torch.nn.Linear(64, 100))
    init_weights(m, "normal")
    for layer in (m[0], m[3]):
        assert float(layer.weight.detach().std()) == pytest.approx(0.01, rel=0.1)
        assert float(layer.bias.detach().abs().max()) == 0.0
