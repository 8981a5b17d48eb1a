"""The document: the project being edited, its undo stack, file path and dirty state.

Views read ``document.project`` / ``document.graph`` and follow the signals; they change the
graph only by pushing undo commands (``studio.gui.commands``) onto ``document.undo_stack``,
whose redo/undo call public core methods.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from studio.core.graph import Graph
from studio.core.project import Project, load_project, save_project
from studio.core.stages import open_overview
from studio.core.validate import Analysis, validate


#: the largest graph the window opens (docs/gui.md); the command line takes any size
MAX_WINDOW_NODES = 5_000

class Document(QObject):
    project_replaced = Signal()  # a new project (New/Open/template): views rebuild
    analysis_changed = Signal(object)  # Analysis after every graph/parameter change
    dirty_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    settings_changed = Signal()  # dataset/training settings of the project changed

    def __init__(self, project: Project | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._project = project or Project()
        self._path: Path | None = None
        self._extra_dirty = False  # changes outside the undo stack (settings)
        self._analysis: Analysis | None = None
        open_overview(self._project.graph)
        self._connect_graph()
        self.revalidate()

    def _clean_changed(self, _clean: bool) -> None:
        try:
            self.dirty_changed.emit(self.is_dirty)
        except RuntimeError:  # the undo stack is already gone at shutdown
            pass

    # ---- state ---------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @property
    def graph(self) -> Graph:
        return self._project.graph

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def analysis(self) -> Analysis:
        if self._analysis is None:
            self.revalidate()
        return self._analysis  # type: ignore[return-value]

    @property
    def is_dirty(self) -> bool:
        return self._extra_dirty or not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self._path is not None:
            return self._path.name
        return self._project.name or "Untitled"

    # ---- changes ---------------------------------------------------------
    def _connect_graph(self) -> None:
        self.graph.changed.connect(self.revalidate)
        self.graph.groups_changed.connect(self.revalidate)  # groups shape the generated code

    def _disconnect_graph(self) -> None:
        self.graph.changed.disconnect(self.revalidate)
        self.graph.groups_changed.disconnect(self.revalidate)

    def revalidate(self) -> Analysis:
        self._analysis = validate(self.graph, self._project.num_classes)
        self.analysis_changed.emit(self._analysis)
        return self._analysis

    def set_project(self, project: Project, path: str | Path | None = None, dirty: bool = False) -> None:
        self._disconnect_graph()
        self._project = project
        open_overview(project.graph)
        self._path = Path(path) if path is not None else None
        self.undo_stack.clear()
        self._extra_dirty = dirty
        self._connect_graph()
        self.project_replaced.emit()
        self.path_changed.emit(self._path)
        self.revalidate()
        self.dirty_changed.emit(self.is_dirty)

    def mark_settings_changed(self) -> None:
        """Dataset/training settings changed (not undoable edits): the file needs saving."""
        self._extra_dirty = True
        self.settings_changed.emit()
        self.dirty_changed.emit(True)

    def set_num_classes(self, n: int) -> None:
        self._project.num_classes = int(n)
        self.mark_settings_changed()
        self.revalidate()

    # ---- files -----------------------------------------------------------
    def open(self, path: str | Path) -> None:
        """Load a project file (raises ProjectError with a clear message)."""
        self.set_project(load_project(path, MAX_WINDOW_NODES), path)

    def save(self, path: str | Path | None = None) -> Path:
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file name: use save(path)")
        save_project(self._project, target)
        self._path = target
        self._extra_dirty = False
        self.undo_stack.setClean()
        self.path_changed.emit(self._path)
        self.dirty_changed.emit(False)
        return target
