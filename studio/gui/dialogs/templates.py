"""New from template…: a gallery of the built-in and user templates.

Each entry shows the paper (authors, year, title), the idea, params, MACs, the input and a
preview: the architecture diagram (feature maps as boxes, stages, skips), the same drawing as
the Diagram tab and ``cnn-studio diagram``.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from studio.core.errors import StudioError
from studio.core.spec import fmt_shape
from studio.core.text import rich
from studio.core.validate import validate
from studio.diagram import build_diagram
from studio.diagram.raster import to_image
from studio.gui.dialogs.weights_choice import WeightsChoice
from studio.gui.i18n import tr, tr_core
from studio.gui.panels.summary import human_count

INFO_ROLE = Qt.ItemDataRole.UserRole


def preview_pixmap(project, width: int = 200, height: int = 60, texts: bool | None = None) -> QPixmap:
    """The template's architecture diagram (``studio.diagram``, as the Diagram tab and
    ``cnn-studio diagram`` draw it) fitted into ``width``×``height``; texts only where they
    can be read."""
    a = validate(project.graph, project.num_classes)
    d = build_diagram(project.graph, a)
    scale = min(width / d.width, height / d.height)
    img = to_image(d, scale, texts if texts is not None else scale >= 0.55)
    pm = QPixmap(width, height)
    pm.fill(Qt.GlobalColor.white)
    p = QPainter(pm)
    p.drawImage(int((width - img.width()) / 2), int((height - img.height()) / 2), img)
    p.end()
    return pm


def _texts(info) -> dict[str, str]:
    """The template's title, description and idea in the window's language (a user's as written)."""
    from studio.templates.registry import texts

    return texts(info, tr_core)


def _card_html(info) -> str:
    c = info.card or {}
    t = _texts(info)
    paper = ""
    if c.get("title"):  # the paper's own title, as it is cited
        paper = f"<i>{rich(c.get('authors', ''))} ({rich(c.get('year', ''))})</i>, “{rich(c['title'])}”<br>"
    params = f"{c['params']:,}" if c.get("params") is not None else "?"
    macs = human_count(int(c["macs"])) if c.get("macs") is not None else "?"
    idea = f"<p>{rich(t['idea'])}</p>" if c.get("idea") else ""
    kind = "" if info.builtin else " <span style='color:gray'>" + tr("(your template)") + "</span>"
    facts = tr("<b>Input</b> {shape} · <b>{n}</b> classes<br><b>Params</b> {params} · <b>MACs</b> {macs}").format(
        shape=fmt_shape(info.input_shape), n=info.num_classes, params=params, macs=macs)
    return f"<h3>{rich(t['title'])}{kind}</h3>{paper}<p>{rich(t['description'])}</p>{idea}<p>{facts}</p>"


class TemplateGallery(QDialog):
    def __init__(self, parent: QWidget | None = None, infos=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New from template"))
        self.resize(1040, 600)
        from studio import templates

        errors: list[str] = []
        self.infos = list(infos) if infos is not None else templates.list_templates(errors=errors)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(200, 60))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(480)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.big_preview = QLabel()
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete this template of yours"))
        self.delete_button.clicked.connect(self._delete)
        right = QVBoxLayout()
        right.addWidget(self.big_preview)
        right.addWidget(self.detail, 1)
        if errors:
            warn = QLabel(tr("Skipped: {files}").format(files="; ".join(errors)))
            warn.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as typed, never as markup
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #a66a00;")
            right.addWidget(warn)
        right.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top, 1)
        self.weights_row = WeightsChoice(self)  # transfer learning: start from a weights file
        lay.addWidget(self.weights_row)
        lay.addWidget(buttons)
        self._previews: dict[str, QPixmap] = {}
        self._big: dict[str, QPixmap] = {}
        for info in self.infos:
            self._add_item(info)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda _it: self.accept())
        if self.list.count():
            self.list.setCurrentRow(0)

    def _preview(self, info, big: bool = False) -> QPixmap:
        cache, size = (self._big, (480, 200)) if big else (self._previews, (200, 60))
        if info.name not in cache:
            from studio import templates

            try:
                cache[info.name] = preview_pixmap(templates.build_project(info.name), *size)
            except StudioError:
                cache[info.name] = QPixmap(*size)
                cache[info.name].fill(Qt.GlobalColor.transparent)
        return cache[info.name]

    def _add_item(self, info) -> None:
        c = info.card or {}
        t = _texts(info)
        paper = f"{c.get('authors', '')} {c.get('year', '')}".strip() or (tr("your template") if not info.builtin else "")
        params = tr("{n} params", "gallery line").format(n=human_count(int(c["params"]))) if c.get("params") is not None else ""
        macs = tr("{n} MACs", "gallery line").format(n=human_count(int(c["macs"]))) if c.get("macs") is not None else ""
        line2 = " · ".join(x for x in (paper, params, macs, fmt_shape(info.input_shape)) if x)
        it = QListWidgetItem(QIcon(self._preview(info)), f"{t['title']}\n{line2}")
        it.setData(INFO_ROLE, info.name)
        it.setToolTip(t["description"])
        self.list.addItem(it)

    def _info(self, name: str):
        return next((i for i in self.infos if i.name == name), None)

    def _on_current(self, item, _prev=None) -> None:
        info = self._info(item.data(INFO_ROLE)) if item is not None else None
        if info is None:
            self.detail.setText("")
            self.big_preview.clear()
            self.delete_button.setEnabled(False)
            return
        self.detail.setText(_card_html(info))
        self.big_preview.setPixmap(self._preview(info, big=True))
        self.delete_button.setEnabled(not info.builtin)

    def selected(self):
        it = self.list.currentItem()
        return self._info(it.data(INFO_ROLE)) if it is not None else None

    def select(self, name: str) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(INFO_ROLE) == name:
                self.list.setCurrentRow(i)
                return True
        return False

    def _delete(self) -> None:
        info = self.selected()
        if info is None or info.builtin:
            return
        ans = QMessageBox.question(self, tr("Delete template"),
                                   tr("Delete your template '{name}'?").format(name=info.name),
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if ans != QMessageBox.StandardButton.Yes:
            return
        from studio.templates.user import delete_user_template

        try:
            delete_user_template(info.name)
        except StudioError as exc:
            QMessageBox.warning(self, tr("Delete template"), str(exc))
            return
        self.infos = [i for i in self.infos if i.name != info.name]
        self.list.takeItem(self.list.currentRow())


_chosen_weights: list[str] = []  # the weights file picked in the last accepted gallery


def take_chosen_weights() -> str | None:
    """The weights file chosen with the last template (once; None when none was chosen)."""
    return _chosen_weights.pop() if _chosen_weights else None


def choose_template(parent: QWidget | None = None) -> str | None:
    """Show the gallery; the chosen template's name, or None (its weights file: take_chosen_weights)."""
    _chosen_weights.clear()
    dlg = TemplateGallery(parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    info = dlg.selected()
    if info is not None and dlg.weights_row.path:
        _chosen_weights.append(dlg.weights_row.path)
    return info.name if info is not None else None
