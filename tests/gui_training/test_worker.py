"""The training thread on its own: coalesced progress, exceptions become failed results."""
from __future__ import annotations

from studio.gui.training.worker import TrainingThread
from studio.training.records import EpochRecord, ProgressRecord, ResultRecord, StartRecord


class BurstTrainer:
    """Yields contract-shaped records as fast as it can (a stand-in for a very fast engine)."""

    def __init__(self, steps: int = 3000, fail_at: int | None = None):
        self.steps, self.fail_at = steps, fail_at
        self.stop = False

    def request_stop(self):
        self.stop = True

    def request_pause(self):
        pass

    def request_resume(self):
        pass

    def run(self):
        yield StartRecord(device="cpu", device_name="CPU", epochs=1, steps_per_epoch=self.steps, num_train=10,
                          num_val=10, params=5, amp=False)
        for s in range(1, self.steps + 1):
            if s == self.fail_at:
                raise RuntimeError("boom in the engine")
            yield ProgressRecord(epoch=1, epochs=1, step=s, batch=s, batches=self.steps, loss=1.0 / s, acc=0.5, lr=0.1,
                                 samples_per_s=100.0, elapsed_s=0.0, eta_s=0.0)
        yield EpochRecord(epoch=1, epochs=1, train_loss=0.1, train_acc=0.9, val_loss=0.2, val_acc=0.8, val_top5=None,
                          lr=0.1, samples_per_s=100.0, elapsed_s=1.0)
        yield ResultRecord(status="finished", message="done", epochs_done=1, best_acc=0.8, best_checkpoint=None,
                           last_checkpoint=None, run_dir=None)


def test_progress_is_coalesced_and_nothing_is_lost(qtbot):
    got, results = [], []
    t = TrainingThread(lambda: BurstTrainer(3000))
    t.progress.connect(got.extend)
    t.result.connect(results.append)
    with qtbot.waitSignal(t.finished, timeout=30_000):
        t.start()
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    assert [r.step for r in got] == list(range(1, 3001))
    assert results[0].status == "finished"
    assert t.signals_sent < 100  # 3,000 records, a handful of signals


def test_an_exception_in_the_engine_or_its_setup_is_a_failed_result(qtbot):
    for factory, text in ((lambda: BurstTrainer(50, fail_at=20), "boom in the engine"),
                          (lambda: 1 / 0, "division by zero")):
        results = []
        t = TrainingThread(factory)
        t.result.connect(results.append)
        with qtbot.waitSignal(t.finished, timeout=30_000):
            t.start()
        qtbot.waitUntil(lambda: bool(results), timeout=5_000)  # noqa: B023 - waited on in this iteration
        assert results[0].status == "failed" and text in results[0].message
