"""Helpers for the compiler tests: small template inputs, cheap weights, loading generated code."""
from __future__ import annotations

import importlib.util
import re
import sys
import uuid

import pytest
import torch

from studio.core.errors import StudioError

torch.set_num_threads(2)


def small_project(name: str, classes: int = 10):
    """The template at the smallest of 32/64/96 px it accepts (fast tests)."""
    from studio.templates import build_project, get_template

    c = get_template(name).input_shape[0]
    for hw in (32, 64, 96, 128):
        try:
            return build_project(name, input_shape=(c, hw, hw), num_classes=classes)
        except StudioError:
            continue
    raise AssertionError(f"{name}: no small input works")


def fill_(module: torch.nn.Module, seed: int = 0) -> torch.nn.Module:
    """Materialise a meta-device module on the CPU with cheap, deterministic, sane values."""
    module.to_empty(device="cpu")
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in module.state_dict().items():
            if not t.is_floating_point():
                t.zero_()
            elif name.endswith("running_var"):
                t.uniform_(0.5, 1.5, generator=g)
            else:
                t.uniform_(-0.05, 0.05, generator=g)
    return module


def load_source(src: str, tmp_path):
    """Import generated code as a fresh module; returns (module, model class)."""
    path = tmp_path / f"gen_{uuid.uuid4().hex[:8]}.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = mod
    spec.loader.exec_module(mod)
    cls_name = re.search(r"^    model = (\w+)\(\)$", src, re.M).group(1)
    return mod, getattr(mod, cls_name)


@pytest.fixture
def make_source_module(tmp_path):
    return lambda src: load_source(src, tmp_path)
