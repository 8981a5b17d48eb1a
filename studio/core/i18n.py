"""Translations for the parts of the studio that have no Qt (core, layers, templates,
experiments, the CLI's ``concepts --lang zh``).

The window translates with Qt's own system (``studio/gui/i18n.py``: ``tr()``, a ``.qm`` built
from ``studio/resources/i18n/studio_zh_CN.ts``). A string of a package without Qt that the
window shows is *marked* here with :func:`QT_TRANSLATE_NOOP` (Qt's ``lupdate`` collects it under
its context) and translated where it is shown: by the window through Qt, by the CLI through
:func:`translate`, which reads the same ``.ts`` file. Text with numbers is marked as a template
(``"{n} parameters"``) and filled in after it is translated, never translated whole.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

#: the languages the studio speaks (the window's View → Language, ``gui --lang``)
LANGUAGES = {"en": "English", "zh_CN": "中文"}
I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name, which lupdate looks for
    """Mark ``text`` for translation under ``context``; returns it unchanged."""
    return text


def catalog_path(lang: str) -> Path:
    return I18N_DIR / f"studio_{lang}.ts"


@lru_cache(maxsize=4)
def catalog(lang: str) -> dict[tuple[str, str, str], str]:
    """``(context, source, comment) -> translation`` of one language's ``.ts`` file (finished
    translations only; empty when the language has no file)."""
    path = catalog_path(lang)
    if lang == "en" or not path.is_file():
        return {}
    out: dict[tuple[str, str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text:
                continue
            out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = tr.text
    return out


def translate(context: str, text: str, lang: str, comment: str = "") -> str:
    """``text`` (marked under ``context``) in ``lang``; the English text where none is known."""
    if lang == "en":
        return text
    return catalog(lang).get((context, text, comment), text)
