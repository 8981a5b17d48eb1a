"""How a training run fails: the exception that ends it with a message, and the helpers that
turn torch errors into one readable line."""
from __future__ import annotations


class Fail(Exception):
    """Ends the run with status 'failed' and this message."""


def is_oom(exc: BaseException) -> bool:
    import torch

    oom = getattr(torch, "OutOfMemoryError", None)
    text = str(exc).lower()
    return (oom is not None and isinstance(exc, oom)) or (
        isinstance(exc, RuntimeError) and ("out of memory" in text or "can't allocate memory" in text))


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:240]


def nan_message(epoch: int, lr: float, optimizer: str) -> str:
    return (f"the loss became NaN/infinite in epoch {epoch}: the learning rate {lr:g} is most likely "
            f"too high for {optimizer.upper()}; try {lr / 10:g} (10× lower)")
