"""The main window: palette (left), canvas (centre), inspector (right), bottom tabs
(Summary, Problems, Code and the training tabs), menus, status bar and autosave."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from studio.core.errors import StudioError
from studio.core.project import SUFFIX, Project
from studio.gui import autosave, settings
from studio.gui.actions import build_menus
from studio.gui.canvas import GraphView
from studio.gui.dialogs import export_dialog, help as help_dialog, import_dialog, recovery, templates as gallery
from studio.gui.document import Document
from studio.gui.panels.code_view import CodeView
from studio.gui.panels.history import history_view
from studio.gui.panels.inspector import Inspector
from studio.gui.panels.palette import Palette
from studio.gui.panels.problems import ProblemsPanel
from studio.gui.panels.summary import SummaryPanel, human_count
from studio.gui.project_setup import blank_project, ensure_layout

log = logging.getLogger(__name__)
FILE_FILTER = f"cnn-studio projects (*{SUFFIX} *.json);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, autosave_ms: int = 60_000):
        super().__init__()
        self.setObjectName("MainWindow")
        self.document = document if document is not None else Document(blank_project())
        self.setDockNestingEnabled(True)
        self.canvas = GraphView(self.document, self)
        self.canvas.setObjectName("canvas")
        self.setCentralWidget(self.canvas)

        self.palette = Palette(self)
        self.palette_dock = self._dock("Layers", "palette_dock", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector = Inspector(self.document, self)
        self.inspector_dock = self._dock("Inspector", "inspector_dock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.summary = SummaryPanel(self.document, self)
        self.problems = ProblemsPanel(self.document, self)
        self.code_view = CodeView(self.document, self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.setMinimumSize(320, 140)  # a tall tab page must not force a tall dock
        self.bottom_tabs.addTab(self.summary, "Summary")
        self.bottom_tabs.addTab(self.problems, "Problems")
        self.bottom_tabs.addTab(self.code_view, "Code")
        self.details_dock = self._dock("Details", "details_dock", self.bottom_tabs,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history = history_view(self.document, self)
        self.history_dock = self._dock("History", "history_dock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()

        build_menus(self)
        self.graph_label = QLabel()
        self.statusBar().addPermanentWidget(self.graph_label)
        self.autosaver = autosave.Autosaver(self.document, autosave_ms, self)

        self.palette.add_requested.connect(self.add_layer_at_centre)
        self.canvas.selection_changed.connect(self._on_selection)
        self.summary.node_activated.connect(self.select_node)
        self.problems.node_activated.connect(self.select_node)
        self.problems.count_changed.connect(self._on_problem_count)
        self.code_view.status.connect(self.show_status)
        self.canvas.message.connect(self.show_status)
        self.document.dirty_changed.connect(lambda _d: self._update_title())
        self.document.path_changed.connect(lambda _p: self._update_title())
        self.document.analysis_changed.connect(self._update_graph_label)
        self.resize(1400, 900)
        self._layout_restored = settings.restore_window(self)
        self._update_title()
        self._update_graph_label(self.document.analysis)
        self._on_problem_count(len(self.document.analysis.errors), len(self.document.analysis.warnings))
        self.training = self._install_training()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._layout_restored:  # first start: sensible dock sizes once the window exists
            self._layout_restored = True
            self.resizeDocks([self.palette_dock, self.inspector_dock], [230, 330], Qt.Orientation.Horizontal)
            self.resizeDocks([self.details_dock], [240], Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _install_training(self):
        try:
            from studio.gui import training
        except ModuleNotFoundError as exc:
            if exc.name != "studio.gui.training":
                raise
            return None
        install = getattr(training, "install", None)
        return install(self) if install is not None else None

    # ---- small helpers ---------------------------------------------------------
    def show_status(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    def show_error(self, title: str, message: str) -> None:
        log.info("%s: %s", title, message)
        QMessageBox.warning(self, title, message)
        self.show_status(f"{title}: {message}")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — cnn-studio")
        self.setWindowModified(self.document.is_dirty)

    def _update_graph_label(self, a) -> None:
        state = f"{len(a.errors)} error(s)" if a.errors else (f"{len(a.warnings)} warning(s)" if a.warnings else "valid")
        self.graph_label.setText(f"{len(a.order)} layers · {a.trainable_params:,} params · "
                                 f"{human_count(a.macs)} MACs · {state}")

    def _on_problem_count(self, errors: int, warnings: int) -> None:
        n = errors + warnings
        self.bottom_tabs.setTabText(self.bottom_tabs.indexOf(self.problems), f"Problems ({n})" if n else "Problems")

    def _on_selection(self, ids) -> None:
        ids = list(ids)
        self.inspector.set_nodes(ids)
        if len(ids) == 1:
            self.summary.select_node(ids[0])

    def select_node(self, node_id: str) -> None:
        if self.document.graph.has_node(node_id):
            self.canvas.select_nodes([node_id])

    def select_all(self) -> None:
        self.canvas.select_nodes([n.id for n in self.document.graph.nodes], center=False)

    def add_layer_at_centre(self, type_id: str) -> str | None:
        """Palette double-click: below the selected layer (wired to it) or at the view centre."""
        return self.canvas.add_layer(type_id)

    # ---- replacing the project -----------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask Save/Discard/Cancel when there are unsaved changes; False means cancel."""
        if not self.document.is_dirty:
            return True
        B = QMessageBox.StandardButton
        ans = QMessageBox.question(self, "Unsaved changes",
                                   f"'{self.document.display_name()}' has unsaved changes. Save them first?",
                                   B.Save | B.Discard | B.Cancel, B.Save)
        if ans == B.Save:
            return self.save()
        return ans == B.Discard

    def replace_project(self, project: Project, path=None, dirty: bool = False, message: str = "") -> None:
        ensure_layout(project)
        self.document.set_project(project, path, dirty)
        autosave.clear_recovery()  # the canvas fits itself to the new project
        if message:
            self.show_status(message)

    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.replace_project(blank_project(), message="New project: drag layers from the palette onto the canvas")
        return True

    def new_from_template(self) -> bool:
        name = gallery.choose_template(self)
        return self.load_template(name) if name else False

    def load_template(self, name: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        from studio import templates

        try:
            project = templates.build_project(name)
        except StudioError as exc:
            self.show_error("Cannot load template", str(exc))
            return False
        project.dataset = dict(self.document.project.dataset) or {"source": "digits"}
        if not project.training:
            project.training = dict(self.document.project.training)
        self.replace_project(project, message=f"Loaded template '{name}' ({len(project.graph)} layers)")
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
            path, _ = QFileDialog.getOpenFileName(self, "Open project", start, FILE_FILTER)
            if not path:
                return False
        from studio.core.project import load_project

        try:
            project = load_project(path)
        except StudioError as exc:
            self.show_error("Cannot open project", str(exc))
            return False
        self.replace_project(project, Path(path), message=f"Opened {path}")
        settings.add_recent_file(path)
        return True

    def fill_recent_menu(self) -> None:
        m = self.recent_menu
        m.clear()
        files = settings.recent_files()
        for f in files:
            act = m.addAction(Path(f).name)
            act.setToolTip(f)
            act.setStatusTip(f)
            act.triggered.connect(lambda _=False, p=f: self.open_file(p))
        if not files:
            m.addAction("(no recent files)").setEnabled(False)
        else:
            m.addSeparator()
            m.addAction("Clear list", settings.clear_recent_files)

    # ---- saving ------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path) if doc.path else str(Path.cwd() / f"{doc.project.name or 'untitled'}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save project as", start, FILE_FILTER)
        if not path:
            return False
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(SUFFIX)
        return self._save_to(p)

    def _save_to(self, path: Path) -> bool:
        try:
            saved = self.document.save(path)
        except StudioError as exc:
            self.show_error("Cannot save project", str(exc))
            return False
        except OSError as exc:
            self.show_error("Cannot save project", f"cannot write {path}: {exc.strerror or exc}")
            return False
        autosave.clear_recovery()
        settings.add_recent_file(saved)
        self.show_status(f"Saved to {saved}")
        return True

    # ---- import / export ---------------------------------------------------------
    def import_model(self) -> bool:
        try:
            req = import_dialog.ask_import(self)
        except StudioError as exc:
            self.show_error("Cannot import model", str(exc))
            return False
        if req is None or not self.maybe_save():
            return False
        target, shape = req
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.importer import import_callable

            project = import_callable(target, shape)
        except (StudioError, ImportError) as exc:
            self.show_error("Cannot import model", str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        project.dataset = project.dataset or dict(self.document.project.dataset)
        self.replace_project(project, message=f"Imported {target} ({len(project.graph)} layers)")
        return True

    def export_model(self, fmt: str) -> bool:
        a = self.document.analysis
        if a.errors:
            self.show_error("Cannot export", f"the network has {len(a.errors)} error(s); fix them first "
                                             f"(see the Problems tab). First: {a.errors[0].message}")
            return False
        folder = self.document.path.parent if self.document.path else None
        path = export_dialog.ask_export_path(self, fmt, self.document.project.name or "model", folder)
        if path is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from studio.compiler.export import export_project

            export_project(self.document.project, path, format=fmt)
        except StudioError as exc:
            self.show_error("Export failed", str(exc))
            return False
        except OSError as exc:
            self.show_error("Export failed", f"cannot write {path}: {exc.strerror or exc}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_status(f"Exported {export_dialog.FORMATS[fmt][0]} to {path}")
        return True

    # ---- edit menu helpers -------------------------------------------------------
    def _ask_name(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text.strip() if ok and text.strip() else None

    def group_selection(self) -> None:
        if not self.canvas.selected_node_ids():
            self.show_status("Select the layers to group first")
            return
        name = self._ask_name("Group selection", "Name of the block:", f"block{len(self.document.graph.groups) + 1}")
        if name:
            self.canvas.group_selection(name)

    def save_selection_as_template(self) -> None:
        if not self.canvas.selected_node_ids():
            self.show_status("Select the layers to save first")
            return
        name = self._ask_name("Save selection as template", "Template name:")
        if name:
            try:
                self.canvas.save_selection_as_template(name)
            except StudioError as exc:
                self.show_error("Cannot save template", str(exc))

    def auto_layout(self) -> None:
        self.canvas.auto_layout()
        self.show_status("Arranged the layers top to bottom (Ctrl+Z undoes)")

    def show_help(self) -> None:
        self._help = help_dialog.show_help(self)

    def show_about(self) -> None:
        help_dialog.show_about(self)

    # ---- recovery and closing -------------------------------------------------------
    def offer_recovery(self) -> bool:
        """If a previous session left a recovery file, offer to restore it."""
        rec = autosave.find_recovery()
        if rec is None:
            return False
        if not recovery.ask_restore(self, rec):
            autosave.clear_recovery()
            return False
        try:
            project = rec.load()
        except StudioError as exc:
            self.show_error("Cannot restore", f"the recovery file is damaged: {exc}")
            autosave.clear_recovery()
            return False
        ensure_layout(project)
        self.document.set_project(project, rec.original, dirty=True)
        self.show_status("Restored your unsaved work: save it to keep it")
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        tr = self.training
        if tr is not None and tr.is_running():
            B = QMessageBox.StandardButton
            ans = QMessageBox.question(self, "Training is running",
                                       "A training run is in progress. Stop it and quit? "
                                       "(The last checkpoint is kept.)", B.Yes | B.No, B.No)
            if ans != B.Yes:
                event.ignore()
                return
        if not self.maybe_save():
            event.ignore()
            return
        if tr is not None:
            tr.shutdown()
        settings.save_window(self)
        self.autosaver.stop(clear=True)
        event.accept()
