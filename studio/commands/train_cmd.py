"""`cnn-studio train`: train a project or template headless; works under torchrun (DDP) too."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.number_text import float_arg, int_arg
from studio.core.spec import fmt_shape
from studio.core.text import printable
from studio.training.settings import DEVICES, OPTIMIZERS, SCHEDULERS, TrainSettings

from .common import (HelpFormatter, add_model_argument, cli_message, data_settings, load_model_arg,
                     looks_like_file, parse_input_shape, print_graph_errors)
from .train_output import ProgressPrinter, epoch_table
from .transfer_args import add_transfer_arguments, check_transfer, print_transfer, transfer_settings

NATURAL_CHANNELS = {"digits": 1, "mnist": 1, "fashion-mnist": 1, "shapes": 3, "cifar10": 3}


EXAMPLES = """examples:
  cnn-studio train lenet5 --data digits --epochs 10 --out runs/lenet
  cnn-studio train resnet18 --input 3x64x64 --data shapes --epochs 5 --device cuda
  cnn-studio train my_net.cnnproj --data folder:photos --lr 0.001 --optimizer adamw
  cnn-studio train lenet5 --resume runs/lenet/last.pt --epochs 20     # continue to epoch 20
  cnn-studio train resnet18 --data folder:photos --weights resnet18-f37072fd.pth --freeze conv1,bn1,layer1

