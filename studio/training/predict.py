"""Classify images with a trained checkpoint.

    p = Predictor.from_checkpoint("runs/lenet5-.../best.pt")
    p.predict("seven.png", top_k=3)   # [("7", 0.98), ("1", 0.01), ...]

The model is rebuilt from the project stored in the checkpoint (``.model`` outputs logits:
a trailing Softmax is left out, as in training) and the image is preprocessed with the
checkpoint's input shape, mean and std.
"""
from __future__ import annotations

import os

import torch


from .checkpoint import load_checkpoint, model_from_checkpoint
from .datasets.transforms import read_image


def _preprocess_fn():
    from .data import preprocess_image
    return preprocess_image


class Predictor:
    def __init__(self, model, project, class_names, mean, std, input_shape, device="cpu"):
        self.model = model.to(device).eval()
        self.project = project
        self.class_names = list(class_names)
        self.mean, self.std = list(mean), list(std)
        self.input_shape = tuple(input_shape)
        self.device = torch.device(device)

    @classmethod
    def from_checkpoint(cls, path: str | os.PathLike, device: str = "cpu") -> "Predictor":
        ckpt = load_checkpoint(path)
        model, project = model_from_checkpoint(ckpt)
        return cls(model, project, ckpt["class_names"], ckpt["mean"], ckpt["std"], ckpt["input_shape"], device)

    def preprocess(self, image) -> torch.Tensor:
        """A PIL image -> the normalised tensor [C, H, W] the model expects."""
        return _preprocess_fn()(image, self.input_shape, self.mean, self.std)

    def load_image(self, path: str | os.PathLike):
        return read_image(path)

    @torch.no_grad()
    def predict(self, image, top_k: int = 5) -> list[tuple[str, float]]:
        """Top-k (class name, probability) for a PIL image or an image file path."""
        if isinstance(image, (str, os.PathLike)):
            image = self.load_image(image)
        x = self.preprocess(image).unsqueeze(0).to(self.device)
        probs = self.model(x).float().softmax(1)[0]
        k = max(1, min(int(top_k), len(self.class_names)))
        values, idx = probs.topk(k)
        return [(self.class_names[i], float(v)) for v, i in zip(values.tolist(), idx.tolist())]
