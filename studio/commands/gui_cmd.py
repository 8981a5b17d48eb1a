"""`cnn-studio gui [PROJECT]`: the studio window (the default command)."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("gui", help="open the studio window (the default)")
    p.add_argument("project", nargs="?", help="a project file to open")
    p.add_argument("--template", metavar="NAME", help="start from a template instead")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    p.set_defaults(run=run)


def run(args) -> int:
    from studio.gui.app import run_gui

    return run_gui(args)
