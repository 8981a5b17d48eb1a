"""Real short trainings through the generator engine."""
import json
import threading

import torch
from torch.utils.data import Dataset

from studio.core.graph import GraphBuilder
from studio.core.project import Project
from studio.training.checkpoint import load_checkpoint, training_graph
from studio.training.engine import Trainer
from studio.training.layer_stats import DEFAULT_EVERY
from studio.training.settings import TrainSettings

from .engine_helpers import digits_bundle


def run_all(trainer):
    return list(trainer.run())


def test_records_sequence(lenet, digits, tmp_path):
    recs = run_all(Trainer(lenet, digits, TrainSettings(epochs=2), out_dir=tmp_path))
    kinds = [r.kind for r in recs]
    assert kinds[0] == "start" and kinds[-1] == "result"
    assert [r.epoch for r in recs if r.kind == "epoch"] == [1, 2]
    start = recs[0]
    assert start.device == "cpu" and "CPU" in start.device_name
    assert start.num_train == len(digits.train) and start.params == 61706
    prog = [r for r in recs if r.kind == "progress"]
    assert prog and len(prog) <= 2 * start.steps_per_epoch
    # the last batch of each epoch is always reported, steps count globally
    assert [r.step for r in prog if r.batch == r.batches] == [start.steps_per_epoch, 2 * start.steps_per_epoch]
    assert all(r.kind in ("progress", "layer_stats") for r in recs[1:kinds.index("epoch")])
    # layer statistics: the first sample before the first update, then every DEFAULT_EVERY steps
    samples = [r for r in recs if r.kind == "layer_stats"]
    steps = 2 * start.steps_per_epoch
    assert [r.step for r in samples] == list(range(0, steps, DEFAULT_EVERY))
    lines = [json.loads(x) for x in (tmp_path / "layer_stats.jsonl").read_text().splitlines()]
    assert lines == [r.to_dict() for r in samples]
    first = lines[0]["layers"]
    assert list(first)[:3] == ["conv1", "relu1", "pool1"]  # graph order
    assert set(first["conv1"]) == {"grad_norm", "update_ratio", "act_mean", "act_std", "zero_frac"}
    assert set(first["relu1"]) == {"act_mean", "act_std", "zero_frac"}  # no parameters: no gradient keys
    assert 0.2 < first["relu1"]["zero_frac"] < 0.8 and first["conv1"]["grad_norm"] > 0
    ep = [r for r in recs if r.kind == "epoch"]
    assert ep[1].train_loss < ep[0].train_loss
    assert 0 <= ep[1].val_acc <= 1 and ep[1].val_top5 >= ep[1].val_acc
    res = recs[-1]
    assert res.status == "finished" and res.epochs_done == 2
    assert res.best_acc == max(e.val_acc for e in ep) and res.best_acc_split == "val"
    assert (tmp_path / "best.pt").exists() and (tmp_path / "last.pt").exists()
    assert (tmp_path / "project.cnnproj").exists()
    assert len((tmp_path / "metrics.jsonl").read_text().splitlines()) == 2


def test_same_seed_same_metrics(lenet, tmp_path):
    data = digits_bundle(limit=400)

    def metrics(seed, d):
        recs = run_all(Trainer(lenet, data, TrainSettings(epochs=2, seed=seed), out_dir=tmp_path / d))
        return [(r.train_loss, r.val_loss, r.val_acc) for r in recs if r.kind == "epoch"]

    a, b, c = metrics(3, "a"), metrics(3, "b"), metrics(4, "c")
    assert a == b
    assert a != c


def test_optimizers_and_schedulers_train(lenet, tmp_path):
    data = digits_bundle(limit=300)
    for i, (opt, sched) in enumerate([("sgd", "step"), ("adamw", "cosine"), ("adam", "none")]):
        st = TrainSettings(epochs=2, optimizer=opt, scheduler=sched, lr=0.05 if opt == "sgd" else 2e-3,
                           nesterov=opt == "sgd", weight_decay=1e-4, label_smoothing=0.1)
        recs = run_all(Trainer(lenet, data, st, out_dir=tmp_path / str(i)))
        assert recs[-1].status == "finished", recs[-1].message
        ep = [r for r in recs if r.kind == "epoch"]
        assert ep[-1].train_loss < 2.3
        if sched == "cosine":
            assert ep[-1].lr < 2e-3 * 0.01


