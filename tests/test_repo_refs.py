"""The repository stands alone: nothing in it refers to a folder outside it (the parent's
"shared" folder) or to a design document it does not hold; docs/architecture.md is there with
the sections the code points to."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {".git", ".venv", "build", "dist", "runs", "__pycache__", ".pytest_cache", ".ruff_cache",
             ".hypothesis"}
BINARY = {".png", ".jpg", ".jpeg", ".gif", ".npz", ".pt", ".pth", ".onnx", ".ico", ".pyc", ".so"}
OUTSIDE = re.compile(r"\.\./" + "shared")  # spelled in two parts so this file does not match itself
DESIGN = re.compile(r"\b" + "DESIGN" + r"\.md\b")


def repo_files(root: Path = ROOT):
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel.parts[:-1]):
            continue
        if path.is_file() and path.suffix.lower() not in BINARY and path.stat().st_size < 2_000_000:
            yield rel, path.read_text(encoding="utf-8", errors="replace")


def references(root: Path = ROOT) -> list[str]:
    found = []
    for rel, text in repo_files(root):
        for pattern in (OUTSIDE,) if (root / ("DESIGN" + ".md")).exists() else (OUTSIDE, DESIGN):
            found += [f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}" for m in pattern.finditer(text)]
    return found


def test_nothing_refers_outside_the_repository():
    assert references() == [], "point to docs/architecture.md instead"


def test_the_check_sees_a_reference(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("see ../" + "shared/x and the DESIGN" + ".md\n")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "b.md").write_text("../" + "shared\n")  # not ours
    assert references(tmp_path) == ["docs/a.md:1: ../" + "shared", "docs/a.md:1: DESIGN" + ".md"]


def test_architecture_document_is_there():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for heading in ("## Packages", "## Layering rules", "## Data flow", "## Adding a layer type",
                    "## Adding a template", "## Adding a tab", "## Adding an experiment"):
        assert heading + "\n" in text
    for path in re.findall(r"`((?:studio|tests)/[\w/.]+\.py)`", text):  # every file it names exists
        assert (ROOT / path).is_file(), f"docs/architecture.md names {path}, which does not exist"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme
