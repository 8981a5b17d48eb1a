"""The Runs details pane shows a run folder's texts as text (issue 18): a project name, data
source, settings, metric names and messages holding HTML are escaped, never rendered."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_runs_details_escape_every_text_from_the_run_folder(qtbot, monkeypatch, tmp_path):
    from studio.gui.training.runs import RunsView

    run = tmp_path / "runs" / "<b>run"
    run.mkdir(parents=True)
    d = json.loads((ROOT / "examples" / "lenet5.cnnproj").read_text(encoding="utf-8"))
    d["name"] = "<img src='x'>net"
    d["dataset"] = {"source": "<b>digits</b>"}
    d["training"] = {"optimizer": "<u>sgd</u>", "epochs": 3, "lr": 0.01}
    (run / "project.cnnproj").write_text(json.dumps(d), encoding="utf-8")
    (run / "metrics.jsonl").write_text(json.dumps({"epoch": 1, "<s>train_loss</s>": 0.5, "train_acc": 0.5}) + "\n",
                                       encoding="utf-8")
    monkeypatch.setenv("CNN_STUDIO_HOME", str(tmp_path))
    view = RunsView()
    qtbot.addWidget(view)
    view.select_runs(["<b>run"])
    text = view.details.text()
    # (a metric named with HTML is either dropped by the typed metrics record or shown escaped)
    for raw in ("<img src='x'>", "<b>digits</b>", "<u>sgd</u>", "<s>train_loss</s>", "<b><b>run"):
        assert raw not in text, raw
    for shown in ("&lt;img src=&#x27;x&#x27;&gt;net", "&lt;b&gt;digits&lt;/b&gt;", "&lt;u&gt;sgd&lt;/u&gt;",
                  "&lt;b&gt;run"):
        assert shown in text, (shown, text)
