"""Messages below the front ends name a field, never a command-line option: the CLI words the
field as its option, the window as its widget (studio.core.errors, commands/common.py FLAGS,
gui/fields.py WIDGETS)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from studio.core.errors import StudioError

ROOT = Path(__file__).resolve().parents[1] / "studio"
PACKAGES = ("core", "training", "compiler", "templates", "experiments")
FLAG = re.compile(r"(?<![\w-])--[a-z]")


def _strings(path: Path):
    """(line, text) of every string literal that is not a docstring (f-string parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs:
            yield n.lineno, n.value


def test_no_command_line_option_in_the_messages_of_the_lower_packages():
    files = [f for pkg in PACKAGES for f in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(files) > 50
    found = [f"{f.relative_to(ROOT)}:{line}: {text[:80]!r}" for f in files for line, text in _strings(f)
             if FLAG.search(text)]
    assert not found, "\n".join(found)


def test_the_scan_sees_a_flag_where_there_is_one(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('"""Docstrings may say --resume."""\ndef g(n):\n    raise ValueError(f"use --batch-size {n}")\n')
    assert [t for _, t in _strings(f) if FLAG.search(t)] == ["use --batch-size "]


def test_an_error_names_its_field_each_front_end_its_own_way():
    from studio.commands.common import cli_message
    from studio.gui.fields import window_message

    e = StudioError("ran out of memory with batch size 64: try a smaller batch size",
                    field="training.batch_size", hint="example", value=32)
    assert str(e) == "ran out of memory with batch size 64: try a smaller batch size (e.g. training.batch_size = 32)"
    assert cli_message(e).endswith("(e.g. --batch-size 32)")
    assert window_message(e).endswith("(e.g. Batch size 32)")
    placeholder = StudioError("{field} 'x': unknown data set", field="dataset.source")
    assert (str(placeholder), cli_message(placeholder), window_message(placeholder)) == (
        "dataset.source 'x': unknown data set", "--data 'x': unknown data set", "Source 'x': unknown data set")
    assert cli_message(ValueError("plain")) == window_message("plain") == "plain"


@pytest.mark.parametrize("call, field, cli, window", [
    (lambda: __import__("studio.training.datasets.settings", fromlist=["x"]).DataSettings.from_dict(
        {"source": "mnist"}), "dataset.root", "give it as --data mnist:DIR", "choose its Folder in the Dataset box"),
    (lambda: __import__("studio.training.settings", fromlist=["x"]).TrainSettings.from_dict({"batch_size": 0}),
     "training.batch_size", "'batch_size' is 0", "'batch_size' is 0"),
    (lambda: __import__("studio.templates", fromlist=["x"]).build_project("vgg11", input_shape=(3, 8, 8)),
     "input_shape", "(e.g. --input 3x", "(the input shape, e.g. 3x"),
    (lambda: __import__("studio.core.spec", fromlist=["x"]).get_spec("NoSuchLayer"),
     "type", "unknown layer type 'NoSuchLayer'", "unknown layer type 'NoSuchLayer'"),
])
def test_real_errors_carry_their_field(call, field, cli, window):
    from studio.commands.common import cli_message
    from studio.gui.fields import window_message

    with pytest.raises(StudioError) as info:
        call()
    e = info.value
    assert e.field == field and cli in cli_message(e) and window in window_message(e)
    assert not FLAG.search(str(e)) and not FLAG.search(window_message(e))


def test_an_unknown_layer_type_is_a_studio_error_and_still_a_key_error():
    from studio.core.spec import get_spec

    with pytest.raises(KeyError) as info:
        get_spec("NoSuchLayer")
    assert isinstance(info.value, StudioError) and str(info.value).startswith("unknown layer type 'NoSuchLayer'")


def test_fail_is_a_studio_error_and_every_failure_becomes_one():
    from studio.training.faults import Fail, failure

    assert issubclass(Fail, StudioError)
    e = StudioError("as it is")
    assert failure(e) is e
    oom = failure(RuntimeError("CUDA out of memory. Tried to allocate 2 GiB"), 128, "CUDA")
    assert (oom.field, oom.value) == ("training.batch_size", 64) and "batch size 128" in str(oom)
    assert failure(MemoryError()).field == "training.batch_size"
    other = failure(ZeroDivisionError("division by zero"))
    assert isinstance(other, Fail) and str(other) == "training failed: ZeroDivisionError: division by zero"
