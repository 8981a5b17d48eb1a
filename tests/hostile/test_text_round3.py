"""Issue 18, text and numbers: each class of failure the adversarial run found, reproduced.

Numbers typed on the command line ('3²', '①', '٣', 5,000 digits) on every numeric flag; output
that lies or breaks its consumer (forged lines in `diff`, `NaN` in `--json`, control characters
in the SVG, escape codes in `diagram`'s and `templates`' lines); non-UTF-8 paths on a strict
UTF-8 stdout; `--explain-layer` on a node without a module; the PNG canvas bounded.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import DIGIT, LENET, ROOT, lenet_dict, mutated, one_line_error, write_project

HUGE = "1" * 5000
BIDI = "\u202e"


@pytest.fixture
def cli(capsys):
    """`cnn-studio ARGS...` in-process: (exit code, stdout, stderr); usage errors (argparse's
    SystemExit) count as their exit code, as they do for a user."""
    from studio.cli import main

    def run(*args):
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:
            rc = exc.code
        out = capsys.readouterr()
        return rc, out.out, out.err
    return run


def _strict_json(text: str):
    """What a strict parser (jq, JSON.parse) accepts: no NaN, Infinity or -Infinity."""
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


# ---- integers and shapes ---------------------------------------------------------------------
@pytest.mark.parametrize("value", ["3²x32x32", "①x32x32", "٣x32x32", f"3x32x{HUGE}", "3x-2x2"])
@pytest.mark.parametrize("command", ["summary", "diagram", "new"])
def test_input_shapes_take_ascii_digits_only(cli, tmp_path, command, value):
    extra = {"summary": [], "diagram": ["-o", tmp_path / "d.svg"], "new": ["-o", tmp_path / "n.cnnproj"]}[command]
    rc, out, err = cli(command, "lenet5", "--input", value, *extra)
    line = one_line_error(rc, err, "--input")
    assert len(line) < 300 and not list(tmp_path.iterdir())


@pytest.mark.parametrize("flag, value", [
    ("--classes", "٣"), ("--classes", "①"), ("--classes", "3²"), ("--classes", HUGE), ("--batch-size", "٣"),
    ("--batch-size", HUGE)])
def test_numeric_flags_of_summary(cli, flag, value):
    rc, out, err = cli("summary", "lenet5", flag, value)
    line = one_line_error(rc, err, flag)
    assert len(line) < 300  # a 5,000-digit value is named by its length, not printed


@pytest.mark.parametrize("flag, value", [
    ("--epochs", "٣"), ("--epochs", HUGE), ("--batch-size", "3²"), ("--workers", "①"), ("--seed", HUGE),
    ("--lr", "١"), ("--lr", "nan"), ("--lr", "1e999"), ("--momentum", "x" * 5000), ("--label-smoothing", "inf")])
def test_numeric_flags_of_train_are_refused_before_anything_runs(cli, tmp_path, flag, value):
    out_dir = tmp_path / "run"
    rc, out, err = cli("train", "lenet5", "--data", "digits", flag, value, "--out", out_dir)
    line = one_line_error(rc, err, flag)
    assert len(line) < 300 and not out_dir.exists()


@pytest.mark.parametrize("argv", [
    ["experiment", "dropout", "--out", "{tmp}/e", "--epochs", "٣"],
    ["import", "torchvision.models:resnet18", "-o", "{tmp}/r.cnnproj", "--classes", HUGE],
    ["diagram", "lenet5", "-o", "{tmp}/d.png", "--scale", "٢"],
    ["predict", str(LENET), str(DIGIT), "--top-k", "3²"],
])
def test_numeric_flags_of_every_other_command(cli, tmp_path, argv):
    rc, out, err = cli(*[a.replace("{tmp}", str(tmp_path)) for a in argv])
    line = one_line_error(rc, err)
    assert "whole number" in line or "decimal number" in line or "too large" in line, line
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("args, words", [
    (["--explain-layer", "conv1", "--at", f"0,{HUGE},1"], ["--at", "5000-digit"]),
    (["--explain-layer", "conv1", "--at", "٣,1,1"], ["--at", "is not C,Y,X"]),
    (["--explain-layer", "conv1", "--at", "0,3²,1"], ["--at", "is not C,Y,X"]),
    (["--explain", "--label", HUGE], ["--label", "is not a class"]),
    (["--explain", "--label", "٣"], ["--label", "is not a class"]),
    (["--explain-layer", "input", "--at", "0,1,1"], ["--explain-layer input", "is the network's input",
                                                     "choose one of conv1"]),
])
def test_predict_explain_numbers_and_layers(cli, trained, args, words):
    rc, out, err = cli("predict", trained / "best.pt", DIGIT, *args)
    line = one_line_error(rc, err, *words)
    assert len(line) < 400


def test_an_add_node_has_no_module_to_explain_and_the_error_names_what_can_be():
    from studio.compiler import compile_graph
    from studio.core.errors import StudioError
    from studio.core.project import load_project
    from studio.training.explain import explainable_node

    proj = load_project(ROOT / "examples" / "resnet_mini.cnnproj")
    model = compile_graph(proj.graph, proj.num_classes)
    merge = next(n for n in proj.graph.nodes if n.type in ("Add", "Concat"))
    with pytest.raises(StudioError) as exc:
        explainable_node(model, proj, merge.name)
    from studio.commands.common import cli_message

    assert exc.value.field == "explain.layer"
    msg = cli_message(exc.value)  # the command line words the field as its option
    assert f"--explain-layer {merge.name} ({merge.type}) has no weights" in msg and "choose one of" in msg
    conv = next(n for n in proj.graph.nodes if n.type == "Conv2d")
    assert conv.name in msg and explainable_node(model, proj, conv.name) == conv.id


# ---- strict JSON -------------------------------------------------------------------------------
def _run_folder(path: Path, name: str = "net", training: dict | None = None, metrics: list[str] | None = None,
                status: str | None = None) -> Path:
    path.mkdir(parents=True)
    d = lenet_dict()
    d["name"] = name
    if training is not None:
        d["training"] = training
    write_project(path / "project.cnnproj", d)
    lines = metrics if metrics is not None else [json.dumps({"epoch": 1, "train_loss": 0.5, "train_acc": 0.8})]
    (path / "metrics.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if status is not None:
        (path / "run.json").write_text(status, encoding="utf-8")
    return path


def test_diff_json_is_strict_json_with_the_reason_kept(cli, tmp_path):
    a = _run_folder(tmp_path / "a", metrics=['{"epoch": 1, "train_loss": NaN, "train_acc": 0.5, "val_loss": -Infinity}'])
    b = _run_folder(tmp_path / "b")
    rc, out, err = cli("diff", a, b, "--json")
    assert rc == 0, err
    d = _strict_json(out)
    assert d["final_metrics"]["train_loss"] == [None, 0.5]
    assert d["final_metrics"]["non_finite"] == {"train_loss/0": "NaN", "val_loss/0": "-Infinity"}


def test_predict_json_with_non_finite_scores_is_strict_json(cli, trained, tmp_path):
    import torch

    ckpt = torch.load(trained / "best.pt", weights_only=True, map_location="cpu")
    key = next(k for k in ckpt["model"] if k.endswith("bias") and "fc" in k)
    ckpt["model"][key] = torch.full_like(ckpt["model"][key], float("nan"))
    bad = tmp_path / "nan.pt"
    torch.save(ckpt, bad)
    for extra in ([], ["--explain"]):
        rc, out, err = cli("predict", bad, DIGIT, "--json", *extra)
        assert rc == 0, err
        d = _strict_json(out)
        assert "non_finite" in json.dumps(d) and "NaN" in json.dumps(d), out[:300]


def test_strict_json_writer_rules():
    from studio.core.jsonout import dumps_strict

    text = dumps_strict({"loss": float("nan"), "non_finite": 1, "acc": [0.5, float("inf")], "k\ud800": "v\udcff"})
    d = _strict_json(text)
    assert d["loss"] is None and d["acc"] == [0.5, None] and d["non_finite"] == 1
    assert d["non_finite_"] == {"loss": "NaN", "acc/1": "Infinity"}
    assert d["k\ufffd"] == "v\ufffd"
    assert _strict_json(dumps_strict([float("-inf"), {"x": float("nan")}])) == [None, {"x": None, "non_finite": {"x": "NaN"}}]


# ---- terminal lines ----------------------------------------------------------------------------
def test_diff_text_cannot_forge_lines_or_turn_text_around(cli, tmp_path):
    evil = {"lr": 0.01, f"epochs\nA: forged {BIDI}": f"3\n  * fake line\x1b[2J{BIDI}", "optimizer": f"sgd{BIDI}"}
    a = _run_folder(tmp_path / "a", name=f"net\nforged{BIDI}", training=evil,
                    metrics=[json.dumps({"epoch": 1, "train_loss": 0.5, "train_acc": f"0.8\nforged{BIDI}"})])
    b = _run_folder(tmp_path / "b")
    rc, out, err = cli("diff", a, b)
    assert rc == 0, err
    assert "\x1b" not in out and BIDI not in out and "\\u202e" in out
    assert not any(line.startswith(("A: forged", "  * fake")) for line in out.splitlines())
    assert sum(line.startswith("A: ") for line in out.splitlines()) == 1


def test_diagram_success_line_escapes_the_project_name(cli, tmp_path):
    p = write_project(tmp_path / "n.cnnproj", mutated(lambda d: d.update(name="x\x1b]0;pwn\x07\nforged line")))
    rc, out, err = cli("diagram", p, "-o", tmp_path / "n.svg")
    assert rc == 0, err
    assert len(out.strip().splitlines()) == 1 and "\x1b" not in out and "\\x1b" in out


def test_templates_list_and_card_escape_user_template_text(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CNN_STUDIO_HOME", str(tmp_path))
    from studio.core.project import loads_project
    from studio.templates.user import save_user_template

    proj = loads_project(json.dumps(lenet_dict()), "x.cnnproj")
    save_user_template("evil\x1b[31m", proj, f"line one\nforged row {BIDI}")
    rc, out, err = cli("templates")
    assert rc == 0, err
    assert "\x1b" not in out and BIDI not in out and "forged row" in out
    assert not any(line.startswith("forged row") for line in out.splitlines())
    rc, out, err = cli("templates", "evil\x1b[31m")
    assert rc == 0, err
    assert "\x1b" not in out and "\\x1b" in out and BIDI not in out


# ---- SVG ---------------------------------------------------------------------------------------
def test_svg_is_well_formed_whatever_the_labels_and_stage_names_hold(cli, tmp_path):
    def evil(d):
        d["name"] = "t\x00itle\x1b"
        d["graph"]["nodes"][1]["name"] = "conv\x01\x02\x0b\x0c<&>\ufffe\x85"
        ids = [n["id"] for n in d["graph"]["nodes"][1:4]]
        d["graph"]["groups"] = [{"name": "stage\x1b[2J\x07\x0b<&>\ufffe", "nodes": ids, "kind": "stage"}]

    p = write_project(tmp_path / "e.cnnproj", mutated(evil))
    out = tmp_path / "e.svg"
    rc, o, err = cli("diagram", p, "-o", out)
    assert rc == 0, err
    root = ET.parse(out).getroot()  # raises on a C0 control: not well-formed XML
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "stage" in texts and "<&>" in texts and "itle" in texts


# ---- non-UTF-8 paths on a strict UTF-8 stdout ----------------------------------------------------
def _cli_strict(cwd: Path, *args: str):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8:strict", QT_QPA_PLATFORM="offscreen",
               CNN_STUDIO_HOME=str(cwd / "home"))
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=300)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_non_utf8_paths_print_on_a_strict_utf8_stdout(tmp_path):
    name = os.fsdecode(b"x\xff.cnnproj")
    write_project(tmp_path / name, mutated(lambda d: d.update(name="")))  # the title falls back to the file name
    a = _run_folder(tmp_path / os.fsdecode(b"run\xfea"))
    _run_folder(tmp_path / "b")
    for args in (["diagram", name, "-o", os.fsdecode(b"d\xfe.svg")], ["diagram", name, "-o", os.fsdecode(b"d\xfe.png")],
                 ["summary", name], ["diff", os.fsdecode(a.name.encode("utf-8", "surrogateescape")), "b"],
                 ["summary", os.fsdecode(b"missing\xff.cnnproj")]):
        r = _cli_strict(tmp_path, *args)
        assert r.returncode in (0, 2) and b"Traceback" not in r.stderr, (args, r.stderr[-800:])
        if r.returncode == 2:
            assert len(r.stderr.strip().splitlines()) == 1
    svg = tmp_path / os.fsdecode(b"d\xfe.svg")
    ET.parse(svg)  # the title (from the file name) was written, as well-formed XML
    assert (tmp_path / os.fsdecode(b"d\xfe.png")).stat().st_size > 0  # at the name asked, not a re-encoded one
    assert not [p.name for p in tmp_path.iterdir() if "\ufffd" in p.name or p.name.endswith(".tmp")]


# ---- the PNG canvas ----------------------------------------------------------------------------
def test_png_canvas_is_capped_with_an_honest_message(cli, tmp_path):
    """A 4,000-conv chain: as a PNG at scale 8 it would take gigabytes; it is drawn at a smaller
    scale with a note, and a diagram too large at any scale is refused, pointing to SVG."""
    from studio.diagram.geometry import Diagram
    from studio.diagram.raster import MAX_PIXELS, MIN_SCALE, png_scale

    nodes = [{"id": "input", "type": "Input", "params": {"channels": 1, "height": 4, "width": 4}}]
    nodes += [{"id": f"c{i}", "type": "Conv2d", "params": {"out_channels": 1, "kernel_size": 3, "padding": 1}}
              for i in range(4000)]
    nodes += [{"id": "flat", "type": "Flatten"}, {"id": "fc", "type": "Linear", "params": {"out_features": 2}}]
    edges = [{"source": a["id"], "target": b["id"], "port": 0} for a, b in zip(nodes, nodes[1:])]
    p = write_project(tmp_path / "deep.cnnproj", {"format": "cnn-studio", "version": 1, "name": "deep",
                                                  "num_classes": 2, "graph": {"nodes": nodes, "edges": edges}})
    out = tmp_path / "deep.png"
    rc, o, err = cli("diagram", p, "-o", out, "--scale", "8")
    assert rc == 0, err
    assert "drawn at --scale" in err and "instead of 8" in err and "SVG" in err
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert 0 < img.width() * img.height() <= MAX_PIXELS
    # too large even at the smallest scale: refused in one line, nothing written, SVG named
    d = Diagram("huge", width=2000.0, height=2_000_000.0)
    with pytest.raises(Exception) as exc:
        png_scale(d, 2.0)
    assert "-o NAME.svg" in str(exc.value) and "nothing was written" in str(exc.value)
    assert png_scale(Diagram("s", width=100.0, height=100.0), 2.0) == 2.0
    assert MIN_SCALE <= png_scale(Diagram("m", width=1500.0, height=60_000.0), 8.0) < 8.0


def test_diagram_png_refusal_does_not_blame_the_path(cli, tmp_path, monkeypatch):
    from studio.diagram import raster

    monkeypatch.setattr(raster, "MAX_PIXELS", 1000)  # any real diagram is now too large
    out = tmp_path / "l.png"
    rc, o, err = cli("diagram", "lenet5", "-o", out)
    line = one_line_error(rc, err, "too large for a PNG", "-o NAME.svg")
    assert "writable path" not in line and not out.exists()
