"""Menus, actions and shortcuts of the main window (File, Edit, View, Help)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from studio.gui.i18n import tr

#: actions that act on the canvas selection: their shortcuts work while the canvas has focus,
#: so Del or Ctrl+C in a text field edits the text, not the graph
CANVAS_ACTIONS = ("cut", "copy", "paste", "duplicate", "delete", "select_all")


def _action(win, name: str, text: str, slot=None, shortcut=None, tip: str = "") -> QAction:
    act = QAction(text, win)
    act.setObjectName(f"action_{name}")
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            act.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(tip)
    if slot is not None:
        act.triggered.connect(lambda _checked=False: slot())
    win.act[name] = act
    return act


def build_menus(win) -> None:
    """Create ``win.act`` (name -> QAction) and the menu bar."""
    win.act = {}
    c = win.canvas
    K = QKeySequence.StandardKey
    mb = win.menuBar()

    m = mb.addMenu(tr("&File"))
    m.addAction(_action(win, "new", "&New", win.new_project, K.New, "Start an empty network"))
    m.addAction(_action(win, "new_template", "New from &template…", win.new_from_template, "Ctrl+Shift+N",
                        "Start from a classic architecture (LeNet-5, AlexNet, VGG, ResNet) or one of yours"))
    m.addAction(_action(win, "open", "&Open…", win.open_file, K.Open, "Open a project file"))
    m.addAction(_action(win, "open_run", "Open r&un…", win.open_run,
                        tip="A run folder (or checkpoint): its project, curves, gradient flow, Inference and Evaluate"))
    win.recent_menu = m.addMenu("Open &Recent")
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    m.addSeparator()
    m.addAction(_action(win, "save", "&Save", win.save, K.Save, "Save the project"))
    m.addAction(_action(win, "save_as", "Save &As…", win.save_as, "Ctrl+Shift+S", "Save under a new name"))
    m.addSeparator()
    m.addAction(_action(win, "import", "&Import PyTorch model…", win.import_model,
                        tip="Turn an nn.Module (e.g. torchvision.models:resnet18) into an editable graph"))
    ex = m.addMenu("&Export")
    ex.addAction(_action(win, "export_pytorch", "PyTorch &code (model.py)…", lambda: win.export_model("pytorch")))
    ex.addAction(_action(win, "export_onnx", "&ONNX…", lambda: win.export_model("onnx")))
    ex.addAction(_action(win, "export_torchscript", "&TorchScript…", lambda: win.export_model("torchscript")))
    m.addSeparator()
    quit_act = _action(win, "quit", "&Quit", win.close, "Ctrl+Q")
    quit_act.setMenuRole(QAction.MenuRole.QuitRole)
    m.addAction(quit_act)

    m = mb.addMenu("&Edit")
    stack = win.document.undo_stack
    undo = stack.createUndoAction(win, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(win, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    win.act["undo"], win.act["redo"] = undo, redo
    m.addAction(undo)
    m.addAction(redo)
    m.addSeparator()
    m.addAction(_action(win, "cut", "Cu&t", c.cut_selection, K.Cut))
    m.addAction(_action(win, "copy", "&Copy", c.copy_selection, K.Copy))
    m.addAction(_action(win, "paste", "&Paste", c.paste, K.Paste))
    m.addAction(_action(win, "duplicate", "&Duplicate", c.duplicate_selection, "Ctrl+D"))
    m.addAction(_action(win, "delete", "De&lete", c.delete_selection, [QKeySequence(Qt.Key.Key_Delete),
                                                                       QKeySequence(Qt.Key.Key_Backspace)]))
    m.addAction(_action(win, "select_all", "Select &All", win.select_all, K.SelectAll))
    m.addSeparator()
    m.addAction(_action(win, "group", "&Group selection…", win.group_selection, "Ctrl+G",
                        "Make the selected layers a named block"))
    m.addAction(_action(win, "save_selection", "Save selection as &block…", win.save_selection_as_template,
                        tip="Keep the selected layers as a reusable block (palette: My blocks)"))
    win.blocks_menu = m.addMenu("Insert &block")
    win.blocks_menu.setObjectName("blocks_menu")
    win.blocks_menu.aboutToShow.connect(win.fill_blocks_menu)
    m.addSeparator()
    m.addAction(win.history_dock.toggleViewAction())
    win.history_dock.toggleViewAction().setText("&History")
    for name in CANVAS_ACTIONS:
        act = win.act[name]
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        c.addAction(act)

    m = mb.addMenu("&View")
    m.addAction(_action(win, "zoom_in", "Zoom &in", c.zoom_in, [QKeySequence(K.ZoomIn), QKeySequence("Ctrl+=")]))
    m.addAction(_action(win, "zoom_out", "Zoom &out", c.zoom_out, K.ZoomOut))
    m.addAction(_action(win, "fit", "&Fit to view", c.fit_to_view, "Ctrl+0"))
    m.addAction(_action(win, "auto_layout", "&Auto-layout", win.auto_layout, "Ctrl+L",
                        "Arrange the layers top to bottom (undoable)"))
    m.addSeparator()
    for dock in (win.palette_dock, win.inspector_dock, win.details_dock, win.history_dock):
        m.addAction(dock.toggleViewAction())
    m.addSeparator()
    m.addAction(_action(win, "reset_layout", "&Reset layout", win.reset_layout,
                        tip="Docks where a first start puts them; the window sized from the screen"))

    m = mb.addMenu("&Help")
    win.help_menu = m
    m.addAction(_action(win, "help", "cnn-studio &Help", win.show_help, K.HelpContents))
    if win.act["help"].shortcut().isEmpty():
        win.act["help"].setShortcut(QKeySequence("F1"))
    m.addAction(_action(win, "concepts", "&Concepts", win.show_concepts, None,
                        "One-hot, softmax, cross-entropy, convolution… each linked to where the studio shows it"))
    m.addAction(_action(win, "about", "&About cnn-studio", win.show_about))
