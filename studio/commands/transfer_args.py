"""The transfer-learning options of `train`, `new` and `import` (see docs/transfer.md):
``--weights FILE``, ``--freeze NAMES``, ``--unfreeze-after K``, ``--lr-mult NAME=F,...``.

The training code names the *field* a problem is about; this module renders it as the flag."""
from __future__ import annotations

import sys

from studio.core.errors import StudioError
from studio.core.number_text import int_arg
from studio.core.text import printable

FLAGS = {"weights": "--weights", "freeze": "--freeze", "lr_mult": "--lr-mult", "unfreeze_after": "--unfreeze-after"}


def add_weights_argument(p) -> None:
    p.add_argument("--weights", metavar="FILE", help="start from the weights in FILE (a torchvision .pth "
                   "state_dict or a cnn-studio checkpoint), matched by key and shape; the rest is "
                   "re-initialised and the report says which and why")


def add_transfer_arguments(p) -> None:
    add_weights_argument(p)
    p.add_argument("--freeze", metavar="NAMES", help="comma-separated layer names or prefixes whose weights stay "
                   "fixed (layer1 freezes every layer in it; frozen BatchNorm keeps its running statistics)")
    p.add_argument("--unfreeze-after", type=int_arg("--unfreeze-after", example="2"), metavar="K", help="fine-tune schedule: train only the unfrozen "
                   "layers (the head) for K epochs, then every layer (default 0: never)")
    p.add_argument("--lr-mult", metavar="NAME=F,...", help="per-stage learning-rate multipliers "
                   "(discriminative rates), e.g. layer1=0.1,layer4=0.5")


def transfer_settings(args) -> dict:
    """TrainSettings fields given on the command line (None: keep the project's)."""
    return {"weights": getattr(args, "weights", None), "freeze": getattr(args, "freeze", None),
            "unfreeze_after": getattr(args, "unfreeze_after", None), "lr_mult": getattr(args, "lr_mult", None)}


def _as_flag(exc: StudioError) -> StudioError:
    field = getattr(exc, "field", None)
    flag = FLAGS.get(field or "")
    msg = str(exc)
    if flag:
        msg = f"{flag}: {msg}"
    return StudioError(msg)


def check_transfer(args, project, settings):
    """Read the weights file and try it, the freeze names and the multipliers on the network
    before any training: a problem is one line (exit 2). Returns the tensors read (or None)."""
    if not (settings.weights or settings.freeze or settings.lr_mult) or getattr(args, "resume", None):
        return None
    from studio.training import transfer
    from studio.training.checkpoint import build_model

    try:
        tensors = transfer.read_weights_file(settings.weights) if settings.weights else None
        model = build_model(project)
        if tensors is not None:
            transfer.apply_weights(model, tensors, settings.weights)
        transfer.freeze(model, transfer.parse_names(settings.freeze))
        transfer.param_groups(model, settings.lr, transfer.parse_lr_mult(settings.lr_mult))
    except transfer.WeightsError as exc:
        raise _as_flag(exc) from None
    return tensors


def print_transfer(trainer, main: bool = True) -> None:
    """The weights report and the trainable/frozen split, on stderr like the progress."""
    if not main:
        return
    from studio.training.transfer import count_params

    rep = trainer.weights_report
    if rep is not None:
        for line in rep.lines():
            print(printable(line), file=sys.stderr)
    trainable, frozen = count_params(trainer.model)
    if frozen:
        print(f"frozen: {trainer.settings.freeze} ({frozen:,} parameters frozen, {trainable:,} trainable)",
              file=sys.stderr)


def attach_weights(project, path: str | None) -> list[str]:
    """`new`/`import` --weights: try the file on the project's network (one line and exit 2 when
    it does not fit) and store its absolute path in the project's training settings, so that the
    next training starts from it. Returns the report's lines."""
    if not path:
        return []
    import os

    from studio.training import transfer
    from studio.training.checkpoint import build_model
    from studio.training.settings import TrainSettings

    try:
        report = transfer.apply_weights(build_model(project), transfer.read_weights_file(path), path)
    except transfer.WeightsError as exc:
        raise _as_flag(exc) from None
    settings = TrainSettings.from_dict(project.training).replace(weights=os.path.abspath(path))
    project.training = settings.to_dict()
    return report.lines() + ["  (the weights are applied when the project is trained)"]
