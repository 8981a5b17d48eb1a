"""Every word the window shows about a layer type is marked for translation (issue #23): the
descriptions, parameter help and names, categories, and the words of the filled-in formulas
(``explain``/``describe`` pass each template through their ``t`` and fill it in after). A new
layer type or explanation that forgets the marking fails here, in English, without a build."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import studio  # noqa: F401  (registers the catalogue)
from studio.core.spec import CATEGORIES, all_specs
from studio.layers.texts import CATEGORY_TEXTS, PARAM_TITLES, param_title

ROOT = Path(__file__).resolve().parents[2] / "studio"
SHAPES = [[(3, 32, 32)], [(16, 9, 9)], [(120,)], [(3, 32, 32), (3, 32, 32)], [(8, 16, 16), (4, 16, 16)],
          [(8, 4, 4), (8, 1, 1)], [], [(4, 7, 7, 5)]]
VARIANTS = [{}, {"stride": 2}, {"stride": [2, 1]}, {"kernel_size": 2, "stride": 2}, {"kernel_size": 3, "dilation": 2},
            {"ceil_mode": True, "kernel_size": 3, "stride": 2}, {"padding": "same"}, {"groups": 2, "out_channels": 8},
            {"groups": 8, "out_channels": 8, "bias": False}, {"bias": False}, {"affine": False},
            {"padding": [1, 2, 0, 3]}, {"p": 1.0}, {"p": 0.3}, {"keepdim": True}, {"order": "channels_first"},
            {"chunks": 3, "index": 2}, {"kernel_size": 3, "stride": 1}]
FORMULA_WORDS = {"MACs", "floor", "ceil", "out", "max", "min", "tanh"}  # H_out = floor(...): formulas


def marked_strings() -> set[str]:
    """The literal texts of ``QT_TRANSLATE_NOOP("Layers", "...")`` in the catalogue and the core."""
    out = set()
    for path in list((ROOT / "layers").glob("*.py")) + [ROOT / "core" / "spec.py", ROOT / "core" / "receptive.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                    and len(node.args) == 2 and all(isinstance(a, ast.Constant) for a in node.args)
                    and node.args[0].value == "Layers"):
                out.add(node.args[1].value)
    return out


def _cases():
    for spec in all_specs():
        names = {p.name for p in spec.params}
        seen = set()
        for v in VARIANTS:
            v = {k: x for k, x in v.items() if k in names}
            key = repr(sorted(v.items()))
            if key in seen:
                continue
            seen.add(key)
            try:
                params = spec.normalize(v)
            except Exception:  # a variant this layer refuses
                continue
            yield spec, params


def _unmarked_words(text: str) -> set[str]:
    while "‹" in text:
        text = re.sub(r"‹[^‹›]*›", " ", text)
    return set(re.findall(r"[A-Za-z]{2,}", text))


def test_the_catalogue_texts_are_marked():
    marked = marked_strings()
    missing = []
    for spec in all_specs():
        missing += [f"{spec.id}: description"] if spec.description not in marked else []
        missing += [f"{spec.id}.{p.name}: help" for p in spec.params if p.help not in marked]
        missing += [f"{spec.id}.{p.name}: title" for p in spec.params if param_title(spec, p) not in PARAM_TITLES]
        formula = getattr(spec, "formula", "")
        if re.search(r"[a-z]{4,}", formula.replace("tanh", "")) and formula not in marked:
            missing.append(f"{spec.id}: formula")
    assert not missing, missing
    assert set(CATEGORIES) <= set(CATEGORY_TEXTS)
    assert set(CATEGORY_TEXTS) | set(PARAM_TITLES) <= marked


def test_every_word_of_the_explanations_goes_through_the_translation():
    marked = marked_strings()
    titles = " ".join(s.title for s in all_specs()) + " BatchNorm1d BatchNorm2d"
    seen_templates: set[str] = set()

    def mark(text: str) -> str:  # a text lupdate does not collect stays as it is (a formula)
        if text not in marked:
            return text
        seen_templates.add(text)
        return "‹" + text + "›"

    left = set()
    for spec, params in _cases():
        assert not _unmarked_words(spec.describe(params, t=mark)), spec.id
        for ins in SHAPES:
            try:
                out = spec.infer(params, ins)
            except Exception:  # an input this layer refuses: explain still must not show raw English
                out = None
            try:
                english = spec.explain(params, ins, out)
            except Exception:  # explain is informative only (the window shows nothing then)
                continue
            text = spec.explain(params, ins, out, t=mark)
            assert text.replace("‹", "").replace("›", "").count("\n") >= english.count("\n")
            left |= {(spec.id, w) for w in _unmarked_words(text) if w not in titles and w not in FORMULA_WORDS}
    assert not left, sorted(left)
    assert len(seen_templates) > 100  # the explanations really were walked


def test_without_a_translation_the_explanations_are_english_as_before():
    for spec, params in _cases():
        for ins in SHAPES[:3]:
            try:
                out = spec.infer(params, ins)
                english = spec.explain(params, ins, out)
            except Exception:
                continue
            assert spec.explain(params, ins, out, t=lambda s: s) == english
            assert spec.describe(params, t=lambda s: s) == spec.describe(params)
