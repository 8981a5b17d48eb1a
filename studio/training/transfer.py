"""Transfer learning: weights from a file by key and shape, freezing, discriminative rates.

    sd = read_weights_file("resnet18-f37072fd.pth")     # torchvision .pth, studio checkpoint
    report = apply_weights(model, sd, "resnet18-f37072fd.pth")
    frozen = freeze(model, ["conv1", "layer1"])          # names or name prefixes
    groups = param_groups(model, lr, {"layer4": 0.1})    # per-stage learning-rate multipliers

A weights file is read with ``torch.load(weights_only=True)`` (it cannot run code). Every
tensor of the model whose key *and* shape are in the file is copied; the others keep the
model's fresh initialisation and the report says why (``fc.weight [1000×512] → [5×512]: the
head now has 5 classes``). A file that matches nothing, holds a non-finite tensor, is
truncated, or is a pickle that is not a plain state_dict is refused with one line naming it.

Frozen modules: their parameters get ``requires_grad=False`` and a BatchNorm among them stays
in eval mode whatever ``model.train()`` asks (its running statistics do not move).
Messages name the *field* ("weights file", "freeze") and never a command-line flag.
"""
from __future__ import annotations

import math
import os
import pickle
import re
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from studio.core.errors import StudioError
from studio.core.freeze import matches, parse_names

SAFETENSORS_SUFFIX = ".safetensors"
MAX_LISTED = 8  # report lines listed before "… and N more"


class WeightsError(StudioError):
    """A weights file that cannot be used; ``field`` names the setting it came from."""

    def __init__(self, message: str, field: str = "weights"):
        super().__init__(message)
        self.field = field


def _shape(t: torch.Tensor) -> str:
    return "[" + "×".join(map(str, t.shape)) + "]" if t.dim() else "[scalar]"


# ---- reading ---------------------------------------------------------------------------------
def _weights_path(path: str | os.PathLike) -> Path:
    """The path, checked without opening it (studio.core.userfile: a regular file only)."""
    from studio.core.userfile import UserFileError, check_regular, shown

    p = Path(path)
    if not os.path.lexists(p):
        raise WeightsError(f"weights file {shown(path)}: no such file")
    if p.is_dir():
        raise WeightsError(f"weights file {shown(path)} is a folder: give a .pth, .pt or {SAFETENSORS_SUFFIX} file")
    try:
        check_regular(p, what="weights file")
    except UserFileError as exc:
        raise WeightsError(f"weights file {exc}") from None
    return p


