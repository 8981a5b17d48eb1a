"""`train/new/import --weights`, `--freeze`: the DONE-WHEN run in a real process, bad files as one line."""
import json
import os
import subprocess
import sys

import pytest
import torch
import torchvision

from studio.cli import main


def cli(*args, cwd, timeout=300):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "studio", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def resnet_file(tmp_path_factory):
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("w") / "resnet18.pth"
    torch.save(torchvision.models.resnet18(weights=None).state_dict(), path)
    return path


def test_resnet18_from_a_torchvision_file_with_frozen_stages(resnet_file, tmp_path):
    out = tmp_path / "run"
    r = cli("train", "resnet18", "--input", "3x32x32", "--data", "shapes", "--weights", resnet_file,
            "--freeze", "conv1,bn1,layer1,layer2,layer3", "--epochs", "1", "--out", out, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "fc.weight [1000×512] → [5×512]: the head now has 5 classes" in r.stderr
    assert "120 of 122 tensors loaded" in r.stderr
    src = torch.load(resnet_file, weights_only=True)
    last = torch.load(out / "last.pt", weights_only=True)["model"]
    frozen = [k for k in src if k.split(".")[0] in ("conv1", "bn1", "layer1", "layer2", "layer3")]
    assert any(k.endswith("running_mean") for k in frozen) and any("num_batches_tracked" in k for k in frozen)
    for k in frozen:  # weights and BatchNorm running statistics: bit-identical
        assert torch.equal(last[k], src[k]), k
    assert not torch.equal(last["layer4.1.conv2.weight"], src["layer4.1.conv2.weight"])
    assert not torch.equal(last["layer4.0.bn1.running_mean"], src["layer4.0.bn1.running_mean"])
    assert last["fc.weight"].shape == (5, 512) and last["fc.bias"].shape == (5,)
    status = json.loads((out / "run.json").read_text())
    assert status["weights"]["loaded"] == 120
    assert [r["key"] for r in status["weights"]["reinitialised"]] == ["fc.weight", "fc.bias"]
    assert status["params"]["frozen"] == sum(v.numel() for k, v in src.items()
                                             if k in frozen and "running" not in k and "num_batches" not in k)


def _bad_files(tmp_path, resnet_file):
    lenet_sd = {"nothing.weight": torch.zeros(3, 3)}
    torch.save(lenet_sd, tmp_path / "nothing.pth")
    torch.save(torch.nn.Linear(2, 2), tmp_path / "module.pth")  # a pickled module, not a state_dict
    bad = {"conv1.weight": torch.full((6, 1, 5, 5), float("nan"))}
    torch.save(bad, tmp_path / "nan.pth")
    data = resnet_file.read_bytes()
    (tmp_path / "cut.pth").write_bytes(data[: len(data) // 3])
    (tmp_path / "empty.pth").write_bytes(b"")
    return {"nothing.pth": "matches nothing", "module.pth": "was refused: it holds a Python object",
            "nan.pth": "'conv1.weight' [6×1×5×5] holds NaN", "cut.pth": "is truncated",
            "empty.pth": "is empty", "missing.pth": "no such file"}


@pytest.mark.parametrize("command", ["train", "new", "import"])
def test_bad_weights_files_are_one_line_and_exit_2(command, tmp_path, resnet_file, capsys):
    for name, what in _bad_files(tmp_path, resnet_file).items():
        if command == "train":
            argv = ["train", "lenet5", "--data", "digits", "--epochs", "1", "--out", str(tmp_path / "r")]
        elif command == "new":
            argv = ["new", "lenet5", "-o", str(tmp_path / "p.cnnproj"), "--force"]
        else:
            argv = ["import", "torchvision.models:resnet18", "-o", str(tmp_path / "p.cnnproj"), "--force",
                    "--input", "3x32x32"]
            if name != "nothing.pth":
                continue  # one import per run is enough: importing is the slow part
        rc = main([*argv, "--weights", str(tmp_path / name)])
        err = capsys.readouterr().err.strip()
        assert rc == 2, (name, err)
        assert len(err.splitlines()) == 1 and name in err and what in err, err
        assert err.startswith(f"cnn-studio {command}: --weights: weights file"), err
        assert not (tmp_path / "p.cnnproj").exists() and not (tmp_path / "r" / "last.pt").exists()


def test_bad_freeze_name_is_one_line(tmp_path, capsys):
    rc = main(["train", "lenet5", "--data", "digits", "--epochs", "1", "--freeze", "conv9",
               "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and err.startswith("cnn-studio train: --freeze: 'conv9' (to freeze) names no layer"), err
    assert "conv1" in err and len(err.splitlines()) == 1


def test_new_and_import_store_the_weights_for_the_next_training(tmp_path, resnet_file, capsys):
    out = tmp_path / "r18.cnnproj"
    assert main(["new", "resnet18", "-o", str(out), "--classes", "3", "--weights", str(resnet_file)]) == 0
    text = capsys.readouterr().out
    assert "fc.weight [1000×512] → [3×512]: the head now has 3 classes" in text
    saved = json.loads(out.read_text())
    assert saved["training"]["weights"] == str(resnet_file.resolve())
    out2 = tmp_path / "imp.cnnproj"
    assert main(["import", "torchvision.models:resnet18", "-o", str(out2), "--input", "3x32x32",
                 "--weights", str(resnet_file)]) == 0
    assert "122 of 122 tensors loaded" in capsys.readouterr().out
    assert json.loads(out2.read_text())["training"]["weights"] == str(resnet_file.resolve())


def test_templates_save_lists_and_builds_from_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CNN_STUDIO_HOME", str(tmp_path / "home"))
    proj = tmp_path / "mine.cnnproj"
    assert main(["new", "lenet5", "-o", str(proj), "--classes", "4"]) == 0
    data = json.loads(proj.read_text())
    data["notes"] = "LeNet-5 for four kinds of leaves"
    proj.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["templates", "--save", str(proj), "Leaf net"]) == 0
    assert "saved" in capsys.readouterr().out
    assert main(["templates", "--json"]) == 0
    mine = [t for t in json.loads(capsys.readouterr().out) if t["name"] == "Leaf net"]
    assert len(mine) == 1 and mine[0]["num_classes"] == 4 and "leaves" in mine[0]["description"]
    assert main(["templates", "--save", str(proj), "Leaf net"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["templates", "--save", str(proj), "Leaf net", "--force"]) == 0
    assert main(["templates", "--save", str(proj), "lenet5"]) == 2
    assert "built-in" in capsys.readouterr().err
    out = tmp_path / "from_mine.cnnproj"
    assert main(["new", "Leaf net", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["num_classes"] == 4
