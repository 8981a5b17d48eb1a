"""Graph rules owned by core: may two ports connect (a typed reason), what Delete bridges,
where an inserted layer goes (the fix makes room as the palette does)."""
from __future__ import annotations

from studio.core.fixes import apply_fix
from studio.core.graph import ConnectReason, Edge
from studio.core.layout import CARD_H, CARD_W, apply_positions, auto_layout, insert_below
from studio.core.validate import validate

from .conftest import lenet

R = ConnectReason


def test_can_connect_reasons_and_messages():
    g = lenet()
    assert g.can_connect("conv1", "conv2").reason is R.OK  # replaces pool1 → conv2: legal
    assert g.can_connect("conv1", "conv2", replace=False).reason is R.PORT_TAKEN
    for (s, t, port), reason, words in [
        (("conv1", "conv1", None), R.SELF, "itself"),
        (("conv1", "input", None), R.NO_INPUT, "takes no input"),
        (("conv1", "nosuch", None), R.MISSING, "no longer exists"),
        (("input", "conv1", None), R.DUPLICATE, "already connected"),
        (("conv1", "relu1", 3), R.NO_PORT, "no input port 3"),
        (("fc3", "conv1", None), R.CYCLE, "would make a cycle: 'conv1' already feeds 'fc3'"),
    ]:
        check = g.can_connect(s, t, port)
        assert check.reason is reason and not check and words in check.message
    # the legal targets of a drag agree with can_connect for every layer
    legal = g.legal_targets("pool1")
    assert legal == {n.id for n in g.nodes if g.can_connect("pool1", n.id)}
    assert "conv1" not in legal and "conv2" not in legal and "fc3" in legal


def test_bridges_of_a_run_and_of_a_merge():
    g = lenet()
    assert g.bridges(["relu1", "pool1"]) == [Edge("conv1", "conv2", 0)]
    assert g.bridges(["input"]) == []  # nothing feeds it: nothing to bridge


def test_inserted_fix_makes_room_like_the_palette():
    g = lenet()
    g.remove_node("flatten")
    g.connect("pool2", "fc1")
    apply_positions(g, auto_layout(g))
    fix = next(i.fix for i in validate(g, 10).errors if i.fix is not None and i.fix.layer_type == "Flatten")
    spot, _ = insert_below(g, "pool2")
    apply_fix(g, fix)
    new = next(n for n in g.nodes if n.type == "Flatten")
    assert new.pos == spot
    rects = [(n.pos[0], n.pos[1]) for n in g.nodes]
    for i, a in enumerate(rects):  # no two cards overlap
        for b in rects[i + 1:]:
            assert abs(a[0] - b[0]) >= CARD_W or abs(a[1] - b[1]) >= CARD_H
    assert not validate(g, 10).errors
