"""Data and weights for the `transfer` experiment: a class subset of a loaded bundle (a few
training images per class), and an earlier variant's weights without its classifier head."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import torch

from .datasets.bundle import TensorData


def _subset(ds, classes: list[int], per_class: int | None, gen: torch.Generator) -> TensorData:
    X, y = ds.tensors
    keep = []
    for c in classes:
        idx = (y == c).nonzero().flatten()
        if per_class is not None:
            idx = idx[torch.randperm(len(idx), generator=gen)[:per_class]].sort().values
        keep.append(idx)
    ix = torch.cat(keep).sort().values if keep else torch.zeros(0, dtype=torch.long)
    remap = torch.full((int(y.max()) + 1 if len(y) else 1,), -1, dtype=torch.long)
    for new, c in enumerate(classes):
        remap[c] = new
    return TensorData(X[ix], remap[y[ix]])


def subset_bundle(bundle, spec: dict, seed: int = 0):
    """The bundle restricted to ``spec["classes"]`` (relabelled 0…k-1); ``spec["per_class"]``
    limits the training split to that many images per class (chosen with ``seed``)."""
    if not bundle.in_memory:
        from studio.core.errors import StudioError
        raise StudioError("a class subset needs data held in memory (a built-in data set)")
    classes = [int(c) for c in spec.get("classes", range(bundle.num_classes))]
    per_class = spec.get("per_class")
    gen = torch.Generator().manual_seed(seed)
    names = [bundle.class_names[c] for c in classes]
    train = _subset(bundle.train, classes, per_class, gen)
    val, test = (_subset(d, classes, None, gen) for d in (bundle.val, bundle.test))
    info = f"{bundle.info}\nclasses {', '.join(map(str, names))}: {len(train)} train / {len(val)} val images"
    return replace(bundle, train=train, val=val, test=test, class_names=names, num_classes=len(classes), info=info)


def weights_without_head(path: Path, project) -> dict[str, torch.Tensor]:
    """The tensors of a checkpoint without the project's classifier head (the last Linear):
    the new task has other classes, so its head starts fresh even when the shapes agree."""
    from .checkpoint import build_model
    from .transfer import head_name, read_weights_file

    tensors = read_weights_file(path)
    head = head_name(build_model(project))
    return {k: v for k, v in tensors.items() if head is None or not k.startswith(head + ".")}
