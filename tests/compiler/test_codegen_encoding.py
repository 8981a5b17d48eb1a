"""Exported model.py cannot be turned into code by a user string, whatever the string holds.

The attack (issue 13): a project named ``coding: unicode_escape`` landed on line 2 of the file,
which Python reads as the source encoding (PEP 263); a label's escaped newline then decoded
into a real line of code. The first two lines are now fixed text, line 1 an explicit utf-8
cookie, and user strings in comments are escaped single-line literals.
"""
from __future__ import annotations

import io
import subprocess
import sys
import tokenize

import pytest

from studio.compiler.codegen import HEADER, comment_text, generate_source
from studio.core.graph import GraphBuilder
from studio.core.project import Project

PAYLOAD = "__import__('os').system('touch PWNED')"
HOSTILE = [
    "coding: unicode_escape",
    "# -*- coding: unicode_escape -*-",
    "vim: set fileencoding=raw_unicode_escape :",
    "\\n" + PAYLOAD + "\\n",
    "x\n" + PAYLOAD,
    "x\r" + PAYLOAD,
    "x\r\n" + PAYLOAD,
    "x\x0c" + PAYLOAD,
    "x\u2028" + PAYLOAD,
    "x\u2029" + PAYLOAD,
    "x\x85" + PAYLOAD,
    "x\x0b" + PAYLOAD,
    "x\x1c\x1d\x1e" + PAYLOAD,
    "lone \ud800 surrogate " + PAYLOAD,
    "nul \x00 " + PAYLOAD,
    "bidi \u202e\u2066 " + PAYLOAD,
    "é中文 " + PAYLOAD,
    "A" * 100_000 + PAYLOAD,
    "\\u000a" + PAYLOAD,
    "\\x0a" + PAYLOAD,
]


def hostile_project(name: str, label: str, template: str | None = None) -> Project:
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8, label=label)
    b.add("Conv2d", "conv", out_channels=2, padding=1, label=label)
    b.add("Flatten", "flatten", label=label)
    b.add("Linear", "fc", out_features=3, label=label)
    g = b.graph
    g.add_group(label, ["conv"], kind=label)
    return Project(graph=g, num_classes=3, name=name, template=template, notes=label, class_names=[label] * 3)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_comment_text_is_one_printable_line(text):
    c = comment_text(text)
    assert c.isprintable()
    assert len(c) <= 4 * 200 + 10  # escaped, cut
    c.encode("utf-8")  # no lone surrogate survives


def _check_source_bytes(src: str, tmp_path) -> None:
    data = src.encode("utf-8")
    lines = src.splitlines()
    assert tuple(lines[:2]) == HEADER, lines[:2]
    # Python reads the file as bytes: the cookie decides the encoding; it must be utf-8 and
    # decoding with it must give back exactly what we wrote
    enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    assert enc == "utf-8"
    compile(data, "model.py", "exec")
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        assert not (tok.type == tokenize.NAME and tok.string in ("__import__", "system", "os", "exec")), tok
        if "PWNED" in tok.string or "unicode_escape" in tok.string:
            # inside a literal or a comment, or squeezed into a sanitised identifier (a group
            # named 'coding: unicode_escape' is the block self.coding_unicode_escape)
            assert tok.type in (tokenize.COMMENT, tokenize.STRING) or (
                tok.type == tokenize.NAME and tok.string.isidentifier() and tok.string.isascii()), tok
    # every line the tokenizer sees is one we wrote: no user string adds a line
    assert data.decode("utf-8").count("\n") == src.count("\n")


@pytest.mark.parametrize("text", HOSTILE[:6] + HOSTILE[13:], ids=range(len(HOSTILE[:6] + HOSTILE[13:])))
def test_hostile_name_and_labels_compile_and_execute_nothing(text, tmp_path):
    src = generate_source(hostile_project(text, text))
    _check_source_bytes(src, tmp_path)


def test_coding_cookie_attack_runs_nothing(tmp_path):
    """The exact reported case: name sets the encoding, a label carries an escaped newline."""
    proj = hostile_project("coding: unicode_escape", "\n        " + PAYLOAD + "  #")
    src = generate_source(proj)
    _check_source_bytes(src, tmp_path)
    (tmp_path / "model.py").write_bytes(src.encode("utf-8"))
    r = subprocess.run([sys.executable, "model.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "output shape: (1, 3)" in r.stdout
    assert not (tmp_path / "PWNED").exists()


def test_every_hostile_string_at_once_runs_nothing(tmp_path):
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8, label=HOSTILE[0])
    for i, label in enumerate(HOSTILE):
        b.add("Conv2d", f"c{i}", out_channels=2, padding=1, label=label)
    b.add("Flatten", "flatten", label=HOSTILE[1])
    b.add("Linear", "fc", out_features=3, label=HOSTILE[3])
    proj = Project(graph=b.graph, num_classes=3, name=HOSTILE[0], template=HOSTILE[2])
    src = generate_source(proj, weights_file=HOSTILE[4])
    _check_source_bytes(src, tmp_path)
    (tmp_path / "model.py").write_bytes(src.encode("utf-8"))
    # the weights file named by a hostile string does not exist: loading it fails, but nothing runs
    r = subprocess.run([sys.executable, "-c", "import ast,sys; ast.parse(open('model.py','rb').read())"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-c", "import model"], cwd=tmp_path, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert not (tmp_path / "PWNED").exists()
