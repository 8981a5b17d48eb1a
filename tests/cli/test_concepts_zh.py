"""`cnn-studio concepts --lang zh`: every concept in Chinese (title, text, misconception, link),
read from the zh_CN catalogue (studio/resources/i18n/studio_zh_CN.ts) with the numbers filled in
after translation; the English output is untouched by the translation."""
from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

from studio.cli import main
from studio.core import concepts as C
from studio.core import i18n

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalogue():
    """The zh_CN messages the CLI reads: the committed .ts."""
    return i18n.catalog("zh_CN")


def _cli(*args) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["concepts", *args]) == 0
    return buf.getvalue()


def _expected(cat, source: str) -> str:
    """The catalogue's translation of a marked concept text, its numbers filled in."""
    assert ("Concepts", source, "") in cat, f"no zh_CN translation of {source[:70]!r}"
    return cat[("Concepts", source, "")].format(**C._V)


def test_json_in_chinese_holds_the_catalogue_translation_of_every_field(catalogue):
    listed = {c["id"]: c for c in json.loads(_cli("--json", "--lang", "zh"))}
    english = {c["id"]: c for c in json.loads(_cli("--json"))}
    assert list(listed) == [c.id for c in C.CONCEPTS]
    for c in C.CONCEPTS:
        got, en = listed[c.id], english[c.id]
        assert set(got) == set(en) and got["id"] == c.id and got["shows"] == c.shows and got["zh"] == c.zh
        text, wrong = C._SOURCE[c.id]
        assert got["text"] == _expected(catalogue, text), c.id
        assert got["title"] == _expected(catalogue, c.title), c.id
        assert got["link"] == _expected(catalogue, c.link), c.id
        assert got["misconception"] == (_expected(catalogue, wrong) if wrong else ""), c.id
        for key in ("title", "text", "link") + (("misconception",) if wrong else ()):
            # no field stays English: each holds Chinese words and differs from the English text
            assert CJK.search(got[key]) and got[key] != en[key], (c.id, key, got[key])
        assert "{" not in got["text"] + got["misconception"], (c.id, "a number left unfilled")
    # the computed numbers appear in the Chinese texts as in the English ones
    assert "[0.475, 0.175, 0.175, 0.175]" in listed["one-hot"]["misconception"]
    assert f"{2 * 3 * 3 * 64 * 64:,}" in listed["small-kernels"]["text"]
    assert "49" in listed["pooling"]["misconception"]


def test_text_in_chinese_every_concept_heading_text_misconception_and_link(catalogue):
    out = _cli("--lang", "zh")
    flat = re.sub(r"\s+", "", out)  # Chinese lines wrap between characters
    blocks = out.split("\n\n")
    assert len(blocks) == len(C.CONCEPTS)
    for c, block in zip(C.CONCEPTS, blocks):
        text, wrong = C._SOURCE[c.id]
        first = block.splitlines()[0]
        assert first.startswith(c.zh) or first.startswith(_expected(catalogue, c.title)), first
        assert f"[{c.id}]" in first and CJK.search(first)
        for source in (text, wrong, c.link) if wrong else (text, c.link):
            assert re.sub(r"\s+", "", _expected(catalogue, source)) in flat, (c.id, source[:60])
        assert c.text not in out and (not wrong or c.misconception not in out), c.id
        if wrong:
            assert _expected(catalogue, C.NOT_SO) in block
        if wrong and c.note:
            assert c.note in block  # the notes' own words, as the student wrote them
    assert "Not so" not in out and "Shown in the studio" not in out
    assert all(len(line) <= 96 for line in out.splitlines() if CJK.search(line) is None)


def test_english_is_unchanged_by_the_catalogue(catalogue):
    out = _cli("softmax")
    c = C.get_concept("softmax")
    assert out.startswith(f"{c.title} · {c.zh}  [softmax]") and "Not so: Softmax turns" in out
    assert "Shown in the studio: Inference → Output & loss" in out
    assert json.loads(_cli("--json", "softmax"))[0]["text"] == c.text
