"""The fuzzer's new surfaces (issue 18): run folders, user templates and blocks, special files and
symlinks, non-UTF-8 paths on a strict UTF-8 stdout.

Invariant for every case: each command exits 0 or 2; with 2, stderr is one line; never a
traceback, never a hang (the special files run in a subprocess with a time limit); `--json` is
strict JSON; text output has no raw control character, line separator or bidi override; nothing
is written anywhere but the folder a command was asked to write (the inputs' folders are
compared before and after).

Used by tests/hostile/test_fuzz.py (bounded, deterministic) and benchmarks/fuzz.py (long runs).
Mutations of the JSON trees reuse :mod:`fuzzing`'s operators.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import strategies as st

try:
    from . import fuzzing
except ImportError:  # benchmarks/fuzz.py imports this module from the folder
    import fuzzing

ROOT = fuzzing.ROOT
CORPUS = fuzzing.CORPUS
LENET = json.loads((ROOT / "examples" / "lenet5.cnnproj").read_text(encoding="utf-8"))
RUN_JSON = {"format": "cnn-studio-run", "version": 1, "status": "finished", "message": "trained 2 epochs",
            "epochs": 2, "epochs_done": 2, "best_val_acc": 0.91, "best_metric": "val_acc",
            "graph_version": "abc123", "started": "2026-01-01T10:00:00", "ended": "2026-01-01T10:01:00"}
METRICS = [{"epoch": e, "train_loss": 1.0 / e, "train_acc": 0.5 + e / 10, "val_loss": 1.1 / e, "val_acc": 0.4 + e / 10,
            "val_top5": None, "lr": 0.003, "samples_per_s": 900.0, "elapsed_s": 2.0 * e} for e in (1, 2)]
LAYER_STATS = [{"step": s, "epoch": s / 10, "layers": {"conv1": {"grad_norm": 0.1, "update_ratio": 1e-3, "act_mean": 0.2,
                                                                 "act_std": 0.5, "zero_frac": 0.3}}} for s in (5, 10)]
# raw text a line of a .jsonl can be (beyond mutated JSON): bytes that are not UTF-8 are written as such
RAW_LINES = ["", "{", "null", "[]", "NaN", '{"epoch": NaN}', '{"epoch": 1e999}', "\x00\x00", '{"a": "\\ud800"}',
             '{"epoch": 1, "train_loss": "\\u202e9.9\\n  * forged"}', "x" * 20000, '{"epoch": ' + "9" * 5000 + "}",
             '{"layers": {"conv1": {"grad_norm": -Infinity}}, "step": 1}', "\ud800", "\udcff\udcfe{", "{\"epoch\": 1, \"train_loss\": \"\udcff\"}"]
TEXT_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# a run-folder case: (which parts to mutate and how)
_TREE = st.tuples(st.booleans(), fuzzing.MUTATIONS)
INJECT_AT = ("training key", "training value", "name", "data source", "metric value", "metric key", "run message",
             "node name")
RUN_CASES = st.fixed_dictionaries({
    "inject": st.one_of(st.none(), st.tuples(st.sampled_from(INJECT_AT),
                                             st.sampled_from(fuzzing.STRINGS + fuzzing.NUMBERS[-3:]))),
    "run_json": st.one_of(st.none(), fuzzing.MUTATIONS, st.sampled_from(RAW_LINES)),
    "metrics": st.lists(st.one_of(fuzzing.MUTATIONS, st.sampled_from(RAW_LINES)), max_size=3),
    "layer_stats": st.lists(st.one_of(fuzzing.MUTATIONS, st.sampled_from(RAW_LINES)), max_size=2),
    "project": st.one_of(st.none(), fuzzing.MUTATIONS),
})
PLAIN = {"run_json": None, "metrics": [], "layer_stats": [], "project": None}
TEMPLATE_CASES = st.fixed_dictionaries({
    "kind": st.sampled_from(["project", "block"]),
    "meta": st.one_of(fuzzing.MUTATIONS, st.sampled_from(RAW_LINES)),
    "project": st.one_of(st.none(), fuzzing.MUTATIONS),
})


def _write(path: Path, text: str) -> None:
    """Text as a user could have written it: lone surrogates stand for bytes that are not UTF-8."""
    try:
        data = text.encode("utf-8", "surrogateescape")  # \udcff stands for the byte 0xff
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")  # other lone surrogates: written as CESU-like bytes
    path.write_bytes(data)


def _tree_text(base, mutation) -> str:
    if isinstance(mutation, str):
        return mutation
    text = fuzzing.to_text(fuzzing.mutate(base, mutation))
    return text if text is not None else "{}"


def _inject(case: dict):
    """One hostile value (an escape code, a newline with a forged line, a bidi override, NaN) put
    where `diff` and the Runs pane show it: the project's settings, name, data source, a node's
    name, the last metrics line, the run's message."""
    project, metrics, status = json.loads(json.dumps(LENET)), [dict(m) for m in METRICS], dict(RUN_JSON)
    where, value = case.get("inject") or (None, None)
    if where == "training key":
        project.setdefault("training", {})[str(value)] = 1
    elif where == "training value":
        project.setdefault("training", {})["optimizer"] = value
    elif where == "name":
        project["name"] = value
    elif where == "data source":
        project.setdefault("dataset", {})["source"] = value
    elif where == "node name":
        project["graph"]["nodes"][1]["name"] = value
    elif where == "metric value":
        metrics[-1]["train_loss"] = value
    elif where == "metric key":
        metrics[-1][str(value)] = 0.5
    elif where == "run message":
        status["message"] = value
    return project, metrics, status


