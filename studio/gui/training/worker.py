"""The training thread: runs ``Trainer.run()`` off the GUI thread and re-emits its records.

Progress records are coalesced (a list every ``interval`` seconds) so the GUI thread gets at
most ~20 signals per second however fast the steps are; epoch and result records are sent at
once (after flushing the pending progress). Stop and pause go through the trainer's thread-safe
methods; nothing ever calls ``QThread.terminate()``. Any exception, even an unexpected one,
ends as a failed result record worded by ``studio.training.faults.failure`` (the one place a
failed run becomes a message): the application never dies with the thread.
"""
from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QThread, Signal


THREAD_START_ERROR = ("could not start a background thread (Thread creation error: the system is out of "
                      "threads or memory): close other programs and try again")


def failed_result(error: "BaseException | str", run_dir=None) -> Any:
    """A ResultRecord(status="failed") for an exception (worded by ``faults.failure``) or a message."""
    from studio.core.errors import StudioError
    from studio.training.faults import failure
    from studio.training.records import ResultRecord

    return ResultRecord.failed(failure(error) if isinstance(error, BaseException) else StudioError(error),
                               run_dir=run_dir)


def start_thread(thread: QThread) -> bool:
    """``thread.start()``; False when the thread could not be created (Qt only prints
    "QThread::start: Thread creation error" and the thread never runs nor finishes)."""
    thread.start()
    return thread.isRunning() or thread.isFinished()


class TrainingThread(QThread):
    """``factory()`` builds the Trainer inside the thread (data loading never blocks the GUI)."""

    run_started = Signal(object)  # StartRecord
    progress = Signal(object)  # list[ProgressRecord], coalesced
    epoch_done = Signal(object)  # EpochRecord
    result = Signal(object)  # ResultRecord (always exactly one per run)
    layer_stats = Signal(object)  # LayerStatsRecord (one per sample, every N steps)

    def __init__(self, factory: Callable[[], Any], interval: float = 0.05, num_threads: int | None = None,
                 parent=None):
        super().__init__(parent)
        self._factory = factory
        self._interval = interval
        self._num_threads = num_threads
        self._lock = threading.Lock()
        self._trainer = None
        self._stop = False
        self._pause = False
        self.signals_sent = 0
        self.last_result = None

    # ---- control (GUI thread) --------------------------------------------
    def request_stop(self) -> None:
        with self._lock:
            self._stop = True
            t = self._trainer
        if t is not None:
            t.request_stop()
            t.request_resume()  # a paused engine must wake up to see the stop

    def request_pause(self) -> None:
        with self._lock:
            self._pause = True
            t = self._trainer
        if t is not None:
            t.request_pause()

    def request_resume(self) -> None:
        with self._lock:
            self._pause = False
            t = self._trainer
        if t is not None:
            t.request_resume()

    @property
    def paused(self) -> bool:
        t = self._trainer
        return bool(getattr(t, "paused", False)) if t is not None else self._pause

    # ---- the thread ------------------------------------------------------
    def _emit(self, signal, payload) -> None:
        self.signals_sent += 1
        signal.emit(payload)

    def run(self) -> None:  # Qt override
        result = None
        old_threads = None
        try:
            lower_thread_priority()
            if self._num_threads:
                import torch

                old_threads = torch.get_num_threads()
                torch.set_num_threads(self._num_threads)
            trainer = self._factory()
            with self._lock:
                self._trainer = trainer
                stop, pause = self._stop, self._pause
            if stop:
                trainer.request_stop()
            elif pause:
                trainer.request_pause()
            pending: list = []
            last = time.monotonic()
            for rec in trainer.run():
                kind = getattr(rec, "kind", "")
                if kind == "progress":
                    pending.append(rec)
                    now = time.monotonic()
                    if now - last >= self._interval:
                        self._emit(self.progress, pending)
                        pending, last = [], now
                    continue
                if pending:
                    self._emit(self.progress, pending)
                    pending, last = [], time.monotonic()
                if kind == "start":
                    self._emit(self.run_started, rec)
                elif kind == "epoch":
                    self._emit(self.epoch_done, rec)
                elif kind == "layer_stats":
                    self._emit(self.layer_stats, rec)
                elif kind == "result":
                    result = rec
            if pending:
                self._emit(self.progress, pending)
            if result is None:
                result = failed_result("the training engine ended without a result; the run is incomplete")
        except Exception as exc:  # MemoryError included: report, never crash the app
            from studio.core.errors import StudioError

            if not isinstance(exc, (StudioError, MemoryError)):
                traceback.print_exc()
            result = failed_result(exc)
        finally:
            if old_threads:
                import torch

                torch.set_num_threads(old_threads)
        self.last_result = result
        self._emit(self.result, result)


def lower_thread_priority(step: int = 10) -> None:
    """Let the GUI thread win the CPU over training: raise this thread's nice value (Linux
    keeps one per thread; the compute threads torch starts from here inherit it)."""
    import os
    import threading

    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + step))
    except (AttributeError, OSError):  # not Linux-like, or not allowed: keep the default
        pass


class FunctionThread(QThread):
    """Run ``fn()`` off the GUI thread: ``done(result)`` or ``failed(message)`` (never raises)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], parent=None):
        super().__init__(parent)
        self._fn = fn

    def start_or_fail(self) -> bool:
        """Start; when no thread can be created, ``failed`` says so (instead of a silent hang)."""
        if start_thread(self):
            return True
        self.failed.emit(THREAD_START_ERROR)
        return False

    def run(self) -> None:  # Qt override
        from studio.core.errors import StudioError
        from studio.gui.fields import window_message

        try:
            out = self._fn()
        except StudioError as exc:
            self.failed.emit(window_message(exc))
            return
        except Exception as exc:
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(out)
