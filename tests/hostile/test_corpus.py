"""Every case that ever broke an invariant (the issue's hostile files and what the fuzzer found),
kept as files under tests/hostile/corpus/ and run through the same checks as the fuzzer."""
from __future__ import annotations

import json

import pytest

from . import fuzzing

PROJECTS = sorted(fuzzing.CORPUS.glob("*.cnnproj"))
CHECKPOINTS = sorted(fuzzing.CORPUS.glob("*.ckpt.json"))
EXPECTED = {  # every corpus file's outcome, so that none can drift (a refusal turning into a silent
    # pass or a crash, a file that exported turning into a refusal). "exported" for the files with
    # bad training settings: the graph exports, and fuzzing checks that each settings parser
    # refuses the values with a message.
    # refused on reading
    "issue13-bigint.cnnproj": "refused", "issue13-surrogate.cnnproj": "refused",
    "issue13-ver10.cnnproj": "refused", "issue13-bneps0.cnnproj": "refused",
    "fuzz-param-key-newline.cnnproj": "refused", "fuzz-param-key-5000.cnnproj": "refused",
    "fuzz-long-node-id.cnnproj": "refused", "round3-duplicate-key.cnnproj": "refused",
    "round3-user-template-surrogate-name.cnnproj": "refused",
    # read, then stopped with a message
    "fuzz-long-label-in-error.cnnproj": "invalid graph", "issue13-huge.cnnproj": "too large to build here",
    # the graph exports
    "issue13-coding-cookie.cnnproj": "exported", "fuzz-edges-reversed.cnnproj": "exported",
    "issue13-ansi.cnnproj": "exported", "issue13-srcbig.cnnproj": "exported",
    "issue13-cjinf.cnnproj": "exported", "issue13-rotnan.cnnproj": "exported",
    "issue13-lrinf.cnnproj": "exported", "issue13-lrnull.cnnproj": "exported",
    "issue13-wdnan.cnnproj": "exported", "issue13-valnan.cnnproj": "exported",
    "issue13-valstr.cnnproj": "exported", "issue13-seed1e30.cnnproj": "exported",
    "issue13-seedninf.cnnproj": "exported", "issue13-seedstr.cnnproj": "exported",
    "issue13-threads.cnnproj": "exported",
    # bad user_template records: a fine project (as a template or block it is skipped, see test_files_round3)
    **{f"round3-user-template-{k}.cnnproj": "exported" for k in (
        "description-number", "name-number", "outputs-string", "port-string", "record-list")},
    # checkpoint metadata
    "fuzz-settings-key-newline.ckpt.json": "refused", "issue13-short-class-names.ckpt.json": "refused",
    "issue13-mean-string.ckpt.json": "refused", "issue13-epoch-string.ckpt.json": "refused",
    "issue13-input-shape.ckpt.json": "refused", "issue13-class-names-null.ckpt.json": "refused",
}


def test_the_corpus_is_there():
    assert len(PROJECTS) >= 20 and len(CHECKPOINTS) >= 6


def test_every_corpus_file_has_an_expected_outcome():
    names = {p.name for p in PROJECTS + CHECKPOINTS}
    assert names - set(EXPECTED) == set(), "add the new corpus file's outcome to EXPECTED"
    assert set(EXPECTED) - names == set(), "EXPECTED names a file the corpus no longer holds"


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_corpus_project(path):
    outcome = fuzzing.check_project_text(path.read_text(encoding="utf-8"))
    assert outcome == EXPECTED[path.name]


@pytest.mark.parametrize("path", CHECKPOINTS, ids=lambda p: p.name)
def test_corpus_checkpoint_metadata(path):
    outcome = fuzzing.check_checkpoint_meta(json.loads(path.read_text(encoding="utf-8")))
    assert outcome == EXPECTED[path.name]
