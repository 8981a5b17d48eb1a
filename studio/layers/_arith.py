"""Output-size arithmetic shared by convolution and pooling, matching PyTorch exactly,
with the filled-in formula that the studio shows."""
from __future__ import annotations

from studio.core.i18n import QT_TRANSLATE_NOOP


def same(text: str) -> str:
    """The default translation of the layer texts: none (the CLI and the tests read English).
    The window passes its own (``tr_core("Layers", …)``) to ``explain`` and ``describe``."""
    return text


def no_params(t=same) -> str:
    """The last line of the explanation of a layer with nothing to learn."""
    return t(QT_TRANSLATE_NOOP("Layers", "params = 0"))


def out_size(i: int, k: int, s: int, p: int, d: int = 1, ceil_mode: bool = False) -> int:
    """O = floor((I + 2P − D·(K − 1) − 1) / S) + 1 (ceil with ceil_mode, PyTorch's rule)."""
    num = i + 2 * p - d * (k - 1) - 1
    if not ceil_mode:
        return num // s + 1
    o = (num + s - 1) // s + 1  # floor division, like PyTorch's div_rtn (also for num < 0)
    # PyTorch: the last window must start inside the input or the left padding
    if (o - 1) * s >= i + p:
        o -= 1
    return o


def out_formula(axis: str, i: int, k: int, s: int, p: int, d: int, ceil_mode: bool, o: int, t=same) -> str:
    """The output size filled in: the student's form floor((I − K + 2P)/S) + 1 when dilation is
    1 and ceil_mode is off, else PyTorch's general form (see :func:`formula_note`)."""
    if d == 1 and not ceil_mode:
        return f"{axis}_out = floor((I − K + 2P)/S) + 1 = floor(({i} − {k} + 2·{p})/{s}) + 1 = {o}"
    fn = "ceil" if ceil_mode else "floor"
    text = (f"{axis}_out = {fn}((I + 2P − D·(K − 1) − 1)/S) + 1 = "
            f"{fn}(({i} + 2·{p} − {d}·({k}−1) − 1)/{s}) + 1 = {o}")
    if ceil_mode and o != (i + 2 * p - d * (k - 1) - 1 + s - 1) // s + 1:
        text += t(QT_TRANSLATE_NOOP("Layers", "  (one less: the last window would start in the padding)"))
    return text


def formula_note(k: tuple[int, int], d: tuple[int, int], ceil_mode: bool, t=same) -> str:
    """Why the general form is shown (empty when the student's form applies)."""
    notes = []
    if d != (1, 1):
        notes.append(t(QT_TRANSLATE_NOOP(
            "Layers", "dilation {d} spreads the kernel's taps apart, so it covers D·(K − 1) + 1 = {h}×{w} pixels "
            "instead of K×K: PyTorch's general form, which is the student's form when D = 1")).format(
            d=d[0] if d[0] == d[1] else f"{d[0]}×{d[1]}", h=d[0] * (k[0] - 1) + 1, w=d[1] * (k[1] - 1) + 1))
    if ceil_mode:
        notes.append(t(QT_TRANSLATE_NOOP(
            "Layers", "ceil_mode rounds up instead of down, so a last, partial window at the edge is kept")))
    return "; ".join(notes)


def grouped(n: int) -> str:
    return f"{n:,}"
