"""The words the window shows for the catalogue besides each spec's own texts: the category
names (``studio.core.spec.CATEGORIES``) and the parameter names as a person reads them
(``ParamSpec.title``), marked for translation under the "Layers" context. The window
translates them with ``tr_core("Layers", …)``; the code name (``out_channels``) stays as it is.
"""
from __future__ import annotations

from studio.core.i18n import QT_TRANSLATE_NOOP

CATEGORY_TEXTS = (
    QT_TRANSLATE_NOOP("Layers", "Input"),
    QT_TRANSLATE_NOOP("Layers", "Convolution"),
    QT_TRANSLATE_NOOP("Layers", "Pooling"),
    QT_TRANSLATE_NOOP("Layers", "Normalisation"),
    QT_TRANSLATE_NOOP("Layers", "Regularisation"),
    QT_TRANSLATE_NOOP("Layers", "Activation"),
    QT_TRANSLATE_NOOP("Layers", "Linear/Reshape"),
    QT_TRANSLATE_NOOP("Layers", "Merge"),
)

PARAM_TITLES = (
    QT_TRANSLATE_NOOP("Layers", "affine"),
    QT_TRANSLATE_NOOP("Layers", "alpha"),
    QT_TRANSLATE_NOOP("Layers", "approximate"),
    QT_TRANSLATE_NOOP("Layers", "beta"),
    QT_TRANSLATE_NOOP("Layers", "bias"),
    QT_TRANSLATE_NOOP("Layers", "ceil mode"),
    QT_TRANSLATE_NOOP("Layers", "channels"),
    QT_TRANSLATE_NOOP("Layers", "chunks"),
    QT_TRANSLATE_NOOP("Layers", "count include pad"),
    QT_TRANSLATE_NOOP("Layers", "dilation"),
    QT_TRANSLATE_NOOP("Layers", "eps"),
    QT_TRANSLATE_NOOP("Layers", "groups"),
    QT_TRANSLATE_NOOP("Layers", "height"),
    QT_TRANSLATE_NOOP("Layers", "in features"),
    QT_TRANSLATE_NOOP("Layers", "index"),
    QT_TRANSLATE_NOOP("Layers", "init"),
    QT_TRANSLATE_NOOP("Layers", "k"),
    QT_TRANSLATE_NOOP("Layers", "keepdim"),
    QT_TRANSLATE_NOOP("Layers", "kernel size"),
    QT_TRANSLATE_NOOP("Layers", "window size"),  # a pooling layer's kernel_size: a window, not a kernel
    QT_TRANSLATE_NOOP("Layers", "mode"),
    QT_TRANSLATE_NOOP("Layers", "momentum"),
    QT_TRANSLATE_NOOP("Layers", "negative slope"),
    QT_TRANSLATE_NOOP("Layers", "order"),
    QT_TRANSLATE_NOOP("Layers", "out channels"),
    QT_TRANSLATE_NOOP("Layers", "out features"),
    QT_TRANSLATE_NOOP("Layers", "output size"),
    QT_TRANSLATE_NOOP("Layers", "p"),
    QT_TRANSLATE_NOOP("Layers", "padding"),
    QT_TRANSLATE_NOOP("Layers", "size"),
    QT_TRANSLATE_NOOP("Layers", "stride"),
    QT_TRANSLATE_NOOP("Layers", "width"),
)


def param_title(spec, ps) -> str:
    """The English title the window shows for parameter ``ps`` of ``spec`` (to translate)."""
    if ps.name == "kernel_size" and spec.category == "Pooling":
        return "window size"
    return ps.title
