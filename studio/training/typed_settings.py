"""A project's ``dataset`` and ``training`` sections as checked records, for the window.

The CLI refuses a project whose settings are wrong (one line naming the field). The window must
still open such a file, so :func:`read_project_settings` keeps every value that passes the same
checks the CLI uses (``DataSettings.from_dict`` / ``TrainSettings.from_dict``), puts the default in
place of each value that does not, and returns the problems in words. What it returns has the
right type everywhere, so the widgets never see ``seed: "ééé"`` or ``lr: [null, null]``.
No torch here.
"""
from __future__ import annotations

from typing import Any, Callable

from studio.core.errors import StudioError
from studio.core.text import short_repr

from .datasets.settings import DataSettings
from .settings import TrainSettings


def lenient(parse: Callable[[dict], Any], data: Any, section: str) -> tuple[dict, list[str]]:
    """``parse(data).to_dict()`` when it passes; else the settings built from the keys that pass
    (a key failing alone is tried again after the others, e.g. a source that needs its root)."""
    if not isinstance(data, dict):
        return parse({}).to_dict(), [f"{section} should be an object of name: value pairs, not {short_repr(data)}"]
    try:
        return parse(data).to_dict(), []
    except StudioError:
        pass
    kept: dict = {}
    failed: dict[str, str] = {}
    for key in [*data, *data]:  # a second pass retries what failed with everything else kept
        if key in kept:
            continue
        try:
            parse({**kept, key: data[key]})
        except StudioError as exc:
            failed[key] = str(exc)
            continue
        kept[key] = data[key]
        failed.pop(key, None)
    return parse(kept).to_dict(), list(failed.values())


def read_project_settings(project) -> tuple[dict, dict, list[str]]:
    """(dataset dict, training dict, problems): checked values, defaults where the file's are wrong."""
    dataset, p1 = lenient(DataSettings.from_dict, project.dataset, "dataset")
    training, p2 = lenient(TrainSettings.from_dict, project.training, "training")
    return dataset, training, p1 + p2
