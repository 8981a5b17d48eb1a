"""Panels follow edits cheaply: the Summary repaints only the rows that changed and catches
up when shown; Problems keeps its rows while the problems stay the same."""
from __future__ import annotations

from studio.gui import commands


def test_summary_updates_changed_rows_only_and_catches_up_when_shown(win):
    doc, model = win.document, win.summary.model
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles=None: changed.append((a.row(), b.row())))
    commands.push(doc, commands.SetParamCommand(doc, "conv2", "out_channels", 20))
    assert not resets  # same layers, same order: no reset, no jump of the scroll position
    rows = {r for a, b in changed for r in range(a, b + 1)}
    ids = {model.node_id(r) for r in rows}
    assert {"conv2", "relu2", "pool2", "fc1"} <= ids and "conv1" not in ids and "input" not in ids
    assert model.cell_text(win.summary.row_of("pool2"), 2) == "20×5×5"
    # hidden behind another tab: nothing is redone until the Summary shows again
    tabs = win.bottom_tabs
    win.show()
    tabs.setCurrentWidget(win.problems)
    commands.push(doc, commands.SetParamCommand(doc, "conv2", "out_channels", 24))
    assert win.summary._stale
    pool2 = [r[0] for r in model.rows].index("pool2")
    assert model.cell_text(pool2, 2) == "20×5×5"  # not redone while nobody looks
    tabs.setCurrentWidget(win.summary)
    assert not win.summary._stale and model.cell_text(pool2, 2) == "24×5×5"
    assert f"{doc.analysis.trainable_params:,}" in win.summary.totals_label.text()
    # a structural change resets the table
    commands.push(doc, commands.RemoveNodesCommand(doc, ["relu3"]))
    assert resets and model.rowCount() == len(doc.graph)


def test_problems_keep_rows_while_problems_are_the_same(win):
    doc = win.document
    commands.push(doc, commands.RemoveNodesCommand(doc, ["flatten"]))
    commands.push(doc, commands.ConnectCommand(doc, "pool2", "fc1"))
    (button,) = win.problems.fix_buttons
    commands.push(doc, commands.SetParamCommand(doc, "fc2", "out_features", 80))  # unrelated edit
    assert win.problems.fix_buttons == [button] and win.problems.item_count() == 1
    commands.push(doc, commands.SetParamCommand(doc, "conv2", "out_channels", 8))  # new numbers
    assert win.problems.fix_buttons[0] is not button and "8×5×5" in win.problems.tree.topLevelItem(0).text(2)
