"""Which class each block gets: a loop class (:mod:`studio.compiler.loops`) when every block
of a kind is N sub-blocks fed densely or in a chain, else one class for the variants of the
kind (:mod:`studio.compiler.variants`), named after the kind. No torch here.
"""
from __future__ import annotations

from .classes import BlockClass
from .loops import loop_class
from .names import Namespace, camel
from .plan_types import Container
from .variants import variant_classes


def _kind(b: Container):
    """Blocks that may share a class: same group kind (or name); user blocks: same structure."""
    return b.share if b.share else (b.group.kind or b.group.name)


def assign_classes(blocks: list[Container], taken: set[str],
                   shapes: dict | None = None) -> list[BlockClass]:
    """Give every block (innermost first) its class; returns the classes in definition order.
    ``shapes`` (node id -> shape) names the arguments that carry a block's input and output
    channel counts."""
    ns = Namespace(taken)
    classes: list[BlockClass] = []
    kinds: dict[str, list[Container]] = {}
    for b in blocks:
        kinds.setdefault(_kind(b), []).append(b)
    done: set[int] = set()
    # deeper blocks come first in ``blocks``: inner classes are settled before outer ones
    for b in blocks:
        if id(b) in done:
            continue
        kind = _kind(b)
        members = kinds[kind]
        done.update(id(m) for m in members)
        loop = loop_class(members)
        built = [loop] if loop is not None else variant_classes(members, shapes or {})
        base = b.class_base or camel(kind)
        for cls in built:
            cls.name = ns.create(base)
            for inst in cls.instances:
                inst.class_name = cls.name
                inst.block_class = cls
            classes.append(cls)
    return classes
