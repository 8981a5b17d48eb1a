"""Hostile values in project files: each one a single line naming the field and the fix, exit 2.

Every case here ended in a traceback (or a wrong message) before issue 13.
"""
from __future__ import annotations

import json

import pytest

from studio.core.errors import ProjectError, StudioError
from studio.core.graph import Graph
from studio.core.project import load_project, loads_project, parse_project
from studio.core.text import short_repr
from studio.training.datasets.settings import DataSettings
from studio.training.settings import TrainSettings

from .conftest import lenet_dict, mutated, one_line_error, write_project


def test_an_integer_of_5000_digits_anywhere_is_one_line(tmp_path, cli):
    text = json.dumps(lenet_dict()).replace('"out_channels": 6', '"out_channels": ' + "9" * 5000)
    path = write_project(tmp_path / "big.cnnproj", text=text)
    rc, _, err = cli("summary", path)
    one_line_error(rc, err, "big.cnnproj", "number that cannot be read")


@pytest.mark.parametrize("where", ["label", "name", "class_names", "notes", "dataset.root"])
def test_a_lone_surrogate_is_refused_naming_the_field(tmp_path, cli, where):
    def put(d):
        if where == "label":
            d["graph"]["nodes"][1]["label"] = "conv \ud800"
        elif where == "class_names":
            d["class_names"][3] = "\udfff"
        elif where == "dataset.root":
            d["dataset"]["root"] = "\ud83d"
        else:
            d[where] = "x\ud800"
    path = write_project(tmp_path / "s.cnnproj", mutated(put))  # json.dumps writes "\ud800" escapes
    rc, _, err = cli("summary", path)
    line = one_line_error(rc, err, "lone surrogate", "retype")
    key = {"label": "graph.nodes[1].label", "class_names": "class_names[3]"}.get(where, where)
    assert key in line


def test_a_huge_integer_beyond_64_bits_in_the_graph_is_refused():
    d = mutated(lambda d: d["graph"]["nodes"][1]["params"].__setitem__("out_channels", 2**64))
    with pytest.raises(ProjectError, match=r"graph.nodes\[1\].params.out_channels .*beyond 64 bits"):
        parse_project(d, "p")


def test_version_1_0_is_explained_as_a_whole_number(tmp_path, cli):
    rc, _, err = cli("summary", write_project(tmp_path / "v.cnnproj", mutated(lambda d: d.update(version=1.0))))
    line = one_line_error(rc, err, "'version' should be a whole number, not a decimal number (1.0)")
    assert "a number, not a number" not in line


def test_batchnorm_eps_0_is_refused_like_torch_refuses_it(tmp_path, cli):
    def bn(d):
        d["graph"]["nodes"].insert(2, {"id": "bn", "type": "BatchNorm2d", "params": {"eps": 0}})
        d["graph"]["edges"][1] = {"source": "conv1", "target": "bn", "port": 0}
        d["graph"]["edges"].insert(2, {"source": "bn", "target": "tanh1", "port": 0})
    rc, _, err = cli("summary", write_project(tmp_path / "bn.cnnproj", mutated(bn)))
    one_line_error(rc, err, "'eps' is 0.0", "above 0")


def test_spec_float_ranges_match_torch():
    """The smallest value each float parameter's spec accepts builds and runs in torch (train mode)."""
    import torch

    from studio.compiler import compile_graph
    from studio.core.graph import GraphBuilder
    from studio.core.spec import all_specs

    for spec in all_specs():
        for p in spec.params:
            if p.kind != "float" or p.min is None:
                continue
            value = p.min + (1e-6 if p.min_open else 0.0)
            b = GraphBuilder()
            b.add("Input", "input", channels=4, height=6, width=6)
            try:
                b.add(spec.id, "x", **{p.name: value})
            except StudioError:
                continue  # needs other inputs/params: not a single-input layer
            b.add("Flatten", "f")
            b.add("Linear", "fc", out_features=2)
            model = compile_graph(b.graph, 2).train()
            out = model(torch.randn(2, 4, 6, 6))
            assert out.shape == (2, 2), (spec.id, p.name)


@pytest.mark.parametrize("field,value,words", [
    ("lr", float("inf"), ["'lr' is inf", "finite"]),
    ("lr", float("nan"), ["'lr' is nan", "finite"]),
    ("weight_decay", float("nan"), ["'weight_decay'", "finite"]),
    ("momentum", float("-inf"), ["'momentum'", "finite"]),
    ("seed", 1e30, ["'seed' should be a whole number"]),
    ("seed", -1, ["'seed' is -1"]),
    ("seed", 2**40, ["'seed'", "2147483647"]),
    ("threads", 100000, ["'threads' is 100000", "up to 256"]),
    ("num_workers", 10**6, ["'num_workers'"]),
    ("epochs", 10**5000, ["'epochs' is a 5001-digit number"]),
    ("batch_size", 10**9, ["'batch_size'"]),
], ids=short_repr)
def test_training_settings_refuse_nan_infinity_and_huge_values(field, value, words):
    with pytest.raises(StudioError) as exc:
        TrainSettings.from_dict({field: value})
    msg = str(exc.value)
    assert "\n" not in msg and len(msg) < 300
    for w in words:
        assert w in msg, msg
    assert "10× lower" not in msg


