"""`cnn-studio diagram`: valid SVG naming every stage with its output shape (checked against
torchvision's own ResNet-50), a PNG, and one-line errors with exit 2."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from studio.cli import main
from studio.core.project import Project, save_project
from studio.templates import build_project


def _texts(path) -> list[str]:
    root = ET.parse(path).getroot()  # raises on invalid XML
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_resnet50_svg_names_stages_and_their_shapes(tmp_path, capsys):
    import torch
    from torchvision.models import resnet50

    out = tmp_path / "r50.svg"
    assert main(["diagram", "resnet50", "-o", str(out)]) == 0
    assert "written to" in capsys.readouterr().out
    texts = _texts(out)
    # independent: the stage outputs of torchvision's ResNet-50 on a 3×224×224 image
    model = resnet50().eval()
    shapes = {}
    for name in ("layer1", "layer2", "layer3", "layer4"):
        getattr(model, name).register_forward_hook(
            lambda m, i, o, name=name: shapes.__setitem__(name, "×".join(map(str, o.shape[1:]))))
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    assert shapes["layer1"] == "256×56×56"
    for name, shape in shapes.items():
        assert name in texts, name
        assert f"→ {shape}" in texts and shape in texts, (name, shape)
    assert "stem" in texts and "head" in texts and "→ 1000" in texts


def test_png_and_options(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "vgg.png"
    assert main(["diagram", "vgg16", "-o", str(out), "--input", "3x64x64", "--classes", "5", "--scale", "1"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = QImage(str(out))
    assert img.width() > 500 and img.height() > 200
    svg = tmp_path / "vgg.svg"
    assert main(["diagram", "vgg16", "-o", str(svg), "--input", "3x64x64", "--classes", "5"]) == 0
    texts = _texts(svg)
    assert "→ 5" in texts and "512×2×2" in texts  # 64 / 2**5 = 2


def test_titles_are_escaped(tmp_path):
    proj = build_project("lenet5")
    proj.name = '<svg onload="x">&'
    path = tmp_path / "evil.cnnproj"
    save_project(proj, path)
    out = tmp_path / "evil.svg"
    assert main(["diagram", str(path), "-o", str(out)]) == 0
    assert '<svg onload="x">&' in _texts(out)  # a text node, parsed back: never markup


@pytest.mark.parametrize("args, words", [
    (["nosuchnet", "-o", "{d}/x.svg"], "no template or project file named 'nosuchnet'"),
    (["lenet5", "-o", "{d}/missing/x.svg"], "does not exist"),
    (["lenet5", "-o", "{d}/x.pdf"], ".svg or .png"),
    (["lenet5", "-o", "{d}"], "is a folder"),
    (["lenet5", "-o", "{d}/old.svg"], "already exists"),
    (["{d}/broken.cnnproj", "-o", "{d}/b.svg"], "the graph has 1 error(s)"),
])
def test_errors_are_one_line_exit_2(tmp_path, capsys, args, words):
    (tmp_path / "old.svg").write_text("keep")
    g = build_project("lenet5").graph
    g.remove_node("flatten")
    g.connect("pool2", "fc1")
    save_project(Project(graph=g, name="broken"), tmp_path / "broken.cnnproj")
    rc = main(["diagram", *[a.format(d=tmp_path) for a in args]])
    err = capsys.readouterr().err
    assert rc == 2 and len(err.strip().splitlines()) == 1 and words in err, err
    assert (tmp_path / "old.svg").read_text() == "keep"
