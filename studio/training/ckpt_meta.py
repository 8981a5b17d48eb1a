"""A checkpoint's metadata checked like a project file: field by field, one line naming the field.

A checkpoint that loads safely (``weights_only=True``) may still hold anything JSON-like: class names
that are a number, a ``mean`` that is text, an ``epoch`` that is a string, an input shape of four
negative numbers. :func:`check_metadata` refuses such a file before evaluate, predict or
``--resume`` use it. No torch here beyond what the caller passes in.
"""
from __future__ import annotations

import math
from typing import Any

from studio.core.errors import StudioError
from studio.core.project import Project, check_values, parse_project
from studio.core.text import has_surrogate, printable, short_repr

MAX_EPOCH = 10_000_000
SPLITS = ("val", "train")  # which split a checkpoint's best_acc was measured on
_FIX = "use best.pt or last.pt as cnn-studio train wrote them"


def _bad(name: str, field: str, value: Any, want: str) -> StudioError:
    return StudioError(f"{name}: the checkpoint's '{field}' is {short_repr(value)}; it should be {want} "
                       f"(the file was edited or written by another program: {_FIX})")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def check_metadata(ckpt: dict, name: str) -> Project:
    """Check every field evaluate/predict/resume read; return the checkpoint's project."""
    from studio.core.validate import validate

    if not isinstance(ckpt["project"], dict):
        raise _bad(name, "project", ckpt["project"], "a project (an object)")
    try:
        project = parse_project(ckpt["project"], f"{name}: the checkpoint's project")
    except StudioError as exc:
        raise StudioError(f"{exc} ({_FIX})") from None
    epoch = ckpt["epoch"]
    if not _is_int(epoch) or not 0 <= epoch <= MAX_EPOCH:
        raise _bad(name, "epoch", epoch, f"a whole number of epochs from 0 to {MAX_EPOCH:,}")
    shape = ckpt["input_shape"]
    if not isinstance(shape, (list, tuple)) or len(shape) != 3 or not all(_is_int(v) and 0 < v <= 65536
                                                                         for v in shape):
        raise _bad(name, "input_shape", shape, "three positive whole numbers [C, H, W]")
    if project.input_shape is not None and tuple(shape) != tuple(project.input_shape):
        raise _bad(name, "input_shape", shape, f"the input of its network {list(project.input_shape)}")
    names = ckpt["class_names"]
    if not isinstance(names, (list, tuple)) or not all(isinstance(c, str) for c in names):
        raise _bad(name, "class_names", names, "a list of class names (text)")
    if any(has_surrogate(c) for c in names):
        raise _bad(name, "class_names", names, "text without lone surrogates")
    out = validate(project.graph, project.num_classes).output_shape
    n_out = out[0] if out is not None and len(out) == 1 else None
    if len(names) < 1 or (n_out is not None and len(names) != n_out):
        want = f"{n_out} names, one per output of its network" if n_out else "at least one name"
        raise _bad(name, "class_names", names, want)
    channels = shape[0]
    for field in ("mean", "std"):
        v = ckpt[field]
        if not isinstance(v, (list, tuple)) or len(v) not in (1, channels) or not all(_is_number(x) for x in v):
            raise _bad(name, field, v, f"a list of {channels} finite numbers (one per channel)")
    if not all(s > 0 for s in ckpt["std"]):
        raise _bad(name, "std", ckpt["std"], "positive numbers (dividing by 0 gives no image)")
    _check_optional(ckpt, name)
    return project


def _check_optional(ckpt: dict, name: str) -> None:
    """Fields a resume reads when they are there."""
    for key in ("best_acc", "best_val_acc"):  # best_val_acc: the name before best_acc
        best = ckpt.get(key)
        if best is not None and not (_is_number(best) and 0 <= best <= 1):
            raise _bad(name, key, best, "empty or a fraction from 0 to 1")
    split = ckpt.get("best_acc_split")
    if split is not None and split not in SPLITS:
        raise _bad(name, "best_acc_split", split, f"empty or one of {', '.join(map(repr, SPLITS))}")
    for field in ("settings", "metrics"):
        v = ckpt.get(field)
        if v is not None and not isinstance(v, dict):
            raise _bad(name, field, v, "an object")
    elapsed = (ckpt.get("metrics") or {}).get("elapsed_s")
    if elapsed is not None and not (_is_number(elapsed) and elapsed >= 0):
        raise _bad(name, "metrics.elapsed_s", elapsed, "a number of seconds")
    try:
        check_values({k: ckpt.get(k) for k in ("settings", "metrics", "seed", "step")}, f"{printable(name)}")
    except StudioError as exc:
        raise StudioError(f"{exc} ({_FIX})") from None


def best_score(ckpt: dict) -> tuple[float | None, str | None]:
    """(best accuracy, "val" | "train") of a checkpoint, of this version or an older one.

    Older checkpoints kept the score as ``best_val_acc`` even when it was a training accuracy
    (data without a validation split): their epoch metrics say which it was."""
    if "best_acc" in ckpt:
        best, split = ckpt.get("best_acc"), ckpt.get("best_acc_split")
        return best, (split if best is not None else None)
    best = ckpt.get("best_val_acc")
    if best is None:
        return None, None
    metrics = ckpt.get("metrics") or {}
    return best, ("train" if "val_acc" in metrics and metrics["val_acc"] is None else "val")
