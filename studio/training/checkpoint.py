"""Checkpoints: plain dicts of tensors and JSON-like values, saved atomically, loaded safely.

A checkpoint holds: ``model`` (state_dict of the training model: the graph without a trailing
Softmax), ``optimizer``, ``scheduler``, ``scaler``, ``epoch`` (completed epochs), ``complete``
(False when saved by a stop in mid-epoch), ``step``, ``metrics`` (the epoch's record as a dict),
``best_val_acc``, ``project`` (Project.to_dict()), ``class_names``, ``mean``, ``std``,
``input_shape``, ``settings`` (TrainSettings.to_dict()), ``rng`` (torch RNG state) and
``seed``. Loading always uses ``torch.load(weights_only=True)``: a checkpoint cannot run code.
"""
from __future__ import annotations

import io
import os
import pickle
import re
import warnings
from typing import Any

import torch
from torch import nn

from studio.compiler.weights import weights_mismatch  # also used by engine
from studio.core.errors import StudioError
from studio.core.graph import Graph
from studio.core.project import Project, parse_project
from studio.core.userfile import atomic_write_bytes

from .checkpoint_file import checkpoint_file, open_checkpoint
from .ckpt_meta import check_metadata

REQUIRED = ("model", "epoch", "project", "class_names", "mean", "std", "input_shape")


def save_checkpoint(path: str | os.PathLike, state: dict[str, Any]) -> None:
    """Write ``state`` so that ``path`` holds the old or the new checkpoint, never half of one."""
    buf = io.BytesIO()
    torch.save(state, buf)
    atomic_write_bytes(path, buf.getvalue(), what="checkpoint")  # UserFileError: one line with the fix


def load_checkpoint(path: str | os.PathLike) -> dict[str, Any]:
    """Read a checkpoint with ``weights_only=True``, or raise StudioError saying what is wrong."""
    p = checkpoint_file(path)
    try:
        with warnings.catch_warnings(), open_checkpoint(p) as f:  # torch warns about pickle protocols
            warnings.simplefilter("ignore")
            ckpt = torch.load(f, map_location="cpu", weights_only=True)
    except StudioError:
        raise
    except pickle.UnpicklingError as exc:
        glob = re.search(r"GLOBAL ([\w.]+)", str(exc))
        if glob:
            raise StudioError(f"{p.name} was refused: it holds a Python object ({glob.group(1)}) that could run "
                              "code when loaded, and cnn-studio loads checkpoints with weights_only=True; "
                              "use best.pt or last.pt from a cnn-studio run folder") from None
        raise StudioError(f"{p.name} is not a PyTorch checkpoint that loads safely (weights_only=True "
                          "refused it): use best.pt or last.pt from a cnn-studio run folder") from None
    except Exception:  # zip/EOF/IO errors come in many types: truncated or another format
        size = p.stat().st_size if p.exists() else 0
        what = "is empty" if size == 0 else "is truncated or damaged, or not a PyTorch checkpoint"
        raise StudioError(f"{p.name} {what}: use best.pt or last.pt from a cnn-studio run folder "
                          "(a checkpoint cut off by a full disk or a copy in progress cannot be read)") from None
    if isinstance(ckpt, dict) and ckpt and all(isinstance(v, torch.Tensor) for v in ckpt.values()):
        raise StudioError(f"{p.name} holds bare weights (a state_dict) without the network they belong to: "
                          "use best.pt or last.pt from a cnn-studio run folder")
    if not isinstance(ckpt, dict) or any(k not in ckpt for k in REQUIRED):
        missing = [k for k in REQUIRED if not isinstance(ckpt, dict) or k not in ckpt]
        raise StudioError(f"{p.name} is not a cnn-studio checkpoint (missing {', '.join(missing)}); "
                          "use best.pt or last.pt from a cnn-studio run folder")
    if not isinstance(ckpt["model"], dict):
        raise StudioError(f"{p.name} is not a cnn-studio checkpoint (its 'model' entry holds no weights); "
                          "use best.pt or last.pt from a cnn-studio run folder")
    check_metadata(ckpt, p.name)
    return ckpt



def training_graph(graph: Graph) -> Graph:
    """A copy of the graph without trailing Softmax nodes: the loss is computed on logits.

    CrossEntropy applies log-softmax itself, so training on the Softmax output would apply it
    twice. Softmax has no parameters, so the weights fit the full graph as well.
    """
    g = graph.copy()
    while True:
        ends = [n for n in g.nodes if not g.successors(n.id)]
        if len(ends) != 1 or ends[0].type != "Softmax" or len(g.predecessors(ends[0].id)) != 1:
            return g
        g.remove_node(ends[0].id)


def build_model(project: Project) -> nn.Module:
    """The trainable module of a project: its graph compiled without a trailing Softmax."""
    from studio.compiler import compile_graph

    return compile_graph(training_graph(project.graph), project.num_classes)


def model_from_checkpoint(ckpt: dict[str, Any]) -> tuple[nn.Module, Project]:
    """Rebuild the logits model of a loaded checkpoint and load its weights (eval mode)."""
    project = parse_project(ckpt["project"], "the checkpoint's project")
    model = build_model(project)
    problem = weights_mismatch(model, ckpt["model"])
    if problem:
        raise StudioError(f"the checkpoint's weights do not fit the network stored with it ({problem}): "
                          "it was edited or written by another program; use best.pt or last.pt as "
                          "cnn-studio train wrote them")
    model.load_state_dict(ckpt["model"])
    model.eval()
    return model, project