def build_run(folder: Path, case: dict) -> Path:
    folder.mkdir(parents=True)
    project, metrics, status = _inject(case)
    text = _tree_text(project, case["project"]) if case["project"] else fuzzing.to_text(project)
    _write(folder / "project.cnnproj", text or "{}")
    if case["run_json"] is not None or case.get("inject"):
        _write(folder / "run.json", _tree_text(status, case["run_json"]) if case["run_json"] is not None
               else fuzzing.to_text(status) or "{}")
    lines = [fuzzing.to_text(m) or "{}" for m in metrics] + [_tree_text(METRICS[-1], m) for m in case["metrics"]]
    _write(folder / "metrics.jsonl", "\n".join(lines) + "\n")
    stats = [json.dumps(s) for s in LAYER_STATS] + [_tree_text(LAYER_STATS[-1], m) for m in case["layer_stats"]]
    _write(folder / "layer_stats.jsonl", "\n".join(stats) + "\n")
    return folder


def snapshot(*folders: Path) -> dict:
    """Every entry under ``folders``: (size, mtime) — what a command must leave as it was."""
    out = {}
    for f in folders:
        for dirpath, dirnames, filenames in os.walk(f):
            for n in dirnames + filenames:
                p = os.path.join(dirpath, n)
                st_ = os.lstat(p)
                out[p] = (st_.st_size, st_.st_mtime_ns)
    return out


def run_cli(*args) -> tuple[int, str, str]:
    """The CLI in-process: (exit code, stdout, stderr); an exception other than SystemExit escapes."""
    from studio.cli import main

    # strict UTF-8 streams, like a terminal under en_US.UTF-8: text that cannot be encoded raises
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else 2
    return rc, out.buffer.getvalue().decode("utf-8"), err.buffer.getvalue().decode("utf-8")


def check_outcome(rc: int, out: str, err: str, json_out: bool = False, what: str = "") -> str:
    assert "Traceback" not in err and "Traceback" not in out, f"{what}: traceback\n{err[-2000:]}"
    assert rc in (0, 2), f"{what}: exit {rc}: {err[-500:]!r}"
    if rc == 2:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert len(lines) == 1, f"{what}: {len(lines)} lines on stderr: {err[:600]!r}"
        assert not TEXT_CHARS.search(lines[0]), f"{what}: raw control character in {lines[0][:300]!r}"
        return "refused"
    if json_out:
        def refuse(name):
            raise AssertionError(f"{what}: not strict JSON ({name})")
        json.loads(out, parse_constant=refuse)
    else:
        assert not TEXT_CHARS.search(out), f"{what}: raw control character in the output: {out[:600]!r}"
    for line in err.splitlines():
        assert not TEXT_CHARS.search(line), f"{what}: raw control character on stderr: {line[:300]!r}"
    return "ok"


def check_run_case(case: dict) -> str:
    """Two run folders, one mutated: `diff` (text and --json) and the Runs listing."""
    from studio.runs import list_runs

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "runs"
        a = build_run(root / "a", case)
        b = build_run(root / "b", PLAIN)
        before = snapshot(root)
        outcomes = []
        for extra in ([], ["--json"]):
            rc, out, err = run_cli("diff", a, b, *extra)
            outcomes.append(check_outcome(rc, out, err, bool(extra), f"diff {' '.join(extra)}"))
            if rc == 0 and not extra:  # one header line per run: a value cannot forge another
                heads = [ln for ln in out.splitlines() if ln.startswith(("A: ", "B: "))]
                assert len(heads) == 2, f"diff: forged lines: {out[:600]!r}"
        runs = list_runs(root)  # the window's Runs panel reads these at start-up
        assert sorted(r.name for r in runs) == ["a", "b"]
        for r in runs:
            _ = (r.status, r.best_val_acc, r.model, r.settings, r.dataset)
        assert snapshot(root) == before, "a command wrote into a run folder it only had to read"
    return "diff " + "/".join(outcomes)


