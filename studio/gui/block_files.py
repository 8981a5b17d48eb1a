"""Saved blocks on disk for the window: save a selection, load one by name, with messages
for the status bar. The canvas calls these; it never writes files itself."""
from __future__ import annotations

from studio.core.errors import StudioError


def save_selection(name: str, graph, ids) -> tuple[bool, str]:
    """Save the layers ``ids`` of ``graph`` as the block ``name``: (ok, message)."""
    from studio.gui.i18n import tr
    from studio.templates.user import save_block

    try:
        save_block(name, graph, ids)
    except (StudioError, OSError, ValueError) as exc:
        return False, tr("Not saved: {why}").format(why=exc)
    return True, tr("Saved {n} layers as block '{name}': insert it from the palette's "
                    "My blocks or Edit → Insert block").format(n=len(ids), name=name)


def load(name: str):
    """(block, "") or (None, why not)."""
    from studio.templates.user import load_block

    try:
        return load_block(name), ""
    except (StudioError, OSError) as exc:
        return None, str(exc)


def block_size(block, card_w: float, card_h: float) -> tuple[float, float]:
    """Width and height the block's layers take on the canvas."""
    pos = [n.pos for n in block.graph.nodes] or [(0.0, 0.0)]
    return (max(p[0] for p in pos) - min(p[0] for p in pos) + card_w,
            max(p[1] for p in pos) - min(p[1] for p in pos) + card_h)