def _torch_load(p: Path) -> Any:
    from studio.core.userfile import UserFileError, open_regular

    try:
        f = open_regular(p, what="weights file")  # O_NONBLOCK + fstat: a pipe or a device never blocks
    except UserFileError as exc:
        raise WeightsError(f"weights file {exc}") from None
    try:
        with f, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.load(f, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        glob = re.search(r"GLOBAL ([\w.]+)", str(exc))
        what = f"it holds a Python object ({glob.group(1)})" if glob else "it holds Python objects"
        raise WeightsError(f"weights file {p.name} was refused: {what}, not a plain state_dict of tensors; "
                           "weights are loaded with weights_only=True so that a file cannot run code — "
                           "save model.state_dict() instead of the model") from None
    except Exception:
        size = p.stat().st_size
        what = "is empty" if size == 0 else "is truncated or damaged, or not a PyTorch file"
        raise WeightsError(f"weights file {p.name} {what} ({size:,} bytes): save it again with "
                           "torch.save(model.state_dict(), path)") from None


def _safetensors_load(p: Path) -> dict[str, torch.Tensor]:
    try:
        from safetensors.torch import load_file
    except ImportError:
        raise WeightsError(f"weights file {p.name}: reading {SAFETENSORS_SUFFIX} needs the 'safetensors' package, "
                           "which is not installed: install it, or save the weights with torch.save "
                           "(a .pth file)") from None
    try:
        return load_file(str(p))
    except Exception as exc:
        raise WeightsError(f"weights file {p.name} is truncated or not a {SAFETENSORS_SUFFIX} file "
                           f"({type(exc).__name__})") from None


def _state_dict_of(obj: Any, name: str) -> dict[str, torch.Tensor]:
    """The tensors of a loaded object: a state_dict, a studio checkpoint ("model"), or a dict
    holding a state_dict under "state_dict"/"model_state_dict"."""
    if isinstance(obj, dict):
        for key in ("model", "state_dict", "model_state_dict"):
            inner = obj.get(key)
            if isinstance(inner, dict) and inner and all(isinstance(v, torch.Tensor) for v in inner.values()):
                obj = inner
                break
    if not isinstance(obj, dict) or not obj:
        raise WeightsError(f"weights file {name} holds no state_dict (a dict of name: tensor): save "
                           "model.state_dict() with torch.save")
    tensors = {k: v for k, v in obj.items() if isinstance(k, str) and isinstance(v, torch.Tensor)}
    if not tensors:
        raise WeightsError(f"weights file {name} holds no tensors: save model.state_dict() with torch.save")
    for k, v in tensors.items():
        if v.is_floating_point() and not bool(torch.isfinite(v).all()):
            raise WeightsError(f"weights file {name}: tensor '{k}' {_shape(v)} holds NaN or infinite values; "
                               "the weights are unusable (the run they came from diverged)")
    return tensors


def read_weights_file(path: str | os.PathLike) -> dict[str, torch.Tensor]:
    """The tensors of a weights file (torchvision .pth, studio checkpoint, .safetensors), or a
    WeightsError naming the file and what is wrong with it."""
    p = _weights_path(path)
    obj = _safetensors_load(p) if p.suffix.lower() == SAFETENSORS_SUFFIX else _torch_load(p)
    return _state_dict_of(obj, p.name)


# ---- applying --------------------------------------------------------------------------------
@dataclass
class WeightsReport:
    """What loading a weights file did to a model."""
    file: str
    loaded: int = 0
    total: int = 0
    reinitialised: list[dict[str, str]] = field(default_factory=list)  # key, was, now, why
    unused: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "loaded": self.loaded, "total": self.total,
                "reinitialised": list(self.reinitialised), "unused": list(self.unused)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "WeightsReport":
        return cls(d.get("file", ""), int(d.get("loaded", 0)), int(d.get("total", 0)),
                   list(d.get("reinitialised", [])), list(d.get("unused", [])))

    @property
    def head_reinitialised(self) -> bool:
        return any("head" in r["why"] for r in self.reinitialised)

    def lines(self) -> list[str]:
        out = [f"weights: {self.loaded} of {self.total} tensors loaded from {self.file}"]
        if self.reinitialised:
            out.append(f"  re-initialised ({len(self.reinitialised)}):")
            for r in self.reinitialised[:MAX_LISTED]:
                shapes = f"{r['was']} → {r['now']}" if r["was"] else r["now"]
                out.append(f"    {r['key']} {shapes}: {r['why']}")
            if len(self.reinitialised) > MAX_LISTED:
                out.append(f"    … and {len(self.reinitialised) - MAX_LISTED} more")
        if self.unused:
            listed = ", ".join(self.unused[:MAX_LISTED])
            more = f" … and {len(self.unused) - MAX_LISTED} more" if len(self.unused) > MAX_LISTED else ""
            out.append(f"  unused keys of the file ({len(self.unused)}): {listed}{more}")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def head_name(model: nn.Module) -> str | None:
    """The name of the last Linear module: the classifier head."""
    last = None
    for name, m in model.named_modules():
        if isinstance(m, nn.Linear):
            last = name
    return last


def apply_weights(model: nn.Module, tensors: dict[str, torch.Tensor], file: str) -> WeightsReport:
    """Copy every tensor whose key and shape match into ``model``; the rest keep their fresh
    values. Raises WeightsError when nothing matches."""
    own = model.state_dict()
    head = head_name(model)
    rep = WeightsReport(file=file, total=len(own))
    keep: dict[str, torch.Tensor] = {}
    for key, t in own.items():
        src = tensors.get(key)
        if src is None:
            rep.reinitialised.append({"key": key, "was": "", "now": _shape(t), "why": "not in the file"})
        elif tuple(src.shape) != tuple(t.shape):
            why = "the shapes differ"
            if head is not None and key.startswith(head + "."):
                why = f"the head now has {t.shape[0]} classes"
            rep.reinitialised.append({"key": key, "was": _shape(src), "now": _shape(t), "why": why})
        else:
            keep[key] = src.to(dtype=t.dtype)
    rep.unused = [k for k in tensors if k not in own]
    if not keep:
        sample = ", ".join(list(tensors)[:3])
        raise WeightsError(f"weights file {file} matches nothing in this network: none of its "
                           f"{len(tensors)} tensors ({sample}, …) has a key and shape of the model "
                           f"({', '.join(list(own)[:3])}, …); use weights saved from the same architecture")
    rep.loaded = len(keep)
    model.load_state_dict(keep, strict=False)
    return rep


# ---- freezing --------------------------------------------------------------------------------
def frozen_modules(model: nn.Module, names: list[str]) -> list[str]:
    """The modules that hold tensors and fall under ``names``; WeightsError for a name that
    covers no module of the model."""
    holders = [n for n, m in model.named_modules() if n and
               (list(m.parameters(recurse=False)) or list(m.buffers(recurse=False)))]
    for p in names:
        if not any(matches(n, [p]) for n in holders):
            known = sorted({n.split(".")[0] for n in holders})
            raise WeightsError(f"'{p}' (to freeze) names no layer of this network with weights; "
                               f"use layer names or prefixes such as {', '.join(known[:8])}", field="freeze")
    return [n for n in holders if matches(n, names)]


def _eval_only(self: nn.Module, mode: bool = True) -> nn.Module:
    return nn.Module.train(self, False)


def set_frozen(model: nn.Module, names: list[str], frozen: bool = True) -> list[str]:
    """Freeze (or unfreeze) the modules under ``names``: no gradients, and BatchNorm in eval mode
    whatever model.train() asks. Returns the module names affected."""
    mods = dict(model.named_modules())
    affected = frozen_modules(model, names) if names else []
    for n in affected:
        m = mods[n]
        for p in m.parameters(recurse=False):
            p.requires_grad_(not frozen)
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            if frozen:
                m.train = types.MethodType(_eval_only, m)
                m.eval()
            else:
                m.__dict__.pop("train", None)
                m.train(model.training)
    return affected


def freeze(model: nn.Module, names: list[str]) -> list[str]:
    return set_frozen(model, names, True)


def unfreeze(model: nn.Module, names: list[str]) -> list[str]:
    return set_frozen(model, names, False)


def count_params(model: nn.Module) -> tuple[int, int]:
    """(trainable, frozen) parameter counts."""
    t = sum(p.numel() for p in model.parameters() if p.requires_grad)
    f = sum(p.numel() for p in model.parameters() if not p.requires_grad)
    return t, f


# ---- discriminative learning rates -----------------------------------------------------------
def parse_lr_mult(text: str | None) -> dict[str, float]:
    """'layer1=0.1, layer4=0.5' -> {'layer1': 0.1, 'layer4': 0.5}; StudioError on bad parts."""
    out: dict[str, float] = {}
    for part in parse_names(text):
        name, eq, value = part.partition("=")
        try:
            v = float(value) if eq else float("nan")
        except ValueError:
            v = float("nan")
        if not name.strip() or not math.isfinite(v) or v < 0:
            raise WeightsError(f"learning-rate multipliers: '{part}' should be NAME=FACTOR with a factor ≥ 0, "
                               "e.g. layer1=0.1", field="lr_mult")
        out[name.strip()] = v
    return out


def param_groups(model: nn.Module, lr: float, mult: dict[str, float] | None = None,
                 include_frozen: bool = False) -> list[dict[str, Any]]:
    """Optimiser parameter groups: one per multiplier (longest matching prefix wins) plus the
    rest at ``lr``. Frozen tensors are left out unless ``include_frozen`` (for a later unfreeze:
    they get no gradient, so the optimiser does not touch them until then)."""
    mult = mult or {}
    by_factor: dict[float, list[nn.Parameter]] = {}
    for name, p in model.named_parameters():
        if not p.requires_grad and not include_frozen:
            continue
        hits = [k for k in mult if matches(name.rsplit(".", 1)[0], [k]) or name == k]
        factor = mult[max(hits, key=len)] if hits else 1.0
        by_factor.setdefault(factor, []).append(p)
    if mult:
        known = {n for n, _ in model.named_modules()}
        for k in mult:
            if not any(matches(n, [k]) for n in known if n):
                raise WeightsError(f"learning-rate multipliers: '{k}' names no layer of this network",
                                   field="lr_mult")
    return [{"params": ps, "lr": lr * f, "lr_mult": f} for f, ps in sorted(by_factor.items(), key=lambda x: -x[0])]


# ---- the trainer's hooks ---------------------------------------------------------------------
def prepare_model(model: nn.Module, st, weights: Any = None, resume: bool = False) -> WeightsReport | None:
    """Before the optimiser is made: load the weights file (``weights``: a path or tensors
    already read, else the setting's path; skipped on resume, whose checkpoint holds the
    weights) and freeze the layers of the freeze setting."""
    report = None
    source = weights if weights is not None else (st.weights or None)
    if source is not None and not resume:
        if isinstance(source, dict):
            report = apply_weights(model, source, Path(st.weights).name if st.weights else "the weights")
        else:
            report = apply_weights(model, read_weights_file(source), Path(source).name)
    names = parse_names(st.freeze)
    if names and st.unfreeze_after > 0 and torch.distributed.is_available() and torch.distributed.is_initialized():
        raise WeightsError("unfreeze_after: layers cannot be unfrozen in the middle of a run with several "
                           "processes (DDP registers the trainable tensors once): train the head in one run, "
                           "then continue without freezing", field="unfreeze_after")
    freeze(model, names)
    return report


def unfreeze_for_epoch(model: nn.Module, st, epoch: int) -> bool:
    """The fine-tune schedule: from epoch ``unfreeze_after + 1`` every frozen layer trains.
    Returns True when layers were unfrozen by this call."""
    names = parse_names(st.freeze)
    if not names or st.unfreeze_after <= 0 or epoch <= st.unfreeze_after:
        return False
    if all(p.requires_grad for p in model.parameters()):
        return False
    unfreeze(model, names)
    return True


def record(run_dir: Path, report: WeightsReport | None, model: nn.Module, st) -> None:
    """Write the weights report and the frozen layers into the run's run.json."""
    from studio.runs import write_status

    trainable, frozen = count_params(model)
    fields: dict[str, Any] = {"params": {"trainable": trainable, "frozen": frozen}}
    if report is not None:
        fields["weights"] = report.to_dict()
    if st.freeze:
        fields["frozen"] = parse_names(st.freeze)
    write_status(run_dir, **fields)
