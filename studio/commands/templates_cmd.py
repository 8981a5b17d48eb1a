"""`cnn-studio templates`: the built-in and the user's own templates, or one template's card."""
from __future__ import annotations

import dataclasses
import sys

from studio.core.jsonout import dumps_strict
from studio.core.spec import fmt_shape
from studio.core.text import printable, printable_strings

from .common import HelpFormatter


def add_parser(sub) -> None:
    p = sub.add_parser("templates", help="list the templates (built-in and your own), or show one's card",
                       description="List the built-in templates and your own (name, input, classes, parameters, "
                                   "MACs), or show one template's card: the paper, what was new in it, its counts.",
                       epilog="examples:\n  cnn-studio templates\n  cnn-studio templates resnet50\n"
                              "  cnn-studio templates --json",
                       formatter_class=HelpFormatter)
    p.add_argument("name", nargs="?", metavar="NAME", help="show this template's card")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--save", nargs=2, metavar=("PROJECT", "NAME"), help="save the network of PROJECT as your "
                   "template NAME (its notes become the card text)")
    p.add_argument("--force", action="store_true", help="with --save: replace your template NAME if it exists")
    p.set_defaults(run=run)


def _save(args) -> int:
    from studio.core.errors import StudioError
    from studio.core.project import load_project
    from studio.core.text import printable
    from studio.core.validate import validate
    from studio.templates.user import save_user_template

    project_file, name = args.save
    if args.name:
        raise StudioError("--save PROJECT NAME takes no template name before it: leave it out")
    project = load_project(project_file)
    a = validate(project.graph, project.num_classes)
    if a.errors:
        raise StudioError(f"{project_file} has {len(a.errors)} error(s) (first: {a.errors[0].message}): "
                          "fix them before saving it as a template (see: cnn-studio summary)")
    try:
        path = save_user_template(name, project, project.notes, overwrite=args.force)
    except StudioError as exc:
        if "already exists" in str(exc):
            raise StudioError(f"{exc} (or add --force to replace it)") from None
        raise
    except OSError as exc:
        raise StudioError(f"cannot write the template {name!r}: {exc.strerror or exc}") from None
    print(printable(f"saved {project_file} as the template '{name.strip()}' ({path}); use it with "
                    f"cnn-studio new '{name.strip()}' -o PROJECT"))
    return 0


def _count(n: int | None) -> str:
    if n is None:
        return "?"
    for unit, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " K")):
        if n >= unit:
            return f"{n / unit:,.2f}{suffix}"
    return str(n)


def _shown(info):
    """``info`` with every text escaped for a terminal (user templates come from the user's files)."""
    return dataclasses.replace(info, name=printable(info.name), title=printable(info.title),
                               description=printable(info.description), card=printable_strings(info.card))


def run(args) -> int:
    from studio import templates

    if args.save:
        return _save(args)
    if args.name:
        info = templates.get_template(args.name)
        print(dumps_strict(info.to_dict(), indent=2) if args.json else templates.format_card(_shown(info)))
        return 0
    errors: list[str] = []
    infos = templates.list_templates(errors=errors)
    for e in errors:
        print(f"warning: {printable(e)}", file=sys.stderr)
    if args.json:
        print(dumps_strict([i.to_dict() for i in infos], indent=2))
        return 0
    head = ("Name", "Input", "Classes", "Params", "MACs", "Description")
    infos = [_shown(i) for i in infos]  # a user template's name or description cannot forge a line
    rows = [(i.name, fmt_shape(i.input_shape), str(i.num_classes),
             _count(i.card.get("params")), _count(i.card.get("macs")),
             i.description) for i in infos if i.builtin]
    mine = [(i.name, fmt_shape(i.input_shape), str(i.num_classes),
             _count(i.card.get("params")), _count(i.card.get("macs")),
             i.description) for i in infos if not i.builtin]
    w = [max(len(r[k]) for r in [head, *rows, *mine]) for k in range(5)]

    def line(r):
        return f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]:>{w[3]}}  {r[4]:>{w[4]}}  {r[5]}"

    print("Built-in templates")
    print(line(head))
    for r in rows:
        print(line(r))
    print()
    if mine:
        print("Your templates")
        for r in mine:
            print(line(r))
    else:
        print("Your templates: none yet (save a project as a template in the studio)")
    print("\nShow a card: cnn-studio templates NAME   Start a project: cnn-studio new NAME -o FILE.cnnproj")
    return 0
