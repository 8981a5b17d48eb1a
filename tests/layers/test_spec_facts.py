"""What a spec says about its layer (merge kind, import mapping, explainer, torch keywords)
is what the compiler, the importer and the Explain view do: no second table to keep in step."""
from __future__ import annotations

import pytest
from torch import nn

from studio.compiler.compile import MERGES
from studio.compiler.modules import module_class
from studio.core.errors import StudioError
from studio.core.spec import all_specs, holds_module, merge_kind, spec_explaining, spec_importing
from studio.training.explain_layers import EXPLAINERS, explain_module


def test_merges_hold_no_module_and_the_compiler_knows_their_kind():
    merges = {s.id: s.merge for s in all_specs() if s.merge}
    assert merges == {"Add": "add", "Concat": "concat", "Multiply": "multiply"}
    assert set(merges.values()) <= set(MERGES)
    assert not holds_module("Input") and not any(holds_module(t) for t in merges)
    assert holds_module("Conv2d") and merge_kind("Conv2d") is None


def test_every_explainer_is_declared_by_a_spec_and_every_declared_one_exists():
    declared = {c for s in all_specs() for c in s.explainers}
    assert declared == set(EXPLAINERS)
    assert explain_module(nn.Conv2d(1, 1, 3)) is EXPLAINERS["Conv2d"]
    assert spec_explaining("BatchNorm1d") is None and explain_module(nn.BatchNorm1d(3)) is None


def _module_of(spec, params=None):
    for shape in ((8, 8, 8), (8,)):
        try:
            params = spec.normalize(params or {})
            spec.infer(params, [shape])
            cls, kwargs = spec.torch_module(params, [shape])
        except StudioError:
            continue
        return module_class(cls)(**kwargs)
    raise AssertionError(f"{spec.id}: no input shape builds it")


@pytest.mark.parametrize("spec", [s for s in all_specs() if s.imports], ids=lambda s: s.id)
def test_a_module_the_spec_builds_imports_back_as_the_same_layer(spec):
    for name in spec.imports:
        assert isinstance(getattr(nn, name, None), type), f"{spec.id}.imports: no torch.nn.{name}"
        assert spec_importing(name) is spec
    m = _module_of(spec)
    params = spec.from_torch(m)
    assert not isinstance(params, str), params
    assert repr(_module_of(spec, params)) == repr(m)  # the same torch layer again
