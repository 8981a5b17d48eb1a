"""Project files: round trip through a fresh process, atomic save, and one clear refusal for
every kind of bad file. Loading never executes anything."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core import project as project_mod
from studio.core.errors import ProjectError
from studio.core.project import Project, load_project, loads_project, parse_project, save_project

from ..graphs import lenet

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def sample() -> Project:
    g = lenet()
    g.set_label("fc3", "classifier «out»")
    g.move("conv1", (12.5, -40))
    g.add_group("features", ["conv1", "relu1", "pool1"], collapsed=True, kind="ConvBlock")
    return Project(g, num_classes=10, name="LeNet ünïcode", template="lenet5",
                   class_names=[f"c{i}" for i in range(10)], dataset={"source": "digits", "seed": 3},
                   training={"epochs": 2, "lr": 0.01}, notes="line one\nline two")


def summary_of(p: Project) -> dict:
    return json.loads(json.dumps({
        "structure": p.graph.structure(), "pos": {n.id: list(n.pos) for n in p.graph.nodes},
        "collapsed": [g.collapsed for g in p.graph.groups], "num_classes": p.num_classes, "name": p.name,
        "template": p.template, "class_names": p.class_names, "dataset": p.dataset, "training": p.training,
        "notes": p.notes, "input_shape": p.input_shape,
    }))


FRESH = """
import json, sys
from studio.core.project import load_project
p = load_project(sys.argv[1])
print(json.dumps({
    "structure": p.graph.structure(), "pos": {n.id: list(n.pos) for n in p.graph.nodes},
    "collapsed": [g.collapsed for g in p.graph.groups], "num_classes": p.num_classes, "name": p.name,
    "template": p.template, "class_names": p.class_names, "dataset": p.dataset, "training": p.training,
    "notes": p.notes, "input_shape": p.input_shape,
}))
"""


def test_round_trip_into_a_fresh_process(tmp_path):
    p = sample()
    path = tmp_path / "net.cnnproj"
    save_project(p, path)
    r = subprocess.run([sys.executable, "-c", FRESH, str(path)], capture_output=True, text=True, cwd=ROOT,
                       check=True)
    assert json.loads(r.stdout) == summary_of(p)
    again = load_project(path)
    assert again.to_json() == p.to_json()  # saving is stable


@pytest.mark.parametrize("name", ["lenet5", "resnet_mini", "broken_linear"])
def test_examples_load_and_round_trip(tmp_path, name):
    p = load_project(EXAMPLES / f"{name}.cnnproj")
    save_project(p, tmp_path / "x.cnnproj")
    assert summary_of(load_project(tmp_path / "x.cnnproj")) == summary_of(p)


def test_copy_is_deep():
    p = sample()
    c = p.copy()
    c.graph.set_param("conv1", "out_channels", 3)
    c.dataset["seed"] = 99
    assert p.graph.node("conv1").params["out_channels"] == 6 and p.dataset["seed"] == 3


def test_save_is_atomic_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "net.cnnproj"
    save_project(sample(), path)
    old = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project_mod.os, "fsync", broken_fsync)
    p = sample()
    p.name = "changed"
    with pytest.raises(ProjectError, match="cannot save .*No space left on device"):
        save_project(p, path)
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["net.cnnproj"]  # no temp file left behind


def test_save_interrupted_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "net.cnnproj"

    def interrupt(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(project_mod.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_project(sample(), path)
    assert os.listdir(tmp_path) == []


def test_save_into_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(ProjectError, match="cannot save"):
        save_project(sample(), tmp_path / "nope" / "x.cnnproj")


def test_save_keeps_file_mode(tmp_path):
    path = tmp_path / "net.cnnproj"
    path.write_text("old")
    os.chmod(path, 0o600)
    save_project(sample(), path)
    assert (path.stat().st_mode & 0o777) == 0o600 and load_project(path).name == "LeNet ünïcode"


def good() -> dict:
    return json.loads(sample().to_json())


def edit(fn):
    d = good()
    fn(d)
    return json.dumps(d)


def node(d, nid):
    return next(n for n in d["graph"]["nodes"] if n["id"] == nid)


FULL = sample().to_json()
REFUSALS = [
    ("truncated", FULL[: len(FULL) // 2], r"not valid JSON: .*\(the file looks truncated\)"),
    ("non-JSON", "format = cnn-studio\n", "not valid JSON"),
    ("empty", "", "is empty"),
    ("whitespace", "  \n\n", "is empty"),
    ("JSON array", "[1, 2, 3]", "holds a JSON object, not a list"),
    ("JSON string", '"cnn-studio"', "holds a JSON object, not a string"),
    ("deep nesting", "[" * 100_000, "nested too deeply"),
    ("no format", edit(lambda d: d.pop("format")), r"is not a cnn-studio project \(its 'format' is None"),
    ("wrong format", edit(lambda d: d.update(format="keras")), "its 'format' is 'keras', expected 'cnn-studio'"),
    ("newer version", edit(lambda d: d.update(version=7)), "newer cnn-studio \\(format version 7; this one reads up to 1\\)"),
    ("version zero", edit(lambda d: d.update(version=0)), "format version 0 is not valid"),
    ("version as text", edit(lambda d: d.update(version="1")), "field 'version' should be a whole number, not a string"),
    ("missing version", edit(lambda d: d.pop("version")), "missing the field 'version'"),
    ("missing graph", edit(lambda d: d.pop("graph")), "missing the field 'graph'"),
    ("missing nodes", edit(lambda d: d["graph"].pop("nodes")), "graph is missing the field 'nodes'"),
    ("graph as list", edit(lambda d: d.update(graph=[])), "field 'graph' should be an object, not a list"),
    ("node not object", edit(lambda d: d["graph"]["nodes"].append(3)), r"graph.nodes\[13\] should be an object"),
    ("node without type", edit(lambda d: node(d, "conv1").pop("type")), "node 'conv1' .* missing the field 'type'"),
    ("node id number", edit(lambda d: node(d, "conv1").update(id=5)), "field 'id' should be a string, not a whole number"),
    ("mistyped num_classes", edit(lambda d: d.update(num_classes="ten")), "'num_classes' should be a whole number, not a string"),
    ("bool num_classes", edit(lambda d: d.update(num_classes=True)), "'num_classes' should be a whole number, not true/false"),
    ("zero classes", edit(lambda d: d.update(num_classes=0)), "num_classes is 0; it must be at least 1"),
    ("class names", edit(lambda d: d.update(class_names=[1, 2])), "class_names should be a list of strings"),
    ("mistyped params", edit(lambda d: node(d, "conv1").update(params=[6, 5])), "'params' should be an object, not a list"),
    ("mistyped label", edit(lambda d: node(d, "conv1").update(label=3)), "'label' should be a string"),
    ("bad pos", edit(lambda d: node(d, "conv1").update(pos=[1, "a"])), r"'pos' should be \[x, y\] numbers"),
    ("pos not finite", edit(lambda d: node(d, "conv1").update(pos=[float("nan"), 0])), r"'pos' should be \[x, y\] numbers"),
    ("unknown layer", edit(lambda d: node(d, "conv1").update(type="Conv3d")), "node 'conv1' .*unknown layer type 'Conv3d' \\(known types: .*Conv2d"),
    ("out of range", edit(lambda d: node(d, "conv1")["params"].update(out_channels=0)),
     "node 'conv1' .*parameter 'out_channels' is 0; it must be between 1 and 65536"),
    ("float for int", edit(lambda d: node(d, "conv1")["params"].update(kernel_size=2.5)), "'kernel_size' must be a whole number"),
    ("not finite", '{"format": "cnn-studio", "version": 1, "graph": {"nodes": [{"id": "d", "type": "Dropout", "params": {"p": NaN}}]}}',
     "parameter 'p' must be a number, not nan"),
    ("bad choice", edit(lambda d: node(d, "conv1")["params"].update(padding="full")), "'padding' cannot be 'full'"),
    ("unknown parameter", edit(lambda d: node(d, "conv1")["params"].update(kernel=3)), "has no parameter 'kernel'"),
    ("cross-parameter", edit(lambda d: node(d, "conv1")["params"].update(padding="same", stride=2)), "padding 'same' needs stride 1"),
    ("duplicate id", edit(lambda d: d["graph"]["nodes"].append(dict(node(d, "conv1")))), "a node with id 'conv1' already exists"),
    ("bad id", edit(lambda d: node(d, "conv1").update(id="conv 1")), "node id 'conv 1' is not allowed"),
    ("edge to missing", edit(lambda d: d["graph"]["edges"].append({"source": "fc3", "target": "ghost"})),
     r"graph.edges\[12\]: target 'ghost' is not a node of the graph"),
    ("edge from missing", edit(lambda d: d["graph"]["edges"].append({"source": "ghost", "target": "fc3"})),
     "source 'ghost' is not a node"),
    ("edge mistyped", edit(lambda d: d["graph"]["edges"].append({"source": "fc3", "target": "relu1", "port": "0"})),
     "field 'port' should be a whole number"),
    ("edge into busy port", edit(lambda d: d["graph"]["edges"].append({"source": "input", "target": "fc3", "port": 0})),
     "input 0 of 'classifier «out»' is already connected to 'relu4'"),
    ("cycle", edit(lambda d: d["graph"]["edges"].__setitem__(0, {"source": "fc3", "target": "conv1"})),
     "would make a cycle"),
    ("group of missing", edit(lambda d: d["graph"]["groups"][0]["nodes"].append("ghost")), r"graph.groups\[0\]: there is no node 'ghost'"),
    ("input_shape disagrees", edit(lambda d: d.update(input_shape=[3, 32, 32])), "input_shape \\[3, 32, 32\\] disagrees with the Input node \\(1×32×32\\)"),
    ("dataset mistyped", edit(lambda d: d.update(dataset="mnist")), "'dataset' should be an object"),
]


@pytest.mark.parametrize("what,text,pattern", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals_are_one_clear_line(tmp_path, what, text, pattern):
    path = tmp_path / "bad.cnnproj"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError) as exc:
        load_project(path)
    msg = str(exc.value)
    assert msg.startswith("bad.cnnproj"), msg
    assert "\n" not in msg and len(msg) < 700, msg
    import re

    assert re.search(pattern, msg), f"{what}: {msg!r} does not match {pattern!r}"


@pytest.mark.parametrize("data,pattern", [
    (bytes(range(256)) * 4, "not a text \\(UTF-8 JSON\\) file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text"),
    (b"\x00\x01\x02garbage", "not valid JSON"),
])
def test_binary_garbage(tmp_path, data, pattern):
    path = tmp_path / "bin.cnnproj"
    path.write_bytes(data)
    with pytest.raises(ProjectError, match=pattern):
        load_project(path)


def test_missing_file_folder_and_size_limit(tmp_path, monkeypatch):
    with pytest.raises(ProjectError, match="no such file"):
        load_project(tmp_path / "none.cnnproj")
    with pytest.raises(ProjectError, match="is a folder"):
        load_project(tmp_path)
    path = tmp_path / "big.cnnproj"
    save_project(sample(), path)
    monkeypatch.setattr(project_mod, "MAX_BYTES", 1000)
    with pytest.raises(ProjectError, match="a project file is at most"):
        load_project(path)


def test_optional_fields_have_defaults_and_legacy_ids_load():
    p = loads_project(json.dumps({"format": "cnn-studio", "version": 1, "graph": {"nodes": [
        {"id": "in", "type": "Input", "params": {"channels": 1, "height": 8, "width": 8}},
        {"id": "bn", "type": "BatchNorm2d"}], "edges": [{"source": "in", "target": "bn"}]}}))
    assert p.num_classes == 10 and p.name == "" and p.template is None and p.class_names is None
    assert p.dataset == {} and p.training == {} and p.notes == ""
    assert p.graph.node("bn").type == "BatchNorm" and p.input_shape == (1, 8, 8)
    assert p.graph.node("bn").params == {"eps": 1e-5, "momentum": 0.1, "affine": True}


def test_older_versions_are_migrated(monkeypatch):
    seen = []
    v1 = good()

    def v1_to_v2(d):
        seen.append(d["version"])
        d = dict(d)
        d["name"] = d["name"] + " (migrated)"
        d["version"] = 2
        return d

    monkeypatch.setattr(project_mod, "VERSION", 2)
    monkeypatch.setitem(project_mod.MIGRATIONS, 1, v1_to_v2)
    p = parse_project(v1)
    assert seen == [1] and p.name == "LeNet ünïcode (migrated)"
    assert p.to_dict()["version"] == 2


def test_project_strings_are_never_executed(tmp_path):
    marker = tmp_path / "PWNED"
    payload = f"__import__('os').system('touch {marker}')"
    d = good()
    d["name"] = payload
    d["notes"] = "{payload}" + payload
    d["template"] = payload
    d["class_names"] = [payload] * 10
    d["dataset"] = {"source": payload, "root": f"$(touch {marker})"}
    d["training"] = {"optimizer": payload}
    node(d, "conv1")["label"] = payload
    path = tmp_path / "evil.cnnproj"
    path.write_text(json.dumps(d), encoding="utf-8")
    p = load_project(path)
    assert p.name == payload and p.graph.node("conv1").label == payload
    from studio.core.validate import validate

    a = validate(p.graph, p.num_classes)
    assert a.ok and a.names["conv1"] == payload
    # a fresh process too: the command line summary of the same file
    r = subprocess.run([sys.executable, "-m", "studio", "summary", str(path), "--json"], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["total_params"] == 61706
    assert not marker.exists()
