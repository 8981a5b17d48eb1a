"""The translation catalogue: current with the code, complete, and every translation keeps what
the program fills in or acts on ({placeholders}, & accelerators, HTML tags) and is Chinese."""
from __future__ import annotations

import importlib.util
import re
from collections import Counter

import pytest

from studio.core.i18n import I18N_DIR
from studio.gui.text_walk import english_words, has_cjk

TS = I18N_DIR / "studio_zh_CN.ts"


def make_translations():
    spec = importlib.util.spec_from_file_location("make_translations", I18N_DIR.parent / "make_translations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def catalog():
    assert TS.is_file(), f"no {TS.name}: run make i18n"
    return make_translations().read_ts(TS)


def test_ts_and_qm_are_current():
    """The .ts holds exactly the messages of the code and the .qm is built from it (make i18n)."""
    assert make_translations().check() == []


def test_every_message_is_translated(catalog):
    todo = sorted(f"[{c}] {s!r}" for (c, s, _m), t in catalog.items() if not t)
    assert len(catalog) > 100
    assert not todo, f"{len(todo)} messages without a finished translation:\n" + "\n".join(todo)


def placeholders(text: str) -> Counter:
    return Counter(re.findall(r"\{[^{}]*\}", text))


def accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&|[A-Za-z]+;|#\d+;)", text.replace("&&", "")))


def tags(text: str) -> Counter:
    return Counter(m.lower() for m in re.findall(r"</?([A-Za-z][A-Za-z0-9]*)[^<>]*>", text))


def _offenders(catalog, check) -> list[str]:
    return [f"[{c}] {s!r} → {t!r}" for (c, s, _m), t in sorted(catalog.items()) if t and not check(s, t)]


def test_translations_keep_placeholders(catalog):
    bad = _offenders(catalog, lambda s, t: placeholders(s) == placeholders(t))
    assert not bad, "placeholders changed:\n" + "\n".join(bad)


def test_translations_keep_accelerators(catalog):
    bad = _offenders(catalog, lambda s, t: accelerators(s) == accelerators(t))
    assert not bad, "& accelerators changed:\n" + "\n".join(bad)


def test_translations_keep_html_tags(catalog):
    bad = _offenders(catalog, lambda s, t: tags(s) == tags(t))
    assert not bad, "HTML tags changed:\n" + "\n".join(bad)


def test_translations_are_chinese(catalog):
    """A message with words is translated into Chinese; one of symbols and names ("…", "ONNX")
    may stay as it is."""
    bad = _offenders(catalog, lambda s, t: has_cjk(t) or not english_words(s))
    assert not bad, "translations without a Chinese character:\n" + "\n".join(bad)


def test_the_checks_can_fail():
    assert placeholders("{n} layers") != placeholders("{count} 层")
    assert accelerators("&File") == 1 and accelerators("文件") == 0 and accelerators("A && B") == 0
    assert tags("<b>loss</b>") != tags("损失")
    assert english_words("Save the project") and not english_words("…") and not english_words("Conv2d 3×32×32")
