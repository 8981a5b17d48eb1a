"""Hostile input III, run folders: `train --out` and `experiment --out` refuse another run or another
network's project unless --force; nothing inside a run folder is opened through a symlink; run.json
and metrics lines are typed records (a bad field is dropped with a note, never a crash); pipes and
/dev/zero links in a run folder never hang `diff` or the window."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from studio.runs import read_run
from studio.runs.folder import experiment_folder_problem, run_folder_problem

from .bad_home import make_bad_home
from .conftest import LENET, lenet_dict, one_line_error
from .test_files_round3 import cnn


def _folder(tmp_path: Path, **files) -> Path:
    d = tmp_path / "run"
    d.mkdir()
    for name, content in files.items():
        name = name.replace("_jsonl", ".jsonl").replace("_json", ".json").replace("_cnnproj", ".cnnproj")
        if content == "dangling":
            os.symlink(tmp_path / "outside" / name, d / name)
        elif content == "fifo":
            os.mkfifo(d / name)
        else:
            (d / name).write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return d


@pytest.mark.parametrize("name", ["metrics_jsonl", "layer_stats_jsonl", "run_json"])
def test_train_out_with_a_dangling_run_file_symlink_is_a_run(tmp_path, cli, name):
    d = _folder(tmp_path, **{name: "dangling"})
    rc, _, err = cli("train", "lenet5", "--data", "digits", "--epochs", "1", "--out", d)
    one_line_error(rc, err, "already holds a run", "--force")
    assert not (tmp_path / "outside").exists()


def test_train_out_refuses_another_networks_project(tmp_path, cli):
    other = lenet_dict()
    other["name"] = "my other net"
    other["graph"]["nodes"][1]["params"]["out_channels"] = 7
    d = _folder(tmp_path, project_cnnproj=other)
    before = (d / "project.cnnproj").read_bytes()
    rc, _, err = cli("train", "lenet5", "--data", "digits", "--epochs", "1", "--out", d)
    one_line_error(rc, err, "another network", "my other net", "--force")
    assert (d / "project.cnnproj").read_bytes() == before and os.listdir(d) == ["project.cnnproj"]


def test_the_project_being_trained_or_an_equal_copy_is_no_problem(tmp_path):
    from studio.core.project import load_project

    d = _folder(tmp_path, project_cnnproj=lenet_dict())
    mine = load_project(LENET)
    assert run_folder_problem(d, mine, d / "project.cnnproj") == ""
    assert run_folder_problem(d, mine, None) == ""  # same network: not foreign
    (d / "project.cnnproj").write_text("{not json")
    assert "another network (unreadable)" in run_folder_problem(d, mine, None)


def test_train_force_replaces_links_in_the_run_folder_without_following_them(tmp_path, cli):
    d = _folder(tmp_path, metrics_jsonl="dangling", run_json="dangling")
    rc, _, err = cli("train", "lenet5", "--data", "digits", "--epochs", "1", "--out", d, "--force")
    assert rc == 0, err
    assert not (tmp_path / "outside").exists()
    for name in ("metrics.jsonl", "run.json"):
        assert (d / name).is_file() and not (d / name).is_symlink()
    assert read_run(d).status == "finished" and len(read_run(d).metrics) == 1


def test_layer_statistics_are_never_appended_through_a_link(tmp_path):
    from studio.core.project import load_project
    from studio.training.data import load_data
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    d = _folder(tmp_path, layer_stats_jsonl="dangling")
    tr = Trainer(load_project(LENET), load_data("digits", (1, 32, 32)), TrainSettings(epochs=1), out_dir=d,
                 stats_every=5)
    res = list(tr.run())[-1]
    assert res.status == "finished", res.message
    assert not (tmp_path / "outside").exists() and not (d / "layer_stats.jsonl").is_symlink()
    assert (d / "layer_stats.jsonl").stat().st_size > 0


def _exp_args(out, force=False):
    return argparse.Namespace(out=str(out), force=force)


@pytest.mark.parametrize("setup,words", [
    (lambda d: (d / "relu").mkdir() or (d / "relu" / "metrics.jsonl").write_text("{}\n"), "relu/ already holds a run"),
    (lambda d: (d / "verdict.json").write_text("{}"), "already holds an experiment"),
    (lambda d: os.symlink(d / "nowhere", d / "tanh"), "tanh, which is not a folder"),
    (lambda d: (d / "metrics.jsonl").write_text(""), "already holds a run"),
])
def test_experiment_out_refuses_an_earlier_run_unless_force(tmp_path, cli, setup, words):
    from studio.commands.experiment_cmd import check_out_folder
    from studio.experiments import get_experiment

    d = tmp_path / "exp"
    d.mkdir()
    setup(d)
    before = sorted(os.listdir(d))
    rc, _, err = cli("experiment", "relu-vs-tanh", "--out", d, "--epochs", "1")
    one_line_error(rc, err, words, "--force")
    assert sorted(os.listdir(d)) == before
    check_out_folder(_exp_args(d, force=True), get_experiment("relu-vs-tanh"))  # --force: accepted


def test_experiment_folder_check_passes_a_fresh_or_empty_folder(tmp_path):
    assert experiment_folder_problem(tmp_path / "new", ["relu", "tanh"]) == ""
    (tmp_path / "empty" / "relu").mkdir(parents=True)
    assert experiment_folder_problem(tmp_path / "empty", ["relu", "tanh"]) == ""


# ---- typed records ----------------------------------------------------------------------------
def test_run_json_fields_of_the_wrong_type_are_dropped_with_a_note(tmp_path):
    d = _folder(tmp_path, run_json={"format": "cnn-studio-run", "version": 1, "status": "finished",
                                    "best_val_acc": "x", "epochs": "ten", "message": "bad \ud800 text",
                                    "best_metric": {"name": 1}, "\udc00": 1})
    r = read_run(d)
    assert r.best_val_acc is None and r.status == "finished" and "epochs" not in r.result
    assert r.result["message"] == "bad \ufffd text" and "best_metric" not in r.result
    assert any("best_val_acc is 'x'" in n for n in r.notes) and any("epochs" in n for n in r.notes)


def test_metrics_lines_are_typed(tmp_path):
    d = _folder(tmp_path, metrics_jsonl='{"epoch": 1, "train_loss": NaN, "val_acc": "x", "\\ud800": 1}\n'
                                        '{"epoch": "2"}\n[1]\nnot json\n{"epoch": 3, "val_acc": 0.5}\n')
    r = read_run(d)
    assert [m["epoch"] for m in r.metrics] == [1, 3]
    assert "val_acc" not in r.metrics[0] and r.metrics[0]["train_loss"] != r.metrics[0]["train_loss"]  # NaN kept
    assert r.best_val_acc == 0.5 and any("not JSON skipped" in n for n in r.notes)


@pytest.mark.parametrize("name", ["metrics_jsonl", "run_json", "project_cnnproj"])
def test_diff_with_a_pipe_in_a_run_folder_does_not_hang(tmp_path, name):
    good = _folder(tmp_path, project_cnnproj=lenet_dict(), metrics_jsonl='{"epoch": 1, "train_loss": 1.0}\n')
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "project.cnnproj").write_text(json.dumps(lenet_dict()))
    target = bad / name.replace("_jsonl", ".jsonl").replace("_json", ".json").replace("_cnnproj", ".cnnproj")
    target.unlink(missing_ok=True)
    os.mkfifo(target)
    rc, out, err = cnn("diff", good, bad, timeout=60)
    assert rc in (0, 2) and "Traceback" not in err
    if rc == 2:
        one_line_error(rc, err, "named pipe")


def test_diff_with_bad_records_prints_no_traceback(tmp_path, cli):
    a = _folder(tmp_path, project_cnnproj=lenet_dict(), metrics_jsonl='{"epoch": 1, "val_acc": "\\ud800"}\n',
                run_json='{"format": "cnn-studio-run", "version": 1, "best_val_acc": "x", "message": "\\udfff"}')
    rc, out, err = cnn("diff", a, a, timeout=60, env={"PYTHONIOENCODING": "utf-8:strict"})
    assert rc == 0 and "Traceback" not in err, err
    assert "final metrics" in out


def test_the_window_opens_with_every_bad_file_in_the_data_folder(tmp_path):
    home = make_bad_home(tmp_path / "home")
    rc, out, err = cnn("gui", "--screenshot", tmp_path / "shot.png", timeout=180, env={"CNN_STUDIO_HOME": str(home)})
    assert rc == 0 and "Traceback" not in err, err
    assert (tmp_path / "shot.png").stat().st_size > 10_000


def test_diff_names_what_it_skipped(tmp_path, cli):
    a = _folder(tmp_path, project_cnnproj=lenet_dict(), metrics_jsonl='{"epoch": 1}\nnot json\n',
                run_json={"format": "cnn-studio-run", "version": 1, "best_val_acc": "x"})
    rc, out, err = cli("diff", a, a)
    assert rc == 0, err
    assert "skipped when reading the runs:" in out and "best_val_acc is 'x'" in out and "not JSON skipped" in out
