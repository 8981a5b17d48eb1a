"""Hostile files in the window (issue 13): wrongly typed settings, lone surrogates, huge graphs.

The window used to crash on a `dataset`/`training` value of the wrong type (TrainingPanel.load_settings
raised, `gui FILE --screenshot` exited 1), and a lone surrogate in a label broke Save and autosave
(UnicodeEncodeError is not an OSError: no recovery copy was ever written)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from studio import cli
from studio.gui import autosave, commands

LENET = Path(__file__).resolve().parents[2] / "examples" / "lenet5.cnnproj"


@pytest.fixture
def gui_cli(qapp, monkeypatch, dialogs):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    return cli.main


BAD_SETTINGS = [
    ("dataset", "val_fraction", "a b", "dataset.val_fraction = 'a b'"),
    ("dataset", "val_fraction", float("nan"), "dataset.val_fraction = nan"),
    ("dataset", "source", 2**63, "dataset.source = 9223372036854775808"),
    ("training", "seed", "ééé", "'seed' should be a whole number"),
    ("training", "seed", float("-inf"), "'seed' should be a whole number"),
    ("training", "lr", [None, None], "'lr' should be a number"),
    ("training", "threads", 100000, "'threads' is 100000"),
]


@pytest.mark.parametrize("section,key,value,words", BAD_SETTINGS, ids=[f"{r[0]}.{r[1]}" for r in BAD_SETTINGS])
def test_wrongly_typed_settings_open_with_the_problem_in_words(gui_cli, tmp_path, capsys, section, key, value, words):
    d = json.loads(LENET.read_text())
    d[section][key] = value
    path = tmp_path / "bad.cnnproj"
    path.write_text(json.dumps(d))
    out = tmp_path / "bad.png"
    assert gui_cli(["gui", str(path), "--screenshot", str(out)]) == 0
    assert out.is_file() and "Traceback" not in capsys.readouterr().err


def test_the_training_tab_shows_defaults_and_names_the_wrong_fields(make_window, tmp_path):
    from studio.core.project import load_project

    d = json.loads(LENET.read_text())
    d["training"].update(seed="ééé", lr=[None, None], epochs=3)
    d["dataset"].update(val_fraction=float("nan"))
    path = tmp_path / "bad.cnnproj"
    path.write_text(json.dumps(d))
    win = make_window(load_project(path))
    panel = win.training.panel
    hb, db = panel.hyper_box, panel.data_box
    assert hb.seed.value() == 0 and hb.lr.text() == "0.003" and hb.epochs.value() == 3  # good values kept
    assert abs(db.val_fraction.value() - 0.1) < 1e-9
    text = panel.message.text()
    assert "'seed'" in text and "'lr'" in text and "val_fraction = nan" in text
    assert "'seed'" in win.statusBar().currentMessage()
    assert win.document.project.training["seed"] == "ééé"  # the file is not rewritten behind the user's back


def test_a_lone_surrogate_label_is_refused_by_save_and_autosave_still_recovers(make_window, dialogs, tmp_path):
    win = make_window(autosave_ms=3_600_000)
    doc = win.document
    commands.push(doc, commands.SetLabelCommand(doc, "conv1", "conv \ud800 one"))
    dialogs.save_path = str(tmp_path / "s.cnnproj")
    assert win.save_as() is False
    msg = dialogs.messages("warning")[-1]
    assert "graph.nodes[1].label holds a lone surrogate" in msg and "retype" in msg
    assert not (tmp_path / "s.cnnproj").exists() and not list(tmp_path.glob(".*.tmp"))
    p = win.autosaver.save_now()
    assert p is not None and win.autosaver.last_error is None
    rec = autosave.find_recovery().load()
    assert rec.graph.node("conv1").label == "conv \ufffd one"
    commands.push(doc, commands.SetLabelCommand(doc, "conv1", "conv one"))
    assert win.save_as() and (tmp_path / "s.cnnproj").is_file()


def test_a_graph_over_the_window_limit_is_refused_before_it_is_built(make_window, dialogs, tmp_path):
    from studio.gui import document as document_mod

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from load_large import reversed_chain_json

    path = tmp_path / "big.cnnproj"
    path.write_text(reversed_chain_json(document_mod.MAX_WINDOW_NODES + 1))
    win = make_window()
    dialogs.open_path = str(path)
    assert win.open_file() is False
    msg = dialogs.messages("warning")[-1]
    limit = document_mod.MAX_WINDOW_NODES
    assert f"{limit + 1:,} layers" in msg and f"up to {limit:,}" in msg and "command line" in msg
    assert len(win.document.graph) < 100
