"""Data for training: settings, loading, splitting, normalisation, augmentation, preprocessing.

The public API (the rest lives in ``studio.training.datasets``)::

    settings = parse_data_arg("digits")            # or DataSettings.from_dict(project.dataset)
    bundle = load_data(settings, (1, 32, 32))      # DataBundle: train/val/test, mean/std, ...
    if bundle.in_memory: bundle.train.X, bundle.train.y   # float32 normalised, int64
    xb = bundle.augment(xb, generator)             # train batches only
    x = preprocess_image(pil, (1, 32, 32), bundle.mean, bundle.std)   # Tensor[C, H, W]
"""
from __future__ import annotations

from typing import Any, Sequence

from studio.core.i18n import QT_TRANSLATE_NOOP

from .datasets.bundle import (MAX_IN_MEMORY_BYTES, DataBundle, StreamData, TensorData, build_bundle,
                              sample_images, split_indices)
from .datasets.settings import (SHAPE_CLASSES, SOURCES, AugmentSettings, DataError, DataSettings,
                                ShapesSettings, parse_data_arg)
from .datasets.transforms import augment_batch, preprocess_image

__all__ = [
    "AugmentSettings", "DataBundle", "DataError", "DataSettings", "MAX_IN_MEMORY_BYTES", "SHAPE_CLASSES",
    "SOURCES", "ShapesSettings", "StreamData", "TensorData", "augment_batch", "load_data", "parse_data_arg",
    "preprocess_image", "sample_images", "split_indices",
]


def load_data(settings: DataSettings | dict[str, Any] | str | None, input_shape: Sequence[int]) -> DataBundle:
    """Load, split and normalise the data set for a model whose input is ``input_shape`` (C, H, W).

    ``settings`` may be a DataSettings, a ``project.dataset`` dict or a ``--data`` string.
    Raises DataError (a StudioError) with a message naming the problem and the fix.
    """
    if settings is None or isinstance(settings, dict):
        settings = DataSettings.from_dict(settings)
    elif isinstance(settings, str):
        settings = parse_data_arg(settings)
    else:
        settings.validate()
    shape = tuple(int(v) for v in input_shape)
    if len(shape) != 3 or min(shape) < 1:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "model input shape {shape} is not an image (C, H, W): image data "
                                          "sets need an Input node with channels, height and width"),
                        args={"shape": tuple(input_shape)})
    if shape[0] not in (1, 3):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "the model's input has {c} channels: image data sets supply 1 "
                                          "(grayscale) or 3 (RGB); set the Input node's channels to 1 or 3"),
                        args={"c": shape[0]})
    if settings.source == "digits":
        from .datasets.builtin import digits_source as make
    elif settings.source == "shapes":
        from .datasets.builtin import shapes_source as make
    elif settings.source == "folder":
        from .datasets.folder import folder_source

        def make(s):
            return folder_source(s, shape)
    else:
        from .datasets.standard import standard_source as make
    return build_bundle(make(settings), settings, shape)
