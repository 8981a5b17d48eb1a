"""cnn-studio: build, train and export convolutional image classifiers visually.

This package is the composition root: importing it plugs the layer catalogue
(:mod:`studio.layers`) into the core's registry (:func:`studio.core.spec.register`). The
catalogue registers *into* the core; the core never imports the catalogue. Pure Python:
no torch, no Qt.
"""
from . import layers  # noqa: F401  (registers every layer type with studio.core.spec)
