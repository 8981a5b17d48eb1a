"""Errors in Chinese (issue #23): the window translates a message where it shows it, from its
template, field and hint (studio/gui/fields.py), and names the widget by its Chinese label; the
command line keeps the English text. A bad training setting, a broken layer (Problems tab, the
card's callout, the Fix button) and a dataset that cannot be loaded, with zh_CN installed."""
from __future__ import annotations


from PySide6.QtWidgets import QFormLayout

from studio.cli import main



def _label(box, widget) -> str:
    form = box.findChild(QFormLayout)
    return form.labelForField(widget).text()


def test_a_bad_training_setting_is_said_in_chinese_naming_the_chinese_label(zh, win, ctl, capsys, tmp_path):
    from studio.core.project import save_project
    from studio.gui.fields import widget_name

    hb = ctl.panel.hyper_box
    label = widget_name("training.lr")
    assert label == "学习率" == _label(hb, hb.lr)  # the row's label is the one the message uses
    hb.lr.setText("0")
    assert ctl.start() is False
    text = ctl.panel.message.text()
    assert text.startswith("训练设置“学习率”（lr）为 0.0：学习率必须大于 0"), text
    assert "learning rate" not in text and "--" not in text

    project = win.document.project.copy()
    project.training = {**project.training, "lr": 0.0}
    save_project(project, tmp_path / "p.cnnproj")
    assert main(["train", str(tmp_path / "p.cnnproj"), "--epochs", "1"]) == 2  # the CLI: English, as before
    err = capsys.readouterr().err
    assert "training setting 'lr' is 0.0: the learning rate must be above 0 (e.g. 0.001)" in err, err


def test_a_broken_layer_is_said_in_chinese_in_the_problems_tab_and_on_its_card(zh, win):
    from studio.gui import commands

    doc = win.document
    commands.push(doc, commands.SetParamCommand(doc, "input", "height", 4))
    commands.push(doc, commands.SetParamCommand(doc, "input", "width", 4))
    tree = win.problems.tree
    assert win.problems.item_count() >= 1 and tree.headerItem().text(2) == "问题"
    row = tree.topLevelItem(0)
    assert row.text(2) == ("Conv2d 'conv1'：它的 5×5 卷积核放不进 4×4 的输入（填充为 0×0）——输出将是 0×0；"
                           "请使用更小的卷积核、增加填充，或使用更大的输入"), row.text(2)
    card = win.canvas.graph_scene.nodes["conv1"].problem
    assert card.message.startswith("它的 5×5 卷积核放不进 4×4 的输入"), card.message  # the card names the layer
    english = doc.analysis.issues_for("conv1")[0].message  # the analysis itself stays English (CLI, files)
    assert english.startswith("Conv2d 'conv1': its 5×5 kernel does not fit in the 4×4 input")
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.analysis.ok and win.problems.item_count() == 0
    assert tree.isHidden() and win.problems.empty_label.text() == "没有问题：网络有效。"

    commands.push(doc, commands.RemoveNodesCommand(doc, ["flatten"]))
    commands.push(doc, commands.ConnectCommand(doc, "pool2", "fc1"))  # Linear now gets an image
    texts = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert any(t.startswith("Linear 'fc1' 需要向量输入，却收到了 16×5×5：请在它之前插入 Flatten") for t in texts), texts
    assert [b.text() for b in win.problems.fix_buttons] == ["在 Linear 'fc1' 之前插入 Flatten"]
    # the Inspector and the card's tooltip say the same in Chinese
    win.inspector.set_nodes(["fc1"])
    assert [b.text() for b in win.inspector.fix_buttons] == ["在 Linear 'fc1' 之前插入 Flatten"]
    tip = win.canvas.scene().tooltip_for("fc1")
    assert "需要向量输入" in tip and "needs a vector" not in tip, tip
    win.problems.fix_buttons[0].click()
    assert doc.analysis.ok


def test_a_dataset_that_cannot_be_loaded_is_said_in_chinese(zh, qtbot, win, ctl, tmp_path):
    from studio.gui.fields import widget_name

    db = ctl.panel.data_box
    db.source.setCurrentIndex(db.source.findData("mnist"))
    db.root.setText("")
    db.root.editingFinished.emit()
    assert ctl.start() is False
    text = ctl.panel.message.text()
    assert widget_name("dataset.root") == "文件夹"
    assert text == "数据集 'mnist' 需要一个文件夹：请在“数据集”框中选择它的文件夹", text

    db.source.setCurrentIndex(db.source.findData("folder"))
    db.root.setText(str(tmp_path / "nowhere"))
    db.root.editingFinished.emit()
    db.load_preview()
    qtbot.waitUntil(lambda: "nowhere" in db.info.text(), timeout=30_000)
    assert f"图像文件夹 {tmp_path / 'nowhere'} 不存在：请提供一个每个类别各有一个子文件夹的文件夹" in db.info.text()
    assert db.bundle is None