def check_template_case(case: dict) -> str:
    """A user template or block file in a temporary user-data folder: `templates`, `templates NAME`
    and `new NAME -o FILE` (for a project template)."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        (home / "templates" / "blocks").mkdir(parents=True)  # the studio's own folders exist already
        folder = home / "templates" / ("blocks" if case["kind"] == "block" else "")
        data = fuzzing.mutate(LENET, case["project"]) if case["project"] else json.loads(json.dumps(LENET))
        meta_text = _tree_text({"name": "Mine", "description": "my net", "kind": case["kind"],
                                "outputs": ["fc3"]}, case["meta"])
        text = fuzzing.to_text(data) if isinstance(data, dict) else None
        if text is None or not text.startswith("{"):
            text = "{}"
        text = text[:-1] + (", " if text != "{}" else "") + f'"user_template": {meta_text or "null"}' + "}"
        _write(folder / "mine.cnnproj", text)
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        old = os.environ.get("CNN_STUDIO_HOME")
        os.environ["CNN_STUDIO_HOME"] = str(home)
        try:
            before = snapshot(home)
            outcomes = [check_outcome(*run_cli("templates"), what="templates"),
                        check_outcome(*run_cli("templates", "--json"), json_out=True, what="templates --json"),
                        check_outcome(*run_cli("templates", "Mine"), what="templates Mine"),
                        check_outcome(*run_cli("new", "Mine", "-o", out_dir / "p.cnnproj"), what="new Mine")]
            after = snapshot(home)
            assert after == before, "templates/new wrote into the user's template folder"
            assert {p.name for p in out_dir.iterdir()} <= {"p.cnnproj"}, list(out_dir.iterdir())
        finally:
            if old is None:
                os.environ.pop("CNN_STUDIO_HOME", None)
            else:
                os.environ["CNN_STUDIO_HOME"] = old
    return "/".join(outcomes)


# ---- special files, symlinks and non-UTF-8 names: a fixed set, each in a subprocess -----------------
SPECIALS = ("fifo", "devzero", "dangling", "dir")
SPECIAL_PLACES = ("project", "run:project.cnnproj", "run:metrics.jsonl", "run:run.json", "run:layer_stats.jsonl",
                  "template", "weights")
SUBPROCESS_LIMIT = 60
MEMORY_LIMIT = 3 * 2**30


def _plant(path: Path, special: str) -> None:
    if special == "fifo":
        os.mkfifo(path)
    elif special == "devzero":
        os.symlink("/dev/zero", path)
    elif special == "dangling":
        os.symlink(path.parent / "nowhere" / "target", path)
    else:
        path.mkdir()


def _strict_env(home: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8:strict", QT_QPA_PLATFORM="offscreen",
                CNN_STUDIO_HOME=str(home), OMP_NUM_THREADS="1")


def _limit_memory() -> None:
    """In the child: at most MEMORY_LIMIT bytes of data, so a file read without end (/dev/zero)
    fails the case (MemoryError, a traceback) instead of taking the machine's memory."""
    import resource

    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))


def _subprocess_cli(cwd: Path, home: Path, *args) -> tuple[int, str, str]:
    try:
        r = subprocess.run([sys.executable, "-m", "studio.cli", *map(str, args)], cwd=cwd, env=_strict_env(home),
                           capture_output=True, timeout=SUBPROCESS_LIMIT, stdin=subprocess.DEVNULL,
                           preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"hang: {' '.join(map(str, args))} ran over {SUBPROCESS_LIMIT} s") from None
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def special_commands(tmp: Path, special: str, place: str) -> list[list]:
    """Plant ``special`` at ``place`` under ``tmp``; the commands that read it."""
    if place == "project":
        p = tmp / "p.cnnproj"
        _plant(p, special)
        return [["summary", p], ["diagram", p, "-o", tmp / "out" / "d.svg"]]
    if place.startswith("run:"):
        run = build_run(tmp / "runs" / "a", PLAIN)
        (run / "run.json").write_text(json.dumps(RUN_JSON), encoding="utf-8")
        target = run / place[4:]
        target.unlink()
        _plant(target, special)
        build_run(tmp / "runs" / "b", PLAIN)
        return [["diff", run, tmp / "runs" / "b"], ["diff", run, tmp / "runs" / "b", "--json"]]
    if place == "template":
        folder = tmp / "home" / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        _plant(folder / "mine.cnnproj", special)
        return [["templates"], ["new", "mine", "-o", tmp / "out" / "n.cnnproj"]]
    if place == "weights":
        w = tmp / "w.pt"
        _plant(w, special)
        return [["export", "lenet5", "-o", tmp / "out" / "m.py", "--weights", w]]
    raise ValueError(place)


