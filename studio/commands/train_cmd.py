"""`cnn-studio train`: train a project or template headless; works under torchrun (DDP) too."""
from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from studio.core.errors import StudioError

from .common import add_model_argument, load_model_arg
from .train_output import ProgressPrinter, epoch_table

NATURAL_CHANNELS = {"digits": 1, "mnist": 1, "fashion-mnist": 1, "shapes": 3, "cifar10": 3}


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="train a project or template on a data set",
                       description="Train headless. Writes RUN_DIR with metrics.jsonl, best.pt, last.pt and "
                                   "project.cnnproj. Ctrl-C stops cleanly (exit 130) keeping last.pt. "
                                   "Under `torchrun --nproc_per_node=N -m studio train ...` it trains with DDP.")
    add_model_argument(p)
    p.add_argument("--data", metavar="SOURCE", help="digits, shapes, mnist:DIR, fashion-mnist:DIR, cifar10:DIR or "
                   "folder:DIR (default: the project's data settings, else digits)")
    p.add_argument("--epochs", type=int, metavar="N")
    p.add_argument("--batch-size", type=int, metavar="N", help="global batch size (split over DDP processes)")
    p.add_argument("--lr", type=float, metavar="LR", help="learning rate (the peak rate with onecycle)")
    p.add_argument("--optimizer", choices=("sgd", "adam", "adamw"))
    p.add_argument("--momentum", type=float, metavar="M")
    p.add_argument("--nesterov", action="store_true", default=None, help="Nesterov momentum (SGD)")
    p.add_argument("--weight-decay", type=float, metavar="WD")
    p.add_argument("--scheduler", choices=("none", "step", "cosine", "onecycle"))
    p.add_argument("--label-smoothing", type=float, metavar="S")
    p.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"))
    p.add_argument("--amp", action=_BoolAction, help="mixed precision on CUDA (--no-amp to turn it off)")
    p.add_argument("--channels-last", action=_BoolAction, help="channels_last memory format (CUDA)")
    p.add_argument("--workers", type=int, metavar="N", help="DataLoader workers for data not held in memory")
    p.add_argument("--seed", type=int, metavar="N")
    p.add_argument("--out", metavar="RUN_DIR", help="run folder (default: runs/<project>-<time> here)")
    p.add_argument("--resume", metavar="CKPT", help="continue from a checkpoint (last.pt) with its optimiser state")
    p.set_defaults(run=run)


class _BoolAction(argparse.BooleanOptionalAction):
    def __init__(self, option_strings, dest, **kw):
        kw.setdefault("default", None)
        super().__init__(option_strings, dest, **kw)


def _settings(project, args):
    from studio.training.settings import TrainSettings

    base = TrainSettings.from_dict(project.training)
    return base.replace(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr, optimizer=args.optimizer,
                        momentum=args.momentum, nesterov=args.nesterov, weight_decay=args.weight_decay,
                        scheduler=args.scheduler, label_smoothing=args.label_smoothing, device=args.device,
                        amp=args.amp, channels_last=args.channels_last, num_workers=args.workers, seed=args.seed)


def prepare(args):
    """(project, data bundle, data settings) with a template's input and classes fitted to the data."""
    from studio.core.project import parse_project
    from studio.training.data import DataSettings, load_data, parse_data_arg

    if args.resume:
        from studio.training.checkpoint import load_checkpoint
        project = parse_project(load_checkpoint(args.resume)["project"], "the checkpoint's project")
    else:
        project = load_model_arg(args.model, args.input, args.classes)
    base = DataSettings.from_dict(project.dataset) if project.dataset else None
    data = parse_data_arg(args.data, base) if args.data else (base or DataSettings())
    template = project.template if (project.template and not args.resume and not _is_file(args.model)) else None
    if template and project.input_shape and not args.input:
        c, h, w = project.input_shape
        want = NATURAL_CHANNELS.get(data.source, c)
        if want != c:
            project = _rebuild(template, (want, h, w), args.classes)
    bundle = load_data(data, project.input_shape)
    if template and args.classes is None and bundle.num_classes != project.num_classes:
        project = _rebuild(template, project.input_shape, bundle.num_classes)
    project.dataset = data.to_dict()
    return project, bundle, data


def _is_file(arg: str) -> bool:
    import os
    return os.path.exists(arg) or arg.endswith((".json", ".cnnproj")) or os.sep in arg


def _rebuild(template, shape, classes):
    from studio import templates
    return templates.build_project(template, input_shape=shape, num_classes=classes)


def run(args) -> int:
    from studio.training import distributed as dist_util
    from studio.training.engine import Trainer

    dist = dist_util.setup(args.device or "auto")
    try:
        return _train(args, dist, Trainer)
    finally:
        dist_util.cleanup()


def _train(args, dist, Trainer) -> int:
    main = dist.is_main
    project, bundle, data = prepare(args)
    settings = _settings(project, args)
    project.training = settings.to_dict()
    name = project.name or project.template or Path(args.model).stem
    if args.out:
        out = Path(args.out)
    elif args.resume:
        out = Path(args.resume).parent
    else:
        out = Path.cwd() / "runs" / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}"
    trainer = Trainer(project, bundle, settings, out_dir=out, resume=Path(args.resume) if args.resume else None)
    printer = ProgressPrinter(sys.stderr, enabled=main)
    interrupted = []

    def on_sigint(signum, frame):
        if interrupted:  # a second Ctrl-C: give up at once
            raise KeyboardInterrupt
        interrupted.append(True)
        trainer.request_stop()
        printer.note("stopping after this step (Ctrl-C again to quit at once)…")

    old = signal.signal(signal.SIGINT, on_sigint) if _main_thread() else None
    result = None
    try:
        for rec in trainer.run():
            if rec.kind == "start":
                printer.start(rec, name, bundle, data.source)
            elif rec.kind == "progress":
                printer.progress(rec)
            elif rec.kind == "epoch":
                printer.epoch(rec)
            elif rec.kind == "result":
                result = rec
    finally:
        if old is not None:
            signal.signal(signal.SIGINT, old)
    printer.done()
    if main and trainer.history:
        print(epoch_table(trainer.history))
    if result is None:  # pragma: no cover - run() always ends with a result
        raise StudioError("training ended without a result")
    if main:
        stream = sys.stdout if result.status == "finished" else sys.stderr
        print(f"{result.status}: {result.message}", file=stream)
        if result.run_dir:
            print(f"run folder: {result.run_dir}", file=stream)
    if result.status == "finished":
        return 0
    if result.status == "stopped":
        return 130 if interrupted else 1
    return 1


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()
