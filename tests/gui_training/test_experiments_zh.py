"""The Experiments window in Chinese (zh_CN): the list, the description, the buttons and plots,
and the verdict of a finished experiment, recomputed from its folder in Chinese with the same
numbers, while verdict.json and report.md stay English; laid out at 1366×768 with nothing cut."""
from __future__ import annotations

import json

import pytest



@pytest.fixture
def chinese(qtbot, zh):
    """Chinese for one test (the shared fixture of tests/conftest.py)."""
    yield


def test_experiments_window_in_chinese(chinese, qtbot, tmp_path):
    from studio.cli import main
    from studio.gui.experiments.window import ExperimentWindow

    out = tmp_path / "vanishing"
    assert main(["experiment", "vanishing-gradients", "--epochs", "1", "--out", str(out)]) == 0
    english = json.loads((out / "verdict.json").read_text(encoding="utf-8"))
    report = (out / "report.md").read_text(encoding="utf-8")
    w = ExperimentWindow(out_root=tmp_path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.run_button.text() == "运行实验" and w.windowTitle() == "实验 — cnn-studio"
    w.select("vanishing-gradients")  # the list shows titles, and keeps the name
    item = w.list.currentItem()
    assert item.text() == "没有 BatchNorm 的深层网络中的梯度消失" and item.toolTip() == "vanishing-gradients"
    assert w.experiment.name == "vanishing-gradients"
    about = w.about.text()
    assert "<h3>没有 BatchNorm 的深层网络中的梯度消失</h3>" in about and "<b>论断：</b>" in about
    assert "ReLU + He 初始化，无 BN" in about and "<td>PyTorch 默认</td>" in about and "判定时机：" in about
    assert w.open_folder(out)
    text = w.verdict.text()
    verdict = "成立" if english["holds"] else "在此不成立"
    assert f"判定：{verdict}</b>" in text
    assert "第一步时最后一层的梯度范数 ÷ 第一层的" in text and "最终训练准确率" in text
    assert "gradient norm" not in text and "claim" not in text
    for v in english["variants"].values():  # the same measured numbers as the English verdict
        assert f"{v['grad_ratio_first_sample']:.3g}" in text
    assert "sigmoid，无&nbsp;BN" in w.legend.text() and w.flow_variant.itemText(0) == "sigmoid，无 BN"
    assert w.status.text().startswith("已打开 ")
    # what is on disk stays English
    assert json.loads((out / "verdict.json").read_text(encoding="utf-8")) == english
    assert (out / "report.md").read_text(encoding="utf-8") == report and "**Verdict: " in report
    from tests.gui_window.layout_check import problems

    qtbot.wait(1)
    assert not problems(w), problems(w)
    for name in w.experiments:  # every description fits (the pane scrolls, nothing else is cut)
        w.select(name)
        qtbot.wait(1)
        assert not problems(w), (name, problems(w))
