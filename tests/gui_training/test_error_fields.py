"""One error, two wordings: the command line names the option, the window the widget.
One source of defaults (TrainSettings), parsed once per Train click."""
from __future__ import annotations

from PySide6.QtCore import Qt

from studio.cli import main


def _train(qtbot, ctl, epochs: int = 1):
    ctl.panel.hyper_box.epochs.setValue(epochs)
    with qtbot.waitSignal(ctl.run_finished, timeout=90_000) as blocker:
        qtbot.mouseClick(ctl.panel.start_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_a_failed_run_names_the_option_on_the_command_line_and_the_widget_in_the_window(
        qtbot, win, ctl, monkeypatch, capsys, tmp_path):
    from studio.training import engine

    def oom(*_a, **_k):
        raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 GiB")

    monkeypatch.setattr(engine, "build_model", oom)
    rc = main(["train", "lenet5", "--data", "digits", "--epochs", "1", "--batch-size", "64",
               "--out", str(tmp_path / "cli")])
    err = capsys.readouterr().err
    assert rc == 1 and "failed: ran out of memory" in err and "(e.g. --batch-size 32)" in err, err

    ctl.panel.hyper_box.batch_size.setValue(64)
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    r = _train(qtbot, ctl)
    text = ctl.panel.message.text()
    assert r.status == "failed" and r.error.field == "training.batch_size"
    assert "ran out of memory" in text and "(e.g. Batch size 32)" in text and "--" not in text, text
    assert "(e.g. training.batch_size = 32)" in r.message  # plain words in run.json
    ctl.message_box.close()


def test_a_settings_error_names_the_option_on_the_command_line_and_the_widget_in_the_window(
        qtbot, win, ctl, capsys, tmp_path):
    from studio.core.project import save_project

    project = win.document.project.copy()
    project.dataset = {"source": "mnist"}  # a data set that needs a folder, without one
    save_project(project, tmp_path / "p.cnnproj")
    assert main(["train", str(tmp_path / "p.cnnproj"), "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert "data set 'mnist' needs a folder: give it as --data mnist:DIR" in err, err

    db = ctl.panel.data_box
    db.source.setCurrentIndex(db.source.findData("mnist"))
    db.root.setText("")
    db.root.editingFinished.emit()
    assert ctl.start() is False
    text = ctl.panel.message.text()
    assert "data set 'mnist' needs a folder: choose its Folder in the Dataset box" in text and "--" not in text


def test_the_widgets_show_the_settings_defaults(win, ctl):
    from studio.gui.training.data_box import DatasetBox
    from studio.gui.training.hyper_box import HyperBox
    from studio.training.datasets.settings import DataSettings
    from studio.training.settings import TrainSettings

    defaults = TrainSettings.defaults()
    assert defaults == TrainSettings().to_dict()
    box = HyperBox()
    shown = box.values()
    assert {k: shown[k] for k in shown if k != "device"} == {k: defaults[k] for k in shown if k != "device"}
    assert box.lr.text() == f"{defaults['lr']:g}" and box.scheduler.currentData() == defaults["scheduler"]
    box.set_values({"lr": 0.5, "scheduler": "none"})
    box.set_values({})  # a project silent on training shows the defaults again
    assert box.values()["lr"] == defaults["lr"] and box.values()["scheduler"] == defaults["scheduler"]
    data = DatasetBox(win.document)
    data.set_values({})
    d = DataSettings().to_dict()
    assert {k: v for k, v in data.values().items() if k in d} == {k: d[k] for k in data.values()}
    box.deleteLater()
    data.deleteLater()


def test_the_training_settings_are_parsed_once_per_train_click(qtbot, win, ctl, monkeypatch):
    from studio.training.settings import TrainSettings

    calls = []
    parse = TrainSettings.from_dict.__func__

    def counted(cls, data):
        calls.append(dict(data or {}))
        return parse(cls, data)

    monkeypatch.setattr(TrainSettings, "from_dict", classmethod(counted))
    ctl.panel.hyper_box.lr.setText("0.002")
    ctl.panel.hyper_box.lr.editingFinished.emit()  # an edit is stored without parsing
    assert calls == []
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    r = _train(qtbot, ctl)
    assert r.status == "finished", r.message
    assert len(calls) == 1 and calls[0]["lr"] == 0.002