Settings not given on the command line come from the project's saved training settings, else the
defaults shown. A template's input channels and class count follow the data unless --input or
--classes fix them."""


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="train a project or template on a data set",
                       description="Train headless. Writes RUN_DIR with metrics.jsonl, best.pt, last.pt and "
                                   "project.cnnproj. Ctrl-C stops cleanly (exit 130) keeping last.pt. "
                                   "Under `torchrun --nproc_per_node=N -m studio train ...` it trains with DDP.",
                       epilog=EXAMPLES, formatter_class=HelpFormatter)
    add_model_argument(p)
    p.add_argument("--data", metavar="SOURCE", help="digits, shapes, mnist:DIR, fashion-mnist:DIR, cifar10:DIR or "
                   "folder:DIR (default: the project's data settings, else digits)")
    p.add_argument("--download", action="store_true",
                   help="download MNIST/Fashion-MNIST/CIFAR-10 into DIR when its files are missing")
    d = TrainSettings.defaults()  # the one source of the defaults shown here

    def on(v: bool) -> str:
        return "on" if v else "off"

    p.add_argument("--epochs", type=int_arg("--epochs"), metavar="N", help=f"total epochs to train (default {d['epochs']}; with "
                   "--resume, the epoch to stop at)")
    p.add_argument("--batch-size", type=int_arg("--batch-size", example="64"), metavar="N",
                   help=f"global batch size, split over DDP processes (default {d['batch_size']})")
    p.add_argument("--lr", type=float_arg("--lr", example="0.003"), metavar="LR",
                   help=f"learning rate; the peak rate with onecycle (default {d['lr']:g})")
    p.add_argument("--optimizer", choices=OPTIMIZERS, help=f"default {d['optimizer']}")
    p.add_argument("--momentum", type=float_arg("--momentum", example="0.9"), metavar="M", help=f"SGD momentum (default {d['momentum']:g})")
    p.add_argument("--nesterov", action="store_true", default=None, help="Nesterov momentum (SGD)")
    p.add_argument("--weight-decay", type=float_arg("--weight-decay", example="0.0005"), metavar="WD", help=f"L2 weight decay (default {d['weight_decay']:g})")
    p.add_argument("--scheduler", choices=SCHEDULERS, help=f"learning-rate schedule (default {d['scheduler']})")
    p.add_argument("--label-smoothing", type=float_arg("--label-smoothing", example="0.1"), metavar="S", help=f"0 to <1 (default {d['label_smoothing']:g})")
    p.add_argument("--grad-clip", type=float_arg("--grad-clip", lo=0.0, example="1.0"), metavar="NORM",
                   help=f"clip the global gradient norm of every step to NORM; 0 = off (default {d['grad_clip']:g})")
    p.add_argument("--device", choices=DEVICES, help=f"where to train (default {d['device']}; auto takes CUDA, then MPS, then the CPU)")
    p.add_argument("--amp", action=_BoolAction,
                   help=f"mixed precision on CUDA (default {on(d['amp'])}; --no-amp turns it off)")
    p.add_argument("--channels-last", action=_BoolAction,
                   help=f"channels_last memory format on CUDA (default {on(d['channels_last'])})")
    p.add_argument("--workers", type=int_arg("--workers", example="2"), metavar="N",
                   help=f"DataLoader workers for data too large to hold in memory (default {d['num_workers']})")
    p.add_argument("--seed", type=int_arg("--seed", example="0"), metavar="N", help=f"random seed for weights and batch order (default {d['seed']})")
    p.add_argument("--out", metavar="RUN_DIR", help="run folder (default: runs/<time>-<project> here)")
    p.add_argument("--resume", metavar="CKPT", help="continue from a checkpoint (last.pt) with its optimiser state; "
                   "PROJECT must be the network it was trained on")
    p.add_argument("--force", action="store_true", help="train into a RUN_DIR that holds an earlier run, "
                   "replacing its checkpoints")
    add_transfer_arguments(p)
    p.set_defaults(run=run)


class _BoolAction(argparse.BooleanOptionalAction):
    def __init__(self, option_strings, dest, **kw):
        kw.setdefault("default", None)
        super().__init__(option_strings, dest, **kw)


def _settings(project, args):
    base = TrainSettings.from_dict(project.training)
    return base.replace(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr, optimizer=args.optimizer,
                        momentum=args.momentum, nesterov=args.nesterov, weight_decay=args.weight_decay,
                        scheduler=args.scheduler, label_smoothing=args.label_smoothing, grad_clip=args.grad_clip,
                        device=args.device,
                        amp=args.amp, channels_last=args.channels_last, num_workers=args.workers, seed=args.seed,
                        **transfer_settings(args))


def _where(args) -> str:
    return args.model if looks_like_file(args.model) else f"template {args.model}"


def load_target(args):
    """(project, checkpoint or None): the network to train, from PROJECT|TEMPLATE or the checkpoint."""
    from studio.core.project import parse_project

    if not args.resume:
        return load_model_arg(args.model, args.input, args.classes), None
    from studio.training.checkpoint_file import checkpoint_file

    checkpoint_file(args.resume)  # a mistyped path is reported before torch loads
    from studio.training.checkpoint import load_checkpoint, model_from_checkpoint

    ckpt = load_checkpoint(args.resume)
    model_from_checkpoint(ckpt)  # refuses weights that do not fit the checkpoint's own network
    project = parse_project(ckpt["project"], "the checkpoint's project")
    _check_resume_target(args, ckpt, project)
    return project, ckpt


def _check_resume_target(args, ckpt, trained) -> None:
    """Refuse --resume with a PROJECT|TEMPLATE that is not the network the checkpoint holds."""
    run_project = Path(args.resume).parent / "project.cnnproj"
    hint = f"pass {run_project}" if run_project.exists() else "pass the project it was trained on"
    if looks_like_file(args.model):
        from studio.training.checkpoint import build_model, weights_mismatch

        given = load_model_arg(args.model)
        problem = weights_mismatch(build_model(given), ckpt["model"])
        if problem:
            raise StudioError(f"{args.resume} was not trained on {args.model} ({problem}): {hint}")
    elif trained.template != args.model:
        was = f"the template {trained.template}" if trained.template else f"the project '{trained.name or '?'}'"
        raise StudioError(f"{args.resume} was trained on {was}, not {args.model}: "
                          f"{('pass ' + trained.template) if trained.template else hint}")
    shape = parse_input_shape(args.input)
    if shape is not None and tuple(shape) != tuple(trained.input_shape or ()):
        raise StudioError(f"--input {args.input}: {args.resume} was trained at {fmt_shape(trained.input_shape)}; "
                          "a resumed run keeps its input shape (leave --input out)")
    if args.classes is not None and args.classes != trained.num_classes:
        raise StudioError(f"--classes {args.classes}: {args.resume} was trained with {trained.num_classes} classes; "
                          "a resumed run keeps its classes (leave --classes out)")


def preflight(args, settings, ckpt, project=None) -> None:
    """Problems a user fixes on the command line, found before torch and any data are loaded
    (exit 2). ``--out`` may not hold another run or another network's project unless ``--force``."""
    if ckpt is not None and int(ckpt["epoch"]) >= settings.epochs:
        raise StudioError(f"{args.resume} has already trained {ckpt['epoch']} epoch(s) and this run stops at "
                          f"{settings.epochs}: ask for more, e.g. --epochs {int(ckpt['epoch']) + settings.epochs}")
    if args.out:
        out = Path(args.out)
        if out.exists() and not out.is_dir():
            raise StudioError(f"--out {args.out} is a file: give a folder for the run (it is created if missing)")
        from studio.runs.folder import run_folder_problem

        same = ckpt is not None and out.resolve() == Path(args.resume).resolve().parent
        given = Path(args.model) if looks_like_file(args.model) else None
        problem = "" if same or args.force else run_folder_problem(out, project, given)
        if problem.startswith("already holds a run"):
            raise StudioError(f"--out {printable(args.out)} {problem}: continue it with --resume "
                              f"{printable(out / 'last.pt')}, choose another folder, or add --force to replace it")
        if problem:
            raise StudioError(f"--out {printable(args.out)} {problem}: choose another folder, or add --force "
                              "to replace it")


