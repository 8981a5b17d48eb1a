"""docs/project-format.md and docs/layers.md stay true: the full example loads and validates,
and the parameter tables equal what the layer specs declare.

Regenerate the tables with:  .venv/bin/python tests/core/test_docs.py
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from studio.core.project import parse_project  # noqa: E402
from studio.core.spec import CATEGORIES, specs_by_category  # noqa: E402
from studio.core.validate import validate  # noqa: E402

FORMAT_MD = ROOT / "docs" / "project-format.md"
LAYERS_MD = ROOT / "docs" / "layers.md"
BEGIN, END = "<!-- layer-table:begin -->", "<!-- layer-table:end -->"

KIND = {"int": "integer", "float": "number", "bool": "true/false", "choice": "one of",
        "size2": "int or [h, w]", "padding": "int, [h, w] or text", "pad4": "int or [l, r, t, b]"}


def _value(v) -> str:
    return "empty (auto)" if v is None else f"`{json.dumps(v)}`"


def _range(p) -> str:
    parts = []
    if p.choices:
        parts.append(", ".join(f"`{json.dumps(c)}`" for c in p.choices))
    if p.min is not None or p.max is not None:
        lo = "" if p.min is None else f"{'> ' if p.min_open else ''}{p.min:g}"
        hi = "" if p.max is None else f"{p.max:g}"
        parts.append(f"{lo} … {hi}")
    if p.optional:
        parts.append("or empty")
    return "; ".join(parts) or "—"


def layer_table() -> str:
    """The markdown between the layer-table markers, generated from the specs."""
    out = []
    for cat in CATEGORIES:
        for spec in specs_by_category()[cat]:
            lo, hi = spec.arity
            inputs = "none" if hi == 0 else (f"{lo}" if lo == hi else f"{lo} or more")
            legacy = f" (also read as {', '.join(f'`{x}`' for x in spec.legacy_ids)})" if spec.legacy_ids else ""
            out.append(f"#### `{spec.id}`{legacy}\n")
            out.append(f"{cat}. Inputs: {inputs}. {spec.description}\n")
            if spec.params:
                out.append("| parameter | type | default | allowed | meaning |")
                out.append("|---|---|---|---|---|")
                for p in spec.params:
                    out.append(f"| `{p.name}` | {KIND[p.kind]} | {_value(p.default)} | {_range(p)} | {p.help} |")
            else:
                out.append("No parameters (`\"params\"` may be omitted).")
            out.append("")
    return "\n".join(out).strip() + "\n"


def _between(text: str) -> str:
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip() + "\n"


def test_layer_table_in_project_format_matches_the_specs():
    assert _between(FORMAT_MD.read_text(encoding="utf-8")) == layer_table(), (
        "docs/project-format.md is out of date: run .venv/bin/python tests/core/test_docs.py --write")


def test_full_example_in_project_format_loads_and_validates():
    text = FORMAT_MD.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    full = [b for b in blocks if '"format": "cnn-studio"' in b]
    assert full, "no full example in docs/project-format.md"
    p = parse_project(json.loads(full[0]), "docs example")
    a = validate(p.graph, p.num_classes)
    assert a.ok and a.issues == [], [str(i) for i in a.issues]
    assert p.input_shape == (1, 28, 28) and a.output_shape == (10,)
    m = re.search(r"has\s+([\d,]+)\s+parameters", text)
    assert m and int(m.group(1).replace(",", "")) == a.total_params


def test_layers_md_names_every_layer_type_and_formula():
    text = LAYERS_MD.read_text(encoding="utf-8")
    for specs in specs_by_category().values():
        for spec in specs:
            assert f"`{spec.id}`" in text, spec.id
    assert "O = floor((I + 2P − D·(K − 1) − 1) / S) + 1" in text


def test_layers_md_shows_the_texts_the_specs_produce():
    """The examples in docs/layers.md are what the inspector shows (students' form first)."""
    from studio.core.spec import get_spec

    text = LAYERS_MD.read_text(encoding="utf-8")
    assert "O = floor((I − K + 2P) / S) + 1" in text
    conv = get_spec("Conv2d")
    shown = conv.explain(conv.normalize({"out_channels": 6, "kernel_size": 5}), [(1, 32, 32)], (6, 28, 28))
    for line in shown.splitlines():
        assert line.strip() in text, line
    dil = conv.explain(conv.normalize({"out_channels": 6, "kernel_size": 5, "dilation": 2}), [(1, 32, 32)], (6, 24, 24))
    assert dil.splitlines()[1].split(" = ", 1)[1] in text.replace("\n", " ")
    assert "y = γ·(x − μ)/√(σ² + ε) + β" in text and "not element-wise" in text
    assert "r_out = r_in + (K − 1)·D·j_in" in text


def test_every_image_the_docs_show_exists():
    for md in list((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]:
        for ref in re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", md.read_text(encoding="utf-8")):
            assert (md.parent / ref).is_file(), f"{md.name} shows {ref}, which does not exist"
    shown = (ROOT / "docs" / "training-gui.md").read_text(encoding="utf-8")
    for name in ("explain-conv-pixel", "explain-output-loss", "explain-pool-pixel", "explain-evaluate",
                 "loss-chance-level", "receptive-field-vgg16", "concepts"):
        assert f"images/{name}.png" in shown, name


if __name__ == "__main__":
    if "--write" in sys.argv:
        md = FORMAT_MD.read_text(encoding="utf-8")
        head, rest = md.split(BEGIN, 1)
        md = head + BEGIN + "\n\n" + layer_table() + "\n" + END + rest.split(END, 1)[1]
        FORMAT_MD.write_text(md, encoding="utf-8")
    else:
        print(layer_table())
