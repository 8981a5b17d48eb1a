"""The property the hostile-input fuzzer checks, and the mutations it draws (hypothesis).

A mutated project file goes parse → validate → compile → export → compile the exported source.
Invariant: a one-line StudioError, or a model whose exported ``model.py`` (compiled from its bytes,
as Python reads it, coding cookie included) builds a module with the compiled model's state_dict
keys and whose output shape equals the summary's; running the source executes nothing from a user
string. Checkpoint metadata is mutated the same way through ``check_metadata``. Used by
tests/hostile/test_fuzz.py (bounded, deterministic) and benchmarks/fuzz.py (long runs).
"""
from __future__ import annotations

import builtins
import copy
import json
import math
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
BASES = [json.loads((ROOT / "examples" / n).read_text(encoding="utf-8"))
         for n in ("lenet5.cnnproj", "resnet_mini.cnnproj", "broken_linear.cnnproj")]
MAX_PARAMS = 3_000_000       # models larger than this are checked up to validation (no allocation)
MAX_ACTIVATIONS = 20_000_000
MARK = "_cnn_studio_fuzz_pwned"
PAYLOAD = f"__import__('builtins').__dict__.__setitem__({MARK!r}, 1)"
STRINGS = [
    "", " ", "x" * 5000, "coding: unicode_escape", "# -*- coding: raw_unicode_escape -*-",
    "\\n" + PAYLOAD + "\\n", "x\n" + PAYLOAD, "x\r" + PAYLOAD, "x\x0c" + PAYLOAD, "x\u2028" + PAYLOAD,
    "x\x85" + PAYLOAD, "nul\x00", "\ud800", "a\udfffb", "\x1b]0;title\x07\x1b[2J", "\u202eevil", "é中文",
    "'\"\\", "Conv2d", "Input", "ReLU", "__init__", "forward", "self", "None", "1abc", "a.b", "digits",
    "folder", "onecycle", "sgd", "NaN", "Infinity",
]
NUMBERS = [0, 1, -1, 2, 3, 7, 64, 255, 256, 4096, 65536, 10**6, 2**31, 2**63 - 1, 2**63, -(2**64), 10**30,
           10**300, 0.0, 0.5, -0.5, 1e-12, 1.5, 1e308, -1e308, math.nan, math.inf, -math.inf]
VALUES = st.one_of(
    st.sampled_from(STRINGS), st.sampled_from(NUMBERS), st.none(), st.booleans(),
    st.integers(-(2**70), 2**70), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.lists(st.sampled_from(NUMBERS[:12]), max_size=5), st.just({}), st.just([]),
    st.dictionaries(st.sampled_from(["source", "x", "seed", "lr", "id"]), st.sampled_from(NUMBERS), max_size=2),
)
OPS = ("replace", "delete", "add_key", "shuffle", "duplicate", "reverse", "swap_type")
MUTATIONS = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**9), VALUES, st.integers(0, 10**9)),
                     min_size=1, max_size=4)
PROJECTS = st.tuples(st.integers(0, len(BASES) - 1), MUTATIONS)


def _slots(tree) -> list[tuple[object, object]]:
    """Every (container, key) of the JSON tree, in a fixed order."""
    out, stack = [], [tree]
    while stack:
        c = stack.pop()
        items = c.items() if isinstance(c, dict) else enumerate(c)
        for k, v in list(items):
            out.append((c, k))
            if isinstance(v, (dict, list)):
                stack.append(v)
    return out


def mutate(tree, mutations) -> object:
    tree = copy.deepcopy(tree)
    for op, where, value, extra in mutations:
        value = copy.deepcopy(value)  # st.just({}) hands out one object: never link the tree to itself
        slots = _slots(tree)
        containers = [tree] + [c[k] for c, k in slots if isinstance(c[k], (dict, list))]
        if op in ("shuffle", "reverse", "duplicate", "add_key"):
            c = containers[where % len(containers)]
            if isinstance(c, list) and c:
                if op == "reverse":
                    c.reverse()
                elif op == "shuffle":
                    k = extra % len(c)
                    c[:] = c[k:] + c[:k]
                elif op == "duplicate":
                    c.append(copy.deepcopy(c[extra % len(c)]))
            elif isinstance(c, dict):
                c[STRINGS[extra % len(STRINGS)] if op == "add_key" else f"extra{extra % 5}"] = value
            continue
        if not slots:
            continue
        c, k = slots[where % len(slots)]
        if op == "delete":
            del c[k]
        elif op == "replace":
            c[k] = value
        else:  # swap_type: the same content, another JSON type
            v = c[k]
            c[k] = (str(v) if not isinstance(v, str) else (int(v) if v.isdigit() else [v])) \
                if not isinstance(v, (dict, list)) else json.dumps(v)
    return tree


def to_text(tree) -> str | None:
    """The file a user could have written (NaN/Infinity and \\ud800 escapes are valid to Python's json)."""
    try:
        return json.dumps(tree)
    except (ValueError, RecursionError):  # an int beyond 4300 digits: no file can hold it as text either
        return None


