"""Every case that ever broke an invariant (the issue's hostile files and what the fuzzer found),
kept as files under tests/hostile/corpus/ and run through the same checks as the fuzzer."""
from __future__ import annotations

import json

import pytest

from . import fuzzing

PROJECTS = sorted(fuzzing.CORPUS.glob("*.cnnproj"))
CHECKPOINTS = sorted(fuzzing.CORPUS.glob("*.ckpt.json"))
EXPECTED = {  # outcomes that must not drift (refused before the fix became silent passes or crashes)
    "issue13-bigint.cnnproj": "refused", "issue13-surrogate.cnnproj": "refused",
    "issue13-ver10.cnnproj": "refused", "issue13-bneps0.cnnproj": "refused",
    "fuzz-param-key-newline.cnnproj": "refused", "fuzz-param-key-5000.cnnproj": "refused",
    "fuzz-long-node-id.cnnproj": "refused", "issue13-coding-cookie.cnnproj": "exported",
    "fuzz-edges-reversed.cnnproj": "exported", "issue13-ansi.cnnproj": "exported",
    "fuzz-settings-key-newline.ckpt.json": "refused", "issue13-short-class-names.ckpt.json": "refused",
    "issue13-mean-string.ckpt.json": "refused", "issue13-epoch-string.ckpt.json": "refused",
    "issue13-input-shape.ckpt.json": "refused", "issue13-class-names-null.ckpt.json": "refused",
}


def test_the_corpus_is_there():
    assert len(PROJECTS) >= 20 and len(CHECKPOINTS) >= 6


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.name)
def test_corpus_project(path):
    outcome = fuzzing.check_project_text(path.read_text(encoding="utf-8"))
    assert outcome == EXPECTED.get(path.name, outcome)


@pytest.mark.parametrize("path", CHECKPOINTS, ids=lambda p: p.name)
def test_corpus_checkpoint_metadata(path):
    outcome = fuzzing.check_checkpoint_meta(json.loads(path.read_text(encoding="utf-8")))
    assert outcome == EXPECTED.get(path.name, outcome)
