"""Typed records of the files in a run folder: ``run.json``, ``metrics.jsonl`` lines and
``layer_stats.jsonl`` lines (no torch, no Qt).

A run folder may come from an older version, a crashed run, a copy or a hand edit: every field is
checked for its type here, once, so the readers (the window's Runs panel, ``diff``, the experiment
verdicts) never meet a string where a number belongs. A field of the wrong type is dropped and a
note says so; a line that is not a record at all is skipped and counted. Text is kept encodable
(lone surrogates become U+FFFD).
"""
from __future__ import annotations

import math
from typing import Any

from studio.core.text import clip, has_surrogate, replace_surrogates, short_repr

RUN_FORMAT = "cnn-studio-run"
STATUSES = ("running", "finished", "stopped", "failed")
#: metrics.jsonl keys that hold a number (or null), as the engine writes them
METRIC_NUMBERS = ("train_loss", "train_acc", "val_loss", "val_acc", "val_top5", "lr", "samples_per_s", "elapsed_s")
_MAX_TEXT = 4000


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _text(v: Any) -> str:
    return replace_surrogates(v)[:_MAX_TEXT] if has_surrogate(v) or len(v) > _MAX_TEXT else v


def _count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53


def _fraction(v: Any) -> bool:
    return _is_num(v) and math.isfinite(v) and -1e-9 <= v <= 1 + 1e-9


def _time(v: Any) -> bool:
    return v is None or isinstance(v, str) or (_is_num(v) and math.isfinite(v))


def _best_metric(v: Any) -> bool:
    return v is None or (isinstance(v, dict) and isinstance(v.get("name"), str) and _fraction(v.get("value")))


def _texts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _weights(v: Any) -> bool:
    """The transfer-learning report (studio.training.transfer.WeightsReport.to_dict)."""
    return (isinstance(v, dict) and isinstance(v.get("file"), str) and _count(v.get("loaded"))
            and _count(v.get("total")) and _texts(v.get("unused"))
            and isinstance(v.get("reinitialised"), list)
            and all(isinstance(r, dict) and all(isinstance(x, str) for x in r.values()) for r in v["reinitialised"]))


def _params(v: Any) -> bool:
    return isinstance(v, dict) and _count(v.get("trainable")) and _count(v.get("frozen"))


#: run.json field -> (check, what it should be)
STATUS_FIELDS: dict[str, tuple[Any, str]] = {
    "format": (lambda v: v == RUN_FORMAT, f"'{RUN_FORMAT}'"),
    "version": (_count, "a whole number"),
    "status": (lambda v: v in STATUSES, " or ".join(STATUSES)),
    "message": (lambda v: isinstance(v, str), "a text"),
    "epochs": (_count, "a whole number"),
    "epochs_done": (_count, "a whole number"),
    "best_val_acc": (lambda v: v is None or _fraction(v), "a number from 0 to 1"),
    "best_metric": (_best_metric, "an object with a name and a value from 0 to 1"),
    "graph_version": (lambda v: isinstance(v, str), "a text"),
    "started": (_time, "a time"),
    "ended": (_time, "a time"),
    # transfer learning (docs/transfer.md)
    "weights": (_weights, "a weights report"),
    "frozen": (_texts, "a list of layer names"),
    "params": (_params, "trainable and frozen parameter counts"),
}


def status_record(raw: Any, notes: list[str] | None = None, source: str = "run.json") -> dict:
    """``raw`` (decoded run.json) with every known field of the right type; the others dropped,
    each with a note. Unknown fields are kept when they are plain values (text, number, bool)."""
    if not isinstance(raw, dict):
        if notes is not None and raw is not None:
            notes.append(f"{source} is {short_repr(raw)}, not an object: ignored")
        return {}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or has_surrogate(key):
            continue
        check = STATUS_FIELDS.get(key)
        if check is not None:
            if not check[0](value):
                if notes is not None:
                    notes.append(f"{source}: {clip(key, 30)} is {short_repr(value)}, not {check[1]}: ignored")
                continue
        elif not (value is None or isinstance(value, (str, bool)) or (_is_num(value) and abs(value) < 2**63)):
            continue
        out[key] = _text(value) if isinstance(value, str) else value
    return out


def metric_row(raw: Any) -> dict | None:
    """One metrics.jsonl line as a record ({"epoch": int, the numbers…}), or None when it is not one.
    A number field of another type is dropped (NaN and infinities are kept: a diverged loss)."""
    if not isinstance(raw, dict) or not _count(raw.get("epoch")):
        return None
    row: dict[str, Any] = {"epoch": raw["epoch"]}
    for key in METRIC_NUMBERS:
        v = raw.get(key)
        if v is None or (_is_num(v) and (isinstance(v, float) or abs(v) < 2**63)):
            if key in raw:
                row[key] = float(v) if isinstance(v, int) else v
    return row


def layer_stats_row(raw: Any) -> dict | None:
    """One layer_stats.jsonl line ({"step": int, "epoch": number, "layers": {name: {stat: number}}}),
    or None when it is not one; layers and statistics of the wrong type are dropped."""
    if not isinstance(raw, dict) or not _count(raw.get("step")) or not isinstance(raw.get("layers"), dict):
        return None
    epoch = raw.get("epoch")
    layers: dict[str, dict[str, float]] = {}
    for name, stats in raw["layers"].items():
        if not isinstance(name, str) or has_surrogate(name) or not isinstance(stats, dict):
            continue
        layers[name] = {k: float(v) for k, v in stats.items()
                        if isinstance(k, str) and not has_surrogate(k) and _is_num(v)
                        and (isinstance(v, float) or abs(v) < 2**63)}
    return {"step": raw["step"], "epoch": epoch if _is_num(epoch) and math.isfinite(epoch) else None,
            "layers": layers}
