"""studio.runs: one naming, the status record, old folders, the project via parse_project."""
import json

from studio.core.project import save_project
from studio.templates import build_project
from studio.runs import graph_version, list_runs, new_run_dir, read_run, run_checkpoint, write_status


def test_naming_sorts_by_time_and_never_clashes(tmp_path):
    a = new_run_dir("My net / v2", tmp_path, now=0)
    assert a.name.endswith("-My-net-v2") and a.name[:8].isdigit() and a.name[8] == "-"
    a.mkdir()
    b = new_run_dir("My net / v2", tmp_path, now=0)
    assert b.name == a.name + "-2"
    assert new_run_dir("", tmp_path).name.endswith("-model")


def test_status_record_and_old_gui_result_folders(tmp_path):
    project = build_project("lenet5")
    new = tmp_path / "20260101-000000-new"
    new.mkdir()
    save_project(project, new / "project.cnnproj")
    write_status(new, status="running", epochs=3)
    write_status(new, status="stopped", epochs_done=1)  # merged into the same record
    (new / "metrics.jsonl").write_text('{"epoch": 1, "val_acc": 0.5}\nnot json\n')
    old = tmp_path / "20250101-000000-old"
    old.mkdir()
    (old / "gui-result.json").write_text(json.dumps({"status": "failed", "message": "boom", "epochs_done": 0}))
    (old / "project.cnnproj").write_text("{broken")
    (tmp_path / "not-a-run").mkdir()
    runs = {r.name: r for r in list_runs(tmp_path)}
    assert set(runs) == {new.name, old.name}
    r = runs[new.name]
    assert r.status == "stopped" and r.result["epochs"] == 3 and r.result["epochs_done"] == 1
    assert r.model == "lenet5"  # read through parse_project: a real Project
    assert r.project.graph.node("conv1") is not None and r.best_val_acc == 0.5 and len(r.metrics) == 1
    o = read_run(old)
    assert o.status == "failed" and o.result["message"] == "boom"
    assert o.project is None and "not valid JSON" in o.project_error


def test_run_checkpoint_finds_the_graph_version(tmp_path):
    project = build_project("lenet5")
    run = tmp_path / "20260101-000000-lenet"
    run.mkdir()
    save_project(project, run / "project.cnnproj")
    (run / "best.pt").write_bytes(b"x")
    assert run_checkpoint(graph_version(project), tmp_path) == run / "best.pt"
    assert run_checkpoint("0000000", tmp_path) is None


def test_the_best_score_says_which_split_it_was_measured_on_for_new_and_old_run_folders(tmp_path):
    def run(name, status=None, metrics=""):
        d = tmp_path / name
        d.mkdir()
        if status is not None:
            write_status(d, **status)
        (d / "metrics.jsonl").write_text(metrics)
        return read_run(d)

    # this version: best_acc and best_acc_split in run.json, and the metrics agree
    r = run("new-train", {"status": "finished", "best_acc": 0.9, "best_acc_split": "train"},
            '{"epoch": 1, "train_acc": 0.9, "val_acc": null}\n')
    assert r.best == (0.9, "train") and r.best_acc == 0.9 and r.best_acc_split == "train"
    assert r.best_val_acc is None  # a training accuracy is never shown as a validation one
    assert run("new-val", {"best_acc": 0.8, "best_acc_split": "val"}).best == (0.8, "val")
    # older run.json: best_val_acc and best_metric, which named the split
    old_train = run("old-train", {"status": "finished", "best_val_acc": 0.7,
                                  "best_metric": {"name": "train_acc", "value": 0.7}})
    assert old_train.best == (0.7, "train") and old_train.best_val_acc is None
    old_val = run("old-val", {"best_val_acc": 0.6, "best_metric": {"name": "val_acc", "value": 0.6}})
    assert old_val.best == (0.6, "val") and old_val.best_val_acc == 0.6
    # a gui-result.json of the window's first versions: best_val_acc only
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "gui-result.json").write_text(json.dumps({"status": "finished", "best_val_acc": 0.5}))
    assert read_run(legacy).best == (0.5, "val")
    assert run("empty").best == (None, None)
