"""Menus, actions and shortcuts of the main window (File, Edit, View, Help)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from studio.core.i18n import LANGUAGES
from studio.gui import i18n, settings
from studio.gui.i18n import tr

#: said in both languages: the user who picked the other language may not read this one
LANGUAGE_NOTE = ("The language changes at the next start of cnn-studio.\n"
                 "界面语言将在下次启动 cnn-studio 时更改。")

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
    m.addAction(_action(win, "new", tr("&New"), win.new_project, K.New, tr("Start an empty network")))
    m.addAction(_action(win, "new_template", tr("New from &template…"), win.new_from_template, "Ctrl+Shift+N",
                        tr("Start from a classic architecture (LeNet-5, AlexNet, VGG, ResNet) or one of yours")))
    m.addAction(_action(win, "open", tr("&Open…"), win.open_file, K.Open, tr("Open a project file")))
    m.addAction(_action(win, "open_run", tr("Open r&un…"), win.open_run,
                        tip=tr("A run folder (or checkpoint): its project, curves, gradient flow, Inference and Evaluate")))
    win.recent_menu = m.addMenu(tr("Open &Recent"))
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    m.addSeparator()
    m.addAction(_action(win, "save", tr("&Save"), win.save, K.Save, tr("Save the project")))
    m.addAction(_action(win, "save_as", tr("Save &As…"), win.save_as, "Ctrl+Shift+S", tr("Save under a new name")))
    m.addSeparator()
    m.addAction(_action(win, "import", tr("&Import PyTorch model…"), win.import_model,
                        tip=tr("Turn an nn.Module (e.g. torchvision.models:resnet18) into an editable graph")))
    ex = m.addMenu(tr("&Export"))
    ex.addAction(_action(win, "export_pytorch", tr("PyTorch &code (model.py)…"), lambda: win.export_model("pytorch")))
    ex.addAction(_action(win, "export_onnx", tr("&ONNX…"), lambda: win.export_model("onnx")))
    ex.addAction(_action(win, "export_torchscript", tr("&TorchScript…"), lambda: win.export_model("torchscript")))
    m.addSeparator()
    quit_act = _action(win, "quit", tr("&Quit"), win.close, "Ctrl+Q")
    quit_act.setMenuRole(QAction.MenuRole.QuitRole)
    m.addAction(quit_act)

    m = mb.addMenu(tr("&Edit"))
    stack = win.document.undo_stack
    undo = stack.createUndoAction(win, tr("&Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(win, tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    win.act["undo"], win.act["redo"] = undo, redo
    m.addAction(undo)
    m.addAction(redo)
    m.addSeparator()
    m.addAction(_action(win, "cut", tr("Cu&t"), c.cut_selection, K.Cut))
    m.addAction(_action(win, "copy", tr("&Copy"), c.copy_selection, K.Copy))
    m.addAction(_action(win, "paste", tr("&Paste"), c.paste, K.Paste))
    m.addAction(_action(win, "duplicate", tr("&Duplicate"), c.duplicate_selection, "Ctrl+D"))
    m.addAction(_action(win, "delete", tr("De&lete"), c.delete_selection, [QKeySequence(Qt.Key.Key_Delete),
                                                                       QKeySequence(Qt.Key.Key_Backspace)]))
    m.addAction(_action(win, "select_all", tr("Select &All"), win.select_all, K.SelectAll))
    m.addSeparator()
    m.addAction(_action(win, "group", tr("&Group selection…"), win.group_selection, "Ctrl+G",
                        tr("Make the selected layers a named block")))
    m.addAction(_action(win, "save_selection", tr("Save selection as &block…"), win.save_selection_as_template,
                        tip=tr("Keep the selected layers as a reusable block (palette: My blocks)")))
    win.blocks_menu = m.addMenu(tr("Insert &block"))
    win.blocks_menu.setObjectName("blocks_menu")
    win.blocks_menu.aboutToShow.connect(win.fill_blocks_menu)
    m.addSeparator()
    m.addAction(win.history_dock.toggleViewAction())
    win.history_dock.toggleViewAction().setText(tr("&History"))
    for name in CANVAS_ACTIONS:
        act = win.act[name]
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        c.addAction(act)

    m = mb.addMenu(tr("&View"))
    m.addAction(_action(win, "zoom_in", tr("Zoom &in"), c.zoom_in, [QKeySequence(K.ZoomIn), QKeySequence("Ctrl+=")]))
    m.addAction(_action(win, "zoom_out", tr("Zoom &out"), c.zoom_out, K.ZoomOut))
    m.addAction(_action(win, "fit", tr("&Fit to view"), c.fit_to_view, "Ctrl+0"))
    m.addAction(_action(win, "auto_layout", tr("&Auto-layout"), win.auto_layout, "Ctrl+L",
                        tr("Arrange the layers top to bottom (undoable)")))
    m.addSeparator()
    for dock in (win.palette_dock, win.inspector_dock, win.details_dock, win.history_dock):
        m.addAction(dock.toggleViewAction())
    m.addSeparator()
    m.addAction(_action(win, "reset_layout", tr("&Reset layout"), win.reset_layout,
                        tip=tr("Docks where a first start puts them; the window sized from the screen")))
    language_menu(win, m.addMenu(tr("&Language")))

    m = mb.addMenu(tr("&Help"))
    win.help_menu = m
    m.addAction(_action(win, "help", tr("cnn-studio &Help"), win.show_help, K.HelpContents))
    if win.act["help"].shortcut().isEmpty():
        win.act["help"].setShortcut(QKeySequence("F1"))
    m.addAction(_action(win, "concepts", tr("&Concepts"), win.show_concepts, None,
                        tr("One-hot, softmax, cross-entropy, convolution… each linked to where the studio shows it")))
    m.addAction(_action(win, "about", tr("&About cnn-studio"), win.show_about))


def language_menu(win, menu) -> None:
    """View → Language: English and 中文, the language in use ticked; a choice is remembered
    (settings key ``language``) and applied at the next start."""
    menu.setObjectName("language_menu")
    group = QActionGroup(win)
    group.setExclusive(True)
    win.language_actions = {}
    for code, name in LANGUAGES.items():  # the names stay in their own language
        act = QAction(name, win)
        act.setObjectName(f"action_language_{code}")
        act.setCheckable(True)
        act.setChecked(code == i18n.language())
        act.triggered.connect(lambda _c=False, c=code: choose_language(win, c))
        group.addAction(act)
        menu.addAction(act)
        win.language_actions[code] = act


def choose_language(win, code: str) -> QMessageBox:
    """Remember ``code`` as the window's language and say, in both languages, that it applies at
    the next start; returns the (non-blocking) message box."""
    s = settings.settings()
    s.setValue("language", code)
    s.sync()
    box = QMessageBox(QMessageBox.Icon.Information, "Language / 语言", LANGUAGE_NOTE,
                      QMessageBox.StandardButton.Ok, win)
    box.setObjectName("language_note")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    win.language_note = box
    box.open()
    return box
