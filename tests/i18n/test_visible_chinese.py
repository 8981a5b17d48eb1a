"""The Chinese window is Chinese: every main view of `cnn-studio gui --lang zh_CN --template lenet5
--size 1366x768` (Design with its Details tabs, Training, Runs, Evaluate, Inference under each
explain view, Gradient flow, the Experiments window) walked as a person reads it; every English
text left is listed with where it was found, and the layouts hold with Chinese text."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest

from studio.gui.text_walk import chinese_share, english_words, needs_translation, untranslated, visible_texts
from tests.gui_window.layout_check import problems

ROOT = Path(__file__).resolve().parents[2]
DIGIT_3 = ROOT / "resources" / "samples" / "digit_3.png"
SIZE = (1366, 768)


def views():
    """(name, gui flags) of the main views, as `cnn-studio gui --tab … --explain …` opens them."""
    from studio.gui.training.inference import EXPLAIN_VIEWS

    out = [(f"design/{t}", {"tab": t}) for t in ("summary", "problems", "code", "diagram")]
    out += [(t, {"tab": t}) for t in ("training", "runs", "evaluate")]
    out += [(f"inference/{v}", {"image": str(DIGIT_3), "explain": v}) for v in EXPLAIN_VIEWS]
    return out + [("gradient-flow", {"tab": "gradient-flow"})]


@pytest.fixture(scope="module")
def lenet_run(tmp_path_factory):
    """A real LeNet-5 run on the built-in digits (one short epoch): Evaluate and Inference use it."""
    from studio.cli import main

    out = tmp_path_factory.mktemp("runs") / "lenet"
    assert main(["train", "lenet5", "--epochs", "1", "--out", str(out)]) == 0
    return out / "best.pt"


@pytest.fixture(scope="module")
def walked(qapp, lenet_run, tmp_path_factory):
    """{view: (texts, layout problems)} of the Chinese window at 1366×768."""
    import os

    old_home = os.environ.get("CNN_STUDIO_HOME")
    os.environ["CNN_STUDIO_HOME"] = str(tmp_path_factory.mktemp("home"))  # no real settings, no recovery
    from studio.gui import i18n, script
    from studio.gui.app import startup_target
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import ensure_layout

    assert i18n.install(qapp, "zh_CN") == "zh_CN", "no studio_zh_CN.qm: run make i18n"
    result: dict[str, tuple[list, list]] = {}
    try:
        project, _p, _c = startup_target(SimpleNamespace(project=None, template="lenet5"), lambda t, m: None)
        ensure_layout(project)
        win = MainWindow(Document(project))
        win.resize(*SIZE)
        win.show()
        for _ in range(3):
            qapp.processEvents()
        win.default_dock_sizes()
        checkpoint = lenet_run
        for name, flags in views():
            args = SimpleNamespace(**{**dict.fromkeys(("tab", "image", "explain", "select", "pixel")), **flags})
            script.apply_view(win, args, checkpoint)
            checkpoint = None  # loaded once
            result[name] = (visible_texts(win), problems(win))
        exp = win.experiments["window_fn"]()
        for _ in range(3):
            qapp.processEvents()
        result["experiments"] = (visible_texts(exp), problems(exp))
        exp.close()
        win.document.undo_stack.setClean()
        win.close()
        win.deleteLater()
        qapp.processEvents()
    finally:
        i18n.install(qapp, "en")
        if old_home is None:
            os.environ.pop("CNN_STUDIO_HOME", None)
        else:
            os.environ["CNN_STUDIO_HOME"] = old_home
    return result


def report(found: list[tuple[str, str, str]]) -> str:
    """The offenders grouped by the module that shows them."""
    by_owner: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for view, where, text in found:
        owner = where.split(":")[0]
        by_owner[owner][text].add(view)
    lines = []
    for owner in sorted(by_owner):
        lines.append(f"== {owner}")
        for text, seen in sorted(by_owner[owner].items()):
            lines.append(f"   {text[:120]!r}   ({', '.join(sorted(seen)[:3])}{' …' if len(seen) > 3 else ''})")
    return "\n".join(lines)


def test_every_main_view_is_chinese(walked):
    found, every = [], []
    for view, (texts, _p) in walked.items():
        every += texts
        found += [(view, where, text) for where, text in untranslated(texts)]
    assert len(walked) >= 12 and len(every) > 200
    share = chinese_share(every)
    assert not found, (f"{len({t for _v, _w, t in found})} English texts in the Chinese window "
                       f"({share:.0%} of the wordy texts are Chinese):\n{report(found)}")
    assert share >= 0.95


def test_at_least_95_percent_chinese(walked):
    every = [t for texts, _p in walked.values() for t in texts]
    assert chinese_share(every) >= 0.95, f"{chinese_share(every):.1%} of the wordy texts are Chinese"


def test_chinese_layout_holds_at_1366x768(walked):
    """No two visible widgets overlap, no label is cut, no short table hides a row, in Chinese."""
    found = [f"{view}: {p}" for view, (_t, probs) in walked.items() for p in probs]
    assert not found, "\n".join(found)


def test_menus_and_tabs_are_walked(walked):
    texts = walked["design/summary"][0]
    where = {w for w, _t in texts}
    assert "menu bar" in where and any(w.startswith("menu ") for w in where)
    assert any("tab" in w for w in where) and any("dock title" in w for w in where)
    assert ("menu bar", "文件(F)") in texts


@pytest.mark.parametrize("text,english", [
    ("Save the project", True), ("kernel size", True), ("保存项目", False), ("Conv2d", False),
    ("3×32×32", False), ("runs/lenet/best.pt", False), ("LeNet-5", False), ("VGG-11 with BatchNorm", False),
    ("12 px · 850 img/s", False), ("…", False), ("62 %", False), ("out_channels", False), ("H_out = floor((I − K + 2P)/S) + 1", False),
    ("Conv2d 层", False), ("<b>Loss</b>", True), ("&File", True), ("English", False), ("MACs", False),
])
def test_needs_translation(text, english):
    assert needs_translation(text) is english, english_words(text)
