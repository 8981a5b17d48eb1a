"""How a training run fails: the exception that ends it with a message, and the one place that
turns whatever ended a run into that message (:func:`failure`)."""
from __future__ import annotations

from studio.core.errors import StudioError
from studio.core.i18n import QT_TRANSLATE_NOOP


class Fail(StudioError):
    """Ends the run with status 'failed' and this message (a StudioError: it may name a field)."""


def is_oom(exc: BaseException) -> bool:
    import torch

    oom = getattr(torch, "OutOfMemoryError", None)
    text = str(exc).lower()
    return isinstance(exc, MemoryError) or (oom is not None and isinstance(exc, oom)) or (
        isinstance(exc, RuntimeError) and ("out of memory" in text or "can't allocate memory" in text))


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:240]


def oom_error(batch_size: int | None = None, where: str = "the device") -> Fail:
    """Out of memory: try half the batch size (the field the user changes)."""
    if where == "the device":  # the words of the message, translated with it
        if not batch_size:
            return Fail(QT_TRANSLATE_NOOP("Errors", "ran out of memory on the device while training: try a smaller "
                                      "batch size or a smaller input resolution"), field="training.batch_size", args={})
        return Fail(QT_TRANSLATE_NOOP("Errors", "ran out of memory on the device with batch size {batch}: try a "
                                  "smaller batch size or a smaller input resolution"), field="training.batch_size",
                    hint="example", value=max(1, batch_size // 2), args={"batch": batch_size})
    if not batch_size:
        return Fail(QT_TRANSLATE_NOOP("Errors", "ran out of memory on {where} while training: try a smaller batch "
                                  "size or a smaller input resolution"), field="training.batch_size",
                    args={"where": where})
    return Fail(QT_TRANSLATE_NOOP("Errors", "ran out of memory on {where} with batch size {batch}: try a smaller "
                              "batch size or a smaller input resolution"), field="training.batch_size",
                hint="example", value=max(1, batch_size // 2), args={"where": where, "batch": batch_size})


def failure(exc: BaseException, batch_size: int | None = None, where: str = "the device") -> StudioError:
    """The one place a failed run becomes a message, whoever caught it (the engine, the window's
    thread): a StudioError as it is; out of memory with the batch size to try; anything else as
    'training failed: Type: first line'. Front ends word its field (see studio.core.errors)."""
    if isinstance(exc, StudioError):
        return exc
    if is_oom(exc):
        return oom_error(batch_size, where)
    return Fail(QT_TRANSLATE_NOOP("Errors", "training failed: {kind}: {text}"),
                args={"kind": type(exc).__name__, "text": first_line(exc)})


_NAN = QT_TRANSLATE_NOOP("Errors", "the loss became NaN/infinite in epoch {epoch}: the learning rate {lr} is most "
                         "likely too high for {optimizer}; try {lower} (10× lower)")


def _nan_args(epoch: int, lr: float, optimizer: str) -> dict:
    return {"epoch": epoch, "lr": f"{lr:g}", "optimizer": optimizer.upper(), "lower": f"{lr / 10:g}"}


def nan_message(epoch: int, lr: float, optimizer: str) -> str:
    return nan_error(epoch, lr, optimizer).message


def nan_error(epoch: int, lr: float, optimizer: str) -> Fail:
    """The loss is no longer a number: the learning rate is most likely too high."""
    return Fail(_NAN, field="training.lr", args=_nan_args(epoch, lr, optimizer))
