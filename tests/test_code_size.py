"""No function in studio/ over 100 lines, no module over 600 (read with ast).

A function's length runs from its first decorator (or ``def``) to its last line, nested
functions included; methods count like functions.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_FUNCTION = 100
MAX_MODULE = 600

# Known offenders allowed to stay long: key (as offenders() gives it) -> the reason (none today).
ALLOWED: dict[str, str] = {}


def _functions(node, prefix: str, out: list) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = prefix + child.name
            if not isinstance(child, ast.ClassDef):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                out.append((name, child.end_lineno - first + 1))
            _functions(child, name + ".", out)
        else:
            _functions(child, prefix, out)


def sizes(root: Path, package: str = "studio"):
    """(module path, module lines, [(qualified function name, lines)])."""
    for path in sorted((root / package).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(root).as_posix()
        funcs: list[tuple[str, int]] = []
        _functions(ast.parse(text, rel), "", funcs)
        yield rel, len(text.splitlines()), funcs


def offenders(root: Path = ROOT, package: str = "studio") -> list[tuple[str, str]]:
    out = []
    for rel, n, funcs in sizes(root, package):
        if n > MAX_MODULE:
            out.append((rel, f"{rel}: {n} lines (at most {MAX_MODULE})"))
        for name, length in funcs:
            if length > MAX_FUNCTION:
                out.append((f"{rel}:{name}", f"{rel}: {name}() is {length} lines (at most {MAX_FUNCTION})"))
    return out


def test_no_long_functions_or_modules():
    found = [(key, msg) for key, msg in offenders() if key not in ALLOWED]
    assert not found, "split these:\n" + "\n".join(msg for _, msg in found)


def stale(allowed: dict[str, str], root: Path = ROOT, package: str = "studio") -> list[str]:
    """The allow-list entries that are not (or no longer) offenders, or that give no reason."""
    keys = {key for key, _ in offenders(root, package)}
    return sorted(k for k, why in allowed.items() if k not in keys or not why.strip())


def test_allow_list_holds_only_real_offenders():
    """An entry whose code was split must leave the list."""
    assert stale(ALLOWED) == [], "no longer too long (or no reason given): remove from ALLOWED"


def test_the_allow_list_check_sees_stale_entries(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "big.py").write_text("x = 1\n" * 601)
    (pkg / "small.py").write_text("x = 1\n")
    allowed = {"pkg/big.py": "generated table", "pkg/small.py": "was long once", "pkg/gone.py": "deleted"}
    assert stale(allowed, tmp_path, "pkg") == ["pkg/gone.py", "pkg/small.py"]
    assert stale({"pkg/big.py": " "}, tmp_path, "pkg") == ["pkg/big.py"]  # a reason is required
    assert stale({"pkg/big.py": "generated table"}, tmp_path, "pkg") == []


def test_the_rule_sees_long_code(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(100))
    (pkg / "m.py").write_text(f"class C:\n    @staticmethod\n    def long():\n{body.replace('    ', '        ')}\n"
                              f"\ndef short():\n    pass\n")
    (pkg / "big.py").write_text("x = 1\n" * 601)
    found = dict(offenders(tmp_path, "pkg"))
    assert set(found) == {"pkg/m.py:C.long", "pkg/big.py"}
    assert "102 lines" in found["pkg/m.py:C.long"]  # decorator + def + 100 body lines
