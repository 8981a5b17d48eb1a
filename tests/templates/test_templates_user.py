"""The user's own templates and blocks: saved as files, listed, loaded, deleted, inserted."""
import json
import os
import subprocess
import sys

import pytest

from studio import templates
from studio.core.errors import StudioError
from studio.core.graph import GraphBuilder
from studio.core.project import Project
from studio.core.validate import validate
from studio.paths import user_templates_dir
from studio.templates import user


def small_project() -> Project:
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=28, width=28)
    b.add("Conv2d", "conv", out_channels=8, kernel_size=3, padding=1)
    b.add("ReLU", "relu")
    b.add("MaxPool2d", "pool")
    b.add("Flatten", "flat")
    b.add("Linear", "fc", out_features=10)
    return Project(graph=b.graph, num_classes=10, name="tiny")


def test_save_list_load_delete():
    proj = small_project()
    path = user.save_user_template("My Tiny Net", proj, "eight 3×3 kernels")
    assert path.parent == user_templates_dir() and path.name == "my_tiny_net.cnnproj"
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "cnn-studio" and data["user_template"]["description"] == "eight 3×3 kernels"
    infos = user.list_user_templates()
    assert [i.name for i in infos] == ["My Tiny Net"]
    info = infos[0]
    assert not info.builtin and info.input_shape == (1, 28, 28) and info.num_classes == 10
    assert info.card["params"] == validate(proj.graph, 10).total_params
    # listed after the built-ins, and buildable by name
    names = [i.name for i in templates.list_templates()]
    n = len(templates.builtin_names())
    assert names[:n] == templates.builtin_names() and names[n:] == ["My Tiny Net"]
    loaded = user.load_user_template("My Tiny Net")
    assert loaded.graph.structure() == proj.graph.structure()
    built = templates.build_project("My Tiny Net")
    assert built.graph.structure() == proj.graph.structure() and built.template == "My Tiny Net"
    assert templates.get_template("my tiny net").name == "My Tiny Net"
    user.delete_user_template("My Tiny Net")
    assert user.list_user_templates() == [] and not path.exists()
    with pytest.raises(StudioError, match="no template of yours named 'My Tiny Net'"):
        user.delete_user_template("My Tiny Net")
    with pytest.raises(StudioError, match="no template"):
        user.load_user_template("My Tiny Net")


def test_user_template_retargeted():
    user.save_user_template("tiny", small_project())
    proj = templates.build_project("tiny", (3, 32, 32), 4)
    a = validate(proj.graph, 4)
    assert a.issues == [] and a.shapes["input"] == (3, 32, 32) and a.output_shape == (4,)
    with pytest.raises(StudioError, match=r"too small.*smallest input it accepts is 3×2×2"):
        templates.build_project("tiny", (3, 1, 1))


def test_duplicates_builtins_and_bad_names_refused():
    user.save_user_template("tiny", small_project())
    with pytest.raises(StudioError, match="already exists"):
        user.save_user_template("Tiny", small_project())
    user.save_user_template("Tiny", small_project(), "v2", overwrite=True)
    assert [i.description for i in user.list_user_templates()] == ["v2"]
    with pytest.raises(StudioError, match="built-in"):
        user.save_user_template("resnet18", small_project())
    with pytest.raises(StudioError, match="needs a name"):
        user.save_user_template("  ", small_project())
    with pytest.raises(StudioError, match="no letters or digits"):
        user.save_user_template("../..", small_project())
    with pytest.raises(StudioError, match="built-in templates cannot be deleted"):
        user.delete_user_template("alexnet")


def test_corrupt_file_is_skipped_with_a_message():
    user.save_user_template("good", small_project())
    (user_templates_dir() / "broken.cnnproj").write_text('{"format": "cnn-studio", "version": 1, "gra')
    errors = []
    assert [i.name for i in user.list_user_templates(errors)] == ["good"]
    assert len(errors) == 1 and "broken.cnnproj" in errors[0] and "truncated" in errors[0]
    with pytest.raises(StudioError, match="broken.cnnproj is not valid JSON"):
        user.load_user_template("broken")


def test_comes_back_after_a_restart():
    user.save_user_template("Keeper", small_project(), "kept across restarts")
    code = ("from studio import templates\n"
            "print([(i.name, i.description, i.builtin) for i in templates.list_templates()][-1])\n"
            "print(len(templates.build_project('Keeper').graph))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["('Keeper', 'kept across restarts', False)", "6"]


def test_save_block_and_insert_it_twice():
    src = templates.build_project("resnet18").graph
    block_ids = src.group("layer2.0").nodes
    user.save_block("Down block", src, block_ids, "BasicBlock with projection")
    (blk,) = user.list_blocks()
    assert blk.name == "Down block" and set(n.id for n in blk.graph.nodes) == set(block_ids)
    assert [g.kind for g in blk.graph.groups] == ["BasicBlock"]
    # the cut edges: the block input feeds conv1 and the shortcut; its output leaves from the last ReLU
    assert sorted((p["node"], p["port"]) for p in blk.inputs) == [("layer2.0.conv1", 0),
                                                                   ("layer2.0.downsample.0", 0)]
    assert all(p["shape"] == [64, 56, 56] for p in blk.inputs)
    assert blk.outputs == [{"node": "layer2.0.relu2", "shape": [128, 28, 28]}]
    assert "Down block" not in [i.name for i in templates.list_templates()]  # a block is not a project

    proj = small_project()
    g = proj.graph
    m1 = user.insert_block(g, "Down block", at=(400, 0))
    m2 = user.insert_block(g, "down block", at=(800, 0))
    assert set(m1) == set(block_ids) == set(m2)
    new_ids = list(m1.values()) + list(m2.values())
    assert len(set(new_ids)) == len(new_ids) and all(i in g for i in new_ids)
    # one id scheme (Graph.unique_id, as the window pastes): a clash counts the trailing number up
    assert m1["layer2.0.conv1"] == "layer2.0.conv1" and m2["layer2.0.conv1"] == "layer2.0.conv3"
    assert m2["layer2.0.conv2"] == "layer2.0.conv4" and sorted(x.name for x in g.groups) == ["layer2.0", "layer2.0 (2)"]
    assert len(g) == 6 + 2 * len(block_ids) and len(g.groups) == 2
    assert min(g.node(i).pos[0] for i in m2.values()) == 800
    # reconnect the ports: conv output (8 channels) -> both block inputs
    g.disconnect(g.in_edges("pool")[0])
    for p in blk.inputs:
        g.connect("relu", m1[p["node"]], p["port"])
    g.connect(m1["layer2.0.relu2"], "pool")
    a = validate(g)
    assert a.shapes[m1["layer2.0.relu2"]] == (128, 14, 14)


def test_block_errors():
    g = small_project().graph
    with pytest.raises(StudioError, match="select the nodes"):
        user.save_block("empty", g, [])
    user.save_block("one", g, ["relu"])
    with pytest.raises(StudioError, match="already exists"):
        user.save_block("one", g, ["relu"])
    with pytest.raises(StudioError, match="no block named 'two'"):
        user.load_block("two")
    user.delete_block("one")
    assert user.list_blocks() == []
