"""Update the translation sources and build the compiled catalogues (``make i18n``).

    python studio/resources/make_translations.py            # update .ts from the code, build .qm
    python studio/resources/make_translations.py --check    # exit 1 unless both are current
    python studio/resources/make_translations.py --todo F.py  # what F.py shows that nothing translates

1. ``pyside6-lupdate`` collects every ``tr("...")`` of the window and every
   ``QT_TRANSLATE_NOOP(context, "...")`` of the packages without Qt into
   ``i18n/studio_zh_CN.ts``, keeping the translations it holds (no line numbers, no vanished
   strings: the file changes only when a text does).
2. Translations waiting in ``i18n/parts/*.json`` (``[{"context", "source", "comment",
   "translation"}]``, written by a contributor without Qt Linguist) fill unfinished messages.
3. ``pyside6-lrelease`` compiles the ``.ts`` into ``studio_zh_CN.qm``, which the window loads.

Edit translations in Qt Linguist (``pyside6-linguist i18n/studio_zh_CN.ts``) or in a part file;
``docs/glossary.zh_CN.md`` holds the terms the translation uses.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUDIO = HERE.parent
I18N = HERE / "i18n"
LANGS = ("zh_CN",)
Key = tuple[str, str, str]


def qt_tool(name: str) -> str:
    """The path of pyside6-``name`` (next to this Python, else on PATH)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install the project (make venv) first")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in STUDIO.rglob("*.py") if "resources" not in p.relative_to(STUDIO).parts)


def read_ts(path: Path) -> dict[Key, str | None]:
    """``(context, source, comment) -> translation`` (None when unfinished)."""
    out: dict[Key, str | None] = {}
    if not path.is_file():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            t = msg.find("translation")
            done = t is not None and t.get("type") not in ("unfinished", "vanished", "obsolete") and t.text
            out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = t.text if done else None
    return out


def read_parts(folder: Path) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for f in sorted(folder.glob("*.json")):
        for e in json.loads(f.read_text(encoding="utf-8")):
            out[(e.get("context", ""), e["source"], e.get("comment") or "")] = e["translation"]
    return out


def fill(ts: Path, parts: dict[Key, str]) -> None:
    """Give unfinished messages of ``ts`` their translation from ``parts``; rewrite the file."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            key = (name, msg.findtext("source") or "", msg.findtext("comment") or "")
            t = msg.find("translation")
            if t is None:
                t = ET.SubElement(msg, "translation")
            if key in parts and (t.get("type") == "unfinished" or not t.text):
                t.text = parts[key]
                t.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(out_dir: Path, base_dir: Path = I18N) -> None:
    """Write the updated ``.ts`` and built ``.qm`` of every language into ``out_dir``."""
    parts = read_parts(base_dir / "parts")
    for lang in LANGS:
        ts = out_dir / f"studio_{lang}.ts"
        if (base_dir / ts.name).is_file() and base_dir != out_dir:
            shutil.copyfile(base_dir / ts.name, ts)
        subprocess.run([qt_tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", lang, "-ts", str(ts)],
                       check=True, capture_output=True, text=True)
        fill(ts, parts)
        subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(out_dir / f"studio_{lang}.qm")],
                       check=True, capture_output=True, text=True)


def check() -> list[str]:
    """What is out of date (empty when the committed files are current)."""
    problems = []
    with tempfile.TemporaryDirectory() as d:
        update(Path(d))
        for lang in LANGS:
            new, old = read_ts(Path(d) / f"studio_{lang}.ts"), read_ts(I18N / f"studio_{lang}.ts")
            if new != old:
                added = sorted(k[1] for k in new.keys() - old.keys())[:5]
                gone = sorted(k[1] for k in old.keys() - new.keys())[:5]
                problems.append(f"studio_{lang}.ts is not current (new: {added}, gone: {gone})")
            qm = I18N / f"studio_{lang}.qm"
            if not qm.is_file() or qm.read_bytes() != (Path(d) / qm.name).read_bytes():
                problems.append(f"{qm.name} is not built from the current studio_{lang}.ts")
    return problems


def todo(files: list[str]) -> list[dict]:
    """The messages of ``files`` that no part file and no ``.ts`` translates yet, as part entries
    to fill in (``translation`` empty)."""
    known = {k for k, v in read_ts(I18N / "studio_zh_CN.ts").items() if v} | set(read_parts(I18N / "parts"))
    with tempfile.TemporaryDirectory() as d:
        ts = Path(d) / "todo.ts"
        subprocess.run([qt_tool("lupdate"), *files, "-locations", "none", "-ts", str(ts)],
                       check=True, capture_output=True, text=True)
        keys = [k for k in read_ts(ts) if k not in known]
    return [{"context": c, "source": s, **({"comment": m} if m else {}), "translation": ""} for c, s, m in keys]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 unless the .ts and .qm files are current")
    ap.add_argument("--todo", nargs="+", metavar="FILE.py",
                    help="print, as part-file JSON, the messages of these files that nothing translates yet")
    a = ap.parse_args()
    if a.todo:
        print(json.dumps(todo(a.todo), ensure_ascii=False, indent=1))
        return 0
    if a.check:
        problems = check()
        print("\n".join(problems) or "translations are current")
        return 1 if problems else 0
    update(I18N)
    for lang in LANGS:
        cat = read_ts(I18N / f"studio_{lang}.ts")
        done = sum(v is not None for v in cat.values())
        print(f"studio_{lang}: {done} of {len(cat)} messages translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
