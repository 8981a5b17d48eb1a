"""The main window: palette (left), canvas (centre), inspector (right), bottom tabs
(Summary, Problems, Code and the training tabs), menus, status bar and autosave."""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from studio.core.errors import StudioError
from studio.gui import autosave, settings
from studio.gui.actions import build_menus
from studio.gui.transfer_menu import install as install_transfer
from studio.gui.canvas import GraphView
from studio.gui.dialogs import help as help_dialog
from studio.gui.document import Document
from studio.gui.file_actions import FileActionsMixin
from studio.gui.panels.code_view import CodeView
from studio.gui.panels.diagram_view import DiagramView
from studio.gui.panels.history import history_view
from studio.gui.panels.inspector import Inspector
from studio.gui.panels.palette import Palette
from studio.gui.panels.problems import ProblemsPanel
from studio.gui.panels.summary import SummaryPanel, human_count
from studio.gui.project_setup import blank_project

log = logging.getLogger(__name__)


class MainWindow(FileActionsMixin, QMainWindow):
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
        self.diagram = DiagramView(self.document, self)
        self.bottom_tabs.addTab(self.diagram, "Diagram")
        self.details_dock = self._dock("Details", "details_dock", self.bottom_tabs,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        # a page with a taller minimum (Training) must not blow the dock up past half the window
        self.details_dock.installEventFilter(self)
        self.history = history_view(self.document, self)
        self.history_dock = self._dock("History", "history_dock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()

        build_menus(self)
        self.graph_label = QLabel()
        self.statusBar().addPermanentWidget(self.graph_label)
        self.autosaver = autosave.Autosaver(self.document, autosave_ms, self)

        self.palette.add_requested.connect(self.add_layer_at_centre)
        self.palette.block_requested.connect(self.insert_block)
        self.canvas.blocks_changed.connect(self.palette.refresh_blocks)
        self.canvas.selection_changed.connect(self._on_selection)
        self.summary.node_activated.connect(self.select_node)
        self.problems.node_activated.connect(self.select_node)
        self.problems.count_changed.connect(self._on_problem_count)
        self.code_view.status.connect(self.show_status)
        self.diagram.status.connect(self.show_status)
        self.problems.status.connect(self.show_status)
        self.inspector.status.connect(self.show_status)
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
        install_transfer(self)  # transfer learning: weights, locks, Grad-CAM (studio/gui/transfer)

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if not self._layout_restored:  # first start: sensible dock sizes once the window exists
            self._layout_restored = True
            self.resizeDocks([self.palette_dock, self.inspector_dock], [230, 330], Qt.Orientation.Horizontal)
            self.resizeDocks([self.details_dock], [240], Qt.Orientation.Vertical)
        QTimer.singleShot(0, self._clamp_bottom_dock)

    def eventFilter(self, obj, ev) -> bool:
        if obj is self.details_dock and ev.type() == QEvent.Type.Resize and self.isVisible() \
                and ev.size().height() > self.height() // 2 + 2:
            QTimer.singleShot(0, self._clamp_bottom_dock)
        return super().eventFilter(obj, ev)

    def _clamp_bottom_dock(self) -> None:
        """The bottom dock never opens taller than half the window (the canvas comes first)."""
        dock = self.details_dock
        if not dock.isFloating() and dock.height() > self.height() // 2 + 2:
            self.resizeDocks([dock], [self.height() // 2], Qt.Orientation.Vertical)

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
        from studio.gui import training

        return training.install(self)

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
        self.graph_label.setMinimumWidth(self.graph_label.sizeHint().width())  # a long message never clips it

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

    def insert_block(self, name: str) -> list[str]:
        """Insert a saved block: below the selected layer (fed by it) or at the view centre."""
        return self.canvas.insert_block(name)

    def fill_blocks_menu(self) -> None:
        m = self.blocks_menu
        m.clear()
        names = self.palette.block_names()
        for name in names:
            m.addAction(name, lambda n=name: self.insert_block(n))
        if not names:
            m.addAction("(none yet: select layers, then Save selection as block…)").setEnabled(False)

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
        name = self._ask_name("Save selection as block", "Name of the block (it appears under "
                              "My blocks in the palette and in Edit → Insert block):")
        if name:
            try:
                self.canvas.save_selection_as_template(name)
            except StudioError as exc:
                self.show_error("Cannot save block", str(exc))

    def auto_layout(self) -> None:
        self.canvas.auto_layout()
        self.show_status("Arranged the layers top to bottom (Ctrl+Z undoes)")

    def show_help(self) -> None:
        self._help = help_dialog.show_help(self)

    def show_concepts(self) -> None:
        from studio.gui.dialogs.concepts import show_concepts

        self._concepts = show_concepts(self)

    def show_about(self) -> None:
        help_dialog.show_about(self)

    def closeEvent(self, event) -> None:  # Qt override
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
