"""F1: a short guide and the keyboard shortcuts; Help → About."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr, tr_core

SHORTCUTS = [
    ("Ctrl+N / Ctrl+O / Ctrl+S", QT_TRANSLATE_NOOP("Help", "New, open, save (Ctrl+Shift+S: save as)")),
    ("Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", QT_TRANSLATE_NOOP("Help", "Undo / redo")),
    ("Ctrl+C / Ctrl+X / Ctrl+V", QT_TRANSLATE_NOOP("Help", "Copy, cut, paste the selected layers (with the edges "
                                                              "between them)")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("Help", "Duplicate the selection")),
    ("Del", QT_TRANSLATE_NOOP("Help", "Delete the selection (a deleted layer in a chain is bridged: the one above "
                                     "feeds the ones below)")),
    ("Ctrl+A", QT_TRANSLATE_NOOP("Help", "Select every layer (or drag a rubber band on empty canvas)")),
    ("Ctrl+G", QT_TRANSLATE_NOOP("Help", "Group the selection into a named block")),
    ("Ctrl++ / Ctrl+− / Ctrl+0", QT_TRANSLATE_NOOP("Help", "Zoom in, zoom out, fit the network in view")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("Help", "Auto-layout (top to bottom)")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Help", "Quit")),
    ("F1", QT_TRANSLATE_NOOP("Help", "This help")),
]

GUIDE = QT_TRANSLATE_NOOP("Help", """
<h3>Building a network</h3>
<ol>
<li>Drag a layer from the <b>palette</b> (left) onto the canvas, or double-click it: with one layer
    selected, the new one goes below it and is wired in after it.</li>
<li>Drag from a layer's output port (bottom) to the next layer's input port (top) to connect them.</li>
<li>Select a layer to edit its parameters in the <b>inspector</b> (right); every shape updates as you type.</li>
<li>Problems appear in red (errors) and amber (warnings) on the canvas and in the <b>Problems</b> tab;
    where a fix is obvious a button applies it (undoable).</li>
<li>The <b>Summary</b> tab lists every layer's output shape, parameters and MACs; the <b>Code</b> tab shows
    the PyTorch code the studio generates.</li>
</ol>
<p><b>Help → Concepts</b> explains one-hot labels, softmax, cross-entropy, output sizes, parameters,
padding, pooling, receptive fields, VGG, ResNet, BatchNorm, Dropout and ReLU, each with a link to the
place that shows it for your network (for example: click a feature-map pixel on the Inference tab).</p>
<p>File → New from template… starts from LeNet-5, AlexNet, VGG or ResNet. Edit → Save selection as
block… keeps layers you reuse; they appear under <b>My blocks</b> in the palette and in Edit → Insert
block. Edit → History lists every edit: click a line to go back to it.</p>
""")


def show_help(parent: QWidget | None = None) -> QDialog:
    dlg = QDialog(parent)
    dlg.setWindowTitle(tr("cnn-studio help"))
    dlg.resize(560, 520)
    view = QTextBrowser(dlg)
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{tr_core('Help', v)}</td></tr>" for k, v in SHORTCUTS)
    keys = tr("Keyboard shortcuts")
    view.setHtml(tr_core("Help", GUIDE) + f"<h3>{keys}</h3><table>{rows}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addWidget(view)
    lay.addWidget(buttons)
    dlg.show()
    return dlg


def show_about(parent: QWidget | None = None) -> None:
    try:
        from importlib.metadata import version

        ver = version("cnn-studio")
    except Exception:  # not installed as a distribution
        ver = "dev"
    QMessageBox.about(parent, tr("About cnn-studio"),
                      f"<b>cnn-studio</b> {ver}<br>"
                      + tr("Build, train and export convolutional image classifiers visually.")
                      + "<br><br>PySide6 · PyTorch · networkx · pyqtgraph")