def check_special(special: str, place: str) -> str:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "out").mkdir()
        (tmp / "home" / "templates" / "blocks").mkdir(parents=True)
        commands = special_commands(tmp, special, place)
        before = {p: v for p, v in snapshot(tmp).items() if not p.startswith(str(tmp / "out"))
                  and not p.startswith(str(tmp / "home"))}
        outcomes = []
        for args in commands:
            rc, out, err = _subprocess_cli(tmp, tmp / "home", *args)
            outcomes.append(check_outcome(rc, out, err, "--json" in args, f"{special} as {place}: {args[0]}"))
        after = {p: v for p, v in snapshot(tmp).items() if not p.startswith(str(tmp / "out"))
                 and not p.startswith(str(tmp / "home"))}
        assert after == before, f"{special} as {place}: written outside the asked folder: {set(after) ^ set(before)}"
        assert not (tmp / "nowhere").exists(), "a dangling link was followed"
    return "/".join(outcomes)


NON_UTF8 = [b"x\xff.cnnproj", b"\xe9t\xe9.cnnproj", b"a\x1b[2J\xfe.cnnproj"]


def check_non_utf8(raw: bytes) -> str:
    """A project and a run folder named with bytes that are not UTF-8, under a strict UTF-8 stdout:
    `summary`, `diagram` (SVG and PNG, the project name empty so the title is the file name), `diff`."""
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "home").mkdir()
        name = os.fsdecode(raw)
        d = json.loads(json.dumps(LENET))
        d["name"] = ""
        (tmp / name).write_text(json.dumps(d), encoding="utf-8")
        run = build_run(tmp / os.fsdecode(b"run\xfe" + raw[:2]), {"run_json": None, "metrics": [], "layer_stats": [],
                                                                    "project": None})
        other = build_run(tmp / "b", PLAIN)
        outcomes = []
        for args in (["summary", name], ["diagram", name, "-o", os.fsdecode(b"d\xfe.svg")],
                     ["diagram", name, "-o", os.fsdecode(b"d\xfe.png")], ["diff", run.name, other.name]):
            rc, out, err = _subprocess_cli(tmp, tmp / "home", *args)
            outcomes.append(check_outcome(rc, out, err, False, f"non-UTF-8 {raw!r}: {args[0]}"))
        for made in (os.fsdecode(b"d\xfe.svg"), os.fsdecode(b"d\xfe.png")):
            assert (tmp / made).stat().st_size > 0, f"non-UTF-8 {raw!r}: {made!r} is empty"
        stray = [p.name for p in tmp.iterdir() if "\ufffd" in p.name or p.name.endswith(".tmp")]
        assert not stray, f"non-UTF-8 {raw!r}: written under another name: {stray}"
    return "/".join(outcomes)


# ---- the corpus: cases kept as files ------------------------------------------------------------------
def _jsonable(v):
    if isinstance(v, tuple):
        return {"tuple": [_jsonable(x) for x in v]}
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {"dict": [[k, _jsonable(x)] for k, x in v.items()]}
    return v


def _from_jsonable(v):
    if isinstance(v, list):
        return [_from_jsonable(x) for x in v]
    if isinstance(v, dict) and "tuple" in v:
        return tuple(_from_jsonable(x) for x in v["tuple"])
    if isinstance(v, dict) and "dict" in v:
        return {k: _from_jsonable(x) for k, x in v["dict"]}
    return v


def case_text(kind: str, case: dict) -> str:
    """A case as a file (NaN and lone surrogates as Python's json writes them: this is test data)."""
    return json.dumps({"kind": kind, "case": _jsonable(case)}) + "\n"


def load_case_text(text: str) -> tuple[str, dict]:
    d = json.loads(text)
    return d["kind"], _from_jsonable(d["case"])


def load_case(path: Path) -> tuple[str, dict]:
    return load_case_text(Path(path).read_text(encoding="utf-8"))
