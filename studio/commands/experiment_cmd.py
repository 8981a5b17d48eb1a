"""`cnn-studio experiments` (the list) and `cnn-studio experiment NAME --out DIR`: reproduce a
classic paper's claim on this machine and compute the verdict from the recorded metrics."""
from __future__ import annotations

import os
import signal
import sys
import threading

from studio.core.jsonout import dumps_strict
from studio.core.number_text import int_arg
from studio.core.text import printable

from .common import HelpFormatter


def add_parser(sub) -> None:
    p = sub.add_parser("experiments", help="list the built-in experiments (classic papers' claims)",
                       description="List the built-in experiments: each reproduces a classic paper's claim "
                                   "(ReLU vs tanh, dropout, BatchNorm, small kernels, degradation, vanishing "
                                   "gradients) with two or more variants and a verdict from the measured numbers.",
                       epilog="examples:\n  cnn-studio experiments\n  cnn-studio experiments --json",
                       formatter_class=HelpFormatter)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run_list)
    q = sub.add_parser("experiment", help="run one experiment and write its verdict and report",
                       description="Train the experiment's variants one after another, then compute the verdict "
                                   "from their recorded metrics. Writes DIR/<variant>/metrics.jsonl (and "
                                   "layer_stats.jsonl), DIR/verdict.json, DIR/report.md and DIR/curves.png.",
                       epilog="examples:\n  cnn-studio experiment degradation --out runs/degradation\n"
                              "  cnn-studio experiment relu-vs-tanh --out runs/relu --epochs 4\n"
                              "  cnn-studio experiment dropout --out runs/drop --data folder:./my_images",
                       formatter_class=HelpFormatter)
    q.add_argument("name", metavar="NAME", help="experiment name (see: cnn-studio experiments)")
    q.add_argument("--out", metavar="DIR", required=True, help="output folder")
    q.add_argument("--epochs", type=int_arg("--epochs", example="4"), metavar="N", help="epochs per variant (default: the experiment's)")
    q.add_argument("--data", metavar="D", help="data set instead of the experiment's (digits, shapes, folder:DIR, …)")
    q.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"], help="where to train")
    q.add_argument("--json", action="store_true", help="print verdict.json instead of the summary")
    q.add_argument("--force", action="store_true", help="train into a DIR that holds an earlier experiment or run, "
                                                        "replacing it")
    q.set_defaults(run=run_one)


def run_list(args) -> int:
    from studio.experiments import EXPERIMENTS

    if args.json:
        print(dumps_strict([e.to_dict() for e in EXPERIMENTS.values()], indent=2))
        return 0
    w = max(len(n) for n in EXPERIMENTS)
    for e in EXPERIMENTS.values():
        variants = ", ".join(v.label for v in e.variants)
        print(f"{e.name:<{w}}  {e.title}  [{variants}; {e.epochs} epochs on {e.data.get('source')}, "
              f"≤ {e.budget_s // 60} min]")
    print("\nrun one: cnn-studio experiment NAME --out DIR [--epochs N] [--data D]")
    return 0


def check_out_folder(args, exp) -> None:
    """``--out DIR`` may not be a file, nor hold an earlier experiment or run, unless ``--force``."""
    from pathlib import Path

    from studio.core.errors import StudioError
    from studio.core.text import printable as escaped
    from studio.runs.folder import experiment_folder_problem

    out = Path(args.out)
    if os.path.lexists(out) and not out.is_dir():
        raise StudioError(f"--out {escaped(args.out)} is a file: give a folder for the experiment "
                          "(it is created if missing)")
    problem = "" if args.force else experiment_folder_problem(out, [v.name for v in exp.variants])
    if problem:
        raise StudioError(f"--out {escaped(args.out)} {problem}: choose another folder, or add --force "
                          "to replace it")


def run_one(args) -> int:
    from studio.core.errors import StudioError
    from studio.experiments import get_experiment

    exp = get_experiment(args.name)
    if args.epochs is not None and args.epochs < 1:
        raise StudioError(f"--epochs {args.epochs}: an experiment needs at least 1 epoch")
    if args.data is not None:
        from studio.training.data import parse_data_arg

        parse_data_arg(args.data)  # a bad --data: one line before anything is trained
    check_out_folder(args, exp)
    from studio.training.experiment import ExperimentRunner

    runner = ExperimentRunner(exp, args.out, epochs=args.epochs, data=args.data, device=args.device)
    stopped = []

    def on_sigint(signum, frame):
        if stopped:
            raise KeyboardInterrupt
        stopped.append(True)
        runner.request_stop()
        print("stopping after this step (Ctrl-C again to quit at once)…", file=sys.stderr)

    old = signal.signal(signal.SIGINT, on_sigint) if threading.current_thread() is threading.main_thread() else None
    print(f"{exp.name}: {exp.claim}\nsource: {exp.source}", file=sys.stderr)
    result = None
    try:
        for ev in runner.run():
            if ev.kind == "experiment_result":
                result = ev
                continue
            rec = ev.record
            if rec.kind == "start":
                print(f"[{ev.index + 1}/{ev.total}] {exp.variant(ev.variant).label}: {rec.params:,} parameters, "
                      f"{rec.epochs} epochs on {rec.device_name or rec.device}", file=sys.stderr)
            elif rec.kind == "epoch":
                val = "" if rec.val_acc is None else f", val acc {100 * rec.val_acc:.1f}%"
                print(f"  epoch {rec.epoch}/{rec.epochs}: train loss {rec.train_loss:.4f}, "
                      f"train acc {100 * rec.train_acc:.1f}%{val}", file=sys.stderr)
    finally:
        if old is not None:
            signal.signal(signal.SIGINT, old)
    if result is None or result.status != "finished":
        msg = result.message if result is not None else "the experiment ended without a result"
        print(f"cnn-studio experiment: {printable(msg)}", file=sys.stderr)
        return 130 if result is not None and result.status == "stopped" else 1
    v = result.verdict
    if args.json:
        print(dumps_strict(v, indent=2))
    else:
        print(f"{exp.name}: {v['verdict'].upper()}\n  claim:  {exp.claim}\n  source: {exp.source}\n"
              f"  measured: {printable(v['reason'])}\n  took {v['run']['seconds']:.0f} s "
              f"(budget {exp.budget_s} s)\n  report: {printable(str(args.out))}/report.md")
    return 0
