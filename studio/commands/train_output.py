"""What `cnn-studio train` prints: a one-line-per-epoch progress bar on stderr and a results table."""
from __future__ import annotations

import shutil


def _fmt_s(s: float) -> str:
    s = max(0.0, s)
    return f"{s:.1f}s" if s < 60 else f"{int(s // 60)}m{int(s % 60):02d}s"


def _pct(v) -> str:
    return "    -" if v is None else f"{v * 100:5.1f}%"


class ProgressPrinter:
    """Redraws the current epoch's line with \\r on a terminal; plain lines (one per epoch) otherwise."""

    def __init__(self, stream, enabled: bool = True):
        self.stream = stream
        self.enabled = enabled
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.open_line = False

    def _write(self, text: str) -> None:
        if self.enabled:
            self.stream.write(text)
            self.stream.flush()

    def _end_line(self) -> None:
        if self.open_line:
            self._write("\n")
            self.open_line = False

    def start(self, rec, name: str, bundle, source: str) -> None:
        amp = ", mixed precision" if rec.amp else ""
        procs = f", {rec.world_size} processes" if rec.world_size > 1 else ""
        self._write(f"training {name} on {source}: {rec.num_train:,} train / {rec.num_val:,} val images, "
                    f"{bundle.num_classes} classes; {rec.params:,} parameters\n"
                    f"device: {rec.device} ({rec.device_name}{amp}{procs}); {rec.epochs} epoch{'s' * (rec.epochs != 1)} of "
                    f"{rec.steps_per_epoch} batches" + (f", resuming at epoch {rec.start_epoch}" if rec.start_epoch > 1
                                                         else "") + "\n")
        for w in getattr(bundle, "warnings", []) or []:
            self._write(f"warning: {w}\n")
        if rec.run_dir:
            self._write(f"run folder: {rec.run_dir}\n")

    def progress(self, rec) -> None:
        if not self.tty:
            return
        width = 20
        done = int(width * rec.batch / max(1, rec.batches))
        bar = "#" * done + "." * (width - done)
        line = (f"epoch {rec.epoch}/{rec.epochs} [{bar}] {rec.batch}/{rec.batches}  loss {rec.loss:.4f}  "
                f"acc {rec.acc * 100:5.1f}%  {rec.samples_per_s:,.0f} img/s  eta {_fmt_s(rec.eta_s)}")
        cols = shutil.get_terminal_size((100, 20)).columns
        self._write("\r" + line[:cols - 1].ljust(cols - 1))
        self.open_line = True

    def epoch(self, rec) -> None:
        line = (f"epoch {rec.epoch}/{rec.epochs}  loss {rec.train_loss:.4f}  acc {_pct(rec.train_acc)}  "
                f"val_loss {'-' if rec.val_loss is None else f'{rec.val_loss:.4f}'}  val_acc {_pct(rec.val_acc)}  "
                f"{rec.samples_per_s:,.0f} img/s  {_fmt_s(rec.elapsed_s)}")
        if self.tty:
            cols = shutil.get_terminal_size((100, 20)).columns
            self._write("\r" + line.ljust(cols - 1) + "\n")
        else:
            self._write(line + "\n")
        self.open_line = False

    def note(self, text: str) -> None:
        self._end_line()
        self._write(text + "\n")

    def done(self) -> None:
        self._end_line()


def epoch_table(history) -> str:
    head = f"{'epoch':>5}  {'train loss':>10}  {'train acc':>9}  {'val loss':>8}  {'val acc':>7}  {'top-5':>6}  " \
           f"{'img/s':>8}  {'time':>7}"
    rows = [head, "-" * len(head)]
    for r in history:
        vl = "-" if r.val_loss is None else f"{r.val_loss:.4f}"
        rows.append(f"{r.epoch:>5}  {r.train_loss:>10.4f}  {_pct(r.train_acc):>9}  {vl:>8}  {_pct(r.val_acc):>7}  "
                    f"{_pct(r.val_top5):>6}  {r.samples_per_s:>8,.0f}  {_fmt_s(r.elapsed_s):>7}")
    return "\n".join(rows)
