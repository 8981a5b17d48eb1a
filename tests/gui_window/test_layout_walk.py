"""Every tab and explain view at laptop and desktop sizes: no two visible sibling widgets
overlap, no label is cut, no table of ≤ 12 rows hides a row (the window as a person sees it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from studio.gui import script
from studio.gui.training.inference import EXPLAIN_VIEWS

from .layout_check import problems

ROOT = Path(__file__).resolve().parents[2]
DIGIT_3 = ROOT / "resources" / "samples" / "digit_3.png"


@pytest.fixture(scope="module")
def lenet_run(tmp_path_factory):
    """A real LeNet-5 run on the built-in digits (one short epoch)."""
    from studio.cli import main

    out = tmp_path_factory.mktemp("runs") / "lenet"
    assert main(["train", "lenet5", "--epochs", "1", "--out", str(out)]) == 0
    return out


def settle(qtbot, win, page):
    win.make_room(page)
    qtbot.wait(1)  # one pass of the event loop: the layouts apply the new sizes
    qtbot.waitUntil(lambda: page.isVisible())


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_every_view_laid_out(make_window, qtbot, lenet_run, size):
    win = make_window()
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.training.use_checkpoint(lenet_run / "best.pt")
    inf = win.training.inference
    assert inf.set_image(DIGIT_3)
    found = []
    names = script.tabs(win)
    assert {"summary", "problems", "code", "diagram", "training", "runs", "evaluate", "inference",
            "gradient-flow"} <= set(names)
    for name, page in names.items():
        for view in (list(EXPLAIN_VIEWS) if name == "inference" else [None]):
            win.bottom_tabs.setCurrentWidget(page)
            inf.set_images_visible(True)
            if view is not None:
                inf.show_explain(view)
            settle(qtbot, win, page)
            found += [f"{size} {name} {view or ''}: {p}" for p in problems(win)]
    assert not found, "\n".join(found)
    out = inf.output_view
    assert out.table.rowCount() == 10  # and the check above saw all 10 rows inside the table


def test_checker_sees_a_cut_label_and_a_hidden_row(qtbot):
    """The checks can fail: a squeezed label and a 10-row table in 60 px are found."""
    from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

    w = QWidget()
    lay = QVBoxLayout(w)
    lab = QLabel("a label with a long text that cannot fit")
    table = QTableWidget(10, 2)
    lay.addWidget(lab)
    lay.addWidget(table)
    qtbot.addWidget(w)
    w.show()
    lab.setFixedWidth(40)
    table.setFixedHeight(60)
    qtbot.waitUntil(lambda: lab.width() == 40)
    found = problems(w)
    assert any("label cut" in p for p in found), found
    assert any("hides a row" in p for p in found), found
