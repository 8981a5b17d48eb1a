"""Exceptions of the core. Each message speaks to a person and names the fix."""


class StudioError(Exception):
    """Base class of every error the studio shows to a user as a message."""


class GraphError(StudioError):
    """An edit the graph refuses (unknown node, duplicate id, occupied port, cycle...)."""


class ParamError(StudioError):
    """A parameter value of the wrong type or out of its allowed range."""

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


class ShapeError(StudioError):
    """A shape rule cannot be applied to the shapes that reach a node."""

    def __init__(self, message: str, fix: "object | None" = None):
        super().__init__(message)
        self.fix = fix


class ProjectError(StudioError):
    """A project file that cannot be read: says what and where."""
