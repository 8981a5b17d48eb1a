"""The inspector: the selected node's label, parameters, explain text and issues.

Every valid edit is pushed at once as a ``SetParamCommand`` (consecutive edits of the same
parameter merge into one undo step), so shapes update on every node as you type. A value
the layer refuses is shown inline under its editor and is not pushed.
"""
from __future__ import annotations

import html
from typing import Any

from studio.gui.transfer.locks import frozen_checkbox
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from studio.core.errors import ParamError
from studio.core.spec import fmt_shape
from studio.gui import commands
from studio.gui.fields import fix_label, issue_message
from studio.gui.i18n import tr
from studio.gui import layer_text
from studio.gui.panels.param_editors import ParamEditor

_ERR_STYLE = "color: #c62828;"
_WARN_STYLE = "color: #a66a00;"


class Inspector(QScrollArea):
    status = Signal(str)  # what a Fix did, for the status bar

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setMinimumWidth(260)
        self.node_id: str | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.fix_buttons: list[QPushButton] = []
        self._issues_key: list | None = None
        self._body: QWidget | None = None
        document.analysis_changed.connect(self._on_analysis)
        document.project_replaced.connect(lambda: self.set_nodes([]))
        self.set_nodes([])

    # ---- selection ------------------------------------------------------
    def set_nodes(self, node_ids: list[str]) -> None:
        ids = [n for n in node_ids if self.document.graph.has_node(n)]
        if len(ids) == 1:
            self._show_node(ids[0])
        else:
            self._show_message(tr("Select a layer on the canvas to edit its parameters.")
                               if not ids else tr("{n} layers selected.").format(n=len(ids)))

    def _show_message(self, text: str) -> None:
        self.node_id = None
        self.editors, self.error_labels, self.fix_buttons = {}, {}, []
        body = QWidget()
        lay = QVBoxLayout(body)
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setEnabled(False)
        lay.addWidget(lab)
        lay.addStretch(1)
        self._set_body(body)

    def _set_body(self, body: QWidget) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self._body = body
        self.setWidget(body)

    def _show_node(self, node_id: str) -> None:
        node = self.document.graph.node(node_id)
        spec = node.spec
        self.node_id = node_id
        self.editors, self.error_labels = {}, {}
        self._issues_key = None
        body = QWidget()
        lay = QVBoxLayout(body)
        title = QLabel(f"<b>{html.escape(spec.title)}</b>  "
                       f"<span style='color:gray'>{html.escape(layer_text.category(spec.category))}</span>")
        lay.addWidget(title)
        desc = QLabel(layer_text.describe(spec, node.params))
        desc.setTextFormat(Qt.TextFormat.PlainText)
        desc.setWordWrap(True)
        lay.addWidget(desc)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_edit = QLineEdit(node.label)
        self.label_edit.setPlaceholderText(node.id)
        self.label_edit.setToolTip(tr("A readable name for this layer (the id stays the same)"))
        self.label_edit.editingFinished.connect(self._commit_label)
        form.addRow(tr("Name", "layer name"), self.label_edit)
        for ps in spec.params:
            ed = ParamEditor(ps, self._on_value, self._on_invalid)
            ed.set_value(node.params.get(ps.name))
            err = QLabel()
            err.setTextFormat(Qt.TextFormat.PlainText)
            err.setStyleSheet(_ERR_STYLE)
            err.setWordWrap(True)
            err.hide()
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            bl.setSpacing(1)
            bl.addWidget(ed.widget)
            bl.addWidget(err)
            name_label = QLabel(layer_text.param_label(spec, ps))
            name_label.setToolTip(layer_text.param_tip(ps))
            form.addRow(name_label, box)
            self.editors[ps.name] = ed
            self.error_labels[ps.name] = err
        lay.addLayout(form)
        if (c := self.document.analysis.costs.get(node_id)) is not None and c.params:  # transfer learning
            lay.addWidget(frozen_checkbox(self.document, node_id))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        self.shape_label = QLabel()
        self.shape_label.setWordWrap(True)
        lay.addWidget(self.shape_label)
        self.explain_label = QLabel()
        self.explain_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explain_label.setWordWrap(True)
        self.explain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.explain_label)
        self.field_label = QLabel()  # receptive field, jump and (conv after conv) VGG's argument
        self.field_label.setTextFormat(Qt.TextFormat.PlainText)
        self.field_label.setWordWrap(True)
        self.field_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.field_label)
        self.issues_box = QVBoxLayout()
        lay.addLayout(self.issues_box)
        lay.addStretch(1)
        self._set_body(body)
        self._refresh(self.document.analysis)

    # ---- following the document ----------------------------------------------
    def _on_analysis(self, analysis) -> None:
        if self.node_id is None:
            return
        if not self.document.graph.has_node(self.node_id):
            self.set_nodes([])
            return
        node = self.document.graph.node(self.node_id)
        if self.label_edit.text() != node.label and not self.label_edit.hasFocus():
            self.label_edit.setText(node.label)
        for name, ed in self.editors.items():
            value = node.params.get(name)
            try:
                shown = ed.value()
            except ParamError:
                shown = object()
            typing_bad = bool(self.error_labels[name].text()) and ed.widget.hasFocus()
            if shown != value and not typing_bad:
                ed.set_value(value)
                self._set_error(name, "")
            elif shown == value:
                self._set_error(name, "")
        self._refresh(analysis)

    def _refresh(self, analysis) -> None:
        nid = self.node_id
        node = self.document.graph.node(nid)
        spec = node.spec
        out = analysis.shapes.get(nid)
        ins = analysis.in_shapes.get(nid, [])
        cost = analysis.costs.get(nid)
        parts = [tr("Output <b>{shape}</b>").format(shape=fmt_shape(out) if out is not None else "?")]
        if ins:
            parts.insert(0, tr("Input {shapes}").format(shapes=", ".join(fmt_shape(s) for s in ins)))
        if cost is not None:
            parts.append(tr("{n} params").format(n=f"{cost.params:,}"))
            if cost.macs:
                parts.append(tr("{n} MACs").format(n=f"{cost.macs:,}"))
        _set_text(self.shape_label, " · ".join(parts))
        try:
            text = layer_text.explain(spec, node.params, ins, out) if out is not None else ""
        except Exception:  # explain is informative only
            text = ""
        _set_text(self.explain_label, text)
        if self.explain_label.isVisibleTo(self) != bool(text):
            self.explain_label.setVisible(bool(text))
        field = _field_text(self.document.graph, analysis, nid)
        _set_text(self.field_label, field)
        if self.field_label.isVisibleTo(self) != bool(field):
            self.field_label.setVisible(bool(field))
        issues = analysis.issues_for(nid)
        key = [(i.severity, i.message, i.fix) for i in issues]
        if key == self._issues_key:  # unchanged: keep the rows (no relayout while typing)
            return
        self._issues_key = key
        while self.issues_box.count():
            w = self.issues_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.fix_buttons = []
        for issue in issues:
            row = QWidget()
            rl = QVBoxLayout(row)
            rl.setContentsMargins(0, 4, 0, 4)
            lab = QLabel((tr("<b>Error:</b> {message}") if issue.severity == "error"
                          else tr("<b>Warning:</b> {message}")).format(message=html.escape(issue_message(issue))))
            lab.setWordWrap(True)
            lab.setStyleSheet(_ERR_STYLE if issue.severity == "error" else _WARN_STYLE)
            rl.addWidget(lab)
            if issue.fix is not None:
                btn = QPushButton(fix_label(issue.fix))
                btn.setToolTip(tr("Apply this fix (undoable)"))
                btn.clicked.connect(lambda _=False, f=issue.fix: self._apply_fix(f))
                hl = QHBoxLayout()
                hl.addWidget(btn)
                hl.addStretch(1)
                rl.addLayout(hl)
                self.fix_buttons.append(btn)
            self.issues_box.addWidget(row)

    # ---- edits ------------------------------------------------------------
    def _set_error(self, name: str, text: str) -> None:
        lab = self.error_labels.get(name)
        if lab is None:
            return
        lab.setText(text)
        lab.setVisible(bool(text))
        self.editors[name].widget.setStyleSheet("border: 1px solid #c62828;" if text else "")

    def _on_invalid(self, name: str, message: str) -> None:
        self._set_error(name, message)

    def _on_value(self, name: str, value: Any) -> None:
        nid = self.node_id
        if nid is None or not self.document.graph.has_node(nid):
            return
        node = self.document.graph.node(nid)
        if node.params.get(name) == value:
            self._set_error(name, "")
            return
        cmd, err = commands.SetParamCommand.try_create(self.document, nid, name, value)
        if cmd is None:
            self._set_error(name, err)
            return
        self._set_error(name, "")
        err = commands.push(self.document, cmd)
        if err:
            self._set_error(name, err)

    def _commit_label(self) -> None:
        nid = self.node_id
        if nid is None or not self.document.graph.has_node(nid):
            return
        text = self.label_edit.text().strip()
        if text != self.document.graph.node(nid).label:
            commands.push(self.document, commands.SetLabelCommand(self.document, nid, text))

    def _apply_fix(self, fix) -> None:
        err = commands.push(self.document, commands.ApplyFixCommand(self.document, fix))
        self.status.emit(tr("Fix failed: {error}").format(error=err) if err
                         else tr("Applied: {fix} (Ctrl+Z undoes)").format(fix=fix_label(fix)))


def _field_text(graph, analysis, nid: str) -> str:
    """Receptive field and jump of the node, and VGG's small-kernel argument for a conv after a conv."""
    from studio.core.receptive import describe, vgg_insight

    try:
        text = describe(getattr(analysis, "receptive", {}).get(nid), layer_text.lt)
        vgg = vgg_insight(graph, analysis, nid, layer_text.lt)
    except Exception:  # informative only
        return ""
    text = text[:1].upper() + text[1:]
    return f"{text}\n{vgg}".strip()


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
