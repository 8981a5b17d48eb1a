"""The Inference and Evaluate views in Chinese (issue #23), on a really trained LeNet-5: the
committed catalogue is installed, and the views then show Chinese text with the numbers
of the model filled into the translated templates (the cross-entropy shown is −log p of the shown
probability, the pixel's value is the model's), while formulas and layer names stay as they are."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

ROOT = Path(__file__).resolve().parents[2]
DIGIT_3 = ROOT / "resources" / "samples" / "digit_3.png"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: English words a Chinese view may still show: formulas, function and layer type names, ids
KEEP = {"softmax", "logit", "logits", "log", "ReLU", "Conv2d", "MaxPool2d", "Linear", "Flatten", "Grad", "CAM",
        "input", "Input", "png", "best", "tmp", "pytest", "lenet", "Top"}


@pytest.fixture
def chinese(qtbot, zh):
    """Chinese for one test (the shared fixture of tests/conftest.py)."""
    yield


@pytest.fixture
def view(qtbot, chinese, lenet_run):
    from studio.gui.training.inference import InferenceView

    v = InferenceView()
    qtbot.addWidget(v)
    v.resize(1366, 700)
    v.show()
    qtbot.waitExposed(v)
    assert v.set_checkpoint(lenet_run / "best.pt")
    assert v.set_image(DIGIT_3)
    return v


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&gt;", ">").replace("&lt;", "<").replace("&nbsp;", " ")


def english_left(root) -> list[str]:
    """Visible texts (labels, buttons, tab titles) with an English word but no Chinese."""
    texts = [w.text() for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton) if w.isVisible()]
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    out = []
    for t in texts:
        words = {w for w in re.findall(r"[A-Za-z]{3,}", _plain(t))} - KEEP
        if words and not CJK.search(t) and not re.fullmatch(r"[\w./-]+", t.strip()):
            out.append(t)
    return out


def test_inference_views_speak_chinese_with_the_models_numbers(qtbot, view):
    tabs = [view.details.tabText(i) for i in range(view.details.count())]
    assert tabs[:3] == ["特征图（点击像素）", "输出与损失", "总览（每一层）"]
    assert CJK.search(view.open_image_button.text()) and view.open_image_button.text().endswith("…")

    out = view.output_view
    out.set_label(3)
    p3 = out.shown_numbers()["3"][0]
    assert out.title.text().startswith("<b>输出与损失</b>：网络的 10 个分数（logits）z")
    assert "p_i = e^(z_i) / Σ_j e^(z_j)" in out.title.text()  # the formula stays
    ce = float(re.search(r"<b>([\d.]+)</b>", out.ce_label.text()).group(1))
    assert out.ce_label.text().startswith("交叉熵 = −Σ y_i·log p_i")
    assert ce == pytest.approx(-math.log(p3), abs=2e-6)
    assert "独热编码" in out.note.text() and "概率" in out.table.horizontalHeaderItem(4).text()

    fm = view.feature_maps
    d = fm.pixel.show_pixel(0, 10, 10)
    assert fm.pixel.header.text().startswith("<b>conv1</b>（Conv2d），特征图 0，第 10 行，第 10 列：值 ")
    assert f"<b>{d['value']:.6f}</b>" in fm.pixel.header.text()
    assert "等于特征图中的值" in fm.pixel.equation.text() and "偏置" in fm.pixel.equation.text()
    assert "卷积核" in fm.pixel.numbers.text() and "局部块（灰色：填充）" in fm.pixel.numbers.text()

    ov = view.show_explain("overview")
    qtbot.waitUntil(lambda: bool(ov.layers), timeout=10000)
    i = ov.index_of("conv2")
    ov.select_map(i, 3, 4, 4)
    assert ov.kernel_title.text().startswith("<b>conv2 的卷积核 3</b>：6 个 5×5 的切片")
    assert "蓝 &lt; 0" in ov.kernel_title.text()  # shown as "< 0", not taken for a tag
    assert "对 6 个输入特征图求和" in ov.arith.text()

    for name in ("feature-maps", "output", "overview"):
        view.show_explain(name)
        qtbot.wait(1)
        assert english_left(view) == [], name


def test_evaluate_speaks_chinese(qtbot, chinese, lenet_run):
    from studio.gui.training.evaluate_view import EvaluateView, run_evaluation

    ev = EvaluateView()
    qtbot.addWidget(ev)
    ev.resize(1366, 600)
    ev.show()
    qtbot.waitExposed(ev)
    ev.set_checkpoint(lenet_run / "best.pt")
    data = run_evaluation(lenet_run / "best.pt")
    ev.show_result(data)
    n = len(data["labels"])
    assert re.match(rf"验证集：{n} 张图像 · 准确率 <b>[\d.]+%</b> · 分错 \d+ 张$", ev.summary.text())
    heads = [ev.per_class.horizontalHeaderItem(j).text() for j in range(4)]  # words other views share too
    assert all(CJK.search(h) for h in heads) and heads[1:3] == ["精确率", "召回率"]
    assert ev.show_worst_mistake()
    assert re.match(r"\d+ 张真实类别为 \d 的图像被错分为 \d$", ev.cell_label.text())
    assert english_left(ev) == []
