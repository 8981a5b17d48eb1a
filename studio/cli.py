"""`cnn-studio`: the studio window by default, subcommands for headless work.

Each subcommand lives in ``studio/commands/<name>.py`` with ``add_parser(subparsers)``
and ``run(args) -> int``. Errors a user can fix are printed as one line and exit 2;
never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from studio.commands.common import HelpFormatter, cli_message
from studio.core.errors import StudioError
from studio.core.text import printable

COMMANDS = ["gui", "summary", "diagram", "templates", "new", "export", "import", "train", "evaluate",
            "predict", "experiment", "diff", "concepts"]


def _load_commands():
    return [importlib.import_module(f"studio.commands.{name}_cmd") for name in COMMANDS]


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line (naming --help) and exit 2, like every other error."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cnn-studio",
        description="Build, train and export convolutional image classifiers. "
                    "With no command, opens the studio window.",
        epilog="examples:\n"
               "  cnn-studio summary resnet50\n"
               "  cnn-studio train lenet5 --data digits --epochs 10 --out runs/lenet\n"
               "  cnn-studio predict runs/lenet/best.pt resources/samples/digit_3.png\n\n"
               "A template name (see `cnn-studio templates`) can stand wherever a project file can.\n"
               "Help on one command: cnn-studio COMMAND --help",
        formatter_class=HelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _load_commands():
        mod.add_parser(sub)
    return parser


def _safe_streams() -> None:
    """stdout and stderr write what they cannot encode as backslash escapes instead of raising.

    A path that is not valid UTF-8 (a lone surrogate in Python) on a strict UTF-8 terminal
    (``en_US.UTF-8``; ``PYTHONIOENCODING=utf-8:strict``) would otherwise end a command with
    UnicodeEncodeError after its work was done. Streams without ``reconfigure`` are left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["gui", *argv]
    args, extra = parser.parse_known_args(argv)
    if extra:
        prog = f"cnn-studio {args.command}" if getattr(args, "command", None) else "cnn-studio"
        print(f"{prog}: unrecognized arguments: {' '.join(extra)} (see: {prog} --help)", file=sys.stderr)
        return 2
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except StudioError as exc:
        print(f"cnn-studio {args.command}: {printable(cli_message(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cnn-studio {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
