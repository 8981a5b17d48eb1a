"""Legal, unique Python identifiers for module paths and generated classes. No torch here."""
from __future__ import annotations

import keyword
import re

from .nn_facts import MODULE_ATTRIBUTES

# names an nn.Module / nn.ModuleDict / nn.Sequential already uses, keywords, and the names
# the generated code itself uses
_RESERVED = frozenset(MODULE_ATTRIBUTES | set(keyword.kwlist)
                      | {"forward", "self", "torch", "nn", "x", "None", "True", "False"})


def reserved_names() -> frozenset[str]:
    return _RESERVED


class Namespace:
    """Unique legal identifiers (torch.fx ``_Namespace`` style)."""

    def __init__(self, taken=()):
        self.used: set[str] = set(taken)

    def create(self, text: str, numeric_ok: bool = False) -> str:
        if numeric_ok and text.isdigit():
            name = text
        else:
            name = re.sub(r"\W", "_", text.strip(), flags=re.ASCII) or "layer"
            if name[0].isdigit():
                name = "_" + name
        if name in reserved_names() and not name.isdigit():
            name = name + "_"
        base, n = name, 0
        while name in self.used or (name in reserved_names() and not name.isdigit()):
            n += 1
            name = f"{base}_{n}"
        self.used.add(name)
        return name


def camel(text: str, default: str = "Block") -> str:
    """CamelCase class name from free text ('basic block' -> 'BasicBlock')."""
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", text) if p]
    name = "".join(p[0].upper() + p[1:] for p in parts)
    if not name:
        return default
    return name if not name[0].isdigit() else default + name
