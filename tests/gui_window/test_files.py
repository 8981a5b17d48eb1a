"""Save / open through the menu actions (file dialogs patched), title and dirty marker,
the unsaved-changes prompt, recent files, and clear messages for bad files."""
from __future__ import annotations


from PySide6.QtWidgets import QMessageBox

from studio.core.project import load_project
from studio.gui import commands, settings

B = QMessageBox.StandardButton


def _edit(win, value=8):
    commands.push(win.document, commands.SetParamCommand(win.document, "conv1", "out_channels", value))


def test_save_as_then_open_through_menus(win, dialogs, tmp_path):
    doc = win.document
    _edit(win)
    assert win.isWindowModified() and "[*]" in win.windowTitle()
    dialogs.save_path = str(tmp_path / "mynet")  # no suffix: .cnnproj is added
    win.act["save"].trigger()  # never saved: Save asks for a name
    target = tmp_path / "mynet.cnnproj"
    assert target.is_file() and doc.path == target
    assert not doc.is_dirty and not win.isWindowModified()
    assert win.windowTitle().startswith("mynet.cnnproj")
    assert "Saved to" in win.statusBar().currentMessage()
    assert load_project(target).graph.structure() == doc.graph.structure()
    assert str(target.resolve()) in settings.recent_files()

    _edit(win, 9)
    win.act["save"].trigger()  # has a path now: no dialog
    assert dialogs.kinds().count("save") == 1
    assert load_project(target).graph.node("conv1").params["out_channels"] == 9

    win.act["new"].trigger()
    assert doc.path is None and not doc.graph.has_node("conv1")
    dialogs.open_path = str(target)
    win.act["open"].trigger()
    assert doc.path == target and doc.graph.node("conv1").params["out_channels"] == 9
    assert not doc.is_dirty and doc.undo_stack.count() == 0
    win.fill_recent_menu()
    assert [a.text() for a in win.recent_menu.actions()][0] == "mynet.cnnproj"


def test_save_as_cancel_keeps_state(win, dialogs):
    _edit(win)
    dialogs.save_path = ""
    assert win.save_as() is False
    assert win.document.is_dirty and win.document.path is None


def test_open_bad_file_shows_message_and_keeps_project(win, dialogs, tmp_path):
    bad = tmp_path / "broken.cnnproj"
    bad.write_text('{"format": "cnn-studio", "version": 1, "graph": {"nodes": [', encoding="utf-8")
    before = win.document.graph.structure()
    dialogs.open_path = str(bad)
    win.act["open"].trigger()
    assert dialogs.kinds()[-1] == "warning"
    assert "broken.cnnproj" in dialogs.messages("warning")[-1] and "JSON" in dialogs.messages("warning")[-1]
    assert win.document.graph.structure() == before and win.document.path is None


def test_save_error_is_a_message(win, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "no" / "such" / "dir" / "x.cnnproj")
    _edit(win)
    assert win.save_as() is False
    assert dialogs.kinds()[-1] == "warning" and "x.cnnproj" in dialogs.messages("warning")[-1]
    assert win.document.is_dirty


def test_unsaved_prompt_on_new_cancel_and_discard(win, dialogs):
    doc = win.document
    _edit(win)
    dialogs.answer = B.Cancel
    win.act["new"].trigger()
    assert dialogs.kinds()[-1] == "question"
    assert doc.graph.node("conv1").params["out_channels"] == 8 and doc.is_dirty  # kept
    dialogs.answer = B.Discard
    win.act["new"].trigger()
    assert not doc.graph.has_node("conv1") and not doc.is_dirty


def test_unsaved_prompt_save_path(win, dialogs, tmp_path):
    _edit(win)
    dialogs.answer = B.Save
    dialogs.save_path = str(tmp_path / "kept.cnnproj")
    assert win.new_project()
    assert load_project(tmp_path / "kept.cnnproj").graph.node("conv1").params["out_channels"] == 8


def test_close_asks_cancel_keeps_window(win, dialogs, qtbot):
    win.show()
    _edit(win)
    dialogs.answer = B.Cancel
    assert win.close() is False and win.isVisible()
    assert dialogs.kinds()[-1] == "question"
    dialogs.answer = B.Discard
    assert win.close() is True


def test_close_clean_does_not_ask_and_remembers_layout(win, dialogs):
    win.show()
    win.palette_dock.hide()
    assert win.close()
    assert "question" not in dialogs.kinds()
    s = settings.settings()
    assert s.value("window/state") is not None
    assert settings.settings().fileName().startswith(str(__import__("studio.paths").paths.data_dir()))


def test_layout_restored_in_next_window(make_window):
    w1 = make_window()
    w1.show()
    w1.palette_dock.hide()
    w1.close()
    w2 = make_window()
    w2.show()
    assert not w2.palette_dock.isVisible()


def test_template_load_through_gallery_path_asks_first(win, dialogs):
    _edit(win)
    dialogs.template = "alexnet"
    dialogs.answer = B.Cancel
    assert win.act["new_template"].trigger() is None and win.document.project.template == "lenet5"
    dialogs.answer = B.Discard
    win.act["new_template"].trigger()
    assert win.document.project.template == "alexnet" and not win.document.is_dirty
    assert "alexnet" in win.statusBar().currentMessage()


def test_unknown_template_is_a_message(win, dialogs):
    assert win.load_template("resnet9000") is False
    assert dialogs.kinds()[-1] == "warning" and "resnet9000" in dialogs.messages("warning")[-1]