def _one_line(exc: BaseException) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg and "\r" not in msg, f"not one line: {msg[:300]!r}"
    assert len(msg) < 3000, f"too long ({len(msg)} characters)"
    return msg


def check_project_text(text: str) -> str:
    """Run the whole pipeline on one file's text; return the outcome, raise AssertionError on a breach."""
    from studio.core.errors import StudioError
    from studio.core.project import loads_project
    from studio.core.validate import validate
    from studio.training.typed_settings import read_project_settings

    try:
        proj = loads_project(text, "fuzz.cnnproj")
    except StudioError as exc:
        _one_line(exc)
        return "refused"
    read_project_settings(proj)  # what the window shows: never raises
    for parse, section in _settings_parsers(proj):
        try:
            parse(section)
        except StudioError as exc:
            _one_line(exc)
    a = validate(proj.graph, proj.num_classes)
    for i in a.issues:
        assert "\n" not in i.message, i.message
    if not a.ok or a.output_shape is None:
        return "invalid graph"
    if a.trainable_params + a.buffers > MAX_PARAMS or a.activation_bytes(1) > 4 * MAX_ACTIVATIONS:
        return "too large to build here"
    return _compile_and_export(proj, a)


def _settings_parsers(proj):
    from studio.training.datasets.settings import DataSettings
    from studio.training.settings import TrainSettings

    return [(DataSettings.from_dict, proj.dataset), (TrainSettings.from_dict, proj.training)]


def _compile_and_export(proj, a) -> str:
    import torch

    from studio.compiler import compile_graph
    from studio.compiler.codegen import HEADER, generate_source, model_class_name
    from studio.compiler.compile import make_plan
    from studio.core.errors import StudioError

    try:
        model = compile_graph(proj.graph, proj.num_classes).eval()
        source = generate_source(proj)
    except StudioError as exc:
        _one_line(exc)
        return "refused by the compiler"
    shape = tuple(a.shapes[a.input_id])
    with torch.no_grad():
        out = model(torch.zeros(1, *shape))
    assert tuple(out.shape[1:]) == tuple(a.output_shape), (tuple(out.shape), a.output_shape)
    assert source.splitlines()[:2] == list(HEADER)
    code = compile(source.encode("utf-8"), "model.py", "exec")  # bytes: Python honours any coding cookie
    ns: dict = {"__name__": "fuzzed_model"}
    exec(code, ns)
    assert not hasattr(builtins, MARK), "a user string ran as code in the exported model.py"
    plan = make_plan(proj.graph, proj.num_classes)
    exported = ns[model_class_name(proj, plan, _info(proj))]().eval()
    assert list(exported.state_dict()) == list(model.state_dict())
    with torch.no_grad():
        out2 = exported(torch.zeros(1, *shape))
    assert tuple(out2.shape[1:]) == tuple(a.output_shape)
    return "exported"


def _info(proj):
    from studio.compiler.codegen import _template_info

    return _template_info(proj)


# ---- checkpoint metadata ------------------------------------------------------------------------
CKPT_BASE = {
    "epoch": 1, "complete": True, "step": 10, "metrics": {"elapsed_s": 1.0}, "best_val_acc": 0.5,
    "project": BASES[0], "class_names": [str(i) for i in range(10)], "mean": [0.5], "std": [0.25],
    "input_shape": [1, 32, 32], "settings": {"epochs": 2}, "seed": 0, "model": {},
}
CHECKPOINTS = MUTATIONS


def check_checkpoint_meta(meta: dict) -> str:
    """check_metadata refuses in one line, or predict's path (model, preprocess, top-k) works."""
    import torch
    from PIL import Image

    from studio.core.errors import StudioError
    from studio.training.checkpoint import build_model
    from studio.training.ckpt_meta import check_metadata
    from studio.training.datasets.transforms import preprocess_image

    for k in ("model", "epoch", "project", "class_names", "mean", "std", "input_shape"):
        if k not in meta:
            return "missing field (refused by load_checkpoint)"
    try:
        project = check_metadata(meta, "fuzz.pt")
    except StudioError as exc:
        _one_line(exc)
        return "refused"
    a_params = sum(1 for _ in project.graph.nodes)
    assert a_params > 0
    from studio.core.validate import validate

    a = validate(project.graph, project.num_classes)
    if not a.ok or a.trainable_params > MAX_PARAMS or a.activation_bytes(1) > 4 * MAX_ACTIVATIONS:
        return "network not usable here"
    try:
        model = build_model(project).eval()
    except StudioError as exc:
        _one_line(exc)
        return "refused by the compiler"
    x = preprocess_image(Image.new("RGB", (20, 12), (200, 10, 10)), meta["input_shape"], meta["mean"], meta["std"])
    with torch.no_grad():
        probs = model(x[None]).float().softmax(1)[0]
    assert len(probs) == len(meta["class_names"]), (len(probs), len(meta["class_names"]))
    assert torch.isfinite(probs).all()
    return "usable"
