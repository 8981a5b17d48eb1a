"""Undo commands: every user edit of the graph is one QUndoCommand.

``redo``/``undo`` call public :class:`studio.core.graph.Graph` methods only; the canvas and
panels follow the graph's signals, never the commands. Composite edits (delete with edges,
connect that replaces an edge, fixes) hold child commands and are one undo step; paste and
inserting a block are one ``Graph.paste`` each.

Commands that can fail have ``try_create(doc, ...) -> (command | None, message)``: call it
before pushing and show the message instead. :func:`push` pushes and returns an error
message if ``redo`` still failed (the stack then drops the command, nothing changed).

``base`` holds the command base and :func:`push`; ``edits`` single edits (layers,
connections, parameters, labels, positions, fixes); ``groups`` grouping and collapsing;
``paste`` paste and saved blocks.
"""
from .base import _Command, push  # noqa: F401
from .edits import (  # noqa: F401
    AddNodeCommand,
    ApplyFixCommand,
    ConnectCommand,
    DisconnectCommand,
    MoveNodesCommand,
    RemoveNodesCommand,
    SetLabelCommand,
    SetParamCommand,
    SetPositionsCommand,
)
from .groups import GroupCommand, SetGroupCollapsedCommand, ToggleGroupCommand, UngroupCommand  # noqa: F401
from .paste import InsertBlockCommand, PasteCommand  # noqa: F401
