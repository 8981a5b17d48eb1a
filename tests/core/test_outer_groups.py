"""Stage inference's "outermost groups" (issue 18): the bit-mask search finds exactly the groups
no other group holds strictly, for any overlapping family (checked against every pair)."""
from __future__ import annotations

import random

import pytest

from studio.core import stages
from studio.core.graph import Graph


def _chain(n: int) -> Graph:
    g = Graph()
    prev = g.add_node("Input", node_id="input").id
    for i in range(n):
        nid = g.add_node("ReLU", node_id=f"r{i}").id
        g.connect(prev, nid)
        prev = nid
    return g


def _all_pairs(groups) -> set[str]:
    sets = {g.name: set(g.nodes) for g in groups}
    return {g.name for g in groups if not any(sets[g.name] < sets[h.name] for h in groups if h.name != g.name)}


@pytest.mark.parametrize("seed", range(30))
def test_outer_groups_equal_the_all_pairs_answer(seed):
    rng = random.Random(seed)
    g = _chain(12)
    ids = [f"r{i}" for i in range(12)]
    for k in range(rng.randint(1, 40)):
        how = rng.random()
        if how < 0.3:
            a = rng.randrange(12)
            members = ids[a:a + rng.randint(1, 6)]
        elif how < 0.5 and g.groups:  # a copy or a subset of an earlier group
            src = rng.choice(g.groups).nodes
            members = list(src) if rng.random() < 0.5 else rng.sample(src, rng.randint(1, len(src)))
        else:
            members = rng.sample(ids, rng.randint(1, 12))
        g.add_group(f"layer{k % 3}.{k}", members)
    order = stages._order(g)
    got = stages._outer_groups(g, order)
    assert {x.name for x in got} == _all_pairs([x for x in g.groups if x.nodes])
    firsts = [min(order.index(n) for n in x.nodes) for x in got]
    assert firsts == sorted(firsts)  # in flow order of their first layer


def test_many_identical_groups_are_all_outer_and_infer_stages_finishes():
    """20,000 groups over the same 44 layers: the case that took minutes compared every pair."""
    g = _chain(44)
    ids = [f"r{i}" for i in range(44)]
    for k in range(20_000):
        g.add_group(f"block.{k}", ids)
    g.add_group("inner.0", ids[:5])
    outer = stages._outer_groups(g, stages._order(g))
    assert len(outer) == 20_000 and "inner.0" not in {x.name for x in outer}
    assert stages.infer_stages(g) is not None
