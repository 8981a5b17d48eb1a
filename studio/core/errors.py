"""Exceptions of the core. Each message speaks to a person and names the fix.

A :class:`StudioError` may name the setting it is about (``field``: a dotted name such as
``"training.batch_size"``, ``"dataset.root"``, ``"input_shape"``, ``"training.device"``) and a
hint (``hint``: a key of :data:`HINTS`, with a ``value``). The message itself never names a
command-line option or a widget: each front end words the field its own way when it shows the
error (:meth:`StudioError.render`): the CLI as its option (``studio/commands/fields.py``), the
window as the widget's name (``studio/gui/fields.py``). ``str(error)`` words it with the
dotted name, as in a project file.

Inside a message, ``{field}`` stands for the field's name as the front end words it.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

#: How each hint key is appended to a message; ``{name}`` is the field as the front end names it,
#: ``{value}`` the error's value. A front end may word any key (or a ``(key, field)`` pair) its way.
HINTS: dict[str, str] = {
    "example": " (e.g. {name} = {value})",      # a value to try for the field
    "set": ": set {name} to {value}",            # the value the field must take
    "choose": ": choose {value} for {name}",     # one of a few values of the field
    "enable": ": turn on {name}",                # a switch to turn on
    "folder": ": set {name} to the folder that holds it",  # a data set needs a folder
}


#: The longest message shown (a message that lists many names, e.g. of a 20,000-group project,
#: is cut here, so that an error stays one readable line).
MAX_MESSAGE = 1000


def plain_name(field: str) -> str:
    return field


class StudioError(Exception):
    """Base class of every error the studio shows to a user as a message.

    ``field``: the setting the error is about (dotted name) or None; ``hint``: a key of
    :data:`HINTS` (or None); ``value``: what the hint suggests (a number, a word, a shape...).
    """

    def __init__(self, message: str = "", *, field: str | None = None, hint: str | None = None,
                 value: Any = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.hint = hint
        self.value = value

    def render(self, name_of: Callable[[str], str] = plain_name, hints: Mapping[Any, str] | None = None) -> str:
        """The message worded for one front end: ``name_of(field)`` names the field, ``hints``
        overrides the wording of a hint key or of a ``(key, field)`` pair."""
        name = name_of(self.field) if self.field else ""
        text = self.message.replace("{field}", name) if self.field else self.message
        if self.hint:
            hints = hints or {}
            template = hints.get((self.hint, self.field)) or hints.get(self.hint) or HINTS.get(self.hint, "")
            text += template.replace("{name}", name).replace("{value}", str(self.value))
        if len(text) > MAX_MESSAGE:  # a message is read by a person: never pages of names
            text = text[: MAX_MESSAGE - 1] + "…"
        return text

    def __str__(self) -> str:
        return self.render()


class GraphError(StudioError):
    """An edit the graph refuses (unknown node, duplicate id, occupied port, cycle...)."""


class UnknownLayerError(StudioError, KeyError):
    """A layer type no spec is registered for (also a KeyError for lookups that expect one)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.render()


class ParamError(StudioError):
    """A parameter value of the wrong type or out of its allowed range."""

    def __init__(self, message: str, param: str | None = None, **kw):
        super().__init__(message, **kw)
        self.param = param


class ShapeError(StudioError):
    """A shape rule cannot be applied to the shapes that reach a node."""

    def __init__(self, message: str, fix: "object | None" = None, **kw):
        super().__init__(message, **kw)
        self.fix = fix


class ProjectError(StudioError):
    """A project file that cannot be read: says what and where."""
