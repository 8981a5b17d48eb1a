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
