import pytest

from studio.core.errors import StudioError
from studio.training.settings import TrainSettings


def test_defaults_round_trip():
    s = TrainSettings()
    assert (s.optimizer, s.batch_size, s.epochs, s.scheduler) == ("adam", 64, 10, "onecycle")
    assert TrainSettings.from_dict(s.to_dict()) == s
    assert TrainSettings.from_dict(None) == s
    assert TrainSettings.from_dict({}) == s


def test_from_dict_converts_and_ignores_unknown_keys():
    s = TrainSettings.from_dict({"lr": 1, "optimizer": " SGD ", "future_option": 3, "nesterov": True})
    assert s.lr == 1.0 and isinstance(s.lr, float)
    assert s.optimizer == "sgd" and s.nesterov


@pytest.mark.parametrize("bad, words", [
    ({"optimizer": "rmsprop"}, ["optimizer", "sgd, adam, adamw"]),
    ({"lr": -1.0}, ["lr", "above 0"]),
    ({"lr": "fast"}, ["lr", "number"]),
    ({"epochs": 0}, ["epochs", "at least 1"]),
    ({"batch_size": 2.5}, ["batch_size", "whole number"]),
    ({"scheduler": "linear"}, ["scheduler", "cosine"]),
    ({"device": "tpu"}, ["device", "cuda"]),
    ({"amp": "yes"}, ["amp", "true or false"]),
    ({"label_smoothing": 1.5}, ["label_smoothing"]),
    ({"nesterov": True, "momentum": 0.0}, ["nesterov", "momentum"]),
])
def test_bad_values_are_named(bad, words):
    with pytest.raises(StudioError) as err:
        TrainSettings.from_dict(bad)
    for w in words:
        assert w in str(err.value)


def test_not_a_dict():
    with pytest.raises(StudioError, match="training settings"):
        TrainSettings.from_dict([1, 2])


def test_replace_keeps_unset_values():
    s = TrainSettings(lr=0.01).replace(epochs=3, lr=None)
    assert s.epochs == 3 and s.lr == 0.01
