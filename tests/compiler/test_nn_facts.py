"""What code generation knows of torch.nn without importing it equals torch itself."""
from __future__ import annotations

import inspect
import keyword

import pytest
from torch import nn

from studio.compiler.modules import module_class
from studio.compiler.names import reserved_names
from studio.compiler.nn_facts import MODULE_ATTRIBUTES, POSITIONAL, keyword_order
from studio.core.spec import all_specs


def test_module_attributes_are_those_of_torch():
    torch_names = set()
    for obj in (nn.Module(), nn.ModuleDict(), nn.Sequential()):
        torch_names.update(dir(obj))
    assert MODULE_ATTRIBUTES == torch_names
    assert set(keyword.kwlist) | {"forward", "self", "x"} <= reserved_names()


KEYWORD_CLASSES = sorted({c for s in all_specs() if s.torch_keywords for c in s.built_classes()})


def test_the_specs_give_the_keyword_order_of_the_usual_classes():
    assert {"Conv2d", "Linear", "BatchNorm1d", "BatchNorm2d", "MaxPool2d", "ReLU"} <= set(KEYWORD_CLASSES)


@pytest.mark.parametrize("cls", KEYWORD_CLASSES)
def test_keyword_order_is_torch_signature(cls):
    params = inspect.signature(getattr(nn, cls)).parameters
    assert keyword_order(cls) == tuple(params)
    for name in POSITIONAL:  # written positionally: they must be required
        if name in params:
            assert params[name].default is inspect.Parameter.empty


def torch_classes(spec):
    return list(spec.built_classes())


def torch_class(name: str):
    """torch.nn's class, or the studio's own (studio/compiler/modules.py) for LayerNorm2d..."""
    return getattr(nn, name, None) or module_class(name)


@pytest.mark.parametrize("spec", [s for s in all_specs() if s.torch_class or s.id == "BatchNorm"], ids=lambda s: s.id)
def test_spec_defaults_equal_torch_defaults_of_optional_keywords(spec):
    """classes.kwarg_default relies on this: a keyword left out of a layer's kwargs has
    the spec's parameter default as its value."""
    for cls in torch_classes(spec):
        params = inspect.signature(torch_class(cls)).parameters
        for p in spec.params:
            t = params.get(p.name)
            if t is not None and t.default is not inspect.Parameter.empty:
                assert p.default == t.default, f"{spec.id}.{p.name}: spec {p.default!r}, torch {t.default!r}"


def test_custom_class_sources_read_as_text_are_the_classes_torch_runs():
    """Code generation copies the studio's own classes from modules.py as text (no torch):
    every class is found, and its text defines the class the compiler builds."""
    from studio.compiler.codegen import custom_class_sources
    from studio.compiler.names import CUSTOM_CLASSES

    sources = custom_class_sources()
    assert tuple(sources) == CUSTOM_CLASSES
    for name, text in sources.items():
        assert text.startswith(f"class {name}(")
        assert inspect.getsource(module_class(name)).rstrip() == text.rstrip()
