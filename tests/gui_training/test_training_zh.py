"""The Training, Runs and Gradient flow views in Chinese: translated texts from the committed
catalogue, stored settings still the English keys, ``--tab`` names the same."""
from __future__ import annotations

from types import SimpleNamespace as NS



def test_training_views_speak_chinese_and_keep_english_values(zh, win):
    from studio.gui import script

    ctl = win.training
    p = ctl.panel
    tabs = win.bottom_tabs
    assert tabs.tabText(tabs.indexOf(p)) == "训练" and tabs.tabText(tabs.indexOf(ctl.runs)) == "运行记录"
    names = script.tabs(win)  # gui --tab: the English names in every language
    assert names["training"] is p and names["runs"] is ctl.runs and names["gradient-flow"] is ctl.gradient_flow
    assert p.start_button.text() == "▶ 训练" and p.hyper_box.title() == "训练" and p.data_box.title() == "数据集"
    sched = p.hyper_box.scheduler
    shown = {sched.itemData(i): sched.itemText(i) for i in range(sched.count())}
    assert shown["cosine"] == "余弦" and shown["step"] == "阶梯衰减"
    sched.setCurrentIndex(sched.findData("cosine"))
    p.store_settings()
    assert win.document.project.training["scheduler"] == "cosine"  # the stored value stays the key

    p.show_epoch(NS(epoch=2, epochs=10, train_loss=0.5, train_acc=0.845, val_loss=0.45, val_acc=0.871))
    assert p.epoch_label.text() == "第 2/10 轮：训练损失 0.5000，训练准确率 84.5%，验证损失 0.4500，验证准确率 87.1%"
    ctl.snapshot_version, ctl.last_result = "abc123", NS(best_acc=0.912, best_acc_split="val", epochs_done=4)
    ctl._set_state("stopped")
    assert p.status.text() == "已停止（图版本 abc123，4 轮，最佳验证准确率 91.2%）"
    assert "{" not in ctl.gradient_flow.info.text() and "网络训练时" in ctl.gradient_flow.info.text()
