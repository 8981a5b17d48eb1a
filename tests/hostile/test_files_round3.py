"""Hostile input III, files: one way to read a user file (regular files only, never blocking, a cap
on the bytes read, strict UTF-8) and one way to write one (a random O_EXCL temp name, never through
a symlink, os.replace at the end), used by every command. Pipes, /dev/zero links and planted
symlinks are real (os.mkfifo, os.symlink); a command that would hang runs in a subprocess with a
timeout, so a regression fails instead of hanging the suite."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studio.core.userfile import (UserFileError, atomic_path, atomic_write_text, atomic_writer, open_append,
                                  read_bytes, read_json, read_text)

from .conftest import ROOT, lenet_dict, one_line_error


def cnn(*args, cwd=None, timeout=120, env=None):
    """`python -m studio.cli ARGS` in a fresh process: (rc, stdout, stderr); a hang fails the test."""
    e = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", **(env or {}))
    r = subprocess.run([sys.executable, "-m", "studio.cli", *map(str, args)], cwd=cwd, env=e,
                       capture_output=True, text=True, timeout=timeout)
    return r.returncode, r.stdout, r.stderr


# ---- reading ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,words", [("fifo", "named pipe"), ("zero", "character device"),
                                        ("dir", "is a folder"), ("missing", "no such file")])
def test_read_bytes_refuses_what_is_not_a_regular_file_without_blocking(tmp_path, kind, words):
    p = tmp_path / "x.cnnproj"
    if kind == "fifo":
        os.mkfifo(p)
    elif kind == "zero":
        os.symlink("/dev/zero", p)
    elif kind == "dir":
        p.mkdir()
    with pytest.raises(UserFileError, match=words) as e:
        read_bytes(p, what="project file")
    assert "\n" not in str(e.value) and "x.cnnproj" in str(e.value)


def test_the_size_cap_is_checked_on_the_bytes_read_not_on_stat():
    # /proc files report size 0 and hold more: only the bytes actually read can be trusted
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(UserFileError, match="more than 16 bytes"):
        read_bytes("/proc/self/status", what="project file", limit=16)


def test_text_is_strict_utf8_with_the_byte_offset(tmp_path):
    p = tmp_path / "t.json"
    p.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(UserFileError, match="byte 7 is 0xff"):
        read_text(p, what="run record")


@pytest.mark.parametrize("text,words", [('{"a": NaN}', "constant NaN"), ('[-Infinity]', "constant -Infinity"),
                                        ('{"a": 1, "a": 2}', "appears twice"), ("", "is empty"),
                                        ('{"a": ', "truncated")])
def test_json_refuses_nan_duplicates_and_truncation(tmp_path, text, words):
    p = tmp_path / "r.json"
    p.write_text(text)
    with pytest.raises(UserFileError, match=words):
        read_json(p, what="run record")


def test_a_symlink_is_refused_where_links_are_not_followed(tmp_path):
    (tmp_path / "real").write_text("{}")
    os.symlink(tmp_path / "real", tmp_path / "run.json")
    assert read_json(tmp_path / "run.json", what="run record") == {}
    with pytest.raises(UserFileError, match="symbolic link"):
        read_bytes(tmp_path / "run.json", what="run record", follow_symlinks=False)


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_summary_and_gui_refuse_a_pipe_or_dev_zero_as_the_project(tmp_path, kind):
    p = tmp_path / "net.cnnproj"
    os.mkfifo(p) if kind == "fifo" else os.symlink("/dev/zero", p)
    rc, _, err = cnn("summary", p, timeout=60)
    one_line_error(rc, err, "net.cnnproj", "not a regular file")
    rc, _, err = cnn("gui", p, "--screenshot", tmp_path / "s.png", timeout=120,
                     env={"CNN_STUDIO_HOME": str(tmp_path / "home")})
    assert rc in (0, 2) and "not a regular file" in err and "Traceback" not in err


def test_export_weights_from_a_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "w.pt")
    rc, _, err = cnn("export", "lenet5", "-o", tmp_path / "m.py", "--weights", tmp_path / "w.pt", timeout=120)
    one_line_error(rc, err, "w.pt", "named pipe")
    assert not (tmp_path / "m.py").exists()


# ---- writing ------------------------------------------------------------------------------
def test_atomic_write_replaces_a_symlink_and_never_writes_its_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    os.symlink(victim, tmp_path / "out.txt")
    os.symlink(tmp_path / "gone" / "x", tmp_path / "dangling.txt")
    atomic_write_text(tmp_path / "out.txt", "new")
    atomic_write_text(tmp_path / "dangling.txt", "new")
    assert victim.read_text() == "precious" and not (tmp_path / "gone").exists()
    for name in ("out.txt", "dangling.txt"):
        assert not (tmp_path / name).is_symlink() and (tmp_path / name).read_text() == "new"


def test_a_failure_midway_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "model.onnx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as f:
            f.write(b"half")
            raise RuntimeError("disk on fire")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("exporter failed")
    assert target.read_bytes() == b"old" and sorted(os.listdir(tmp_path)) == ["model.onnx"]


def test_temp_names_are_random_and_created_exclusively(tmp_path):
    seen = set()
    for _ in range(5):
        with atomic_path(tmp_path / "m.pt") as tmp:
            assert tmp.parent == tmp_path and tmp.name.startswith(".m.pt.") and tmp.is_file()
            seen.add(tmp.name)
            tmp.write_bytes(b"x")
    assert len(seen) == 5


@pytest.mark.parametrize("suffix", [".onnx", ".pt"])
def test_onnx_and_torchscript_export_never_follow_a_planted_temp_symlink(tmp_path, cli, suffix):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / f"model{suffix}"
    os.symlink(victim, tmp_path / f".model{suffix}.tmp")  # the fixed temp name the old exporter used
    rc, _, err = cli("export", "lenet5", "-o", out)
    assert rc == 0, err
    assert victim.read_text() == "precious" and out.is_file() and out.stat().st_size > 1000


def test_py_export_without_weights_builds_no_module(tmp_path, monkeypatch):
    import studio.compiler.export as export_mod
    from studio.templates import build_project

    def refuse(*a, **k):
        raise AssertionError("GraphModule built for a code-only export")

    monkeypatch.setattr(export_mod, "GraphModule", refuse)
    written = export_mod.export_project(build_project("resnet18"), tmp_path / "m.py")
    assert written == [tmp_path / "m.py"] and "class" in (tmp_path / "m.py").read_text()


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_diagram_writes_through_no_dangling_symlink(tmp_path, cli, suffix):
    out = tmp_path / f"d{suffix}"
    os.symlink(tmp_path / "elsewhere" / "created", out)
    (tmp_path / "elsewhere").mkdir()
    rc, stdout, err = cli("diagram", "lenet5", "-o", out)
    assert rc == 0, err
    assert not (tmp_path / "elsewhere" / "created").exists() and not out.is_symlink() and out.stat().st_size > 100


def test_a_failed_png_leaves_the_old_diagram_whole(tmp_path, cli, monkeypatch):
    from PySide6.QtGui import QImage

    out = tmp_path / "d.png"
    out.write_bytes(b"old diagram")
    def half_then_fail(self, target, *a, **k):  # a writer that dies midway (disk full, killed)
        if isinstance(target, str):
            with open(target, "wb") as f:
                f.write(b"\x89PNG half")
        else:  # the PNG is encoded into a buffer first (a file name that is not UTF-8 stays out of Qt)
            target.write(b"\x89PNG half")
        return False

    monkeypatch.setattr(QImage, "save", half_then_fail)
    rc, _, err = cli("diagram", "lenet5", "-o", out, "--force")
    one_line_error(rc, err, "PNG writer failed")
    assert out.read_bytes() == b"old diagram" and sorted(os.listdir(tmp_path)) == ["d.png"]


def test_open_append_refuses_links_and_pipes(tmp_path):
    os.symlink(tmp_path / "target", tmp_path / "metrics.jsonl")
    os.mkfifo(tmp_path / "layer_stats.jsonl")
    with pytest.raises(UserFileError, match="symbolic link"):
        open_append(tmp_path / "metrics.jsonl")
    with pytest.raises(UserFileError, match="named pipe"):
        open_append(tmp_path / "layer_stats.jsonl")
    assert not (tmp_path / "target").exists()


# ---- user templates: typed records ---------------------------------------------------------
def _user_template(home, meta, stem="bad"):
    d = lenet_dict()
    d["user_template"] = meta
    folder = home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.cnnproj").write_text(json.dumps(d), encoding="utf-8")


@pytest.mark.parametrize("meta,words", [({"name": 5}, "name should be a non-empty text"),
                                        ({"name": "x", "description": 7}, "description should be a text"),
                                        ({"name": "x", "outputs": "x"}, "outputs should be a list"),
                                        ({"name": "\ud800"}, "lone surrogate")])
def test_templates_new_and_export_with_a_bad_user_template(tmp_path, cli, _studio_home, meta, words):
    _user_template(_studio_home, meta)
    _user_template(_studio_home, {"name": "fine"}, stem="fine")
    rc, out, err = cli("templates")
    assert rc == 0 and "fine" in out and words in err and "Traceback" not in err
    rc, _, err = cli("new", "bad", "-o", tmp_path / "n.cnnproj")
    one_line_error(rc, err, "bad.cnnproj", words)
    assert not (tmp_path / "n.cnnproj").exists()
    rc, _, err = cli("export", "bad", "-o", tmp_path / "m.py")
    one_line_error(rc, err, words)
    rc, _, err = cli("new", "fine", "-o", tmp_path / "f.cnnproj")
    assert rc == 0, err
    rc, _, err = cli("summary", tmp_path / "f.cnnproj")  # what `new` wrote loads again
    assert rc == 0, err


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_pipe_or_dev_zero_in_the_templates_folder_is_skipped(tmp_path, kind):
    home = tmp_path / "home"
    (home / "templates").mkdir(parents=True)
    p = home / "templates" / "evil.cnnproj"
    os.mkfifo(p) if kind == "fifo" else os.symlink("/dev/zero", p)
    rc, out, err = cnn("templates", timeout=60, env={"CNN_STUDIO_HOME": str(home)})
    assert rc == 0 and "evil.cnnproj" in err and "not a regular file" in err


# ---- import ------------------------------------------------------------------------------
def test_import_of_an_installed_module_runs_no_file_of_the_current_folder(tmp_path):
    for name in ("accimage", "gmpy2"):
        (tmp_path / f"{name}.py").write_text(f"open({str(tmp_path / ('ran_' + name))!r}, 'w').close()\n")
    (tmp_path / "mynet.py").write_text(
        "from torch import nn\n"
        "def Net():\n"
        "    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))\n")
    rc, _, err = cnn("import", "torchvision.models:resnet18", "-o", "r.cnnproj", "--input", "3x32x32",
                     cwd=tmp_path, timeout=300)
    assert rc == 0, err
    rc, _, err = cnn("import", "mynet:Net", "-o", "m.cnnproj", "--input", "1x8x8", cwd=tmp_path, timeout=300)
    assert rc == 0, err  # a module of one's own in the current folder still imports
    assert not list(tmp_path.glob("ran_*"))


@pytest.mark.parametrize("spec,words", [("os:abort", "built-in function"), ("builtins:print", "built-in function"),
                                        ("os:path", "not a model class"), ("json:JSONDecoder", "not a torch.nn.Module"),
                                        ("json:loads", "calling json:loads failed")])
def test_import_calls_only_a_model_class_or_a_python_function(tmp_path, spec, words):
    rc, _, err = cnn("import", spec, "-o", tmp_path / "x.cnnproj", timeout=120)
    one_line_error(rc, err, words)
    assert not (tmp_path / "x.cnnproj").exists()


def test_corpus_user_templates_and_blocks_are_skipped_with_a_line_each(_studio_home):
    """Every round-3 bad user_template record in the corpus, as a template and as a block."""
    import shutil

    from studio.templates.user import list_blocks, list_user_templates

    from .fuzzing import CORPUS

    files = sorted(CORPUS.glob("round3-user-template-*.cnnproj"))
    assert len(files) >= 6
    for folder in (_studio_home / "templates", _studio_home / "templates" / "blocks"):
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy(f, folder / f.name)
    errors: list[str] = []
    assert list_user_templates(errors) == [] and list_blocks(errors) == []
    assert len(errors) == 2 * len(files) and all("\n" not in e and "round3-user-template" in e for e in errors)


def test_a_key_given_twice_in_a_project_is_refused(cli):
    from .fuzzing import CORPUS

    rc, _, err = cli("summary", CORPUS / "round3-duplicate-key.cnnproj")
    one_line_error(rc, err, "'num_classes' appears twice")


def test_a_library_writing_by_name_writes_the_asked_file_even_when_the_name_is_not_utf8(tmp_path):
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt needs one to save)
    target = tmp_path / os.fsdecode(b"caf\xe9 \xff.png")
    img = QImage(12, 12, QImage.Format.Format_ARGB32)
    img.fill(0)
    with atomic_path(target) as tmp:
        assert tmp.name.isascii()  # Qt re-encodes a name that is not UTF-8: it must not see one
        assert img.save(str(tmp), "PNG")
    assert os.listdir(tmp_path) == [target.name] and target.stat().st_size > 50
