"""Long runs of the hostile-input fuzzer (tests/hostile/fuzzing.py) with a time budget.

    .venv/bin/python benchmarks/fuzz.py --minutes 10 [--seed N] [--save]

Draws mutated project files and checkpoint metadata (types, ranges, unicode, huge numbers,
NaN/Infinity, missing and extra keys, edge order), and since issue 18 mutated run folders
(run.json, metrics.jsonl, layer_stats.jsonl, the project; fed to `diff`, `diff --json` and the
Runs listing) and user template and block files (fed to `templates` and `new` with a temporary
user-data folder), for the given time; runs each through the pipeline and prints how many cases
were tried, the outcomes, and every failure (one line per case). First, once per run, every
special file and link (FIFO, /dev/zero link, dangling link, folder) at every place a command reads
(project, run files, template, weights) and non-UTF-8 names under a strict UTF-8 stdout, each in
a subprocess with a time and memory limit (tests/hostile/fuzz_surfaces.py).
``--save`` writes each failing case to tests/hostile/corpus/ so the suite keeps it (test_corpus.py
and test_fuzz.py run them all). As a baseline in the same process it times a plain
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

import fuzz_surfaces  # noqa: E402
import fuzzing  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as hseed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def save_case(kind: str, text: str) -> Path:
    fuzzing.CORPUS.mkdir(exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    suffix = {"project": "cnnproj", "checkpoint": "ckpt.json"}.get(kind, "case.json")
    path = fuzzing.CORPUS / f"{kind}-{digest}.{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def fixed_cases(outcomes: Counter, failures: list) -> None:
    """Every special file at every place, and the non-UTF-8 names: once, each in a subprocess."""
    checks = [(f"special {sp} as {pl}", lambda sp=sp, pl=pl: fuzz_surfaces.check_special(sp, pl))
              for sp in fuzz_surfaces.SPECIALS for pl in fuzz_surfaces.SPECIAL_PLACES]
    checks += [(f"non-UTF-8 {raw!r}", lambda raw=raw: fuzz_surfaces.check_non_utf8(raw)) for raw in fuzz_surfaces.NON_UTF8]
    for name, check in checks:
        try:
            outcomes[f"fixed: {check()}"] += 1
        except AssertionError as exc:
            outcomes["fixed: FAILED"] += 1
            failures.append(("fixed", name, f"{str(exc)[:300]}"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    ap.add_argument("--save", action="store_true", help="write failing cases to tests/hostile/corpus/")
    ap.add_argument("--no-fixed", action="store_true", help="skip the special-file and non-UTF-8 cases")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    import torch
    torch.set_num_threads(1)
    deadline = time.monotonic() + args.minutes * 60
    outcomes: Counter = Counter()
    failures: list[tuple[str, str, str]] = []
    spent = {"check": 0.0, "baseline": 0.0}

    if not args.no_fixed:
        fixed_cases(outcomes, failures)

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
                     fuzzing.CHECKPOINTS.map(lambda m: ("checkpoint", m)),
                     fuzz_surfaces.RUN_CASES.map(lambda c: ("run", c)),
                     fuzz_surfaces.TEMPLATE_CASES.map(lambda c: ("template", c))))
    def case(drawn):
        if time.monotonic() > deadline:
            raise _Done
        kind, c = drawn
        if kind in ("run", "template"):
            check = fuzz_surfaces.check_run_case if kind == "run" else fuzz_surfaces.check_template_case
            run_one(kind, fuzz_surfaces.case_text(kind, c),
                    lambda s, check=check: check(fuzz_surfaces.load_case_text(s)[1]))
        elif kind == "project":
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
        saved = f" -> {save_case(kind, text).relative_to(ROOT)}" if args.save and kind != "fixed" else ""
        print(f"FAILURE ({kind}) {why}{saved}\n  {text[:400]}")
    print(f"{len(failures)} failing case(s), {len(seen)} distinct")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
