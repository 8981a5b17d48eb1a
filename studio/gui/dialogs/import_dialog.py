"""Import PyTorch model…: a MODULE:CALLABLE and an input shape (traced with torch.fx)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from studio.core.errors import StudioError
from studio.core.shape_text import parse_shape
from studio.gui.i18n import tr


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, target: str = "torchvision.models:resnet18",
                 shape: str = "3x224x224"):
        super().__init__(parent)
        self.setWindowTitle(tr("Import PyTorch model"))
        self.target_edit = QLineEdit(target)
        self.target_edit.setPlaceholderText("package.module:function_or_class")
        self.target_edit.setToolTip(tr("A callable that returns an nn.Module, e.g. torchvision.models:resnet18 "
                                       "(it is imported and called without arguments)"))
        self.shape_edit = QLineEdit(shape)
        self.shape_edit.setPlaceholderText(tr("C×H×W, e.g. 3x224x224"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Model"), self.target_edit)
        form.addRow(tr("Input shape"), self.shape_edit)
        note = QLabel(tr("The model is traced with torch.fx into layers the studio knows; weights are not kept."))
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)

    def values(self) -> tuple[str, tuple[int, int, int]]:
        """(target, shape); raises StudioError with a clear message."""
        target = self.target_edit.text().strip()
        if ":" not in target or not all(target.split(":", 1)):
            raise StudioError(tr("'{target}' is not MODULE:CALLABLE: write it like torchvision.models:resnet18").format(
                target=target))
        shape = parse_shape(self.shape_edit.text(), "Input shape")
        return target, shape

    def _accept(self) -> None:
        try:
            self.values()
        except StudioError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()


def ask_import(parent: QWidget | None = None) -> tuple[str, tuple[int, int, int]] | None:
    dlg = ImportDialog(parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.values()
