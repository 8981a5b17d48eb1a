"""`cnn-studio diff RUN_A RUN_B`: what changed between two runs (graph, settings, results)."""
from __future__ import annotations

from studio.core.jsonout import dumps_strict
from studio.core.text import printable_strings

from .common import HelpFormatter


def add_parser(sub) -> None:
    p = sub.add_parser("diff", help="compare two run folders: graph diff, settings, final metrics",
                       description="Compare two runs: layers added/removed/changed (old → new parameters), "
                                   "the parameter and MAC totals, the training settings side by side and the "
                                   "final metrics.",
                       epilog="examples:\n  cnn-studio diff runs/a runs/b\n  cnn-studio diff runs/a runs/b --json",
                       formatter_class=HelpFormatter)
    p.add_argument("run_a", metavar="RUN_A", help="first run folder")
    p.add_argument("run_b", metavar="RUN_B", help="second run folder")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    from studio.runs.diff import diff_runs, format_diff, open_run

    d = diff_runs(open_run(args.run_a), open_run(args.run_b))
    # every string from the run folders is escaped before the report is laid out, so a
    # newline or a bidi override in a metric or a setting cannot forge a line
    print(dumps_strict(d, indent=2) if args.json else format_diff(printable_strings(d)))
    return 0
