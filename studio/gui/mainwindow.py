"""The main window: palette (left), canvas (centre), inspector (right), bottom tabs
(Summary, Problems, Code and the training tabs), menus, status bar and autosave."""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget

from studio.core.errors import StudioError
from studio.gui import autosave, settings
from studio.gui.i18n import tr
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

CANVAS_MIN = 170  # the canvas keeps at least this height when a Details tab asks for room


class MainWindow(FileActionsMixin, QMainWindow):
    def __init__(self, document: Document | None = None, autosave_ms: int = 60_000):
        super().__init__()
        self.setObjectName("MainWindow")
        self.training = None  # the TrainingController, installed last
        self._room = 0  # the height a Details tab asked for (0: half the window at most)
        self.document = document if document is not None else Document(blank_project())
        self.setDockNestingEnabled(True)
        # the Details dock spans the full width: the teaching views (tables side by side) need it
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.canvas = GraphView(self.document, self)
        self.canvas.setObjectName("canvas")
        self.setCentralWidget(self.canvas)

        self.palette = Palette(self)
        self.palette_dock = self._dock(tr("Layers"), "palette_dock", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector = Inspector(self.document, self)
        self.inspector_dock = self._dock(tr("Inspector"), "inspector_dock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.summary = SummaryPanel(self.document, self)
        self.problems = ProblemsPanel(self.document, self)
        self.code_view = CodeView(self.document, self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.setMinimumSize(320, 140)  # a tall tab page must not force a tall dock
        self.diagram = DiagramView(self.document, self)
        # the English title stays on the page (``tab_name``): ``gui --tab`` names it in every language
        for page, english, title in ((self.summary, "Summary", tr("Summary")), (self.problems, "Problems", tr("Problems")),
                                     (self.code_view, "Code", tr("Code")), (self.diagram, "Diagram", tr("Diagram"))):
            page.setProperty("tab_name", english)
            self.bottom_tabs.addTab(page, title)
        self.details_dock = self._dock(tr("Details"), "details_dock", self.bottom_tabs,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        # a page with a taller minimum (Training) must not blow the dock up past half the window
        self.details_dock.installEventFilter(self)
        self.history = history_view(self.document, self)
        self.history_dock = self._dock(tr("History"), "history_dock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
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
        self._update_title()
        self._update_graph_label(self.document.analysis)
        self._on_problem_count(len(self.document.analysis.errors), len(self.document.analysis.warnings))
        self.training = self._install_training()
        install_transfer(self)  # transfer learning: weights, locks, Grad-CAM (studio/gui/transfer)
        self._default_state = self.saveState()  # View → Reset layout returns here
        self._layout_restored = settings.restore_window(self)
        self._first_start = not self._layout_restored  # dock sizes again once the window settles
        self.place_on_screen()

    # ---- size and layout ---------------------------------------------------------
    def available_geometry(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1600, 1000)

    def place_on_screen(self, available: QRect | None = None, force: bool = False) -> None:
        """Size the window from the screen: a restored geometry is kept if it fits ``available``
        (default: the screen's free area), else the window a first start gets
        (:func:`settings.initial_geometry`: maximised on a laptop, never larger than the screen)."""
        avail = available if available is not None else self.available_geometry()
        geom = self.geometry()
        if not force and self._layout_restored and geom.width() <= avail.width() \
                and geom.height() <= avail.height() and avail.intersects(geom):
            return
        rect, maximised = settings.initial_geometry(avail)
        if maximised:  # un-maximising gives a window a little smaller than the screen
            rect = rect.adjusted(rect.width() // 20, rect.height() // 20, -rect.width() // 20, -rect.height() // 20)
        self.setGeometry(rect)
        if QGuiApplication.platformName() == "offscreen" and available is None:
            maximised = False  # no window manager and a nominal 800×600 screen: a plain window
        if maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        elif self.windowState() & Qt.WindowState.WindowMaximized:
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMaximized)

    def default_dock_sizes(self) -> None:
        """Palette, inspector and Details at sizes that suit the window's width and height."""
        narrow = self.width() < settings.MAXIMISE_BELOW
        self.resizeDocks([self.palette_dock, self.inspector_dock], [200, 300] if narrow else [230, 330],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.details_dock], [min(240, max(180, self.height() // 4))], Qt.Orientation.Vertical)

    def settled(self) -> None:
        """The window reached its final size (a window manager maximises after the first show):
        on a first start, the docks get their sizes for that size, once."""
        if self._first_start:
            self._first_start = False
            self.default_dock_sizes()

    def reset_layout(self) -> None:
        """View → Reset layout: docks where a first start puts them, the window sized from the screen."""
        settings.clear_window()
        self._room = 0
        for dock in (self.palette_dock, self.inspector_dock, self.details_dock, self.history_dock):
            dock.setFloating(False)
        self.restoreState(self._default_state)
        self.place_on_screen(force=True)
        QTimer.singleShot(0, self.default_dock_sizes)
        self.show_status(tr("Layout reset: docks and window size as on a first start"))

    def add_menu(self, title: str) -> QMenu:
        """A new top-level menu, placed before Help (StudioWindow)."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    def make_room(self, page) -> None:
        """A Details tab that holds plots or teaching views asks for height: the Details dock grows
        to what the page needs (at least half the window, the canvas keeps ``CANVAS_MIN``); the
        user can drag it smaller again (StudioWindow)."""
        dock = self.details_dock
        if dock.isFloating() or not dock.isVisible() or self.bottom_tabs.currentWidget() is not page:
            return
        chrome = dock.height() - page.height()  # dock title + tab bar
        # the size hint, not the minimum: word-wrapped text needs more height than its minimum says
        need = max(page.sizeHint().height(), page.minimumSizeHint().height()) + chrome
        want = max(self.height() // 2, min(need, self.height() - CANVAS_MIN))
        self._room = want
        if dock.height() < want - 20:
            self.resizeDocks([dock], [want], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if not self._layout_restored:  # first start: sensible dock sizes once the window exists
            self._layout_restored = True
            self.default_dock_sizes()
        QTimer.singleShot(0, self._clamp_bottom_dock)

    def eventFilter(self, obj, ev) -> bool:
        if obj is self.details_dock and ev.type() == QEvent.Type.Resize and self.isVisible() \
                and ev.size().height() > self._dock_limit() + 2:
            QTimer.singleShot(0, self._clamp_bottom_dock)
        return super().eventFilter(obj, ev)

    def _dock_limit(self) -> int:
        return max(self.height() // 2, min(self._room, self.height() - CANVAS_MIN))

    def _clamp_bottom_dock(self) -> None:
        """The bottom dock never opens taller than half the window, or than a tab asked for
        (:meth:`make_room`): the canvas comes first."""
        dock = self.details_dock
        if not dock.isFloating() and dock.height() > self._dock_limit() + 2:
            self.resizeDocks([dock], [self._dock_limit()], Qt.Orientation.Vertical)

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
        """The training tabs, then the Experiments menu (both through StudioWindow)."""
        from studio.gui import training
        from studio.gui.experiments import install as install_experiments

        ctl = training.install(self)
        self.training = ctl
        install_experiments(self)
        return ctl

    # ---- small helpers ---------------------------------------------------------
    def show_status(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    def show_error(self, title: str, message: str) -> None:
        log.info("%s: %s", title, message)
        QMessageBox.warning(self, title, message)
        self.show_status(f"{title}: {message}")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.shown_name()}[*] — cnn-studio")
        self.setWindowModified(self.document.is_dirty)

    def shown_name(self) -> str:
        """The document's name as the title shows it ("Untitled" in the window's language)."""
        name = self.document.display_name()
        return tr("Untitled") if name == "Untitled" and self.document.path is None else name

    def _update_graph_label(self, a) -> None:
        state = tr("{n} error(s)").format(n=len(a.errors)) if a.errors else (
            tr("{n} warning(s)").format(n=len(a.warnings)) if a.warnings else tr("valid"))
        self.graph_label.setText(tr("{layers} layers · {params} params · {macs} MACs · {state}").format(
            layers=len(a.order), params=f"{a.trainable_params:,}", macs=human_count(a.macs), state=state))
        self.graph_label.setMinimumWidth(self.graph_label.sizeHint().width())  # a long message never clips it

    def _on_problem_count(self, errors: int, warnings: int) -> None:
        n = errors + warnings
        self.bottom_tabs.setTabText(self.bottom_tabs.indexOf(self.problems), tr("Problems ({n})").format(n=n) if n else tr("Problems"))

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
            m.addAction(tr("(none yet: select layers, then Save selection as block…)")).setEnabled(False)

    # ---- edit menu helpers -------------------------------------------------------
    def _ask_name(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text.strip() if ok and text.strip() else None

    def group_selection(self) -> None:
        if not self.canvas.selected_node_ids():
            self.show_status(tr("Select the layers to group first"))
            return
        name = self._ask_name(tr("Group selection"), tr("Name of the block:"),
                              f"block{len(self.document.graph.groups) + 1}")
        if name:
            self.canvas.group_selection(name)

    def save_selection_as_template(self) -> None:
        if not self.canvas.selected_node_ids():
            self.show_status(tr("Select the layers to save first"))
            return
        name = self._ask_name(tr("Save selection as block"), tr("Name of the block (it appears under "
                              "My blocks in the palette and in Edit → Insert block):"))
        if name:
            try:
                self.canvas.save_selection_as_template(name)
            except StudioError as exc:
                self.show_error(tr("Cannot save block"), str(exc))

    def auto_layout(self) -> None:
        self.canvas.auto_layout()
        self.show_status(tr("Arranged the layers top to bottom (Ctrl+Z undoes)"))

    def show_help(self) -> None:
        self._help = help_dialog.show_help(self)

    def show_concepts(self) -> None:
        from studio.gui.dialogs.concepts import show_concepts

        self._concepts = show_concepts(self)

    def show_about(self) -> None:
        help_dialog.show_about(self)

    def closeEvent(self, event) -> None:  # Qt override
        ctl = self.training
        if ctl is not None and ctl.is_running():
            B = QMessageBox.StandardButton
            ans = QMessageBox.question(self, tr("Training is running"),
                                       tr("A training run is in progress. Stop it and quit? "
                                          "(The last checkpoint is kept.)"), B.Yes | B.No, B.No)
            if ans != B.Yes:
                event.ignore()
                return
        if not self.maybe_save():
            event.ignore()
            return
        if ctl is not None:
            ctl.shutdown()
        settings.save_window(self)
        self.autosaver.stop(clear=True)
        event.accept()
