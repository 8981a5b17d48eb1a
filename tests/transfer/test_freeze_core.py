"""studio.core.freeze (no torch) and `summary --json` with frozen layers."""
import json

from studio import templates
from studio.cli import main
from studio.core import freeze
from studio.core.project import save_project
from studio.core.validate import validate


def test_freeze_text_compresses_to_stage_names():
    g = templates.build_project("resnet18", input_shape=(3, 32, 32), num_classes=5).graph
    layer1 = [n.id for n in g.nodes if n.id.startswith("layer1.")]
    text = freeze.with_frozen(g, "conv1", layer1, True)
    assert text == "conv1,layer1"
    text = freeze.with_frozen(g, text, ["layer1.1.conv2"], False)  # one layer out of a frozen stage
    assert "layer1.0" in text.split(",") and "layer1" not in text.split(",")
    ids = freeze.frozen_ids(g, text)
    assert "layer1.1.conv2" not in ids and "layer1.1.conv1" in ids and "layer1.0.bn2" in ids
    assert freeze.with_frozen(g, text, ["layer1.1.conv2"], True) == "conv1,layer1"
    assert freeze.with_frozen(g, "conv1,layer1", layer1 + ["conv1"], False) == ""


def test_summary_json_splits_trainable_and_frozen(tmp_path, capsys):
    p = templates.build_project("resnet18", input_shape=(3, 32, 32), num_classes=5)
    p.training = {"freeze": "conv1,bn1,layer1"}
    save_project(p, tmp_path / "r.cnnproj")
    assert main(["summary", str(tmp_path / "r.cnnproj"), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    a = validate(p.graph, p.num_classes)
    expect = sum(c.params for nid, c in a.costs.items() if nid in ("conv1", "bn1") or nid.startswith("layer1."))
    assert d["frozen_params"] == expect > 0
    assert d["trainable_params"] + d["frozen_params"] == d["total_params"]
    rows = {r["id"]: r["frozen"] for r in d["layers"]}
    assert rows["layer1.0.conv1"] and rows["conv1"] and not rows["layer2.0.conv1"] and not rows["fc"]
    assert main(["summary", str(tmp_path / "r.cnnproj")]) == 0
    assert f"Frozen params: {expect:,}" in capsys.readouterr().out
