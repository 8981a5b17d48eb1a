"""`cnn-studio gui ... --screenshot FILE.png`: once in a real subprocess (offscreen), the
error paths in-process through the same CLI entry point."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from studio import cli


def test_screenshot_in_a_subprocess(tmp_path, _studio_home):
    out = tmp_path / "shots" / "lenet.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CNN_STUDIO_HOME=str(_studio_home))
    r = subprocess.run([sys.executable, "-m", "studio", "--screenshot", str(out)], capture_output=True,
                       text=True, env=env, timeout=180)
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert not img.isNull() and img.width() >= 1000 and img.height() >= 700


@pytest.fixture
def gui_cli(qapp, monkeypatch, dialogs):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    return cli.main


def test_bad_project_file_falls_back_to_default(gui_cli, tmp_path, capsys):
    bad = tmp_path / "bad.cnnproj"
    bad.write_text("not json", encoding="utf-8")
    out = tmp_path / "bad.png"
    assert gui_cli(["gui", str(bad), "--screenshot", str(out)]) == 0
    assert out.is_file()
    err = capsys.readouterr().err
    assert "bad.cnnproj" in err and "JSON" in err and "Traceback" not in err


def test_template_option_and_unknown_template(gui_cli, tmp_path, capsys):
    assert gui_cli(["gui", "--template", "vgg11", "--screenshot", str(tmp_path / "v.png")]) == 0
    assert (tmp_path / "v.png").is_file()
    assert gui_cli(["gui", "--template", "nope", "--screenshot", str(tmp_path / "x.png")]) == 0
    assert "nope" in capsys.readouterr().err


def test_unwritable_screenshot_is_one_line(gui_cli, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert gui_cli(["gui", "--screenshot", str(blocker / "x.png")]) == 2
    assert gui_cli(["gui", "--screenshot", str(blocker / "sub" / "x.png")]) == 2
    err = capsys.readouterr().err
    assert "screenshot" in err and "Traceback" not in err