def test_stop_in_mid_epoch_keeps_valid_last(lenet, digits, tmp_path):
    tr = Trainer(lenet, digits, TrainSettings(epochs=3, batch_size=16), out_dir=tmp_path)
    recs = []
    for r in tr.run():
        recs.append(r)
        if r.kind == "progress" and r.epoch == 2 and r.batch >= 3:
            tr.request_stop()
    res = recs[-1]
    assert res.status == "stopped" and "epoch 2" in res.message
    assert res.epochs_done == 1
    ck = torch.load(tmp_path / "last.pt", weights_only=True)
    assert ck["complete"] is False and ck["epoch"] == 1 and ck["step"] >= 3
    # the saved weights are the current ones, not those of epoch 1
    best = torch.load(tmp_path / "best.pt", weights_only=True)
    assert not torch.equal(ck["model"]["fc3.weight"], best["model"]["fc3.weight"])
    assert len((tmp_path / "metrics.jsonl").read_text().splitlines()) == 1


def test_pause_and_resume_from_another_thread(lenet, tmp_path):
    tr = Trainer(lenet, digits_bundle(limit=600), TrainSettings(epochs=2, batch_size=8), out_dir=tmp_path)
    recs = []
    first = threading.Event()

    def consume():
        for r in tr.run():
            recs.append(r)
            if r.kind == "progress":
                first.set()

    th = threading.Thread(target=consume)
    th.start()
    assert first.wait(30)
    tr.request_pause()
    assert tr.pause_reached.wait(30), "the engine never reached the pause point"
    n = len(recs)
    th.join(0.4)  # the engine is blocked: the consumer neither ends nor gets records
    assert th.is_alive() and len(recs) == n and tr.pause_reached.is_set()
    tr.request_resume()
    th.join(60)
    assert not th.is_alive()
    assert not tr.pause_reached.is_set()
    assert recs[-1].status == "finished" and recs[-1].epochs_done == 2


def test_resume_continues_with_next_epoch(lenet, tmp_path):
    data = digits_bundle(limit=400)
    first = run_all(Trainer(lenet, data, TrainSettings(epochs=1, seed=1), out_dir=tmp_path))
    assert first[-1].epochs_done == 1
    tr = Trainer(lenet, data, TrainSettings(epochs=3, seed=1), resume=tmp_path / "last.pt")
    recs = run_all(tr)
    assert recs[0].start_epoch == 2
    assert [r.epoch for r in recs if r.kind == "epoch"] == [2, 3]
    assert recs[-1].status == "finished" and recs[-1].epochs_done == 3
    assert tr.run_dir == tmp_path  # resumes into the checkpoint's folder
    lines = (tmp_path / "metrics.jsonl").read_text().splitlines()
    assert [int(line.split('"epoch": ')[1].split(",")[0]) for line in lines] == [1, 2, 3]
    ck = load_checkpoint(tmp_path / "last.pt")
    assert ck["epoch"] == 3 and ck["optimizer"]["state"]


def test_nan_loss_fails_naming_the_learning_rate(lenet, tmp_path):
    data = digits_bundle(limit=300)
    recs = run_all(Trainer(lenet, data, TrainSettings(epochs=2, optimizer="sgd", lr=1e6), out_dir=tmp_path))
    res = recs[-1]
    assert res.status == "failed"
    assert "NaN" in res.message and "1e+06" in res.message and "100000" in res.message
    assert not (tmp_path / "last.pt").exists()  # nothing written from the broken weights
    assert not [r for r in recs if r.kind == "epoch"]


def _tiny_project(shape=(1, 8, 8), out_channels=4, padding=0, softmax=False, classes=10):
    b = GraphBuilder()
    b.add("Input", "input", channels=shape[0], height=shape[1], width=shape[2])
    b.add("Conv2d", "conv", out_channels=out_channels, kernel_size=1, padding=padding)
    b.add("ReLU", "relu")
    b.add("AdaptiveAvgPool2d", "gap")
    b.add("Flatten", "flat")
    b.add("Linear", "fc", out_features=classes)
    if softmax:
        b.add("Softmax", "prob")
    return Project(graph=b.graph, num_classes=classes, name="tiny")


def test_trailing_softmax_is_left_out_of_training(lenet, tmp_path):
    proj = lenet.copy()
    proj.graph.add_node("Softmax", node_id="prob")
    proj.graph.connect("fc3", "prob")
    assert [n.id for n in training_graph(proj.graph).nodes][-1] == "fc3"
    data = digits_bundle(limit=300)
    with_softmax = run_all(Trainer(proj, data, TrainSettings(epochs=2), out_dir=tmp_path / "a"))
    plain = run_all(Trainer(lenet, data, TrainSettings(epochs=2), out_dir=tmp_path / "b"))
    # the same training as on the logits, no double softmax
    assert [r.train_loss for r in with_softmax if r.kind == "epoch"] == \
        [r.train_loss for r in plain if r.kind == "epoch"]
    assert load_checkpoint(tmp_path / "a" / "last.pt")["project"]["graph"]["nodes"][-1]["type"] == "Softmax"


