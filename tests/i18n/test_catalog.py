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


#: placeholders a translation may add because the code fills them for every message of the
#: context: an error's ``{field}`` (the window names the field in the user's language)
FILLED_FOR = {"Errors": {"{field}"}}
HTML_TAGS = {"a", "b", "big", "br", "code", "div", "em", "font", "h1", "h2", "h3", "h4", "hr", "i", "img", "li",
             "nobr", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "td", "th", "tr",
             "tt", "u", "ul"}


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}", text))


def same_placeholders(context: str, source: str, translation: str) -> bool:
    """The translation keeps every placeholder of the source and adds only what the code fills."""
    extra = placeholders(translation) - placeholders(source)
    return placeholders(source) <= placeholders(translation) and extra <= FILLED_FOR.get(context, set())


def accelerators(text: str) -> int:
    """``&`` marks that make a mnemonic: ``&F`` (not ``&&``, not "Output & loss", not ``&amp;``)."""
    return len(re.findall(r"&(?![\s&]|[A-Za-z]+;|#\d+;)", text.replace("&&", "")))


def tags(text: str) -> Counter:
    found = re.findall(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>", text)
    return Counter(m.lower() for m in found if m.lower() in HTML_TAGS)


def _offenders(catalog, check, with_context: bool = False) -> list[str]:
    return [f"[{c}] {s!r} → {t!r}" for (c, s, _m), t in sorted(catalog.items())
            if t and not (check(c, s, t) if with_context else check(s, t))]


def test_translations_keep_placeholders(catalog):
    bad = _offenders(catalog, same_placeholders, with_context=True)
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
    assert not same_placeholders("", "{n} layers", "{count} 层") and same_placeholders("", "{n} layers", "{n} 层")
    assert not same_placeholders("", "{n} layers", "{n} {field} 层") and same_placeholders("Errors", "{n}", "{field} {n}")
    assert accelerators("&File") == 1 and accelerators("文件") == 0 and accelerators("A && B") == 0
    assert accelerators("Output & loss") == 0 and accelerators("a &amp; b") == 0
    assert tags("<b>loss</b>") != tags("损失") and tags("<opened>") == tags("打开时")
    assert english_words("Save the project") and not english_words("…") and not english_words("Conv2d 3×32×32")
