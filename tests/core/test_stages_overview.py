"""Deep networks without common stage names (DenseNet, GoogLeNet, MobileNet) open as their
outermost blocks, collapsed, with a stem and a head: a handful of cards, none overlapping."""
from __future__ import annotations

import pytest

from studio.core.layout import CARD_H, CARD_W
from studio.core.stages import infer_stages, open_overview
from studio.templates import build_project


def _cards(graph):
    """One position per card: a collapsed stage or its outermost collapsed group, or a layer."""
    card_of = {}
    for g in sorted((g for g in graph.all_groups if g.collapsed), key=lambda g: len(g.nodes)):
        for n in g.nodes:
            card_of[n] = g.name
    return {card_of.get(n.id, n.id): n.pos for n in graph.nodes}


@pytest.mark.parametrize("name, most", [("densenet121", 12), ("googlenet", 20), ("mobilenet_v2", 24)])
def test_outer_blocks_are_the_overview(name, most):
    graph = build_project(name).graph
    outer_before = len(graph.groups)
    assert open_overview(graph)
    assert {g.name for g in graph.stages} <= {"stem", "head"}
    assert len(graph.groups) == outer_before  # the blocks stay the model's own groups
    cards = _cards(graph)
    assert len(cards) <= most, (len(cards), sorted(cards))
    boxes = sorted(cards.values())
    for i, (x, y) in enumerate(boxes):
        for x2, y2 in boxes[i + 1:]:
            assert abs(x - x2) >= CARD_W or abs(y - y2) >= CARD_H, ((x, y), (x2, y2))


def test_nested_blocks_group_by_the_outermost_prefix():
    """EfficientNet's 'features.2.0' and 'features.2.1' blocks make the stage 'features.2',
    not their inner 'features.2.0.block' groups."""
    names = [n for n, _ in infer_stages(build_project("efficientnet_b0").graph)]
    assert names == ["stem"] + [f"features.{i}" for i in range(1, 8)] + ["head"]
