"""Export a project: readable PyTorch source (+ weights), ONNX or TorchScript."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import torch

from studio.compiler.weights import weights_mismatch

from studio.core.errors import StudioError
from studio.core.project import Project, atomic_write_bytes, atomic_write_text

from .codegen import render
from .compile import GraphModule, make_plan
from .memory import check_fits

FORMATS = ("pytorch", "onnx", "torchscript")
ONNX_OPSET = 17


class ExportError(StudioError):
    pass


def load_state_dict(path: str | os.PathLike) -> dict:
    """A state_dict from a studio checkpoint (its 'model' entry) or a plain state_dict file."""
    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise ExportError(f"{path}: no such checkpoint file") from None
    except Exception:  # noqa: BLE001 - pickle/zip errors of every kind
        raise ExportError(f"{path} cannot be loaded safely as weights: it is not a PyTorch checkpoint, "
                          f"or it holds Python objects besides tensors; use a cnn-studio checkpoint "
                          f"or a saved state_dict") from None
    if isinstance(data, dict) and isinstance(data.get("model"), dict):
        data = data["model"]
    if not isinstance(data, dict) or not all(isinstance(v, torch.Tensor) for v in data.values()):
        raise ExportError(f"{path} holds no model weights: expected a cnn-studio checkpoint "
                          f"(with a 'model' entry) or a state_dict")
    return data


def apply_weights(model: torch.nn.Module, state: dict, source: str) -> None:
    problem = weights_mismatch(model, state)
    if problem:
        raise ExportError(f"{source} does not fit this network: {problem}. "
                          f"Export with the project the checkpoint was trained from")
    model.load_state_dict(state, strict=True)


def weights_path_for(code_path: Path) -> Path:
    return code_path.with_name(f"{code_path.stem}_weights.pt")


def export_project(project: Project, path: str | os.PathLike, format: str = "pytorch",
                   weights: str | os.PathLike | None = None) -> list[Path]:
    """Write the export; returns the files written. Raises StudioError with a clear message."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name, e.g. {path / 'model.py'}")
    if not path.parent.exists():
        raise ExportError(f"{path.parent}: no such folder")
    plan = make_plan(project.graph, project.num_classes)
    check_fits(plan.analysis, 0 if format == "pytorch" else 2, "cpu", "exporting")  # before allocating
    state = load_state_dict(weights) if weights is not None else None
    model = GraphModule(plan)
    if state is not None:
        apply_weights(model, state, str(weights))
    model.eval()
    try:
        if format == "pytorch":
            return _export_source(plan, project, path, model if state is not None else None)
        shape = plan.analysis.shapes[plan.analysis.input_id]
        dummy = torch.randn(2, *shape)
        if format == "onnx":
            return [_export_onnx(model, dummy, path)]
        return [_export_torchscript(model, dummy, path)]
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def _export_source(plan, project, path: Path, model) -> list[Path]:
    written = []
    wfile = None
    if model is not None:
        wpath = weights_path_for(path)
        import io

        buf = io.BytesIO()
        torch.save(model.state_dict(), buf)
        atomic_write_bytes(wpath, buf.getvalue())
        written.append(wpath)
        wfile = wpath.name
    atomic_write_text(path, render(plan, project, wfile))
    return [path, *written]


def _export_onnx(model, dummy, path: Path) -> Path:
    try:
        import onnx
    except ModuleNotFoundError:
        raise ExportError("ONNX export needs the 'onnx' package: pip install onnx "
                          "(or pip install 'cnn-studio[onnx]')") from None
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (dummy,), str(tmp), opset_version=ONNX_OPSET, dynamo=False,
                              input_names=["input"], output_names=["logits"],
                              dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
        onnx.checker.check_model(onnx.load(str(tmp)))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _export_torchscript(model, dummy, path: Path) -> Path:
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trace is "deprecated" in favour of torch.export, still supported
        traced = torch.jit.trace(model, (dummy,), check_trace=False)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        traced.save(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
