"""Checkpoints that load safely but hold wrong metadata, pipes, decompression bombs, symlink loops,
stale temporary files and a stop before the first batch: one line each, never a traceback or a hang."""
from __future__ import annotations

import os
import threading
import time

import pytest
import torch

from studio.core.project import atomic_write_text, clean_stale_temps

from .conftest import DIGIT, LENET, one_line_error

BAD_META = [
    ("class_names", 7, "'class_names' is 7"),
    ("class_names", None, "'class_names' is None"),
    ("class_names", ["a", "b"], "10 names, one per output"),
    ("class_names", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "list of class names"),
    ("class_names", ["\ud800"] * 10, "lone surrogates"),
    ("mean", "0.5", "'mean' is '0.5'"),
    ("mean", [float("nan")], "finite numbers"),
    ("std", [0.0], "positive numbers"),
    ("std", [1.0, 2.0], "a list of 1 finite numbers"),
    ("epoch", "3", "'epoch' is '3'"),
    ("epoch", -1, "'epoch' is -1"),
    ("epoch", 2**62, "'epoch' is 4611686018427387904"),
    ("input_shape", [1, 32], "three positive whole numbers"),
    ("input_shape", [1, -32, 32], "three positive whole numbers"),
    ("input_shape", [1, 32.0, 32], "three positive whole numbers"),
    ("input_shape", [3, 32, 32], "the input of its network [1, 32, 32]"),
    ("input_shape", "1x32x32", "three positive whole numbers"),
    ("best_val_acc", "high", "'best_val_acc'"),  # the name older checkpoints used
    ("best_acc", 1.5, "'best_acc' is 1.5"),
    ("best_acc_split", "test", "'best_acc_split' is 'test'"),
    ("settings", [1], "'settings' is [1]"),
    ("metrics", {"elapsed_s": "long"}, "metrics.elapsed_s"),
    ("project", 5, "'project' is 5"),
    ("project", {"format": "cnn-studio", "version": 1, "graph": {"nodes": "x"}}, "should be a list"),
]


@pytest.fixture(scope="module")
def damaged(trained, tmp_path_factory):
    """One checkpoint file per BAD_META row, each the real last.pt with one field replaced."""
    d = tmp_path_factory.mktemp("damaged")
    good = torch.load(trained / "last.pt", weights_only=True)
    paths = []
    for i, (field, value, _) in enumerate(BAD_META):
        ck = dict(good)
        ck[field] = value
        torch.save(ck, d / f"bad{i}.pt")
        paths.append(d / f"bad{i}.pt")
    return paths


@pytest.mark.parametrize("i", range(len(BAD_META)), ids=[f"{r[0]}={r[2][:20]}" for r in BAD_META])
def test_wrong_metadata_is_one_line_for_evaluate_predict_and_resume(cli, damaged, tmp_path, i):
    path = damaged[i]
    field, _, words = BAD_META[i]
    for argv in (["predict", path, DIGIT], ["evaluate", path, "--data", "digits"],
                 ["train", LENET, "--resume", path, "--epochs", "3", "--out", tmp_path / "r"]):
        rc, _, err = cli(*argv)
        line = one_line_error(rc, err, words)
        assert "Traceback" not in err and len(line) < 600, line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_checkpoint_or_image_is_refused_without_blocking(cli, trained, tmp_path):
    fifo = tmp_path / "pipe.pt"
    os.mkfifo(fifo)
    img = tmp_path / "pipe.png"
    os.mkfifo(img)
    done = threading.Event()
    # a blocked open would hang the test: a watchdog writer releases it (and the test then fails)
    def release():
        if not done.wait(20):
            for f in (fifo, img):
                try:
                    fd = os.open(f, os.O_WRONLY | os.O_NONBLOCK)
                    os.close(fd)
                except OSError:
                    pass
    threading.Thread(target=release, daemon=True).start()
    try:
        rc, _, err = cli("predict", fifo, DIGIT)
        one_line_error(rc, err, "not a regular file")
        rc, out, err = cli("predict", trained / "last.pt", img, DIGIT)
        assert rc == 2 and "pipe.png is not a regular file" in err and "digit_3.png" in out
    finally:
        done.set()


def test_a_decompression_bomb_is_skipped_and_the_other_images_go_on(cli, trained, tmp_path):
    from PIL import Image

    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb)  # 400 M pixels, 50 KB on disk
    rc, out, err = cli("predict", trained / "last.pt", bomb, DIGIT)
    assert rc == 2
    assert "bomb.png was skipped" in err and "safety limit" in err and "Traceback" not in err
    assert "digit_3.png:" in out


def test_a_symlink_loop_in_an_image_folder_ends_and_counts_each_image_once(tmp_path):
    from PIL import Image

    from studio.training.datasets.folder import scan

    root = tmp_path / "data"
    for cls in ("a", "b"):
        (root / cls).mkdir(parents=True)
        for k in range(3):
            Image.new("L", (8, 8), 40 * k).save(root / cls / f"{k}.png")
    os.symlink("..", root / "a" / "up")          # a/up -> data: a loop
    os.symlink(root / "b", root / "a" / "other")  # a link into another class
    os.symlink(".", root / "b" / "self")
    names, paths, labels, _, _ = scan(root)
    assert names == ["a", "b"]
    assert sorted(labels) == [0, 0, 0, 1, 1, 1]  # b's images stay b's, nothing twice
    assert len({os.path.realpath(p) for p in paths}) == 6


def test_stale_temp_files_of_a_killed_save_are_cleaned_by_the_next_save(tmp_path):
    target = tmp_path / "net.cnnproj"
    target.write_text("old")
    stale = tmp_path / ".net.cnnproj.abc123.tmp"
    stale.write_text("half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    other = tmp_path / ".other.cnnproj.x.tmp"  # another file's leftovers are not ours
    other.write_text("x")
    os.utime(other, (old, old))
    fresh = tmp_path / ".net.cnnproj.new.tmp"  # written now: maybe a save in progress elsewhere
    fresh.write_text("busy")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert not stale.exists() and other.exists() and fresh.exists()
    assert clean_stale_temps(tmp_path / "other.cnnproj") == 1


def test_a_stop_before_the_first_batch_does_not_claim_a_checkpoint(tmp_path):
    from studio.templates import build_project
    from studio.training.data import load_data
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    proj = build_project("lenet5")
    tr = Trainer(proj, load_data("digits", (1, 32, 32)), TrainSettings(epochs=1), out_dir=tmp_path / "run")
    tr.request_stop()
    res = list(tr.run())[-1]
    assert res.status == "stopped"
    assert "last.pt holds" not in res.message and "no checkpoint was written" in res.message
    assert not (tmp_path / "run" / "last.pt").exists()
