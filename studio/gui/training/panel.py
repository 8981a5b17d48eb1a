"""The Training tab: dataset and hyperparameters on the left; controls, progress and plots."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QBoxLayout, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from studio.gui.i18n import tr

from .data_box import DatasetBox
from .hyper_box import HyperBox
from .plots import TrainingPlots


def fmt_time(seconds) -> str:
    if seconds is None or seconds != seconds or seconds < 0:
        return "–"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _norm(kind: str, d: dict) -> dict:
    """Settings with the defaults filled in, so that {} and the explicit defaults compare equal
    (nothing is parsed: the run parses the settings once, at Train)."""
    if kind == "train":
        from studio.training.settings import TrainSettings

        return {**TrainSettings.defaults(), **(d or {})}
    from studio.training.datasets.settings import DataSettings

    return {**DataSettings().to_dict(), **(d or {})}


def fmt_num(v) -> str:
    """A loss for people: 4 decimals normally, scientific when it explodes."""
    if v is None:
        return "–"
    v = float(v)
    return f"{v:.4f}" if abs(v) < 1000 else f"{v:.3g}"


class TrainingPanel(QWidget):
    """Widgets only; the controller drives the run. Settings are written to the project."""

    settings_problem = Signal(str)  # the project's settings had wrong values (shown as defaults)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.data_box = DatasetBox(document)
        self.hyper_box = HyperBox()
        side = QWidget()
        # side by side, training first: epochs and learning rate show without scrolling even
        # in a low bottom dock (the legibility audit of issue 11)
        side_lay = QHBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 4, 0)
        side_lay.addWidget(self.hyper_box, 1, Qt.AlignmentFlag.AlignTop)
        side_lay.addWidget(self.data_box, 1, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.side_layout, self.side_scroll = side_lay, scroll
        self._arrange_side(wide=True)

        self.start_button = QPushButton(tr("▶ Train"))
        self.start_button.setToolTip(tr("Train a snapshot of the current graph (edits made meanwhile do not affect it)"))
        self.pause_button = QPushButton(tr("Pause"))
        self.stop_button = QPushButton(tr("■ Stop"))
        self.stop_button.setToolTip(tr("Stop after the current step; the last checkpoint is kept"))
        self.pause_button.setEnabled(False)
        self.stop_button.setEnabled(False)
        self.status = QLabel(tr("Ready: press Train to train the current graph."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.epoch_bar = QProgressBar()
        self.epoch_bar.setFormat(tr("epoch %p%"))
        self.run_bar = QProgressBar()
        self.run_bar.setFormat(tr("run %p%"))
        self.stats = QLabel("")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        self.message.hide()
        self.plots = TrainingPlots()
        self.save_png_button = QPushButton(tr("Save PNG…"))
        self.save_png_button.clicked.connect(self._save_png)
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.csv_button.clicked.connect(self._export_csv)
        self.epoch_label = QLabel("")

        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_png_button)
        buttons.addWidget(self.csv_button)
        bars = QHBoxLayout()
        bars.addWidget(self.epoch_bar, 1)
        bars.addWidget(self.run_bar, 1)
        bars.addWidget(self.stats, 2)
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addLayout(bars)
        right.addWidget(self.epoch_label)
        right.addWidget(self.message)
        right.addWidget(self.plots, 1)
        lay = QHBoxLayout(self)
        lay.addWidget(scroll)
        lay.addLayout(right, 1)

        self.data_box.changed.connect(self.store_settings)
        self.hyper_box.changed.connect(self.store_settings)
        document.project_replaced.connect(self.load_settings)
        self.load_settings()

    # ---- layout ----------------------------------------------------------
    #: narrower than this, the two boxes stack (scrolling) so the plots keep their room
    SIDE_BY_SIDE_FROM = 1500

    def _arrange_side(self, wide: bool) -> None:
        """Training and Dataset side by side in a wide tab, stacked in a narrow one; the scroll
        area as wide as they need (nothing cut on the right), the plots take the rest."""
        d = QBoxLayout.Direction
        self.side_layout.setDirection(d.LeftToRight if wide else d.TopToBottom)
        side = self.side_scroll.widget()
        side.adjustSize()
        bar = self.side_scroll.verticalScrollBar().sizeHint().width()
        need = side.sizeHint().width() + bar + 2 * self.side_scroll.frameWidth()
        self.side_scroll.setMinimumWidth(min(800, need))
        self.side_scroll.setMaximumWidth(max(800, need))

    def resizeEvent(self, event) -> None:  # Qt override
        wide = event.size().width() >= self.SIDE_BY_SIDE_FROM
        if wide != (self.side_layout.direction() == QBoxLayout.Direction.LeftToRight):
            self._arrange_side(wide)
        super().resizeEvent(event)

    # ---- settings --------------------------------------------------------
    def load_settings(self) -> None:
        """Show the project's settings: checked records, defaults in place of wrong values (named)."""
        from studio.training.typed_settings import read_project_settings

        dataset, training, problems = read_project_settings(self.document.project)
        self.data_box.set_values(dataset)
        self.hyper_box.set_values(training)
        self.data_box.bundle = None
        if problems:
            text = tr("The project's settings have problems; the defaults are shown in their place: "
                      "{problems}").format(problems="; ".join(problems))
            self.show_error(text)
            self.settings_problem.emit(text)
        else:
            self.clear_error()

    def store_settings(self) -> None:
        p = self.document.project
        dataset = self.data_box.values(p.dataset)
        training = self.hyper_box.values(p.training)
        if _norm("data", dataset) != _norm("data", p.dataset) or \
                _norm("train", training) != _norm("train", p.training):
            p.dataset, p.training = dataset, training
            self.document.mark_settings_changed()

    def set_editing_enabled(self, on: bool) -> None:
        self.data_box.setEnabled(on)
        self.hyper_box.setEnabled(on)

    # ---- messages --------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear_error(self) -> None:
        self.message.clear()
        self.message.hide()

    # ---- live updates ----------------------------------------------------
    def show_progress(self, r) -> None:
        self.epoch_bar.setMaximum(max(1, r.batches))
        self.epoch_bar.setValue(r.batch)
        self.epoch_bar.setFormat(tr("epoch {epoch}/{epochs}: %p%").format(epoch=r.epoch, epochs=r.epochs))
        total = max(1, r.batches * r.epochs)
        self.run_bar.setMaximum(total)
        self.run_bar.setValue(min(total, (r.epoch - 1) * r.batches + r.batch))
        self.stats.setText(tr("loss {loss} · {rate} samples/s · elapsed {elapsed} · ETA {eta}").format(
            loss=fmt_num(r.loss), rate=f"{r.samples_per_s:,.0f}", elapsed=fmt_time(r.elapsed_s),
            eta=fmt_time(r.eta_s)))

    def show_epoch(self, r) -> None:
        values = dict(epoch=r.epoch, epochs=r.epochs, loss=fmt_num(r.train_loss), acc=f"{100 * r.train_acc:.1f}")
        if r.val_acc is None:
            text = tr("Epoch {epoch}/{epochs}: train loss {loss}, train acc {acc}%").format(**values)
        else:
            text = tr("Epoch {epoch}/{epochs}: train loss {loss}, train acc {acc}%, val loss {val_loss}, "
                      "val acc {val_acc}%").format(**values, val_loss=fmt_num(r.val_loss),
                                                   val_acc=f"{100 * r.val_acc:.1f}")
        self.epoch_label.setText(text)

    # ---- export ----------------------------------------------------------
    def _save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save plots"), "training.png", tr("PNG image (*.png)"))
        if path:
            try:
                self.plots.save_png(path)
            except OSError as exc:
                self.show_error(tr("Cannot save the plots: {error}").format(error=exc))

    def _export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export metrics"), "metrics.csv", "CSV (*.csv)")
        if path:
            try:
                self.plots.export_csv(path)
            except OSError as exc:
                self.show_error(tr("Cannot write {path}: {error}").format(path=path, error=exc.strerror or exc))
