"""`cnn-studio templates`, `new` and `summary TEMPLATE`, run as a user runs them."""
import json
import os
import subprocess
import sys


from studio.cli import main
from studio.core.project import load_project
from studio.core.validate import validate


def cli(*args):
    r = subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True,
                       env=dict(os.environ))
    return r.returncode, r.stdout, r.stderr


def test_templates_lists_all_with_counts():
    rc, out, err = cli("templates")
    assert rc == 0, err
    for name in ("lenet5", "alexnet", "zfnet", "vgg19_bn", "resnet152"):
        assert f"\n{name} " in out
    row = next(line for line in out.splitlines() if line.startswith("resnet50 "))
    assert "3×224×224" in row and "1000" in row and "25.56 M" in row and "4.09 G" in row


def test_summary_of_a_template():
    rc, out, err = cli("summary", "resnet50")
    assert rc == 0, err
    assert "Total params: 25,557,032" in out


def test_new_writes_a_project_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "digits.cnnproj"
    rc, out, err = cli("new", "lenet5", "-o", str(path), "--input", "1x28x28", "--classes", "10")
    assert rc == 0, err
    assert "61,706 parameters" in out
    proj = load_project(path)
    assert proj.template == "lenet5" and proj.input_shape == (1, 28, 28)
    assert validate(proj.graph, 10).issues == []
    before = path.read_text()
    rc, out, err = cli("new", "alexnet", "-o", str(path))
    assert rc == 2 and "already exists" in err and "--force" in err and "Traceback" not in err
    assert path.read_text() == before
    rc, out, err = cli("new", "alexnet", "-o", str(path), "--force", "--classes", "5")
    assert rc == 0, err
    assert load_project(path).num_classes == 5


def test_errors_are_one_line_exit_2(tmp_path, capsys):
    cases = [
        (["summary", "alexnet", "--input", "3x16x16"], ["too small", "features.5", "3×63×63"]),
        (["new", "resnet5", "-o", str(tmp_path / "r.cnnproj")], ["resnet50"]),
        (["new", "vgg11", "-o", str(tmp_path / "v.cnnproj"), "--input", "3x32"], ["C×H×W", "3x224x224"]),
        (["templates", "alexnte"], ["did you mean 'alexnet'"]),
        (["new", "vgg11", "-o", str(tmp_path / "v.cnnproj"), "--classes", "0"], ["at least 1 class"]),
    ]
    for argv, words in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        for w in words:
            assert w in err, (argv, err)
    assert not (tmp_path / "v.cnnproj").exists()


def test_card_and_json(capsys):
    assert main(["templates", "resnet50"]) == 0
    out = capsys.readouterr().out
    assert "He, X. Zhang" in out and "25,557,032" in out and "Residual learning" in out
    assert main(["templates", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 16 and data[0]["name"] == "lenet5" and data[0]["card"]["params"] == 61_706


def test_user_templates_listed_after_builtins(capsys, tmp_path):
    from studio.templates import user
    from studio.templates import build_project

    user.save_user_template("Mine", build_project("lenet5", (1, 28, 28)), "my digits net")
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    assert out.index("Your templates") > out.index("resnet152") and "my digits net" in out
    assert main(["new", "Mine", "-o", str(tmp_path / "m.cnnproj")]) == 0
    assert load_project(tmp_path / "m.cnnproj").input_shape == (1, 28, 28)
