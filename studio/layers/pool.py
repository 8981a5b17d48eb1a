"""Pooling: MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.spec import LayerSpec, ParamSpec, fmt_pair, fmt_shape, pair, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import formula_note, out_formula, out_size, same, no_params


def _t(v):
    return tuple(v) if isinstance(v, list) else v


class _PoolSpec(LayerSpec):
    category = "Pooling"
    dilated = False
    #: each output pixel is the … of a window (a whole sentence per reduction, for the translation)
    each_pixel = QT_TRANSLATE_NOOP("Layers", "each output pixel is the maximum of a {kh}×{kw} window, channel by channel "
                                             "({c} channels in, {c} out)")

    def _ksp(self, params):
        k = pair(params["kernel_size"])
        s = pair(params["stride"]) if params["stride"] is not None else k
        p = pair(params["padding"])
        d = pair(params.get("dilation", 1))
        return k, s, p, d

    def check(self, params, who):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        from studio.core.errors import ParamError

        k, s, p, d = self._ksp(params)
        if p[0] > k[0] // 2 or p[1] > k[1] // 2:
            raise ParamError(QT_TRANSLATE_NOOP("Errors", "{who}: padding {padding} is more than half the {kernel} kernel "
                                               "(PyTorch's limit); use padding ≤ {most}"), "padding",
                             args={"who": who, "padding": fmt_pair(params["padding"]),
                                   "kernel": fmt_pair(params["kernel_size"]), "most": k[0] // 2})

    def infer(self, params, in_shapes, who=None):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        who = who or self.title
        (x,) = in_shapes
        self.need_image(x, who)
        c, h, w = x
        k, s, p, d = self._ksp(params)
        cm = params["ceil_mode"]
        ho = out_size(h, k[0], s[0], p[0], d[0], cm)
        wo = out_size(w, k[1], s[1], p[1], d[1], cm)
        if ho < 1 or wo < 1:
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who}: its {window} window does not fit in the {size} input — "
                                               "output would be {out}; use a smaller window or remove this pooling"),
                             args={"who": who, "window": fmt_pair(params["kernel_size"]), "size": f"{h}×{w}",
                                   "out": f"{max(ho, 0)}×{max(wo, 0)}"})
        return (c, ho, wo)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "{title}: needs a C×H×W input")).format(title=self.title)
        c, h, w = in_shapes[0]
        k, s, p, d = self._ksp(params)
        lines = [f"{self.title}: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}"]
        if out:
            lines.append(out_formula("H", h, k[0], s[0], p[0], d[0], params["ceil_mode"], out[1], t))
            lines.append(out_formula("W", w, k[1], s[1], p[1], d[1], params["ceil_mode"], out[2], t))
            note = formula_note(k, d, params["ceil_mode"], t)
            if note:
                lines.append(t(QT_TRANSLATE_NOOP("Layers", "(general form: {note})")).format(note=note))
        lines.append(t(self.each_pixel).format(kh=k[0], kw=k[1], c=c))
        lines.append(t(QT_TRANSLATE_NOOP("Layers", "params = 0 (pooling has nothing to learn: no weights, no bias)")))
        return "\n".join(lines)

    def window(self, params, in_shapes, out):
        k, s, _p, d = self._ksp(params)
        return k, s, d

    def short(self, params):
        k, s, p, d = self._ksp(params)
        st = f"s{s[0]}" if s[0] == s[1] else f"s{s[0]}×{s[1]}"
        pad = f" p{params['padding']}" if params["padding"] != 0 else ""
        return f"{self.title[:-2]} {fmt_pair(params['kernel_size'])} · {st}{pad}"


@register
class MaxPool2dSpec(_PoolSpec):
    id = "MaxPool2d"
    torch_keywords = ("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode")
    imports = ("MaxPool2d",)
    explainers = ("MaxPool2d",)
    title = "MaxPool2d"
    torch_class = "MaxPool2d"
    description = QT_TRANSLATE_NOOP("Layers", "Keeps the largest value in each window (2×2 with stride 2 halves the map).")

    def describe(self, params, t=same) -> str:
        k, s, _p, _d = self._ksp(params)
        if k == s == (2, 2):
            return t(QT_TRANSLATE_NOOP("Layers", "Keeps the largest value in each window: halves the map with 2×2 stride 2."))
        step = f"{s[0]}" if s[0] == s[1] else f"{s[0]}×{s[1]}"
        if s == (1, 1):
            text = QT_TRANSLATE_NOOP("Layers", "Keeps the largest value in each {kh}×{kw} window, stride {s}: "
                                               "keeps the map's size.")
        else:
            text = QT_TRANSLATE_NOOP("Layers", "Keeps the largest value in each {kh}×{kw} window, stride {s}: "
                                               "divides the map by about {s}.")
        return t(text).format(kh=k[0], kw=k[1], s=step)
    params = (
        ParamSpec("kernel_size", "size2", 2, QT_TRANSLATE_NOOP("Layers", "Window height × width"), 1, 255),
        ParamSpec("stride", "size2", None, QT_TRANSLATE_NOOP("Layers", "Step between windows (empty = window size)"), 1, 255, optional=True),
        ParamSpec("padding", "size2", 0, QT_TRANSLATE_NOOP("Layers", "Implicit −∞ padding on each side (≤ half the window)"), 0, 127),
        ParamSpec("dilation", "size2", 1, QT_TRANSLATE_NOOP("Layers", "Spacing between window taps"), 1, 64),
        ParamSpec("ceil_mode", "bool", False, QT_TRANSLATE_NOOP("Layers", "Round the output size up instead of down")),
    )

    def from_torch(self, m):
        if m.return_indices:
            return "return_indices=True is not supported"
        return {**super().from_torch(m), "ceil_mode": bool(m.ceil_mode)}

    def torch_module(self, params, in_shapes):
        kw = {"kernel_size": _t(params["kernel_size"])}
        if params["stride"] is not None:
            kw["stride"] = _t(params["stride"])
        if params["padding"] != 0:
            kw["padding"] = _t(params["padding"])
        if params["dilation"] != 1:
            kw["dilation"] = _t(params["dilation"])
        if params["ceil_mode"]:
            kw["ceil_mode"] = True
        return "MaxPool2d", kw


@register
class AvgPool2dSpec(_PoolSpec):
    id = "AvgPool2d"
    torch_keywords = ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                      "divisor_override")
    imports = ("AvgPool2d",)
    explainers = ("AvgPool2d",)
    title = "AvgPool2d"
    torch_class = "AvgPool2d"
    each_pixel = QT_TRANSLATE_NOOP("Layers", "each output pixel is the average of a {kh}×{kw} window, channel by channel "
                                             "({c} channels in, {c} out)")
    description = QT_TRANSLATE_NOOP("Layers", "Averages each window.")
    params = (
        ParamSpec("kernel_size", "size2", 2, QT_TRANSLATE_NOOP("Layers", "Window height × width"), 1, 255),
        ParamSpec("stride", "size2", None, QT_TRANSLATE_NOOP("Layers", "Step between windows (empty = window size)"), 1, 255, optional=True),
        ParamSpec("padding", "size2", 0, QT_TRANSLATE_NOOP("Layers", "Zero padding on each side (≤ half the window)"), 0, 127),
        ParamSpec("ceil_mode", "bool", False, QT_TRANSLATE_NOOP("Layers", "Round the output size up instead of down")),
        ParamSpec("count_include_pad", "bool", True, QT_TRANSLATE_NOOP("Layers", "Count padded zeros in the average")),
    )

    def from_torch(self, m):
        if m.divisor_override is not None:
            return "divisor_override is not supported"
        return {**super().from_torch(m), "ceil_mode": bool(m.ceil_mode),
                "count_include_pad": bool(m.count_include_pad)}

    def torch_module(self, params, in_shapes):
        kw = {"kernel_size": _t(params["kernel_size"])}
        if params["stride"] is not None:
            kw["stride"] = _t(params["stride"])
        if params["padding"] != 0:
            kw["padding"] = _t(params["padding"])
        if params["ceil_mode"]:
            kw["ceil_mode"] = True
        if not params["count_include_pad"]:
            kw["count_include_pad"] = False
        return "AvgPool2d", kw


def adaptive_max_window(i: int, o: int) -> int:
    """Largest window of adaptive pooling from size i to size o (PyTorch's start/end rule)."""
    return max(-(-(j + 1) * i // o) - (j * i // o) for j in range(o))


class _AdaptiveSpec(LayerSpec):
    category = "Pooling"
    params = (ParamSpec("output_size", "size2", 1, QT_TRANSLATE_NOOP("Layers", "Output height × width, whatever the input size"), 1, 4096),)

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        (x,) = in_shapes
        self.need_image(x, who)
        h, w = pair(params["output_size"])
        return (x[0], h, w)

    def explain(self, params, in_shapes, out, t=same):
        ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
        return (f"{self.title}: {ins} → {fmt_shape(out)}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "the window adapts so that any H×W becomes {size}")).format(
                    size=fmt_pair(params['output_size'])) + "\n" + no_params(t))

    def window(self, params, in_shapes, out):
        """PyTorch's adaptive windows: output i reads [floor(i·I/O), ceil((i+1)·I/O)); the
        largest such window, and I/O as the step (rounded down; exact when O divides I)."""
        (_c, h, w), (oh, ow) = in_shapes[0], out[1:]
        k = tuple(adaptive_max_window(i, o) for i, o in ((h, oh), (w, ow)))
        s = tuple(max(1, i // o) for i, o in ((h, oh), (w, ow)))
        return k, s, (1, 1)

    def short(self, params):
        return f"{self.title.replace('Adaptive', 'Adapt')[:-2]} → {fmt_pair(params['output_size'])}"

    def from_torch(self, m):
        size = m.output_size
        if size is None or (isinstance(size, (tuple, list)) and None in size):
            return "an output_size with None (keep that dimension) is not supported"
        return {"output_size": list(size) if isinstance(size, (tuple, list)) else size}

    def torch_module(self, params, in_shapes):
        return self.torch_class, {"output_size": _t(params["output_size"])}


@register
class AdaptiveAvgPool2dSpec(_AdaptiveSpec):
    id = "AdaptiveAvgPool2d"
    torch_keywords = ("output_size",)
    imports = ("AdaptiveAvgPool2d",)
    explainers = ("AdaptiveAvgPool2d",)
    title = "AdaptiveAvgPool2d"
    torch_class = "AdaptiveAvgPool2d"
    description = QT_TRANSLATE_NOOP("Layers", "Averages to a fixed output size (global average pooling with 1×1).")


@register
class AdaptiveMaxPool2dSpec(_AdaptiveSpec):
    id = "AdaptiveMaxPool2d"
    torch_keywords = ("output_size", "return_indices")
    imports = ("AdaptiveMaxPool2d",)
    explainers = ("AdaptiveMaxPool2d",)
    title = "AdaptiveMaxPool2d"
    torch_class = "AdaptiveMaxPool2d"
    description = QT_TRANSLATE_NOOP("Layers", "Takes the maximum over windows sized to give a fixed output size.")
