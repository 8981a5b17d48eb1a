"""Long runs of the hostile-input fuzzer (tests/hostile/fuzzing.py) with a time budget.

    .venv/bin/python benchmarks/fuzz.py --minutes 10 [--seed N] [--save]

Draws mutated project files and checkpoint metadata (types, ranges, unicode, huge numbers,
NaN/Infinity, missing and extra keys, edge order) for the given time, runs each through the
pipeline and prints how many cases were tried, the outcomes, and every failure (the file text,
one line per case). ``--save`` writes each failing case to tests/hostile/corpus/ so the suite
keeps it (test_corpus.py runs them all). As a baseline in the same process it times a plain
``json.loads`` + ``copy`` of the same cases: the ratio says what the checks cost per case.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import fuzzing  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as hseed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def save_case(kind: str, text: str) -> Path:
    fuzzing.CORPUS.mkdir(exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = fuzzing.CORPUS / f"{kind}-{digest}.{'cnnproj' if kind == 'project' else 'ckpt.json'}"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    ap.add_argument("--save", action="store_true", help="write failing cases to tests/hostile/corpus/")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    import torch
    torch.set_num_threads(1)
    deadline = time.monotonic() + args.minutes * 60
    outcomes: Counter = Counter()
    failures: list[tuple[str, str, str]] = []
    spent = {"check": 0.0, "baseline": 0.0}

    def run_one(kind: str, text: str, check) -> None:
        t = time.perf_counter()
        json.loads(text)
        spent["baseline"] += time.perf_counter() - t
        t = time.perf_counter()
        try:
            outcomes[f"{kind}: {check(text)}"] += 1
        except Exception as exc:
            outcomes[f"{kind}: FAILED"] += 1
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failures.append((kind, text, f"{type(exc).__name__}: {str(exc)[:200]} at {where.filename}:{where.lineno}"))
        spent["check"] += time.perf_counter() - t

    @settings(max_examples=10**9, deadline=None, database=None, derandomize=False, phases=[Phase.generate],
              report_multiple_bugs=False, suppress_health_check=list(HealthCheck))
    @given(st.one_of(fuzzing.PROJECTS.map(lambda c: ("project", c)),
                     fuzzing.CHECKPOINTS.map(lambda m: ("checkpoint", m))))
    def case(drawn):
        if time.monotonic() > deadline:
            raise _Done
        kind, c = drawn
        if kind == "project":
            text = fuzzing.to_text(fuzzing.mutate(fuzzing.BASES[c[0]], c[1]))
            if text is not None:
                run_one(kind, text, fuzzing.check_project_text)
        else:
            text = fuzzing.to_text(fuzzing.mutate(fuzzing.CKPT_BASE, c))
            if text is not None:
                run_one(kind, text, lambda s: fuzzing.check_checkpoint_meta(json.loads(s)))

    class _Done(Exception):
        pass

    random.seed(seed)
    try:
        hseed(seed)(case)()
    except _Done:
        pass
    total = sum(outcomes.values())
    print(f"fuzz seed {seed}: {total:,} cases in {args.minutes:g} min "
          f"({spent['check'] / max(total, 1) * 1000:.1f} ms per case; plain json.loads baseline "
          f"{spent['baseline'] / max(total, 1) * 1000:.3f} ms; ratio {spent['check'] / max(spent['baseline'], 1e-9):,.0f}×)")
    for k, n in sorted(outcomes.items()):
        print(f"  {k}: {n:,}")
    seen = set()
    for kind, text, why in failures:
        if why in seen:
            continue
        seen.add(why)
        saved = f" -> {save_case(kind, text).relative_to(ROOT)}" if args.save else ""
        print(f"FAILURE ({kind}) {why}{saved}\n  {text[:400]}")
    print(f"{len(failures)} failing case(s), {len(seen)} distinct")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