@pytest.mark.parametrize("data,words", [
    ({"val_fraction": float("nan")}, ["dataset.val_fraction = nan"]),
    ({"val_fraction": "a b"}, ["dataset.val_fraction = 'a b'"]),
    ({"source": 2**63}, ["dataset.source = 9223372036854775808", "choose one of"]),
    ({"source": [1, 2]}, ["dataset.source = [1, 2]"]),
    ({"seed": 10**5000}, ["dataset.seed = a 5001-digit number"]),
    ({"augment": {"rotation_deg": float("nan")}}, ["rotation_deg = nan"]),
    ({"augment": {"rotation_deg": float("inf")}}, ["rotation_deg = inf"]),
    ({"augment": {"color_jitter": float("nan")}}, ["color_jitter = nan"]),
    ({"shapes": {"noise": float("nan")}}, ["noise = nan"]),
], ids=short_repr)
def test_data_settings_refuse_nan_strings_and_huge_values(data, words):
    with pytest.raises(StudioError) as exc:
        DataSettings.from_dict(data)
    for w in words:
        assert w in str(exc.value), str(exc.value)


@pytest.mark.parametrize("section,value,words", [
    ("dataset", {"val_fraction": float("nan")}, ["dataset.val_fraction = nan"]),
    ("dataset", {"source": 2**63}, ["dataset.source"]),
    ("dataset", {"augment": {"rotation_deg": float("nan")}}, ["rotation_deg = nan"]),
    ("training", {"seed": 1e30}, ["'seed' should be a whole number"]),
    ("training", {"lr": float("inf")}, ["'lr' is inf"]),
    ("training", {"threads": 100000}, ["'threads' is 100000"]),
], ids=short_repr)
def test_train_refuses_bad_settings_before_any_work(tmp_path, cli, section, value, words):
    path = write_project(tmp_path / "p.cnnproj", mutated(lambda d: d[section].update(value)))
    rc, _, err = cli("train", path, "--epochs", "1", "--out", tmp_path / "run")
    one_line_error(rc, err, *words)
    assert not (tmp_path / "run" / "last.pt").exists()


def test_reversed_edges_load_without_a_path_search_per_edge(monkeypatch):
    """The quadratic load: each connect searched the chain for a cycle. Loading now runs no
    per-edge search (one topological pass), counted rather than timed."""
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "benchmarks"))
    from load_large import reversed_chain_json

    calls = []
    real = Graph.find_path_exists
    monkeypatch.setattr(Graph, "find_path_exists", lambda self, a, b: calls.append(1) or real(self, a, b))
    proj = loads_project(reversed_chain_json(3000), "chain")
    assert len(proj.graph) == 3000 and len(proj.graph.edges) == 2999
    assert calls == []


def test_a_cycle_in_the_file_is_still_refused_naming_an_edge_on_it():
    d = mutated(lambda d: d["graph"]["edges"].append({"source": "fc3", "target": "conv1", "port": 1}))
    d["graph"]["nodes"][1]["type"] = "Add"
    d["graph"]["nodes"][1]["params"] = {}
    with pytest.raises(ProjectError, match="would make a cycle"):
        parse_project(d, "p")


def test_window_limit_is_checked_before_building_the_graph(tmp_path):
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "benchmarks"))
    from load_large import reversed_chain_json

    path = tmp_path / "big.cnnproj"
    path.write_text(reversed_chain_json(1200))
    with pytest.raises(ProjectError, match="1,200 layers; the window edits projects of up to 1,000"):
        load_project(path, max_nodes=1000)
    assert len(load_project(path).graph) == 1200


def test_train_refuses_a_lone_surrogate_label_before_writing_anything(tmp_path, cli):
    """It used to train and then fail while saving the run's project.cnnproj."""
    path = write_project(tmp_path / "s.cnnproj", mutated(lambda d: d["graph"]["nodes"][1].update(label="\ud800")))
    rc, _, err = cli("train", path, "--epochs", "1", "--out", tmp_path / "run")
    one_line_error(rc, err, "graph.nodes[1].label holds a lone surrogate")
    assert not (tmp_path / "run").exists()


def test_a_save_of_a_label_with_a_lone_surrogate_names_the_field(tmp_path):
    from studio.core.project import save_project
    from studio.templates import build_project

    proj = build_project("lenet5")
    proj.graph.set_label("conv1", "c\udc80")
    with pytest.raises(ProjectError, match=r"cannot save out.cnnproj: graph.nodes\[1\].label holds a lone surrogate"):
        save_project(proj, tmp_path / "out.cnnproj")
    assert list(tmp_path.iterdir()) == []
