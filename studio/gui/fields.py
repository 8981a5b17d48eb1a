"""How the window names the settings an error can be about: the label of the widget that sets
each field (see studio.core.errors), and how it words each hint. The Training and Dataset boxes
take their row labels from :data:`WIDGETS` too, so an error names exactly what the user sees."""
from __future__ import annotations

from studio.core.errors import StudioError

#: The widget (its label as shown) that sets each field.
WIDGETS = {
    "training.epochs": "Epochs", "training.batch_size": "Batch size", "training.lr": "Learning rate",
    "training.optimizer": "Optimiser", "training.momentum": "Momentum", "training.nesterov": "Nesterov",
    "training.weight_decay": "Weight decay", "training.scheduler": "Schedule",
    "training.label_smoothing": "Label smoothing", "training.seed": "Seed", "training.device": "Device",
    "training.amp": "Mixed precision (CUDA)", "training.channels_last": "channels_last memory format",
    "training.grad_clip": "Gradient clipping",
    "dataset.source": "Source", "dataset.root": "Folder", "dataset.download": "Download if missing",
    "dataset.val_fraction": "Validation", "dataset.test_fraction": "Test", "dataset.seed": "Split seed",
    "input_shape": "Input shape", "num_classes": "number of classes",
    "explain.at": "pixel (C, Y, X)", "explain.label": "class", "explain.layer": "layer",
    "experiment.out": "the experiment's folder", "experiment.epochs": "epochs",
}

#: How the window words each hint; a (hint, field) pair words one field its own way.
WINDOW_HINTS = {
    "example": " (e.g. {name} {value})",
    "set": ": set {name} to {value}",
    ("set", "num_classes"): ": press Load & preview in the Dataset box, then Adapt the model",
    "choose": ": choose {value} as the {name}",
    ("choose", "training.device"): ": choose Automatic or CPU as the Device",
    "enable": " (tick “{name}” in the Dataset box)",
    "folder": ": choose its {name} in the Dataset box",
    ("example", "input_shape"): " (the input shape, e.g. {value})",
}


def widget_name(field: str) -> str:
    """The label of the widget that sets ``field`` (else the field's last part, in words)."""
    return WIDGETS.get(field) or field.rsplit(".", 1)[-1].replace("_", " ")


def window_message(error: BaseException | str) -> str:
    """An error (or a plain message) as the window shows it: fields named as their widgets."""
    if isinstance(error, StudioError):
        return error.render(widget_name, WINDOW_HINTS)
    return str(error)
