"""The Training box's Gradient clipping row: labelled from fields.WIDGETS, "off" at 0 (the
default from TrainSettings), its value stored in the settings, errors about it named as the row."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout

from studio.core.errors import StudioError


def test_the_gradient_clipping_row(qtbot):
    from studio.gui.fields import WIDGETS, widget_name, window_message
    from studio.gui.training.hyper_box import HyperBox
    from studio.training.settings import TrainSettings

    box = HyperBox()
    qtbot.addWidget(box)
    form = box.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(box.grad_clip)
    assert label is not None and label.text() == WIDGETS["training.grad_clip"] == "Gradient clipping"
    # rows in order: the clipping row sits between Label smoothing and Seed
    labels = [form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text() for r in range(form.rowCount())
              if form.itemAt(r, QFormLayout.ItemRole.LabelRole) is not None]
    assert labels.index("Gradient clipping") == labels.index("Label smoothing") + 1 == labels.index("Seed") - 1
    assert box.grad_clip.value() == TrainSettings.defaults()["grad_clip"] == 0.0
    assert box.grad_clip.text() == "off" and box.values()["grad_clip"] == 0.0
    with qtbot.waitSignal(box.changed, timeout=2000):
        box.grad_clip.setValue(1.5)
    assert box.values({"future": 1})["grad_clip"] == 1.5 and box.grad_clip.text() == "1.50"
    assert TrainSettings.from_dict(box.values()).grad_clip == 1.5
    box.set_values({"grad_clip": 0.25})
    assert box.values()["grad_clip"] == 0.25
    box.set_values({})  # a project silent on clipping: off again
    assert box.values()["grad_clip"] == 0.0 and box.grad_clip.text() == "off"
    try:
        TrainSettings.from_dict({"grad_clip": -1})
    except StudioError as exc:
        error = exc
    assert error.field == "training.grad_clip" and widget_name(error.field) == "Gradient clipping"
    assert "'grad_clip' is -1.0: use 0 (no clipping)" in window_message(error)
