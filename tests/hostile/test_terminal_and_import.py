"""Terminal escapes in user text, `import` and sys.path, memory refused before allocating."""
from __future__ import annotations

import os
import sys

import pytest

from studio.core.text import printable

from .conftest import mutated, one_line_error, write_project

ESC = "\x1b]0;pwned\x07\x1b[2J"


def test_printable_escapes_every_control_character():
    assert printable(ESC) == "\\x1b]0;pwned\\x07\\x1b[2J"
    assert printable("a\nb\rc\td\u2028e\x85f\u202eg\ud800") == "a\\nb\\rc\\td\\u2028e\\x85f\\u202eg\\ud800"
    assert printable("é中文 ok") == "é中文 ok"


def test_summary_prints_labels_and_names_with_escapes(tmp_path, cli):
    def hostile(d):
        d["name"] = "net" + ESC
        d["graph"]["nodes"][1]["label"] = "conv" + ESC + "\nfake line"
    rc, out, _ = cli("summary", write_project(tmp_path / "t.cnnproj", mutated(hostile)))
    assert rc == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "conv\\x1b]0;pwned\\x07\\x1b[2J\\nfake line (Conv2d)" in out


def test_error_messages_escape_user_text(tmp_path, cli):
    def hostile(d):
        d["graph"]["nodes"][1]["type"] = "Conv" + ESC
    rc, _, err = cli("summary", write_project(tmp_path / "t.cnnproj", mutated(hostile)))
    one_line_error(rc, err, "unknown layer type 'Conv\\x1b]0;pwned")
    assert "\x1b" not in err


def test_graph_errors_escape_labels(tmp_path, cli):
    def hostile(d):
        d["graph"]["nodes"][2]["label"] = "t" + ESC
        d["graph"]["edges"].pop(1)
    rc, _, err = cli("summary", write_project(tmp_path / "t.cnnproj", mutated(hostile)))
    assert rc == 2 and "\x1b" not in err and "t\\x1b]0;pwned" in err


def test_import_keeps_the_current_folder_off_sys_path_for_installed_modules(tmp_path, cli, monkeypatch):
    (tmp_path / "torchvision.py").write_text("raise SystemExit('the local torchvision.py ran')\n")
    (tmp_path / "mynet.py").write_text(
        "from torch import nn\n"
        "def Net():\n"
        "    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".", str(tmp_path))])
    monkeypatch.delitem(sys.modules, "mynet", raising=False)
    rc, out, err = cli("import", "torchvision.models:resnet18", "-o", tmp_path / "r.cnnproj", "--input", "3x32x32")
    assert rc == 0, err
    assert str(tmp_path) not in sys.path  # sys.path is given back as it was
    rc, out, err = cli("import", "mynet:Net", "-o", tmp_path / "m.cnnproj", "--input", "1x8x8")
    assert rc == 0, err  # a model file of one's own still imports
    rc, _, err = cli("import", tmp_path / "torchvision.py", "-o", tmp_path / "t.cnnproj")
    one_line_error(rc, err, "taken by an installed module", "rename the file")


def test_docs_say_import_runs_code_and_where_it_looks():
    from .conftest import ROOT

    text = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    assert "Importing runs the named Python module's code" in text
    assert "kept off `sys.path`" in text


def test_training_a_huge_network_is_refused_with_the_numbers(tmp_path, cli):
    rc, _, err = cli("train", "vgg16", "--input", "3x8192x8192", "--epochs", "1", "--out", tmp_path / "run")
    line = one_line_error(rc, err, "needs ~", "for one batch of 64", "this machine has", "GB")
    assert not (tmp_path / "run").exists()
    assert "TB" in line


@pytest.mark.parametrize("fmt", ["model.py", "model.onnx"])
def test_exporting_a_huge_network_is_refused_before_allocating(tmp_path, cli, fmt):
    def huge(d):
        d["graph"]["nodes"][0]["params"].update(channels=3, height=8192, width=8192)
        d["input_shape"] = [3, 8192, 8192]
        d["graph"]["nodes"][1]["params"]["out_channels"] = 65536
        d["graph"]["nodes"][4]["params"]["out_channels"] = 65536
    rc, _, err = cli("export", write_project(tmp_path / "h.cnnproj", mutated(huge)), "-o", tmp_path / fmt)
    one_line_error(rc, err, "exporting this network needs ~", "this machine has")
    assert not (tmp_path / fmt).exists()


def test_memory_figures_come_from_the_system():
    from studio.compiler.memory import device_memory, fmt_bytes, machine_memory

    total = machine_memory()
    assert total is not None and total == os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    assert device_memory("cpu") == (total, "this machine has")
    assert fmt_bytes(412e9) == "412 GB" and fmt_bytes(2.5e12) == "2.5 TB"