def check_graph(project, name: str) -> bool:
    """Print the graph's errors like `summary` does; False when it cannot train."""
    from studio.core.validate import validate

    a = validate(project.graph, project.num_classes)
    if a.errors:
        print_graph_errors(a, name)
        return False
    out = a.output_shape
    if out is not None and tuple(out) != (project.num_classes,):
        print(f"cnn-studio train: {printable(name)}: the network outputs {fmt_shape(out)} scores but the task has "
              f"{project.num_classes} classes: make the last layer a Linear with out_features="
              f"{project.num_classes}", file=sys.stderr)
        return False
    return True


def prepare(args, project):
    """(project, data bundle, data settings) with a template's input and classes fitted to the data."""
    from studio.training.data import load_data

    data = data_settings(project, args.data, args.download, where=_where(args))
    template = project.template if (project.template and not args.resume and not looks_like_file(args.model)) else None
    if template and project.input_shape and not args.input:
        c, h, w = project.input_shape
        want = NATURAL_CHANNELS.get(data.source, c)
        if want != c:
            project = _rebuild(template, (want, h, w), args.classes)
    bundle = load_data(data, project.input_shape)
    if template and args.classes is None and bundle.num_classes != project.num_classes:
        project = _rebuild(template, project.input_shape, bundle.num_classes)
    if bundle.num_classes != project.num_classes:
        names = ", ".join(map(str, bundle.class_names[:6])) + ("…" if bundle.num_classes > 6 else "")
        fix = (f"add --classes {bundle.num_classes}" if template or not looks_like_file(args.model) else
               f"set num_classes and the last Linear's out_features to {bundle.num_classes} in {args.model}")
        raise StudioError(f"{_where(args)} has {project.num_classes} classes but --data {data.source} has "
                          f"{bundle.num_classes} ({names}): {fix}")
    project.dataset = data.to_dict()
    return project, bundle, data


def _rebuild(template, shape, classes):
    from studio import templates
    return templates.build_project(template, input_shape=shape, num_classes=classes)


def run(args) -> int:
    # argument, file, project and graph errors first: torch is imported only after them
    project, ckpt = load_target(args)
    settings = _settings(project, args)
    preflight(args, settings, ckpt, project)
    name = project.name or project.template or Path(args.model).stem
    if not check_graph(project, name):
        return 2
    from studio.training import distributed as dist_util
    from studio.training.engine import Trainer
    from studio.training.runtime import pick_device

    dist = dist_util.setup(args.device or "auto")
    try:
        device, _ = pick_device(settings.device)  # --device cuda without CUDA: one line, exit 2
        from studio.compiler.memory import check_fits
        from studio.core.validate import validate

        check_fits(validate(project.graph, project.num_classes), settings.batch_size, device)  # before any data
        return _train(args, dist, Trainer, project, ckpt, settings, name)
    finally:
        dist_util.cleanup()


def _train(args, dist, Trainer, project, ckpt, settings, name: str) -> int:
    main = dist.is_main
    if args.out and dist.is_main:
        try:  # a folder that cannot be made: one line before any data is loaded
            Path(args.out).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StudioError(f"--out {args.out}: cannot create the run folder ({exc.strerror or exc}); "
                              "choose a folder you can write to") from None
    project, bundle, data = prepare(args, project)
    project.training = settings.to_dict()
    weights = check_transfer(args, project, settings)  # transfer: bad weights file / freeze name: exit 2
    if args.out:
        out = Path(args.out)
    elif args.resume:
        out = Path(args.resume).parent
    else:
        from studio.runs import new_run_dir

        out = new_run_dir(name, Path.cwd() / "runs")
    trainer = Trainer(project, bundle, settings, out_dir=out, resume=Path(args.resume) if args.resume else None,
                      weights=weights)
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
                print_transfer(trainer, main)
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
        message = cli_message(result.error) if result.error is not None else result.message
        print(printable(f"{result.status}: {message}"), file=stream)
        if result.run_dir:
            print(printable(f"run folder: {result.run_dir}"), file=stream)
    if result.status == "finished":
        return 0
    if result.status == "stopped":
        return 130 if interrupted else 1
    return 1


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()
