"""How the window names the settings an error can be about: the label of the widget that sets
each field (see studio.core.errors), and how it words each hint. The Training and Dataset boxes
take their row labels from :data:`WIDGETS` too (through :func:`widget_name`, which translates
them), so an error names exactly what the user sees.

The labels and hints are marked ``QT_TRANSLATE_NOOP("Errors", ...)`` and translated where they are
shown; an error's message (a template with its values apart) is translated before its values are
filled in (:func:`window_message`), and so are the validation problems of the graph and their
fixes (:func:`issue_message`, :func:`fix_label`)."""
from __future__ import annotations

from typing import Any

from studio.core.errors import Message, StudioError, fill
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr_core

class _Labels(dict):
    """The labels by field: indexing gives the label in the window's language (the Training and
    Dataset boxes build their rows with ``WIDGETS[field]``); ``.get``/``.values`` give the English."""

    def __getitem__(self, field: str) -> str:
        return translate_error(super().__getitem__(field))


#: The widget (its label as shown) that sets each field.
WIDGETS = _Labels({
    "training.epochs": QT_TRANSLATE_NOOP("Errors", "Epochs"),
    "training.batch_size": QT_TRANSLATE_NOOP("Errors", "Batch size"),
    "training.lr": QT_TRANSLATE_NOOP("Errors", "Learning rate"),
    "training.optimizer": QT_TRANSLATE_NOOP("Errors", "Optimiser"),
    "training.momentum": QT_TRANSLATE_NOOP("Errors", "Momentum"),
    "training.nesterov": QT_TRANSLATE_NOOP("Errors", "Nesterov"),
    "training.weight_decay": QT_TRANSLATE_NOOP("Errors", "Weight decay"),
    "training.scheduler": QT_TRANSLATE_NOOP("Errors", "Schedule"),
    "training.label_smoothing": QT_TRANSLATE_NOOP("Errors", "Label smoothing"),
    "training.seed": QT_TRANSLATE_NOOP("Errors", "Seed"),
    "training.device": QT_TRANSLATE_NOOP("Errors", "Device"),
    "training.amp": QT_TRANSLATE_NOOP("Errors", "Mixed precision (CUDA)"),
    "training.channels_last": QT_TRANSLATE_NOOP("Errors", "channels_last memory format"),
    "training.grad_clip": QT_TRANSLATE_NOOP("Errors", "Gradient clipping"),
    "dataset.source": QT_TRANSLATE_NOOP("Errors", "Source"),
    "dataset.root": QT_TRANSLATE_NOOP("Errors", "Folder"),
    "dataset.download": QT_TRANSLATE_NOOP("Errors", "Download if missing"),
    "dataset.val_fraction": QT_TRANSLATE_NOOP("Errors", "Validation"),
    "dataset.test_fraction": QT_TRANSLATE_NOOP("Errors", "Test"),
    "dataset.seed": QT_TRANSLATE_NOOP("Errors", "Split seed"),
    "input_shape": QT_TRANSLATE_NOOP("Errors", "Input shape"),
    "num_classes": QT_TRANSLATE_NOOP("Errors", "number of classes"),
    "explain.at": QT_TRANSLATE_NOOP("Errors", "pixel (C, Y, X)"),
    "explain.label": QT_TRANSLATE_NOOP("Errors", "class"),
    "explain.layer": QT_TRANSLATE_NOOP("Errors", "layer"),
    "experiment.out": QT_TRANSLATE_NOOP("Errors", "the experiment's folder"),
    "experiment.epochs": QT_TRANSLATE_NOOP("Errors", "epochs"),
})

#: How the window words each hint; a (hint, field) pair words one field its own way.
WINDOW_HINTS = {
    "example": QT_TRANSLATE_NOOP("Errors", " (e.g. {name} {value})"),
    "set": QT_TRANSLATE_NOOP("Errors", ": set {name} to {value}"),
    ("set", "num_classes"): QT_TRANSLATE_NOOP("Errors", ": press Load & preview in the Dataset box, then Adapt the model"),
    "choose": QT_TRANSLATE_NOOP("Errors", ": choose {value} as the {name}"),
    ("choose", "training.device"): QT_TRANSLATE_NOOP("Errors", ": choose Automatic or CPU as the Device"),
    "enable": QT_TRANSLATE_NOOP("Errors", " (tick “{name}” in the Dataset box)"),
    "folder": QT_TRANSLATE_NOOP("Errors", ": choose its {name} in the Dataset box"),
    ("example", "input_shape"): QT_TRANSLATE_NOOP("Errors", " (the input shape, e.g. {value})"),
}


def translate_error(text: str) -> str:
    """A message template (marked under "Errors") in the window's language."""
    return tr_core("Errors", text) if text else text


def widget_name(field: str) -> str:
    """The label of the widget that sets ``field``, in the window's language (else the field's
    last part, in words)."""
    label = WIDGETS.get(field)
    return translate_error(label) if label else field.rsplit(".", 1)[-1].replace("_", " ")


def window_message(error: BaseException | str) -> str:
    """An error (or a plain message, or a :class:`~studio.core.errors.Message`) as the window shows
    it: fields named as their widgets, in the window's language."""
    if isinstance(error, StudioError):
        return error.render(widget_name, WINDOW_HINTS, translate_error)
    if isinstance(error, Message):
        return error.render(translate_error)
    return str(error)


def _templated(thing: Any, english: str) -> str:
    template = getattr(thing, "template", "")
    if not template:
        return translate_error(english)
    return fill(translate_error(template), dict(getattr(thing, "args", ()) or ()))


def issue_message(issue) -> str:
    """A validation problem (studio.core.validate.Issue) in the window's language."""
    return _templated(issue, issue.message)


def fix_label(fix) -> str:
    """What a one-click fix's button says (studio.core.fixes.Fix), in the window's language."""
    return _templated(fix, fix.label)
