"""The hostile-input fuzzer in the suite: a bounded number of examples with a fixed seed
(``derandomize``), so `make test` is deterministic; benchmarks/fuzz.py runs it for minutes.

Invariant (issue 13): a mutated project is refused with a one-line StudioError, or it compiles,
exports a model.py that compiles (from bytes, coding cookie and all), runs no user string, has the
compiled model's state_dict keys and the summary's output shape. Mutated checkpoint metadata is
refused in one line, or predict's path works and gives one probability per class name.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from . import fuzzing

SUITE = settings(max_examples=120, derandomize=True, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@SUITE
@given(fuzzing.PROJECTS)
def test_mutated_projects_are_refused_in_one_line_or_export_faithfully(case):
    base, mutations = case
    text = fuzzing.to_text(fuzzing.mutate(fuzzing.BASES[base], mutations))
    if text is not None:
        fuzzing.check_project_text(text)


@SUITE
@given(fuzzing.CHECKPOINTS)
def test_mutated_checkpoint_metadata_is_refused_in_one_line_or_usable(mutations):
    text = fuzzing.to_text(fuzzing.mutate(fuzzing.CKPT_BASE, mutations))
    if text is not None:
        fuzzing.check_checkpoint_meta(json.loads(text))


def test_the_unmutated_bases_export_and_the_base_checkpoint_is_usable():
    """The fuzzer starts from inputs that pass: otherwise every case would only test refusals."""
    assert fuzzing.check_project_text(json.dumps(fuzzing.BASES[0])) == "exported"
    assert fuzzing.check_project_text(json.dumps(fuzzing.BASES[1])) == "exported"
    assert fuzzing.check_project_text(json.dumps(fuzzing.BASES[2])) == "invalid graph"
    assert fuzzing.check_checkpoint_meta(json.loads(json.dumps(fuzzing.CKPT_BASE))) == "usable"


def test_the_payload_marker_would_be_seen():
    """The exec check is not vacuous: a source that runs the payload is caught."""
    import builtins

    with pytest.raises(AssertionError):
        exec(compile(fuzzing.PAYLOAD, "x", "exec"), {})
        try:
            assert not hasattr(builtins, fuzzing.MARK)
        finally:
            builtins.__dict__.pop(fuzzing.MARK, None)
