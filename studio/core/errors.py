"""Exceptions of the core. Each message speaks to a person and names the fix.

A :class:`StudioError` may name the setting it is about (``field``: a dotted name such as
``"training.batch_size"``, ``"dataset.root"``, ``"input_shape"``, ``"training.device"``) and a
hint (``hint``: a key of :data:`HINTS`, with a ``value``). The message itself never names a
command-line option or a widget: each front end words the field its own way when it shows the
error (:meth:`StudioError.render`): the CLI as its option (``studio/commands/fields.py``), the
window as the widget's name (``studio/gui/fields.py``). ``str(error)`` words it with the
dotted name, as in a project file.

Inside a message, ``{field}`` stands for the field's name as the front end words it.

A message the window translates is raised as a *template* with its values apart:
``StudioError(QT_TRANSLATE_NOOP("Errors", "'{setting}' is {value}: ..."), args={...})``. The
English text (``error.message``, ``str(error)``, the CLI) is the template filled in; the window
renders it with ``translate``, which turns the template (and the hint's) into its language
before the values are filled in (studio/gui/fields.py). A message raised without ``args`` is
shown as it is (it stays English where no translation of the whole text is known).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from .i18n import QT_TRANSLATE_NOOP

#: How each hint key is appended to a message; ``{name}`` is the field as the front end names it,
#: ``{value}`` the error's value. A front end may word any key (or a ``(key, field)`` pair) its way.
HINTS: dict[str, str] = {
    "example": QT_TRANSLATE_NOOP("Errors", " (e.g. {name} = {value})"),      # a value to try for the field
    "set": QT_TRANSLATE_NOOP("Errors", ": set {name} to {value}"),            # the value the field must take
    "choose": QT_TRANSLATE_NOOP("Errors", ": choose {value} for {name}"),     # one of a few values of the field
    "enable": QT_TRANSLATE_NOOP("Errors", ": turn on {name}"),                # a switch to turn on
    "folder": QT_TRANSLATE_NOOP("Errors", ": set {name} to the folder that holds it"),  # a data set needs a folder
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


#: The longest message shown (a message that lists many names, e.g. of a 20,000-group project,
#: is cut here, so that an error stays one readable line).
MAX_MESSAGE = 1000


def plain_name(field: str) -> str:
    return field


def same(text: str) -> str:
    """No translation: the English text (the CLI, ``str(error)``)."""
    return text


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with each ``{key}`` of ``values`` replaced by ``str(value)``, in one pass (a
    value that holds braces is not read again); other braces stay as they are."""
    if not values or "{" not in template:
        return template
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


class StudioError(Exception):
    """Base class of every error the studio shows to a user as a message.

    ``field``: the setting the error is about (dotted name) or None; ``hint``: a key of
    :data:`HINTS` (or None); ``value``: what the hint suggests (a number, a word, a shape...);
    ``args``: the values of the ``{placeholders}`` of a message given as a template (then
    ``message`` is the English text filled in, ``template`` the template, ``message_args`` the
    values; ``Exception.args`` keeps its meaning).
    """

    def __init__(self, message: str = "", *, field: str | None = None, hint: str | None = None,
                 value: Any = None, args: Mapping[str, Any] | None = None):
        text = fill(message, args) if args is not None else message
        super().__init__(text)
        self.message = text
        self.template = message if args is not None else None
        self.message_args = dict(args or {})
        self.field = field
        self.hint = hint
        self.value = value

    def render(self, name_of: Callable[[str], str] = plain_name, hints: Mapping[Any, str] | None = None,
               translate: Callable[[str], str] = same) -> str:
        """The message worded for one front end: ``name_of(field)`` names the field, ``hints``
        overrides the wording of a hint key or of a ``(key, field)`` pair, ``translate`` turns a
        template (the message's and the hint's) into the front end's language before it is
        filled in."""
        name = name_of(self.field) if self.field else ""
        if self.template is not None:
            values = {k: v.render(name_of, hints, translate) if isinstance(v, StudioError) else v
                      for k, v in self.message_args.items()}  # an error inside an error: worded alike
            if self.field:
                values.setdefault("field", name)
            text = fill(translate(self.template), values)
        else:
            text = translate(self.message)
            text = text.replace("{field}", name) if self.field else text
        if self.hint:
            hints = hints or {}
            template = hints.get((self.hint, self.field)) or hints.get(self.hint) or HINTS.get(self.hint, "")
            text += translate(template).replace("{name}", name).replace("{value}", str(self.value))
        if len(text) > MAX_MESSAGE:  # a message is read by a person: never pages of names
            text = text[: MAX_MESSAGE - 1] + "…"
        return text

    def __str__(self) -> str:
        return self.render()


class Message(str):
    """A text that is not an error (a warning, a note) given as a template with its values apart:
    a ``str`` holding the English text everywhere (logs, files, the CLI); the window shows it
    translated (studio/gui/fields.py ``window_message``)."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> "Message":
        self = super().__new__(cls, fill(template, args))
        self.template, self.args = template, args
        return self

    def render(self, translate: Callable[[str], str] = same) -> str:
        return fill(translate(self.template), self.args)


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
