"""studio.training.transfer on real modules: weights by key and shape, freezing, multipliers."""
import pytest
import torch
from torch import nn

from studio import templates
from studio.training import transfer
from studio.training.checkpoint import build_model
from studio.training.settings import TrainSettings


def lenet(classes=10):
    torch.manual_seed(classes)
    return build_model(templates.build_project("lenet5", num_classes=classes))


def test_weights_by_key_and_shape_with_a_report():
    src = lenet(10).state_dict()
    src["extra.weight"] = torch.ones(3)
    model = lenet(4)
    rep = transfer.apply_weights(model, src, "ten.pth")
    assert rep.loaded == 8 and rep.total == 10
    assert [r["key"] for r in rep.reinitialised] == ["fc3.weight", "fc3.bias"]
    assert rep.reinitialised[0]["was"] == "[10×84]" and rep.reinitialised[0]["now"] == "[4×84]"
    assert rep.reinitialised[0]["why"] == "the head now has 4 classes" and rep.head_reinitialised
    assert rep.unused == ["extra.weight"]
    sd = model.state_dict()
    for k in ("conv1.weight", "conv2.bias", "fc1.weight", "fc2.weight"):
        assert torch.equal(sd[k], src[k])
    assert "fc3.weight [10×84] → [4×84]: the head now has 4 classes" in rep.text()
    assert transfer.WeightsReport.from_dict(rep.to_dict()).to_dict() == rep.to_dict()


def test_a_file_that_matches_nothing_is_refused():
    with pytest.raises(transfer.WeightsError, match="matches nothing"):
        transfer.apply_weights(lenet(), {"conv1.weight": torch.zeros(2, 2)}, "odd.pth")


def test_freeze_by_prefix_keeps_batchnorm_in_eval_mode():
    model = nn.Sequential()
    model.add_module("stem", nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4)))
    model.add_module("head", nn.Sequential(nn.Flatten(), nn.LazyLinear(2)))
    model(torch.randn(2, 3, 8, 8))
    frozen = transfer.freeze(model, ["stem"])
    assert frozen == ["stem.0", "stem.1"]
    bn = model.stem[1]
    model.train()
    assert model.training and not bn.training  # model.train() does not wake a frozen BatchNorm
    before = bn.running_mean.clone()
    model(torch.randn(4, 3, 8, 8) * 5 + 3)
    assert torch.equal(bn.running_mean, before)
    assert all(not p.requires_grad for p in model.stem.parameters())
    assert all(p.requires_grad for p in model.head.parameters())
    assert transfer.count_params(model) == (sum(p.numel() for p in model.head.parameters()),
                                           sum(p.numel() for p in model.stem.parameters()))
    transfer.unfreeze(model, ["stem"])
    model.train()
    assert bn.training and all(p.requires_grad for p in model.parameters())
    with pytest.raises(transfer.WeightsError, match=r"'stemm' \(to freeze\) names no layer") as exc:
        transfer.freeze(model, ["stemm"])
    assert exc.value.field == "freeze"


def test_param_groups_only_trainable_and_multiplied():
    model = lenet()
    transfer.freeze(model, ["conv1"])
    groups = transfer.param_groups(model, 0.01, {"conv2": 0.1})
    ids = {id(p) for g in groups for p in g["params"]}
    assert id(model.conv1.weight) not in ids and id(model.conv2.weight) in ids
    by_lr = {round(g["lr"], 6): len(g["params"]) for g in groups}
    assert by_lr == {0.01: 6, 0.001: 2}
    with_frozen = transfer.param_groups(model, 0.01, include_frozen=True)
    assert sum(len(g["params"]) for g in with_frozen) == 10
    assert transfer.parse_lr_mult("layer1=0.1, fc=2") == {"layer1": 0.1, "fc": 2.0}
    for bad in ("layer1", "layer1=x", "=1"):
        with pytest.raises(transfer.WeightsError, match="NAME=FACTOR"):
            transfer.parse_lr_mult(bad)


def test_settings_keep_transfer_fields():
    st = TrainSettings.from_dict({"weights": "/Data/R18.pth", "freeze": "Conv1,layer1", "unfreeze_after": 2,
                                  "lr_mult": "layer1=0.1"})
    assert st.weights == "/Data/R18.pth" and st.freeze == "Conv1,layer1" and st.unfreeze_after == 2
    from studio.core.errors import StudioError
    with pytest.raises(StudioError, match="lr_mult"):
        TrainSettings.from_dict({"lr_mult": "layer1:0.1"})
    with pytest.raises(StudioError, match="unfreeze_after"):
        TrainSettings.from_dict({"unfreeze_after": -1})


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    import os
    fifo = tmp_path / "weights.pth"
    os.mkfifo(fifo)
    with pytest.raises(transfer.WeightsError, match="named pipe"):
        transfer.read_weights_file(fifo)


def test_safetensors_without_the_package_says_so(tmp_path):
    path = tmp_path / "w.safetensors"
    path.write_bytes(b"\0" * 16)
    try:
        import safetensors  # noqa: F401
    except ImportError:
        with pytest.raises(transfer.WeightsError, match="needs the 'safetensors' package"):
            transfer.read_weights_file(path)
    else:
        with pytest.raises(transfer.WeightsError, match="truncated or not a .safetensors file"):
            transfer.read_weights_file(path)
