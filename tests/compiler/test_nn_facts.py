"""What code generation knows of torch.nn without importing it equals torch itself."""
from __future__ import annotations

import inspect
import keyword

import pytest
from torch import nn

from studio.compiler.names import reserved_names
from studio.compiler.nn_facts import KEYWORD_ORDER, MODULE_ATTRIBUTES, POSITIONAL
from studio.core.spec import all_specs


def test_module_attributes_are_those_of_torch():
    torch_names = set()
    for obj in (nn.Module(), nn.ModuleDict(), nn.Sequential()):
        torch_names.update(dir(obj))
    assert MODULE_ATTRIBUTES == torch_names
    assert set(keyword.kwlist) | {"forward", "self", "x"} <= reserved_names()


@pytest.mark.parametrize("cls", sorted(KEYWORD_ORDER))
def test_keyword_order_is_torch_signature(cls):
    params = inspect.signature(getattr(nn, cls)).parameters
    assert KEYWORD_ORDER[cls] == tuple(params)
    for name in POSITIONAL:  # written positionally: they must be required
        if name in params:
            assert params[name].default is inspect.Parameter.empty


def torch_classes(spec):
    return ["BatchNorm1d", "BatchNorm2d"] if spec.id == "BatchNorm" else [spec.torch_class]


@pytest.mark.parametrize("spec", [s for s in all_specs() if s.torch_class or s.id == "BatchNorm"], ids=lambda s: s.id)
def test_spec_defaults_equal_torch_defaults_of_optional_keywords(spec):
    """classes.kwarg_default relies on this: a keyword left out of a layer's kwargs has
    the spec's parameter default as its value."""
    for cls in torch_classes(spec):
        params = inspect.signature(getattr(nn, cls)).parameters
        for p in spec.params:
            t = params.get(p.name)
            if t is not None and t.default is not inspect.Parameter.empty:
                assert p.default == t.default, f"{spec.id}.{p.name}: spec {p.default!r}, torch {t.default!r}"
