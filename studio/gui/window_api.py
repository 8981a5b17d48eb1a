"""What the tabs, the Experiments menu and the Concepts links may use of the main window.

The training tabs (``gui/training``), the experiments (``gui/experiments``) and the concept
links (``dialogs/concept_links``) are handed a :class:`StudioWindow`; they use nothing of the
window that is not named here. :class:`~studio.gui.mainwindow.MainWindow` implements it (a test
checks ``isinstance(win, StudioWindow)``), and so can a small stand-in in a test.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget, QWidget

    from studio.gui.canvas import GraphView
    from studio.gui.document import Document


@runtime_checkable
class StudioWindow(Protocol):
    """The main window as the tabs see it."""

    document: Document
    canvas: GraphView
    bottom_tabs: QTabWidget          # the Details dock's tabs: pages are added here
    details_dock: QDockWidget        # the dock holding ``bottom_tabs`` (grown for tall views)
    inspector_dock: QDockWidget
    training: Any                    # the TrainingController once installed, else None
    summary: QWidget                 # the Summary tab
    experiments: Any                 # the Experiments menu's state (dict) once installed

    def load_template(self, name: str, ask: bool = True) -> bool: ...

    def show_status(self, text: str, ms: int = 8000) -> None: ...

    def select_node(self, node_id: str) -> None: ...

    def add_menu(self, title: str) -> QMenu:
        """A new top-level menu, placed before Help."""
        ...

    def make_room(self, page: QWidget) -> None:
        """``page`` (a Details tab) needs height: grow the Details dock for it."""
        ...
