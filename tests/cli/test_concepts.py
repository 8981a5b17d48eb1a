"""`cnn-studio concepts`: every concept of the course notes, each with its Chinese term and a place
in the studio; the numbers of the texts agree with torch."""
from __future__ import annotations

import json
import math

import pytest

from studio.cli import main

REQUIRED = ("one-hot", "softmax", "cross-entropy", "linear", "flatten", "conv-output-size", "conv-parameters",
            "zero-padding", "stride", "pooling", "adaptive-pooling", "feature-map", "receptive-field",
            "data-split", "gradient-descent", "backprop", "vanishing-gradients", "exploding-gradients", "relu",
            "dropout", "batchnorm", "residual", "small-kernels", "lenet", "alexnet", "zfnet", "vgg", "resnet")
#: the Chinese terms of the course's vocabulary
ZH = {"one-hot": "独热编码", "cross-entropy": "交叉熵", "linear": "全连接层", "flatten": "展平",
      "convolution": "卷积层", "stride": "步幅", "pooling": "池化层", "adaptive-pooling": "自适应池化",
      "feature-map": "特征图", "receptive-field": "感受野", "gradient-descent": "梯度下降", "backprop": "反向传播",
      "vanishing-gradients": "梯度消失", "exploding-gradients": "梯度爆炸", "batchnorm": "批归一化",
      "residual": "残差连接"}


@pytest.fixture(scope="module")
def listed():
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["concepts", "--json"]) == 0
    return {c["id"]: c for c in json.loads(buf.getvalue())}


def test_every_concept_of_the_notes_has_a_chinese_term_a_text_and_a_place(listed):
    from studio.gui.dialogs.concept_links import PLACES

    missing = [cid for cid in REQUIRED if cid not in listed]
    assert not missing, missing
    for cid, c in listed.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in c["zh"]), (cid, c["zh"])
        assert len(c["text"]) > 60 and c["title"], cid
        assert c["shows"].partition(":")[0] in PLACES, (cid, c["shows"])
    for cid, term in ZH.items():
        assert term in listed[cid]["zh"], (cid, listed[cid]["zh"])
    assert len(listed) >= 16 + 12


def test_the_misconceptions_of_the_notes_are_corrected_with_torch_numbers(listed):
    import torch

    p = torch.softmax(torch.tensor([1.0, 0, 0, 0], dtype=torch.float64), dim=-1)
    shown = "[" + ", ".join(f"{v:.3f}" for v in p.tolist()) + "]"
    assert shown == "[0.475, 0.175, 0.175, 0.175]"
    assert shown in listed["one-hot"]["misconception"] and shown in listed["softmax"]["misconception"]
    pool = torch.nn.MaxPool2d(7)
    x = torch.zeros(1, 1, 7, 7)
    x[0, 0, 6, 6] = 1.0  # the max sits in the 49th value of the window, not among the first 7
    assert pool(x).item() == 1.0
    assert "7×7 window, 49 values" in listed["pooling"]["misconception"]
    assert "LRN" in listed["batchnorm"]["misconception"] and "2015" in listed["batchnorm"]["misconception"]
    assert "SAVE" in listed["small-kernels"]["misconception"]
    two3 = 2 * sum(q.numel() for q in torch.nn.Conv2d(64, 64, 3, bias=False).parameters())
    one5 = sum(q.numel() for q in torch.nn.Conv2d(64, 64, 5, bias=False).parameters())
    assert f"{two3:,} weights instead of {one5:,}" in listed["small-kernels"]["text"]
    conv = torch.nn.Conv2d(3, 64, 3)
    assert (conv.in_channels, conv.out_channels, conv.kernel_size) == (3, 64, (3, 3))
    assert "in_channels, out_channels and kernel_size" in listed["conv2d-arguments"]["misconception"]
    assert "mean colour, not black" in listed["zero-padding"]["misconception"]
    lenet = sum(q.numel() for q in torch.nn.Conv2d(6, 16, 5).parameters())
    assert f"{lenet:,}" in listed["conv-parameters"]["text"]
    assert f"{math.log(10):.2f}" in listed["cross-entropy"]["text"]
    pool = torch.nn.AdaptiveAvgPool2d(6)
    x = torch.arange(13.0).reshape(1, 1, 1, 13).expand(1, 1, 13, 13)
    means = pool(x)[0, 0, 0].tolist()  # window a..b of 0..12 has mean (a + b) / 2
    windows = [tuple(int(v) for v in w.split("–")) for w in
               listed["adaptive-pooling"]["text"].split("rows are ")[1].split(":")[0].split(", ")]
    assert [(a + b) / 2 for a, b in windows] == pytest.approx(means)


def test_text_output_in_chinese_first_and_a_bad_id(capsys):
    assert main(["concepts", "pooling", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("池化层") and "49" in out and "maxpooling(7)" in out
    assert main(["concepts", "softmx"]) == 2
    err = capsys.readouterr().err
    assert "unknown concept 'softmx'" in err and "'softmax'" in err
