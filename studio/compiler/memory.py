"""Refuse a network that cannot fit in memory before allocating it, with the numbers.

A valid but huge net (a convolution with 65,536 channels, vgg16 at 3×8192×8192) used to end in an
allocator traceback or the machine swapping to a halt. The summary already knows the parameter and
activation sizes (:meth:`Analysis.memory_estimate`); :func:`check_fits` compares them with the
machine's memory (``os.sysconf`` / ``/proc/meminfo``) or, on CUDA, the device's memory, and raises
one line: "training needs ~412 GB for one batch of 32; this machine has 24 GB of memory".
"""
from __future__ import annotations

import os

from studio.core.errors import StudioError


def fmt_bytes(n: float) -> str:
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if n >= size:
            return f"{n / size:,.1f} {unit}".replace(".0 ", " ")
    return f"{n / 1e3:,.0f} KB"


def machine_memory() -> int | None:
    """Bytes of physical memory of this machine, or None when the system does not say."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def device_memory(device) -> tuple[int | None, str]:
    """(bytes, what) of the memory a run on ``device`` ('cpu', 'cuda', 'cuda:1', a torch.device) has."""
    kind = str(device)
    if kind.startswith("cuda"):
        try:
            import torch

            dev = torch.device(kind)
            if torch.cuda.is_available():
                index = dev.index if dev.index is not None else torch.cuda.current_device()
                return int(torch.cuda.get_device_properties(index).total_memory), "this GPU has"
        except Exception:
            pass
    return machine_memory(), "this machine has"


def check_fits(analysis, batch: int, device="cpu", what: str = "training") -> None:
    """Raise StudioError when ``what`` ("training" or "exporting") cannot fit in memory.

    Training counts the forward activations and their gradients for one batch plus weights,
    gradients and two Adam moments; exporting counts the weights plus one traced batch (``batch=0``:
    the weights alone, for model.py).
    """
    if not analysis.ok:
        return
    mem = analysis.memory_estimate(batch)
    if what == "training":
        need = mem["training_bytes_estimate"] + mem["input_bytes"]
    else:
        need = mem["param_bytes"] + mem["activation_bytes"] + mem["input_bytes"]
    have, who = device_memory(device)
    if have is None or need <= have:
        return
    parts = (f"for one batch of {batch} ({fmt_bytes(mem['param_bytes'])} of weights, "
             f"{fmt_bytes(mem['activation_bytes'])} of activations)" if batch else "for its weights")
    raise StudioError(f"{what} this network needs ~{fmt_bytes(need)} {parts}; {who} {fmt_bytes(have)}: "
                      "use a smaller input, fewer channels or a smaller batch")
