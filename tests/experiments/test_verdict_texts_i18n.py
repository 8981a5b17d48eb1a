"""The verdict texts are translatable: every text a verdict, a heading or a description shows goes
through the ``translate`` callable (identity by default: verdict.json and report.md stay English),
and every such text is one that ``lupdate`` collects (QT_TRANSLATE_NOOP("Experiments", ...))."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from studio.experiments import EXPERIMENTS
from studio.experiments.report import COLUMNS, _fmt, data_text, setup_rows
from studio.experiments.verdicts import VariantData, compute

ROOT = Path(__file__).resolve().parents[2]


def _data(exp, rnd: random.Random) -> dict[str, VariantData]:
    """Recorded numbers of every kind a verdict reads (some missing, some diverged)."""
    data = {}
    for v in exp.variants:
        metrics = [{"epoch": e + 1, "train_acc": rnd.random(), "val_acc": rnd.choice([None, rnd.random()]),
                    "train_loss": 3 * rnd.random()} for e in range(rnd.randint(0, 4))]
        scale = rnd.choice([1e-6, 1.0, 1e4])
        stats = [{"step": 10 * s, "layers": {f"l{j}": {"grad_norm": rnd.random() * scale ** (j / 3)} for j in range(4)}}
                 for s in range(rnd.randint(0, 3))]
        div = {"message": "nan", "losses": [[5, float("nan")]]} if rnd.random() < 0.5 else None
        data[v.name] = VariantData(metrics, stats, rnd.randint(1000, 30000), div)
    return data


def test_every_verdict_text_goes_through_translate_and_english_is_unchanged(tmp_path):
    seen: set[str] = set()

    def mark(text: str) -> str:
        seen.add(text)
        return "«" + text + "»"

    for seed in range(30):
        for exp in EXPERIMENTS.values():
            english = compute(exp, _data(exp, random.Random(seed)))
            marked = compute(exp, _data(exp, random.Random(seed)), translate=mark)
            # the whole reason and the verdict are translated texts (templates filled after)
            assert marked["reason"].startswith("«") and marked["verdict"].startswith("«"), marked["reason"]
            assert marked["reason"].replace("«", "").replace("»", "") == english["reason"]
            assert marked["holds"] == english["holds"]
            assert all(v["label"].startswith("«") for v in marked["variants"].values())
    for exp in EXPERIMENTS.values():
        rows = setup_rows(exp, short=True, tx=mark)
        assert all(r["variant"].startswith("«") and r["init"].startswith("«") for r in rows)
        assert data_text(exp, tx=mark).startswith("«")
        seen |= {exp.title, exp.claim, exp.source, exp.metric, exp.notes, exp.decided_at} - {""}
        seen |= {v.label for v in exp.variants}
    assert _fmt(None, "epochs", mark) == "«never»" and _fmt(0.5, "points", mark) == "«{n} points»".replace(
        "{n}", "+50.0")
    seen |= {heading for heading, _kind in COLUMNS.values()}
    # every one of them is collected by lupdate under the "Experiments" context
    files = [ROOT / "studio" / "experiments" / f for f in ("catalog.py", "verdicts.py", "report.py")]
    collected = _collected(files, tmp_path / "experiments.ts")
    missing = sorted(t for t in seen if t not in collected and t not in ("He", "Glorot", "N(0, 0.01)"))  # names, formulas: kept
    assert not missing, missing


def _collected(files: list[Path], out: Path) -> set[str]:
    import xml.etree.ElementTree as ET

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, files), "-locations", "none", "-ts", str(out)], check=True,
                   capture_output=True)
    texts = {m.findtext("source") for ctx in ET.parse(out).getroot().iter("context")
             if ctx.findtext("name") == "Experiments" for m in ctx.iter("message")}
    return texts
