"""The records the training engine yields (each has ``.kind``); dataclasses built by keyword only."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from studio.core.errors import StudioError

#: the shortest time between two progress records of an epoch (the last batch always reports)
PROGRESS_INTERVAL_S = 0.1


@dataclass(kw_only=True)
class StartRecord:
    device: str
    device_name: str
    epochs: int
    steps_per_epoch: int
    num_train: int
    num_val: int
    params: int
    amp: bool
    start_epoch: int = 1
    run_dir: str | None = None
    world_size: int = 1
    kind: str = field(default="start", init=False)


@dataclass(kw_only=True)
class ProgressRecord:
    epoch: int
    epochs: int
    step: int
    batch: int
    batches: int
    loss: float
    acc: float
    lr: float
    samples_per_s: float
    elapsed_s: float
    eta_s: float
    kind: str = field(default="progress", init=False)


@dataclass(kw_only=True)
class EpochRecord:
    epoch: int
    epochs: int
    train_loss: float
    train_acc: float
    val_loss: float | None
    val_acc: float | None
    val_top5: float | None
    lr: float
    samples_per_s: float
    elapsed_s: float
    kind: str = field(default="epoch", init=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("kind")
        return d


@dataclass(kw_only=True)
class ResultRecord:
    """How a run ended. ``best_acc`` is the best epoch accuracy on ``best_acc_split``: "val" when
    the data has a validation split, else "train" (then it is a training accuracy). A failed run
    carries its ``error`` (a StudioError naming the field), which front ends word their way;
    ``message`` is the same in plain words."""
    status: str  # "finished" | "stopped" | "failed"
    message: str
    epochs_done: int = 0
    best_acc: float | None = None
    best_acc_split: str | None = None  # "val" | "train" | None (no epoch finished)
    best_checkpoint: str | None = None
    last_checkpoint: str | None = None
    run_dir: str | None = None
    error: StudioError | None = None
    kind: str = field(default="result", init=False)

    @classmethod
    def failed(cls, error: StudioError, **kw) -> "ResultRecord":
        return cls(status="failed", message=str(error), error=error, **kw)
