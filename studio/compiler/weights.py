"""Does a state_dict fit a model? One plain-language answer for export, predict and resume."""
from __future__ import annotations

from typing import Any

from torch import nn


def _shape(t) -> str:
    return "×".join(str(d) for d in t.shape) or "scalar"


def weights_mismatch(model: nn.Module, state: dict[str, Any]) -> str | None:
    """None when ``state`` fits ``model`` exactly, else a short text: what is missing, extra or mis-shaped."""
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    extra = [k for k in state if k not in own]
    wrong = [f"'{k}' is {_shape(state[k])} in the checkpoint but {_shape(v)} in the network"
             for k, v in own.items() if k in state and hasattr(state[k], "shape")
             and tuple(state[k].shape) != tuple(v.shape)]
    parts = []
    if wrong:
        parts.append(f"{len(wrong)} weight(s) of another shape, e.g. {wrong[0]}")
    if missing:
        parts.append(f"{len(missing)} missing (e.g. {', '.join(missing[:2])})")
    if extra:
        parts.append(f"{len(extra)} unexpected (e.g. {', '.join(extra[:2])})")
    return "; ".join(parts) or None
