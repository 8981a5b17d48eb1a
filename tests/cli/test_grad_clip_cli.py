"""`cnn-studio train --grad-clip NORM`: the flag reaches the run (run.json, its project) and a
resumed run keeps it; a bad value is one line naming the flag (exit 2)."""
from __future__ import annotations

import json

from studio.cli import main


def test_grad_clip_flag_round_trip(tmp_path, capsys):
    out = tmp_path / "run"
    rc = main(["train", "lenet5", "--data", "digits", "--epochs", "1", "--batch-size", "128", "--optimizer", "sgd",
               "--grad-clip", "0.5", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    assert json.loads((out / "run.json").read_text())["grad_clip"] == 0.5
    saved = out / "project.cnnproj"
    assert json.loads(saved.read_text())["training"]["grad_clip"] == 0.5
    # the saved project trains with its clipping unless the flag says otherwise (0 turns it off)
    again = tmp_path / "again"
    assert main(["train", str(saved), "--epochs", "1", "--batch-size", "128", "--out", str(again)]) == 0
    assert json.loads((again / "run.json").read_text())["grad_clip"] == 0.5
    off = tmp_path / "off"
    assert main(["train", str(saved), "--epochs", "1", "--batch-size", "128", "--grad-clip", "0",
                 "--out", str(off)]) == 0
    assert json.loads((off / "run.json").read_text())["grad_clip"] == 0.0
    assert "--grad-clip NORM" in _help(capsys)


def _help(capsys) -> str:
    capsys.readouterr()
    try:
        main(["train", "--help"])
    except SystemExit:
        pass
    return capsys.readouterr().out


def _rc(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse refuses the value
        return exc.code


def test_a_negative_clipping_norm_names_the_flag(tmp_path, capsys):
    rc = _rc(["train", "lenet5", "--data", "digits", "--epochs", "1", "--grad-clip", "-1",
              "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert rc == 2 and "--grad-clip" in err and "at least 0" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r" / "run.json").exists()
    rc = _rc(["train", "lenet5", "--grad-clip", "lots"])
    err = capsys.readouterr().err
    assert rc == 2 and "--grad-clip" in err, err
    # a project file with a bad value: one line naming the setting and the fix
    bad = tmp_path / "bad.cnnproj"
    from studio.core.project import save_project
    from studio.templates import build_project

    project = build_project("lenet5")
    project.training = {"grad_clip": -2}
    save_project(project, bad)
    assert main(["train", str(bad), "--epochs", "1", "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert "'grad_clip' is -2.0: use 0 (no clipping)" in err and len(err.strip().splitlines()) == 1, err
