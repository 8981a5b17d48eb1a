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

from . import fuzz_surfaces, fuzzing

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


# ---- the surfaces added by issue 18 (tests/hostile/fuzz_surfaces.py) ------------------------------
SURFACES = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


@settings(SURFACES, max_examples=120)
@given(fuzz_surfaces.RUN_CASES)
def test_mutated_run_folders_diff_and_list_in_one_line_and_write_nothing(case):
    fuzz_surfaces.check_run_case(case)


@SURFACES
@given(fuzz_surfaces.TEMPLATE_CASES)
def test_mutated_user_templates_and_blocks_list_show_and_start_projects_in_one_line(case):
    fuzz_surfaces.check_template_case(case)


@pytest.mark.parametrize("special, place", [
    ("fifo", "project"), ("devzero", "project"), ("fifo", "run:metrics.jsonl"), ("devzero", "run:run.json"),
    ("fifo", "run:project.cnnproj"), ("dangling", "run:metrics.jsonl"), ("devzero", "template"),
    ("fifo", "weights")])
def test_special_files_and_links_never_hang_or_crash(special, place):
    """A sample of fuzz_surfaces.SPECIALS × SPECIAL_PLACES (benchmarks/fuzz.py runs them all)."""
    fuzz_surfaces.check_special(special, place)


def test_non_utf8_names_on_a_strict_utf8_stdout():
    fuzz_surfaces.check_non_utf8(fuzz_surfaces.NON_UTF8[2])


def test_the_surface_fuzzer_sees_a_broken_invariant():
    """Not vacuous: a traceback, two lines, NaN in --json and a raw escape code are all caught."""
    for bad in [(1, "", "Traceback (most recent call last):\n"), (2, "", "one\ntwo\n"),
                (0, '{"a": NaN}', ""), (0, "name\x1b[2J\n", "")]:
        with pytest.raises(AssertionError):
            fuzz_surfaces.check_outcome(bad[0], bad[1], bad[2], json_out=bad[1].startswith("{"))
    assert fuzz_surfaces.check_outcome(2, "", "cnn-studio diff: x: no such run folder\n") == "refused"


def test_the_surface_corpus_is_there():
    assert len(sorted(fuzz_surfaces.CORPUS.glob("*.case.json"))) >= 10


@pytest.mark.parametrize("path", sorted(fuzz_surfaces.CORPUS.glob("*.case.json")), ids=lambda p: p.name)
def test_corpus_surface_case(path):
    """Every run-folder or template case the fuzzer ever failed on (benchmarks/fuzz.py --save)."""
    kind, case = fuzz_surfaces.load_case(path)
    {"run": fuzz_surfaces.check_run_case, "template": fuzz_surfaces.check_template_case}[kind](case)
