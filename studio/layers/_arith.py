"""Output-size arithmetic shared by convolution and pooling, matching PyTorch exactly,
with the filled-in formula that the studio shows."""
from __future__ import annotations


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


def out_formula(axis: str, i: int, k: int, s: int, p: int, d: int, ceil_mode: bool, o: int) -> str:
    fn = "ceil" if ceil_mode else "floor"
    text = f"{axis}_out = {fn}(({i} + 2·{p} − {d}·({k}−1) − 1)/{s}) + 1 = {o}"
    if ceil_mode and o != (i + 2 * p - d * (k - 1) - 1 + s - 1) // s + 1:
        text += "  (one less: the last window would start in the padding)"
    return text


def grouped(n: int) -> str:
    return f"{n:,}"
