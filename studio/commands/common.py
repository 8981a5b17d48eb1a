"""What several subcommands share: reading a project file or a template name, checking output paths,
reading ``--data`` over a project's own data settings, printing a graph's problems."""
from __future__ import annotations

import argparse
import os
import sys

from studio.core.errors import ProjectError, StudioError
from studio.core.number_text import int_arg
from studio.core.project import Project, load_project
from studio.core.shape_text import parse_shape
from studio.core.text import printable


#: The command-line option of each setting an error can be about (see studio.core.errors).
FLAGS = {
    "training.epochs": "--epochs", "training.batch_size": "--batch-size", "training.lr": "--lr",
    "training.optimizer": "--optimizer", "training.momentum": "--momentum", "training.nesterov": "--nesterov",
    "training.weight_decay": "--weight-decay", "training.scheduler": "--scheduler",
    "training.label_smoothing": "--label-smoothing", "training.device": "--device", "training.amp": "--amp",
    "training.channels_last": "--channels-last", "training.num_workers": "--workers", "training.seed": "--seed",
    "training.grad_clip": "--grad-clip",
    "dataset.source": "--data", "dataset.root": "--data", "dataset.download": "--download",
    "input_shape": "--input", "num_classes": "--classes",
    "experiment.epochs": "--epochs", "experiment.out": "--out", "explain.label": "--label", "explain.at": "--at",
    "explain.layer": "--explain-layer",
}

#: How the command line words each hint of an error (the option and the value to give it).
CLI_HINTS = {
    "example": " (e.g. {name} {value})",
    "set": ": use {name} {value}",
    "choose": ": use {name} {value}",
    "enable": " ({name})",
    "folder": ": give it as {name} {value}:DIR",
}


def flag_name(field: str) -> str:
    """The option that sets ``field`` on the command line (the field itself when none does)."""
    return FLAGS.get(field, field)


def cli_message(exc: BaseException) -> str:
    """An error as the command line shows it: its field named as the option that sets it."""
    if isinstance(exc, StudioError):
        return exc.render(flag_name, CLI_HINTS)
    return str(exc)


class HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions as usual but prints an epilog of examples line for line."""

    def _fill_text(self, text, width, indent):
        if text.startswith("example"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def parse_input_shape(text: str | None) -> tuple[int, int, int] | None:
    """The ``--input`` option: '3x224x224' (or with ×, *, commas) -> (3, 224, 224)."""
    return parse_shape(text, "--input")


def add_model_argument(p: argparse.ArgumentParser, what: str = "project file (.cnnproj/.json) or template name") -> None:
    p.add_argument("model", metavar="PROJECT|TEMPLATE", help=what)
    p.add_argument("--input", metavar="CxHxW", help="input shape for a template, e.g. 3x64x64")
    p.add_argument("--classes", type=int_arg("--classes", example="10"), metavar="N", help="number of classes for a template")


def load_model_arg(arg: str, input_text: str | None = None, classes: int | None = None) -> Project:
    """A project file if ``arg`` names one, else a template by name."""
    shape = parse_input_shape(input_text)
    if classes is not None and classes < 1:
        raise StudioError(f"--classes {classes}: a classifier needs at least 1 class")
    if looks_like_file(arg):
        if not os.path.exists(arg):
            raise ProjectError(f"{arg}: no such file")
        proj = load_project(arg)
        if shape is not None or classes is not None:
            _retarget(proj, shape, classes)
        return proj
    from studio import templates

    return templates.build_project(arg, input_shape=shape, num_classes=classes)


def _retarget(proj: Project, shape, classes) -> None:
    if shape is not None:
        ins = proj.graph.input_nodes()
        if len(ins) == 1:
            proj.graph.set_params(ins[0].id, {"channels": shape[0], "height": shape[1], "width": shape[2]})
    if classes is not None:
        proj.num_classes = classes


def looks_like_file(arg: str) -> bool:
    """True when a PROJECT|TEMPLATE argument names a file rather than a template."""
    return os.path.exists(arg) or arg.endswith((".json", ".cnnproj")) or os.sep in arg or "/" in arg


def check_output_file(path: str | os.PathLike, force: bool = False, example: str = "model.cnnproj") -> str:
    """Refuse an output file a command cannot or should not write (before any work is done).

    A folder, a missing parent folder and (without ``--force``) an existing file are refused with
    one line naming the fix. Returns the path as text.
    """
    out = os.fspath(path)
    if os.path.isdir(out):
        raise StudioError(f"{out} is a folder: give a file name, e.g. {os.path.join(out, example)}")
    parent = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(parent):
        what = "is a file, not a folder" if os.path.exists(parent) else "does not exist (no such folder)"
        raise StudioError(f"cannot write {out}: {parent} {what}; create the folder first or choose another path")
    if os.path.exists(out) and not force:
        raise StudioError(f"{out} already exists: choose another name or add --force to overwrite it")
    return out


def data_settings(project, data_arg: str | None, download: bool = False, where: str = "the project"):
    """The DataSettings to use: ``--data`` over the project's own split/augmentation options.

    With ``--data`` the project's source and folder are replaced, so a project whose saved source
    cannot be used here (e.g. MNIST without a folder) still trains on the data asked for.
    """
    from studio.training.data import DataSettings, parse_data_arg

    saved = dict(project.dataset or {})
    if data_arg:
        saved.pop("source", None)
        saved.pop("root", None)
    try:
        base = DataSettings.from_dict(saved)
    except StudioError as exc:
        raise StudioError(f"dataset settings of {where}: {exc.message}", field=exc.field, hint=exc.hint,
                          value=exc.value) from None
    data = parse_data_arg(data_arg, base) if data_arg else base
    if download:
        data.download = True
    return data


def print_graph_errors(analysis, name: str, stream=None) -> None:
    """The graph's problems, one per line with the node and the fix (as `summary` prints them)."""
    stream = stream or sys.stderr
    print(f"{printable(name)}: the graph has {len(analysis.errors)} error(s):", file=stream)
    for i in analysis.issues:
        where = f"[{analysis.names.get(i.node, i.node)}] " if i.node else ""
        fix = f"  (fix: {i.fix.label})" if i.fix else ""
        print(printable(f"  {i.severity}: {where}{i.message}{fix}"), file=stream)
