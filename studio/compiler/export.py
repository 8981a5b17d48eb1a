"""Export a project: readable PyTorch source (+ weights), ONNX or TorchScript."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import torch

from studio.compiler.weights import weights_mismatch

from studio.core.errors import StudioError
from studio.core.project import Project
from studio.core.userfile import UserFileError, atomic_path, atomic_write_bytes, atomic_write_text, open_regular, shown

from .codegen import render, weights_path_for
from .compile import GraphModule, make_plan
from .memory import check_fits

FORMATS = ("pytorch", "onnx", "torchscript")
# torch's dynamo-based ONNX exporter implements opset 18 and up; asked for 17 it exports 18 and
# then tries onnx's version converter, which fails on ResNet's global average pool (ReduceMean).
ONNX_OPSET = 18
ONNX_INPUT, ONNX_OUTPUT = "input", "logits"


class ExportError(StudioError):
    pass


def load_state_dict(path: str | os.PathLike) -> dict:
    """A state_dict from a studio checkpoint (its 'model' entry) or a plain state_dict file.
    The file is opened as a regular file only (a pipe or a device is refused, never waited on)."""
    shown_path = shown(path)
    try:
        with open_regular(path, what="weights file") as f:
            data = torch.load(f, map_location="cpu", weights_only=True)
    except StudioError as exc:
        raise ExportError(str(exc)) from None
    except Exception:  # pickle/zip errors of every kind
        raise ExportError(f"{shown_path} cannot be loaded safely as weights: it is not a PyTorch checkpoint, "
                          f"or it holds Python objects besides tensors; use a cnn-studio checkpoint "
                          f"or a saved state_dict") from None
    if isinstance(data, dict) and isinstance(data.get("model"), dict):
        data = data["model"]
    if not isinstance(data, dict) or not all(isinstance(v, torch.Tensor) for v in data.values()):
        raise ExportError(f"{shown_path} holds no model weights: expected a cnn-studio checkpoint "
                          f"(with a 'model' entry) or a state_dict")
    return data


def apply_weights(model: torch.nn.Module, state: dict, source: str) -> None:
    problem = weights_mismatch(model, state)
    if problem:
        raise ExportError(f"{source} does not fit this network: {problem}. "
                          f"Export with the project the checkpoint was trained from")
    model.load_state_dict(state, strict=True)


def export_project(project: Project, path: str | os.PathLike, format: str = "pytorch",
                   weights: str | os.PathLike | None = None) -> list[Path]:
    """Write the export; returns the files written. Raises StudioError with a clear message."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{shown(path)} is a folder: give a file name, e.g. {shown(path / 'model.py')}")
    if not path.parent.exists():
        raise ExportError(f"{shown(path.parent)}: no such folder")
    plan = make_plan(project.graph, project.num_classes)
    check_fits(plan.analysis, 0 if format == "pytorch" else 2, "cpu", "exporting")  # before allocating
    state = load_state_dict(weights) if weights is not None else None
    if format == "pytorch" and state is None:  # code only: no module to build (ResNet-152: 7x faster)
        return _export_source(plan, project, path, None)
    model = GraphModule(plan)
    if state is not None:
        apply_weights(model, state, shown(weights))
    model.eval()
    try:
        if format == "pytorch":
            return _export_source(plan, project, path, model)
        shape = plan.analysis.shapes[plan.analysis.input_id]
        dummy = torch.randn(2, *shape)
        if format == "onnx":
            return [export_onnx(model, dummy, path)]
        return [_export_torchscript(model, dummy, path)]
    except UserFileError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None


def _export_source(plan, project, path: Path, model) -> list[Path]:
    """The code (and with a model its weights next to it), each written atomically."""
    written = []
    wfile = None
    if model is not None:
        wpath = weights_path_for(path)
        import io

        buf = io.BytesIO()
        torch.save(model.state_dict(), buf)
        atomic_write_bytes(wpath, buf.getvalue(), what="weights file")
        written.append(wpath)
        wfile = wpath.name
    atomic_write_text(path, render(plan, project, wfile), what="exported code")
    return [path, *written]


def export_onnx(model, dummy, path: Path) -> Path:
    """Write `model` (in eval mode) as one self-contained ONNX file traced at `dummy`'s shape,
    with a dynamic batch axis; raises ExportError with a one-line reason."""
    try:
        import onnx
        import onnxscript  # noqa: F401 - torch.onnx.export(dynamo=True) translates with it
    except ModuleNotFoundError as exc:
        raise ExportError(f"ONNX export needs the {exc.name!r} package: pip install onnx onnxscript "
                          "(or pip install 'cnn-studio[onnx]')") from None
    try:  # a fresh random temp name next to `path` (never a planted link), renamed over it at the end
        with atomic_path(path, what="ONNX model") as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (dummy,), str(tmp), dynamo=True, opset_version=ONNX_OPSET,
                              external_data=False, verbose=False,
                              input_names=[ONNX_INPUT], output_names=[ONNX_OUTPUT],
                              dynamic_shapes=({0: torch.export.Dim("batch")},))
            onnx.checker.check_model(str(tmp))  # from the file: no second copy of the weights in Python
    except torch.onnx.OnnxExporterError as exc:
        raise ExportError(f"ONNX export failed: {_first_line(exc)}; export as PyTorch code or "
                          f"TorchScript instead") from None
    return path


def _first_line(exc: BaseException) -> str:
    """The first line of the innermost cause: the exporter wraps it in pages of advice."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0].rstrip(".") if lines else type(exc).__name__


def _export_torchscript(model, dummy, path: Path) -> Path:
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trace is "deprecated" in favour of torch.export, still supported
        traced = torch.jit.trace(model, (dummy,), check_trace=False)
    with atomic_path(path, what="TorchScript model") as tmp:
        traced.save(str(tmp))
    return path
