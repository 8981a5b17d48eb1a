"""File → Save as template…: the whole network (graph, card text from the project notes,
training settings) as one of the user's templates, listed in the gallery and `cnn-studio
templates`. A selection is saved as a block instead (Edit → Save selection as block…)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from studio.core.errors import StudioError
from studio.gui.i18n import tr


def save_as_template(win, name: str | None = None) -> bool:
    doc = win.document
    if doc.analysis.errors:
        win.show_error(tr("Cannot save as template"), tr("the network has errors; fix them first (see the Problems tab)"))
        return False
    if name is None:
        default = doc.project.name or (doc.path.stem if doc.path else "my_network")
        name, ok = QInputDialog.getText(win, tr("Save as template"),
                                        tr("Name of the template (it appears in New from template and in "
                                           "{command}):").format(command="`cnn-studio templates`"),
                                        QLineEdit.EchoMode.Normal, default)
        if not ok or not name.strip():
            return False
    from studio.templates.user import save_user_template

    name = name.strip()
    try:
        path = save_user_template(name, doc.project, doc.project.notes)
    except StudioError as exc:
        if "already exists" not in str(exc):
            win.show_error(tr("Cannot save as template"), str(exc))
            return False
        B = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, tr("Replace template"),
                          tr("A template named '{name}' exists. Replace it?").format(name=name), B.Yes | B.No, win)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's text, never markup
        box.setDefaultButton(B.No)
        if box.exec() != B.Yes:
            return False
        try:
            path = save_user_template(name, doc.project, doc.project.notes, overwrite=True)
        except StudioError as exc2:
            win.show_error(tr("Cannot save as template"), str(exc2))
            return False
    except OSError as exc:
        win.show_error(tr("Cannot save as template"),
                       tr("cannot write the template: {reason}").format(reason=exc.strerror or exc))
        return False
    win.show_status(tr("Saved the network as the template '{name}' ({file}): File → New from template").format(
        name=name, file=path.name))
    return True
