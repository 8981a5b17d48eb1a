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
        yield StartRecord("cpu", "CPU", 1, self.steps, 10, 10, 5, False)
        for s in range(1, self.steps + 1):
            if s == self.fail_at:
                raise RuntimeError("boom in the engine")
            yield ProgressRecord(1, 1, s, s, self.steps, 1.0 / s, 0.5, 0.1, 100.0, 0.0, 0.0)
        yield EpochRecord(1, 1, 0.1, 0.9, 0.2, 0.8, None, 0.1, 100.0, 1.0)
        yield ResultRecord("finished", "done", 1, 0.8, None, None, None)


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
