"""The catalogue's texts in the window's language: descriptions, parameter names and help,
categories and the filled-in formulas of ``studio.layers`` (marked ``QT_TRANSLATE_NOOP("Layers",
…)`` there, translated here with ``tr_core``)."""
from __future__ import annotations

import inspect
from functools import lru_cache

from studio.gui.i18n import tr_core
from studio.layers.texts import param_title


def lt(text: str) -> str:
    """A text of the layer catalogue in the window's language."""
    return tr_core("Layers", text)


@lru_cache(maxsize=None)
def _takes_t(func) -> bool:
    try:
        return "t" in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


def explain(spec, params, in_shapes, out) -> str:
    """``spec.explain`` with its words translated (a plug-in spec without ``t``: as it is)."""
    if _takes_t(type(spec).explain):
        return spec.explain(params, in_shapes, out, t=lt)
    return spec.explain(params, in_shapes, out)


def describe(spec, params) -> str:
    """``spec.describe`` (the one-line description) translated."""
    if _takes_t(type(spec).describe):
        return spec.describe(params, t=lt)
    return lt(spec.describe(params))


def category(name: str) -> str:
    return lt(name)


def param_label(spec, ps) -> str:
    """The parameter's name as a person reads it ("out channels"), translated."""
    return lt(param_title(spec, ps))


def param_tip(ps) -> str:
    """The parameter's help, translated; a translated help names the parameter as the code does
    (``out_channels``) on a second line (English: the help alone, as before)."""
    text = lt(ps.help)
    return f"{text}\n({ps.name})" if text != ps.help else text
