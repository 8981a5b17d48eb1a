"""Templates: the classic architectures and the user's own saved networks.

    list_templates()                    -> [TemplateInfo], built-ins first, then the user's
    get_template(name)                  -> TemplateInfo
    build_project(name, input_shape=None, num_classes=None) -> Project (laid out)
    format_card(info)                   -> text of a template's card

Building needs no torch: builders are plain functions over small configurations.
"""
from __future__ import annotations

from studio.core.errors import StudioError
from studio.core.project import Project
from studio.core.spec import fmt_shape

from . import classic, vgg, resnet  # noqa: F401  (register the built-ins, in this order)
from .registry import (TemplateInfo, apply_layout, builtin_entry, builtin_info, builtin_names,
                       checked_build, unknown_name_error)

__all__ = ["TemplateInfo", "list_templates", "get_template", "build_project", "format_card",
           "builtin_names"]


def list_templates(include_user: bool = True, errors: list[str] | None = None) -> list[TemplateInfo]:
    """Built-in templates, then the user's own (unreadable user files are skipped and
    described in ``errors`` when a list is given)."""
    out = [builtin_info(n) for n in builtin_names()]
    if include_user:
        from .user import list_user_templates

        out += list_user_templates(errors)
    return out


def _all_names() -> list[str]:
    from .user import user_template_names

    return builtin_names() + user_template_names()


def get_template(name: str) -> TemplateInfo:
    if builtin_entry(name) is not None:
        return builtin_info(name)
    from .user import user_template_info

    info = user_template_info(name)
    if info is None:
        raise unknown_name_error(name, _all_names(), "template")
    return info


def _check_request(input_shape, num_classes) -> None:
    if input_shape is not None:
        if len(input_shape) != 3 or not all(isinstance(v, int) and v >= 1 for v in input_shape):
            raise StudioError(f"input shape {input_shape!r} is not C×H×W with whole numbers ≥ 1 (e.g. 3×224×224)")
    if num_classes is not None and (not isinstance(num_classes, int) or num_classes < 1):
        raise StudioError(f"{num_classes!r} classes: a classifier needs at least 1 class")


def build_project(name: str, input_shape=None, num_classes: int | None = None) -> Project:
    """A new project from a template; input shape and class count default to the template's."""
    _check_request(input_shape, num_classes)
    entry = builtin_entry(name)
    if entry is None:
        from .user import build_user_project

        proj = build_user_project(name, input_shape, num_classes)
        if proj is None:
            raise unknown_name_error(name, _all_names())
        return proj
    shape = tuple(input_shape) if input_shape is not None else entry.input_shape
    classes = num_classes if num_classes is not None else entry.num_classes
    graph = checked_build(name, entry.builder, shape, classes)
    apply_layout(graph)
    return Project(graph=graph, num_classes=classes, name=name, template=name)


def format_card(info: TemplateInfo) -> str:
    c = info.card
    lines = [f"{info.title} ({info.name})" + ("" if info.builtin else "  [your template]")]
    if c.get("title"):
        lines.append(f"  Paper:   {c.get('authors', '')} ({c.get('year', '')}), \"{c['title']}\"")
    lines.append(f"  Input:   {fmt_shape(info.input_shape)}, {info.num_classes} classes")
    if c.get("params") is not None:
        lines.append(f"  Params:  {c['params']:,}")
    if c.get("macs") is not None:
        lines.append(f"  MACs:    {c['macs']:,} ({c['macs'] / 1e9:.2f} G)")
    if info.description:
        lines.append(f"  About:   {info.description}")
    if c.get("idea"):
        import textwrap

        lines.append("  New:     " + textwrap.fill(c["idea"], 88, subsequent_indent=" " * 11).lstrip())
    return "\n".join(lines)
