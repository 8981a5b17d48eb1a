"""Layer statistics while training: how the gradients and activations of each layer behave.

Every ``every`` optimiser steps (the first sample on the very first batch, before the first
update) the sampler records, per layer of the graph (in graph order):

    grad_norm     L2 norm of the gradients of the layer's parameters (layers with parameters)
    update_ratio  ‖W_after − W_before‖ / ‖W_before‖ of that step (layers with parameters)
    act_mean, act_std, zero_frac   of the layer's output (zero_frac: dead ReLUs)

and appends one JSON object a line to ``layer_stats.jsonl``:

    {"step": 0, "epoch": 0.0, "layers": {"conv1": {"grad_norm": ..., "update_ratio": ..., ...}}}

``step`` counts the updates made before the sample. Sampling hooks the modules only on sampled
steps and reads everything back in one transfer, so the cost between samples is nil
(``benchmarks/layer_stats_overhead.py`` measures the ratio).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import torch

from studio.core.jsonout import dumps_strict

DEFAULT_EVERY = 50
STATS_FILE = "layer_stats.jsonl"
KEYS = ("grad_norm", "update_ratio", "act_mean", "act_std", "zero_frac")


@dataclass(kw_only=True)
class LayerStatsRecord:
    """One sample, as yielded by the engine (and written as one line of layer_stats.jsonl)."""
    step: int
    epoch: float
    layers: dict
    kind: str = field(default="layer_stats", init=False)

    def to_dict(self) -> dict:
        return {"step": self.step, "epoch": self.epoch, "layers": self.layers}


def trim_stats(path: Path, before_step: int) -> None:
    """On resume: drop the samples of steps that will be trained again."""
    from studio.core.userfile import atomic_write_text
    from studio.runs.folder import LAYER_STATS_LIMIT, read_run_file, prepare_run_file

    prepare_run_file(path)  # a link or a pipe planted there is removed, never followed
    raw = read_run_file(path, LAYER_STATS_LIMIT, None)
    if raw is None:
        return
    keep = [line for line in raw.decode("utf-8", errors="replace").splitlines()
            if _step_of(line) is not None and _step_of(line) < before_step]
    atomic_write_text(path, "".join(k + "\n" for k in keep), what="layer statistics")


def _step_of(line: str) -> int | None:
    try:
        step = json.loads(line).get("step")
    except (ValueError, AttributeError):
        return None
    return step if isinstance(step, int) else None


def graph_layers(model, graph) -> list[tuple[str, torch.nn.Module]]:
    """(node id, module) of every layer of ``graph`` that the compiled ``model`` has, in graph order."""
    paths = getattr(model, "node_paths", None) or {}
    order = []
    try:
        from studio.core.validate import validate

        order = list(validate(graph).order)
    except Exception:
        order = []
    ids = [n for n in order if n in paths] + [n for n in paths if n not in order]
    return [(n, model.get_submodule(paths[n])) for n in ids]


class LayerStats:
    def __init__(self, layers: list[tuple[str, torch.nn.Module]], path: Path | None = None,
                 every: int = DEFAULT_EVERY):
        self.layers = layers
        self.every = int(every)
        self.path = Path(path) if path is not None else None
        self.params = {nid: [p for p in m.parameters() if p.requires_grad] for nid, m in layers}
        self._file = None
        self._hooks: list = []
        self._acts: dict[str, torch.Tensor] = {}
        self._grads: dict[str, torch.Tensor] = {}
        self._before: dict[str, list[torch.Tensor]] = {}
        self._where = (0, 0.0)
        self.last: LayerStatsRecord | None = None

    # ---- the loop calls these ---------------------------------------------------
    def begin(self, step: int, epoch: float) -> bool:
        """Before the forward pass of update ``step``: sample this one? (hooks the modules)"""
        if self.every <= 0 or step % self.every:
            return False
        self._where = (step, round(float(epoch), 4))
        self._acts = {}
        for nid, m in self.layers:
            self._hooks.append(m.register_forward_hook(self._act_hook(nid)))
        return True

    def _act_hook(self, nid: str):
        def hook(_module, _inputs, out):
            if isinstance(out, torch.Tensor) and out.is_floating_point():
                with torch.no_grad():
                    o = out.detach().float()
                    self._acts[nid] = torch.stack([o.mean(), o.std() if o.numel() > 1 else o.new_zeros(()),
                                                   (o == 0).float().mean()])
        return hook

    def after_backward(self, grad_scale: float | None = None) -> None:
        """Gradients are there, the weights not yet updated."""
        for h in self._hooks:
            h.remove()
        self._hooks = []
        self._grads, self._before = {}, {}
        inv = 1.0 / grad_scale if grad_scale else 1.0
        with torch.no_grad():
            for nid, ps in self.params.items():
                gs = [p.grad.detach().float().norm() for p in ps if p.grad is not None]
                if gs:
                    self._grads[nid] = torch.stack(gs).norm() * inv
                    self._before[nid] = [p.detach().clone() for p in ps]

    def after_update(self) -> LayerStatsRecord:
        with torch.no_grad():
            ratios = {}
            for nid, before in self._before.items():
                ps = self.params[nid]
                num = torch.stack([(p.detach() - b).float().norm() for p, b in zip(ps, before)]).norm()
                den = torch.stack([b.float().norm() for b in before]).norm()
                ratios[nid] = num / den.clamp_min(1e-30)
            names, vals = [], []
            for nid, t in self._grads.items():
                names.append((nid, "grad_norm"))
                vals.append(t)
                names.append((nid, "update_ratio"))
                vals.append(ratios[nid])
            for nid, t in self._acts.items():
                names += [(nid, "act_mean"), (nid, "act_std"), (nid, "zero_frac")]
                vals += list(t.unbind())
            numbers = torch.stack(vals).tolist() if vals else []  # one transfer
        found: dict[str, dict] = {}
        for (nid, key), v in zip(names, numbers):
            found.setdefault(nid, {})[key] = float(v)
        layers = {nid: {k: found[nid][k] for k in KEYS if k in found[nid]} for nid, _m in self.layers
                  if nid in found}
        self._before, self._grads, self._acts = {}, {}, {}
        rec = LayerStatsRecord(step=self._where[0], epoch=self._where[1], layers=layers)
        self.last = rec
        self._write(rec)
        return rec

    # ---- the file -----------------------------------------------------------------
    def _write(self, rec: LayerStatsRecord) -> None:
        if self.path is None:
            return
        if self._file is None:
            from studio.core.userfile import open_append

            try:
                self._file = open_append(self.path, what="layer statistics")  # never through a link
            except OSError:
                self.path = None
                return
        self._file.write(dumps_strict(rec.to_dict()) + "\n")
        self._file.flush()

    def close(self) -> None:
        for h in self._hooks:
            h.remove()
        self._hooks = []
        if self._file is not None:
            self._file.close()
            self._file = None
