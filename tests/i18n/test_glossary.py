"""The translation follows docs/glossary.zh_CN.md: a message whose English holds a checked term
(whole word, any case, a plural too) holds the glossary's Chinese term."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from studio.core.i18n import I18N_DIR
from studio.gui.text_walk import plain

from .test_catalog import make_translations

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.zh_CN.md"


def glossary() -> list[tuple[str, str, bool]]:
    """(English, 中文, checked) of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("English", "") or set(cells[0]) <= set("-: "):
            continue
        rows.append((cells[0], cells[1], cells[2].lower() == "yes"))
    return rows


def term_pattern(term: str) -> re.Pattern:
    words = r"[\s-]+".join(re.escape(w) for w in term.split())
    # a whole word: "layer1", "out_channels" and "LayerNorm" are names, not the term
    return re.compile(rf"(?<![A-Za-z0-9_]){words}(?:s|es)?(?![A-Za-z0-9_])", re.IGNORECASE)


def offenders(catalog: dict, rows) -> list[str]:
    out = []
    checked = [(term_pattern(en), en, zh) for en, zh, yes in rows if yes]
    for (ctx, src, _m), tr in sorted(catalog.items()):
        if not tr:
            continue
        text = re.sub(r"\{[^{}]*\}", " ", plain(src))
        for pat, en, zh in checked:
            if pat.search(text) and zh not in tr:
                out.append(f"{en} → {zh}: [{ctx}] {src!r} → {tr!r}")
    return out


def test_glossary_table_is_read():
    rows = glossary()
    terms = {en: zh for en, zh, _ in rows}
    assert terms["feature map"] == "特征图" and terms["kernel"] == "卷积核" and len(rows) > 50
    assert not dict((en, yes) for en, _zh, yes in rows)["dropout"]


def test_translation_follows_the_glossary():
    ts = I18N_DIR / "studio_zh_CN.ts"
    if not ts.is_file():
        pytest.fail("no studio_zh_CN.ts: run make i18n")
    bad = offenders(make_translations().read_ts(ts), glossary())
    assert not bad, f"{len(bad)} translations miss a glossary term:\n" + "\n".join(bad)


def test_the_check_can_fail():
    rows = [("feature map", "特征图", True), ("layer", "层", True), ("run", "运行", False)]
    cat = {("", "Show the feature maps", ""): "显示特征映射", ("", "{layer} of LayerNorm", ""): "无",
           ("", "Two layers", ""): "两层", ("", "Run", ""): "跑", ("", "e.g. layer1=0.1, out_channels", ""): "例如"}
    bad = offenders(cat, rows)
    assert len(bad) == 1 and "feature maps" in bad[0]
