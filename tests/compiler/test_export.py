"""`cnn-studio export`: pytorch (+ weights), ONNX and TorchScript files, and clear errors."""
from __future__ import annotations

import subprocess
import sys

import pytest
import torch

from studio.cli import main
from studio.compiler import compile_graph
from studio.compiler.export import ONNX_INPUT, ONNX_OPSET, ONNX_OUTPUT, ExportError, export_onnx, export_project
from studio.core.project import save_project

from .conftest import small_project
from .test_compile import skip_graph
from studio.core.project import Project


@pytest.fixture(scope="module")
def lenet():
    p = small_project("lenet5")
    torch.manual_seed(0)
    model = compile_graph(p.graph, p.num_classes)
    return p, model


def test_export_template_with_checkpoint_weights(tmp_path, lenet, capsys):
    p, model = lenet
    ckpt = tmp_path / "best.pt"
    torch.save({"model": model.state_dict(), "epoch": 3, "class_names": [str(i) for i in range(10)]}, ckpt)
    out = tmp_path / "model.py"
    assert main(["export", "lenet5", "--input", "1x32x32", "--classes", "10", "-o", str(out),
                 "--weights", str(ckpt)]) == 0
    weights = tmp_path / "model_weights.pt"
    assert weights.exists() and "model_weights.pt" in capsys.readouterr().out
    state = torch.load(weights, weights_only=True)
    assert list(state) == list(model.state_dict())
    src = out.read_text()
    assert "weights = Path(__file__).with_name('model_weights.pt')" in src
    assert "model.load_state_dict(torch.load(weights, weights_only=True))" in src
    # the script loads the weights and gives the same scores as the studio's module
    x = torch.randn(1, 1, 32, 32)
    torch.save(x, tmp_path / "x.pt")
    code = ("import runpy, torch; runpy.run_path('model.py', run_name='__main__');"
            "g = runpy.run_path('model.py'); m = g['LeNet5']();"
            "m.load_state_dict(torch.load('model_weights.pt', weights_only=True)); m.eval();"
            "torch.save(m(torch.load('x.pt')), 'y.pt')")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "output shape: (1, 10)"  # `python model.py` loads the weights and runs
    model.eval()
    with torch.no_grad():
        assert torch.equal(torch.load(tmp_path / "y.pt"), model(x))
    # and from another folder: the weights are found next to the script
    r = subprocess.run([sys.executable, str(out)], cwd=tmp_path.parent, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "output shape: (1, 10)"


def test_plain_state_dict_and_mismatched_weights(tmp_path, lenet, capsys):
    p, model = lenet
    sd = tmp_path / "sd.pt"
    torch.save(model.state_dict(), sd)
    assert export_project(p, tmp_path / "net.py", weights=sd)[1].name == "net_weights.pt"
    wrong = small_project("lenet5", classes=3)
    with pytest.raises(ExportError, match="does not fit this network"):
        export_project(wrong, tmp_path / "w.py", weights=sd)
    assert not (tmp_path / "w.py").exists()
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    assert main(["export", "lenet5", "-o", str(tmp_path / "j.py"), "--weights", str(tmp_path / "junk.pt")]) == 2
    err = capsys.readouterr().err
    assert "cannot be loaded safely" in err and "Traceback" not in err


def trained_like_(model: torch.nn.Module, seed: int = 0) -> torch.nn.Module:
    """Batch-norm statistics and affine weights as after training (not the 0/1 of a fresh net),
    so the comparison notices a batch-norm conversion error."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                m.running_mean.uniform_(-0.2, 0.2, generator=g)
                m.running_var.uniform_(0.5, 1.5, generator=g)
                m.weight.uniform_(0.5, 1.5, generator=g)
                m.bias.uniform_(-0.2, 0.2, generator=g)
    return model.eval()


def onnx_vs_torch(path, model, shape, batches=(1, 3)) -> tuple[float, float]:
    """Run the ONNX file in onnxruntime at each batch size (the batch axis is dynamic) on the
    same inputs as the torch model; returns the largest |onnx - torch| and the largest |torch|."""
    import numpy as np
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == [ONNX_INPUT]
    assert [o.name for o in session.get_outputs()] == [ONNX_OUTPUT]
    model.eval()
    g = torch.Generator().manual_seed(0)
    worst = scale = 0.0
    for b in batches:
        x = torch.randn(b, *shape, generator=g)
        with torch.no_grad():
            ref = model(x).numpy()
        (out,) = session.run(None, {ONNX_INPUT: x.numpy()})
        assert out.shape == ref.shape
        worst = max(worst, float(np.abs(out - ref).max()))
        scale = max(scale, float(np.abs(ref).max()))
    assert 0 < scale and worst <= 1e-4 * scale, (worst, scale)  # float32 rounding, nothing more
    return worst, scale


def assert_onnx_interface(path, shape):
    """opset, input/output names and a symbolic batch axis, read from the file itself."""
    import onnx

    m = onnx.load(str(path))  # (the exporter has run onnx.checker on it)
    assert {o.domain: o.version for o in m.opset_import}[""] == ONNX_OPSET
    assert [i.name for i in m.graph.input] == [ONNX_INPUT] and [o.name for o in m.graph.output] == [ONNX_OUTPUT]
    dims = m.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "batch" and tuple(d.dim_value for d in dims[1:]) == shape
    assert m.graph.output[0].type.tensor_type.shape.dim[0].dim_param == "batch"
    return m


def test_onnx_export_is_valid_with_dynamic_batch(tmp_path):
    proj = Project(graph=skip_graph(), num_classes=5, name="skip")
    path = tmp_path / "skip.onnx"
    save_project(proj, tmp_path / "skip.cnnproj")
    torch.manual_seed(2)
    ref = trained_like_(compile_graph(proj.graph, 5))
    torch.save(ref.state_dict(), tmp_path / "w.pt")
    assert main(["export", str(tmp_path / "skip.cnnproj"), "-o", str(path), "--weights", str(tmp_path / "w.pt")]) == 0
    m = assert_onnx_interface(path, (3, 16, 16))
    assert {n.op_type for n in m.graph.node} >= {"Conv", "Add", "Concat", "Gemm"}
    assert not list(tmp_path.glob("*.data")) and not list(tmp_path.glob(".*"))  # one file, no temp left
    onnx_vs_torch(path, ref, (3, 16, 16))


@pytest.mark.parametrize("name", ["resnet18", "vgg11_bn"])
def test_onnx_template_runs_in_onnxruntime_like_torch(tmp_path, name):
    p = small_project(name, classes=5)
    torch.manual_seed(0)
    model = trained_like_(compile_graph(p.graph, p.num_classes))
    path = tmp_path / f"{name}.onnx"
    try:
        assert export_onnx(model, torch.randn(2, *p.input_shape), path) == path
        assert_onnx_interface(path, p.input_shape)
        diff, scale = onnx_vs_torch(path, model, p.input_shape)
    finally:  # VGG's 4096-wide classifier makes the file about 0.5 GB
        path.unlink(missing_ok=True)
    print(f"{name} {p.input_shape}: max |onnxruntime - torch| = {diff:.1e} (max |logit| {scale:.2f}), batch 1 and 3")


@pytest.mark.parametrize("missing", ["onnx", "onnxscript"])
def test_onnx_missing_package_message(tmp_path, monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(ExportError, match=f"needs the '{missing}' package: pip install onnx onnxscript"):
        export_project(Project(graph=skip_graph(), num_classes=5), tmp_path / "m.onnx", "onnx")
    assert not (tmp_path / "m.onnx").exists()


def test_onnx_exporter_failure_is_one_clear_line(tmp_path):
    class Histogram(torch.nn.Module):  # aten.histc has no ONNX translation for these arguments
        def forward(self, x):
            return torch.histc(x, bins=4)

    with pytest.raises(ExportError) as info:
        export_onnx(Histogram(), torch.randn(2, 3), tmp_path / "h.onnx")
    msg = str(info.value)
    assert msg.startswith("ONNX export failed: ") and "histc" in msg and "\n" not in msg and "\x1b" not in msg
    assert msg.endswith("export as PyTorch code or TorchScript instead")
    assert list(tmp_path.iterdir()) == []


def test_torchscript_reloads_with_same_outputs(tmp_path):
    proj = Project(graph=skip_graph(), num_classes=5)
    torch.manual_seed(1)
    path = tmp_path / "m_ts.pt"
    state = compile_graph(proj.graph).state_dict()
    torch.save(state, tmp_path / "w.pt")
    export_project(proj, path, "torchscript", weights=tmp_path / "w.pt")
    ts = torch.jit.load(str(path))
    ref = compile_graph(proj.graph)
    ref.load_state_dict(state)
    ref.eval()
    x = torch.randn(3, 3, 16, 16)  # another batch size than the trace's
    with torch.no_grad():
        assert torch.allclose(ts(x), ref(x), atol=1e-6)


def test_invalid_graph_and_bad_paths_are_one_line_errors(tmp_path, capsys):
    g = skip_graph()
    g.remove_node("flat")
    save_project(Project(graph=g), tmp_path / "bad.cnnproj")
    assert main(["export", str(tmp_path / "bad.cnnproj"), "-o", str(tmp_path / "m.py")]) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err and not (tmp_path / "m.py").exists()
    assert main(["export", "lenet5", "-o", str(tmp_path / "nofolder" / "m.py")]) == 2
    assert "no such folder" in capsys.readouterr().err
