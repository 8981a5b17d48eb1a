"""Files in and out through the CLI: summary of every example and template, new -> summary,
export -> import round trip (a file in the current folder or given by path)."""
from __future__ import annotations

import json
from pathlib import Path

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]


def totals(capsys, *argv) -> dict:
    assert main(["summary", *map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_of_every_template_and_example(capsys):
    assert main(["templates", "--json"]) == 0
    infos = json.loads(capsys.readouterr().out)
    assert len([i for i in infos if i["builtin"]]) == 22
    for info in infos:
        d = totals(capsys, info["name"])
        assert d["total_params"] == info["card"]["params"] and d["macs"] == info["card"]["macs"], info["name"]
        assert not [i for i in d["issues"] if i["severity"] == "error"]
    for ex in ("lenet5", "resnet_mini"):
        assert totals(capsys, ROOT / "examples" / f"{ex}.cnnproj")["total_params"] > 0
    assert main(["summary", str(ROOT / "examples" / "broken_linear.cnnproj")]) == 2
    assert "insert Flatten before it" in capsys.readouterr().err


def test_new_then_summary(tmp_path, capsys):
    out = tmp_path / "net"  # no suffix: .cnnproj is added
    assert main(["new", "resnet18", "-o", str(out), "--input", "3x64x64", "--classes", "7"]) == 0
    assert "wrote " + str(out) + ".cnnproj" in capsys.readouterr().out
    d = totals(capsys, str(out) + ".cnnproj")
    assert d["input_shape"] == [3, 64, 64] and d["output_shape"] == [7]
    assert d["total_params"] == totals(capsys, "resnet18", "--input", "3x64x64", "--classes", "7")["total_params"]


def test_export_then_import_round_trip(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))  # restored afterwards (import adds the folder too)
    src = ROOT / "examples" / "resnet_mini.cnnproj"
    assert main(["export", str(src), "-o", "rt_mini.py"]) == 0
    cls = next(ln.split()[1].split("(")[0] for ln in (tmp_path / "rt_mini.py").read_text().splitlines()
               if ln.startswith("class ") and "Block" not in ln)
    capsys.readouterr()
    assert main(["import", f"rt_mini:{cls}", "-o", "back.cnnproj", "--input", "3x32x32"]) == 0
    assert main(["import", f"{tmp_path / 'rt_mini.py'}:{cls}", "-o", "back2.cnnproj", "--input", "3x32x32"]) == 0
    capsys.readouterr()
    want = totals(capsys, src)
    for f in ("back.cnnproj", "back2.cnnproj"):
        got = totals(capsys, f)
        assert (got["total_params"], got["macs"], got["output_shape"]) == \
            (want["total_params"], want["macs"], want["output_shape"])
