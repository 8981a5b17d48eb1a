"""The experiment's QThread: ``ExperimentRunner.run()`` off the GUI thread, its events re-emitted
(progress at most every ``interval`` seconds per variant; everything else at once)."""
from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QThread, Signal


class ExperimentThread(QThread):
    event = Signal(object)  # VariantEvent (start, progress, layer_stats, epoch, result of a variant)
    done = Signal(object)  # ExperimentResult (always exactly one)

    def __init__(self, runner, interval: float = 0.1, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.interval = interval
        self.result = None

    def request_stop(self) -> None:
        self.runner.request_stop()

    def run(self) -> None:
        from studio.core.errors import StudioError
        from studio.training.experiment import ExperimentResult

        result, last, pending = None, 0.0, None
        try:
            for ev in self.runner.run():
                if ev.kind == "experiment_result":
                    result = ev
                    continue
                if ev.record.kind == "progress":
                    now = time.monotonic()
                    if now - last < self.interval:
                        pending = ev
                        continue
                    last, pending = now, None
                elif pending is not None:
                    self.event.emit(pending)
                    pending = None
                self.event.emit(ev)
        except StudioError as exc:
            from studio.gui.fields import window_message

            result = ExperimentResult(status="failed", message=window_message(exc), out_dir=str(self.runner.out_dir))
        except Exception as exc:
            traceback.print_exc()
            result = ExperimentResult(status="failed", message=f"{type(exc).__name__}: {exc}",
                                      out_dir=str(self.runner.out_dir))
        if result is None:
            result = ExperimentResult(status="failed", message="the experiment ended without a result",
                                      out_dir=str(self.runner.out_dir))
        self.result = result
        self.done.emit(result)
