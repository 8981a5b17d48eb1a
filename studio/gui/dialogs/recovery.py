"""The prompt that offers to restore the autosaved project after a crash."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from studio.gui.i18n import tr


def ask_restore(parent: QWidget | None, recovery) -> bool:
    """True to restore ``recovery`` (an :class:`studio.gui.autosave.Recovery`)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Restore unsaved work?"))
    box.setText(describe(recovery))
    box.setInformativeText(tr("Restore it? (Discard deletes the recovered copy.)"))
    restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def describe(rec) -> str:
    """What was recovered, in the window's language (:meth:`Recovery.describe` is the English)."""
    import time

    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.saved_at)) if rec.saved_at else tr("earlier")
    if rec.original:
        return tr("cnn-studio did not close normally. Unsaved changes to '{file}' were recovered from {when}.").format(
            file=rec.original.name, when=when)
    return tr("cnn-studio did not close normally. Unsaved changes to an unsaved project ('{name}') were "
              "recovered from {when}.").format(name=rec.name or tr("Untitled"), when=when)