def test_out_of_memory_fails_cleanly(tmp_path):
    # a 1x1 conv with 65536 channels and padding 255 on 64x64 images: its output needs ~86 GB per image,
    # ~11 TB per batch of 128; the allocator refuses it at once (nothing is touched)
    proj = _tiny_project(shape=(1, 64, 64), out_channels=65536, padding=255)
    recs = run_all(Trainer(proj, digits_bundle((1, 64, 64), limit=200), TrainSettings(epochs=1, batch_size=128),
                           out_dir=tmp_path))
    res = recs[-1]
    assert res.status == "failed"
    assert "out of memory" in res.message and "batch size 128" in res.message and "--" not in res.message
    # the error names the field and the value to try; each front end words it (CLI: the option)
    assert res.error.field == "training.batch_size" and res.error.value == 64
    assert not (tmp_path / "last.pt").exists()


class _Broken(Dataset):
    def __init__(self, base):
        self.base = base

    def __len__(self):
        return len(self.base)

    def __getitem__(self, i):
        if i % 50 == 7:
            raise OSError(f"image {i} is truncated")
        return self.base[i]


def test_broken_data_fails_with_a_message(tmp_path):
    data = digits_bundle(limit=300)
    data.train, data.in_memory = _Broken(data.train), False
    recs = run_all(Trainer(_tiny_project((1, 32, 32)), data, TrainSettings(epochs=1), out_dir=tmp_path))
    res = recs[-1]
    assert res.status == "failed"
    assert "could not read a training batch" in res.message and "truncated" in res.message


def test_class_count_mismatch_and_bad_graph_fail_cleanly(tmp_path):
    data = digits_bundle(limit=100)
    recs = run_all(Trainer(_tiny_project((1, 32, 32), classes=5), data, TrainSettings(epochs=1), out_dir=tmp_path))
    err = recs[-1].error
    assert recs[-1].status == "failed" and "data has 10" in recs[-1].message and "--" not in recs[-1].message
    assert (err.field, err.hint, err.value) == ("num_classes", "set", 10)
    bad = _tiny_project((1, 32, 32))
    bad.graph.disconnect(bad.graph.in_edges("fc")[0])
    recs = run_all(Trainer(bad, data, TrainSettings(epochs=1), out_dir=tmp_path / "b"))
    assert recs[-1].status == "failed" and "error" in recs[-1].message


def test_shapes_small_resolution_streamed(tmp_path):
    from studio.training.data import DataSettings, load_data

    proj = _tiny_project((3, 16, 16), out_channels=16, classes=5)
    data = load_data(DataSettings.from_dict({"source": "shapes", "cache": "stream", "shapes": {"count": 200}}),
                     (3, 16, 16))
    assert not data.in_memory
    recs = run_all(Trainer(proj, data, TrainSettings(epochs=1, batch_size=32), out_dir=tmp_path))
    assert recs[-1].status == "finished", recs[-1].message
    ep = [r for r in recs if r.kind == "epoch"][0]
    assert ep.val_top5 is None  # 5 classes: no top-5
    assert ep.val_acc is not None


def test_the_trainer_and_its_loop_have_every_attribute_from_their_constructors(lenet, tmp_path):
    from studio.training.loop import TrainingLoop
    from studio.training.state import RunParts

    st = TrainSettings(epochs=1, scheduler="none")
    tr = Trainer(lenet, digits_bundle(limit=200), st, out_dir=tmp_path)
    before = set(vars(tr))
    assert tr.parts is None and tr.loop is None and tr.state.history == [] and tr.model is None
    recs = run_all(tr)
    assert recs[-1].status == "finished"
    assert set(vars(tr)) == before  # nothing is born in the setup or the loop
    assert isinstance(tr.parts, RunParts) and isinstance(tr.loop, TrainingLoop)
    assert tr.history is tr.state.history and len(tr.history) == 1 and tr.model is tr.parts.model
    # a loop over the same parts trains a second epoch; running it adds no attribute either
    tr.state.start_epoch = 2
    loop = TrainingLoop(tr, tr.parts, tr.state, st.replace(epochs=2), lenet.num_classes)
    attrs = set(vars(loop))
    recs = list(loop.run())
    assert [r.epoch for r in recs if r.kind == "epoch"] == [2] and recs[-1].status == "finished"
    assert set(vars(loop)) == attrs and len(tr.history) == 2
