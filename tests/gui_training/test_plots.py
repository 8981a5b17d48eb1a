"""Long runs stay cheap to draw: 200,000 progress records through the plots' public update path
(add_progress / add_epoch / refresh, as the controller feeds them); CSV export; Save PNG."""
from __future__ import annotations

import csv

import numpy as np

from studio.gui.training.plots import TrainingPlots
from studio.training.records import EpochRecord, ProgressRecord

STEPS, BATCHES = 200_000, 500
EPOCHS = STEPS // BATCHES


def _drawn(item) -> int:
    """Points the curve item actually draws (after clip-to-view and downsampling)."""
    x, _y = item.curve.getData()
    return 0 if x is None else len(x)


def test_200k_steps_draw_a_bounded_number_of_points(qtbot, tmp_path):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(1200, 320)
    plots.show()
    qtbot.waitExposed(plots)
    plots.reset(BATCHES, EPOCHS)
    chunk = BATCHES  # the worker hands over lists of records (here: one per epoch)
    for start in range(0, STEPS, chunk):
        recs = []
        for s in range(start, start + chunk):
            e, b = s // BATCHES + 1, s % BATCHES + 1
            recs.append(ProgressRecord(epoch=e, epochs=EPOCHS, step=s + 1, batch=b, batches=BATCHES,
                                       loss=2.0 / (1 + s / 5000), acc=min(1.0, s / STEPS), lr=0.1 * (1 - s / STEPS),
                                       samples_per_s=1000.0, elapsed_s=s / 100, eta_s=(STEPS - s) / 100))
        plots.add_progress(recs)
        if b == BATCHES:
            plots.add_epoch(EpochRecord(epoch=e, epochs=EPOCHS, train_loss=1.0 / e, train_acc=0.5, val_loss=1.1 / e,
                                        val_acc=0.6, val_top5=None, lr=0.1, samples_per_s=1000.0,
                                        elapsed_s=s / 100))
        if start % 20_000 == 0:
            plots.refresh()  # what the 10 Hz timer does
    plots.refresh()
    qtbot.wait(50)
    plots.grab()  # paint once: the downsampled data is what gets drawn
    assert plots.step_count == STEPS and plots.epoch_count == EPOCHS
    # every record is kept (for CSV) in one float64 block that grew by doubling: bounded memory
    data = plots.steps.data
    assert data.dtype == np.float64 and len(data) < 2 * STEPS
    assert data.nbytes <= 2 * STEPS * len(plots.STEP_COLS) * 8
    assert np.isfinite(plots.steps.view(3)).all()  # the smoothed loss never breaks
    # ... but the curves draw a few thousand points, not 200,000
    width = plots.loss_plot.width()
    for item in (plots.loss_raw, plots.loss_smooth, plots.lr_curve):
        assert item.xData is not None and len(item.xData) == STEPS
        n = _drawn(item)
        assert 0 < n <= 10 * width and n < STEPS / 20, (n, width)
    assert _drawn(plots.val_acc) == EPOCHS

    # CSV: a header row, then one row per epoch (steps in the -steps.csv beside it)
    epochs_csv, steps_csv = plots.export_csv(tmp_path / "metrics.csv")
    rows = list(csv.reader(epochs_csv.open()))
    assert rows[0] == list(plots.EPOCH_COLS)
    assert [r[0] for r in rows[1:]] == [str(e) for e in range(1, EPOCHS + 1)]
    assert float(rows[2][rows[0].index("val_acc")]) == 0.6 and rows[1][rows[0].index("val_top5")] == ""
    with steps_csv.open() as f:
        head = next(csv.reader(f))
        assert head == list(plots.STEP_COLS) and sum(1 for _ in f) == STEPS
    png = plots.save_png(tmp_path / "plots.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_reset_reuses_the_buffers(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset(10, 2)
    plots.add_progress([ProgressRecord(epoch=1, epochs=2, step=s, batch=s, batches=10, loss=1.0, acc=0.5, lr=0.1,
                                       samples_per_s=10.0, elapsed_s=0.0, eta_s=0.0) for s in range(1, 11)])
    block = plots.steps.data
    plots.reset(10, 2)
    assert plots.step_count == 0 and plots.steps.data is block
    plots.refresh()
    assert _drawn(plots.loss_raw) == 0
