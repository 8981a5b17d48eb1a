"""Evaluate a model on a dataset: accuracy, per-class precision/recall, confusion matrix, worst samples."""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch.utils.data import DataLoader

from studio.core.text import printable


@dataclass
class EvalResult:
    accuracy: float
    precision: list[float]
    recall: list[float]
    confusion: list[list[int]]          # confusion[true][pred]
    worst: list[tuple[int, int, int, float]]  # (index, true, pred, confidence) most confident mistakes
    predictions: list[int]
    class_names: list[str] = field(default_factory=list)
    top5: float | None = None           # only when there are more than 5 classes
    count: int = 0

    def report(self) -> str:
        """A readable text report: accuracy, per-class precision/recall and the confusion matrix."""
        names = [printable(n) for n in self.class_names] or [str(i) for i in range(len(self.precision))]
        w = max(8, max(len(n) for n in names) + 1)
        lines = [f"accuracy: {self.accuracy * 100:.2f}% on {self.count} images"]
        if self.top5 is not None:
            lines.append(f"top-5 accuracy: {self.top5 * 100:.2f}%")
        lines += ["", f"{'class':<{w}} precision  recall  support"]
        for i, n in enumerate(names):
            lines.append(f"{n:<{w}} {self.precision[i] * 100:8.1f}% {self.recall[i] * 100:6.1f}%  "
                         f"{sum(self.confusion[i]):7d}")
        cw = max(5, max(len(str(v)) for row in self.confusion for v in row) + 1)
        lines += ["", "confusion matrix (rows: true class, columns: predicted)"]
        lines.append(" " * w + "".join(f"{n[:cw - 1]:>{cw}}" for n in names))
        for n, row in zip(names, self.confusion):
            lines.append(f"{n:<{w}}" + "".join(f"{v:>{cw}d}" for v in row))
        return "\n".join(lines)


def _looks_like_probabilities(out: torch.Tensor) -> bool:
    return bool(out.numel() and out.min() >= 0 and out.max() <= 1
                and torch.allclose(out.sum(1), torch.ones(len(out), device=out.device), atol=1e-3))


@torch.no_grad()
def evaluate(model, dataset, class_names, device="cpu", batch_size: int = 256, worst_k: int = 16) -> EvalResult:
    """Run ``model`` (logits, or probabilities if it ends in Softmax) over ``dataset``."""
    device = torch.device(device)
    n = len(class_names)
    was_training = model.training
    model.eval()
    preds, trues, confs, top5_hits = [], [], [], 0
    try:
        for xb, yb in DataLoader(dataset, batch_size=batch_size, shuffle=False):
            out = model(xb.to(device)).float()
            probs = out if _looks_like_probabilities(out) else out.softmax(1)
            conf, pred = probs.max(1)
            yb = yb.to(device).long()
            if n > 5:
                top5_hits += int((probs.topk(5, 1).indices == yb[:, None]).any(1).sum())
            preds.append(pred.cpu())
            trues.append(yb.cpu())
            confs.append(conf.cpu())
    finally:
        model.train(was_training)
    pred = torch.cat(preds) if preds else torch.zeros(0, dtype=torch.long)
    true = torch.cat(trues) if trues else torch.zeros(0, dtype=torch.long)
    conf = torch.cat(confs) if confs else torch.zeros(0)
    cm = torch.zeros(n, n, dtype=torch.long)
    cm.index_put_((true, pred.clamp(max=n - 1)), torch.ones_like(true), accumulate=True)
    tp = cm.diag().double()
    precision = (tp / cm.sum(0).clamp(min=1)).tolist()
    recall = (tp / cm.sum(1).clamp(min=1)).tolist()
    total = len(true)
    wrong = (pred != true).nonzero().flatten()
    order = wrong[conf[wrong].argsort(descending=True)][:worst_k]
    worst = [(int(i), int(true[i]), int(pred[i]), float(conf[i])) for i in order]
    return EvalResult(
        accuracy=float(tp.sum() / total) if total else 0.0,
        precision=precision, recall=recall, confusion=cm.tolist(), worst=worst,
        predictions=pred.tolist(), class_names=list(class_names),
        top5=(top5_hits / total if total else 0.0) if n > 5 else None, count=total,
    )
