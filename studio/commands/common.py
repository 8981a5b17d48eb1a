"""What several subcommands share: reading a project file or a template name."""
from __future__ import annotations

import argparse
import os
import re

from studio.core.errors import ProjectError, StudioError
from studio.core.project import Project, load_project


def parse_input_shape(text: str | None) -> tuple[int, int, int] | None:
    """'3x224x224' (or with ×, *, commas) -> (3, 224, 224)."""
    if text is None:
        return None
    parts = [p for p in re.split(r"[x×X*,\s]+", text.strip()) if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise StudioError(f"--input {text!r} is not C×H×W: write it like 3x224x224 (channels x height x width)")
    c, h, w = (int(p) for p in parts)
    if min(c, h, w) < 1:
        raise StudioError(f"--input {text!r}: every dimension must be at least 1")
    return c, h, w


def add_model_argument(p: argparse.ArgumentParser, what: str = "project file (.cnnproj/.json) or template name") -> None:
    p.add_argument("model", metavar="PROJECT|TEMPLATE", help=what)
    p.add_argument("--input", metavar="CxHxW", help="input shape for a template, e.g. 3x64x64")
    p.add_argument("--classes", type=int, metavar="N", help="number of classes for a template")


def load_model_arg(arg: str, input_text: str | None = None, classes: int | None = None) -> Project:
    """A project file if ``arg`` names one, else a template by name."""
    shape = parse_input_shape(input_text)
    if classes is not None and classes < 1:
        raise StudioError(f"--classes {classes}: a classifier needs at least 1 class")
    looks_like_file = os.path.exists(arg) or arg.endswith((".json", ".cnnproj")) or os.sep in arg
    if looks_like_file:
        if not os.path.exists(arg):
            raise ProjectError(f"{arg}: no such file")
        proj = load_project(arg)
        if shape is not None or classes is not None:
            _retarget(proj, shape, classes)
        return proj
    try:
        from studio import templates
    except ModuleNotFoundError:  # pragma: no cover
        raise StudioError(f"{arg}: no such file") from None
    return templates.build_project(arg, input_shape=shape, num_classes=classes)


def _retarget(proj: Project, shape, classes) -> None:
    if shape is not None:
        ins = proj.graph.input_nodes()
        if len(ins) == 1:
            proj.graph.set_params(ins[0].id, {"channels": shape[0], "height": shape[1], "width": shape[2]})
    if classes is not None:
        proj.num_classes = classes
