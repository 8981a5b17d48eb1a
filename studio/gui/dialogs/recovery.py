"""The prompt that offers to restore the autosaved project after a crash."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_restore(parent: QWidget | None, recovery) -> bool:
    """True to restore ``recovery`` (an :class:`studio.gui.autosave.Recovery`)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Restore unsaved work?")
    box.setText(recovery.describe())
    box.setInformativeText("Restore it? (Discard deletes the recovered copy.)")
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
