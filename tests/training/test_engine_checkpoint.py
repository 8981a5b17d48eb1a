"""Checkpoint contents, evaluation and prediction from a real trained run."""
import pytest
import torch
from PIL import Image

from studio.core.errors import StudioError
from studio.core.project import parse_project
from studio.training.checkpoint import build_model, load_checkpoint
from studio.training.evaluate import evaluate
from studio.training.predict import Predictor

from .engine_helpers import digit_png


def test_checkpoint_contents(trained_run):
    out, records = trained_run
    ck = torch.load(out / "best.pt", weights_only=True)
    for key in ("model", "optimizer", "scheduler", "epoch", "metrics", "project", "class_names", "mean", "std",
                "input_shape", "settings", "rng", "seed", "complete"):
        assert key in ck, key
    assert ck["class_names"] == [str(i) for i in range(10)]
    assert ck["input_shape"] == [1, 32, 32] and ck["complete"] is True
    assert ck["settings"]["epochs"] == 3 and ck["seed"] == 0
    best_epoch = max((r for r in records if r.kind == "epoch"), key=lambda r: r.val_acc).epoch
    assert ck["epoch"] == best_epoch and ck["metrics"]["epoch"] == best_epoch
    proj = parse_project(ck["project"])
    assert proj.dataset["source"] == "digits"
    model = build_model(proj)
    model.load_state_dict(ck["model"])  # strict: every key fits
    assert load_checkpoint(out / "last.pt")["epoch"] == 3


class _RunsCode:
    def __reduce__(self):
        import os
        return (os.system, ("echo ran > ran.txt",))


def test_bad_checkpoints_are_refused(tmp_path, trained_run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    with pytest.raises(StudioError, match="junk.pt is not a PyTorch checkpoint that loads safely"):
        load_checkpoint(tmp_path / "junk.pt")
    torch.save({"model": _RunsCode()}, tmp_path / "code.pt")
    with pytest.raises(StudioError, match=r"code.pt was refused: it holds a Python object \(posix.system\) "
                                          "that could run code"):
        load_checkpoint(tmp_path / "code.pt")
    assert not (tmp_path / "ran.txt").exists()
    good = (trained_run[0] / "last.pt").read_bytes()
    (tmp_path / "cut.pt").write_bytes(good[: len(good) // 2])
    with pytest.raises(StudioError, match="cut.pt is truncated or damaged"):
        load_checkpoint(tmp_path / "cut.pt")
    (tmp_path / "empty.pt").write_bytes(b"")
    with pytest.raises(StudioError, match="empty.pt is empty"):
        load_checkpoint(tmp_path / "empty.pt")
    torch.save({"w": torch.zeros(2)}, tmp_path / "bare.pt")
    with pytest.raises(StudioError, match="bare.pt holds bare weights"):
        load_checkpoint(tmp_path / "bare.pt")
    torch.save({"weights": torch.zeros(2), "epoch": 1}, tmp_path / "other.pt")
    with pytest.raises(StudioError, match="missing model"):
        load_checkpoint(tmp_path / "other.pt")
    with pytest.raises(StudioError, match="no such checkpoint"):
        load_checkpoint(tmp_path / "nope.pt")


def test_evaluate(trained_run, digits):
    out, records = trained_run
    p = Predictor.from_checkpoint(out / "best.pt")
    res = evaluate(p.model, digits.val, digits.class_names)
    best = max(r.val_acc for r in records if r.kind == "epoch")
    assert res.accuracy == pytest.approx(best, abs=1e-9)
    assert res.count == len(digits.val) and len(res.predictions) == res.count
    assert sum(map(sum, res.confusion)) == res.count
    assert sum(res.confusion[i][i] for i in range(10)) == round(res.accuracy * res.count)
    assert len(res.precision) == len(res.recall) == 10 and all(0 <= v <= 1 for v in res.precision)
    assert res.top5 is not None and res.top5 >= res.accuracy
    for idx, true, pred, conf in res.worst:
        assert true != pred and res.predictions[idx] == pred and 0 < conf <= 1
    assert [w[3] for w in res.worst] == sorted((w[3] for w in res.worst), reverse=True)
    assert "confusion matrix" in res.report()


def test_predict_names_the_right_class(trained_run, tmp_path):
    out, _ = trained_run
    p = Predictor.from_checkpoint(out / "best.pt")
    hits = 0
    for i in (0, 1, 2, 3, 4):
        label = digit_png(tmp_path / f"d{i}.png", i)
        top = p.predict(tmp_path / f"d{i}.png", top_k=3)
        assert len(top) == 3 and top[0][1] >= top[1][1] >= top[2][1]
        assert abs(sum(prob for _, prob in p.predict(Image.open(tmp_path / f"d{i}.png"), top_k=10)) - 1) < 1e-4
        hits += top[0][0] == label
    assert hits >= 4
    assert p.preprocess(Image.open(tmp_path / "d0.png")).shape == (1, 32, 32)


def test_predict_broken_image(trained_run, tmp_path):
    out, _ = trained_run
    p = Predictor.from_checkpoint(out / "last.pt")
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    with pytest.raises(StudioError, match="bad.png cannot be read as an image"):
        p.predict(tmp_path / "bad.png")
    with pytest.raises(StudioError, match="no such image"):
        p.predict(tmp_path / "missing.png")
