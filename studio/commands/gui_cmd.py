"""`cnn-studio gui [PROJECT|RUN_DIR|CKPT]`: the studio window (the default command), opened at
any view by flags (``--tab``, ``--image``, ``--select``, ``--pixel``, ``--explain``)."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("gui", help="open the studio window (the default)",
                       description="Open the studio window, optionally at a given view; with --screenshot, "
                                   "render that view of the whole window to a PNG and exit.")
    p.add_argument("project", nargs="?", metavar="PROJECT|RUN_DIR|CKPT",
                   help="a project file, a run folder or a checkpoint (.pt): a run or checkpoint opens its "
                        "project with the checkpoint loaded in Inference and Evaluate")
    p.add_argument("--template", metavar="NAME", help="start from a template instead")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1366x768 (default with --screenshot: "
                                                 "what a 1600x1000 screen gives)")
    p.add_argument("--tab", metavar="NAME", help="the Details tab to show: summary, problems, code, diagram, "
                                                 "training, runs, evaluate, inference, gradient-flow")
    p.add_argument("--image", metavar="IMG", help="an image to classify in Inference")
    p.add_argument("--select", metavar="LAYER", help="select a layer (id or name) on the canvas")
    p.add_argument("--pixel", metavar="C,Y,X", help="explain this feature-map pixel of the selected layer")
    p.add_argument("--explain", metavar="VIEW", help="the Inference explain view: output, pixel, feature-maps")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    p.add_argument("--texts", metavar="FILE.json",
                   help="with --screenshot: also write the texts the window shows, as JSON [where, text] pairs "
                        "(to check a translation)")
    p.add_argument("--lang", metavar="LANG", choices=("en", "zh_CN", "zh"),
                   help="the window's language: en or zh_CN (default: View → Language, else the system locale)")
    p.set_defaults(run=run)


def run(args) -> int:
    from studio.core.errors import StudioError
    from studio.gui import settings

    try:
        if args.size:
            settings.screen_size(args.size)
    except ValueError as exc:
        raise StudioError(str(exc)) from None
    from studio.gui.app import run_gui

    return run_gui(args)
