"""Input, Conv2d and ZeroPad2d."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.spec import Costs, LayerSpec, ParamSpec, fmt_pair, fmt_shape, pair, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import formula_note, grouped, out_formula, out_size, same, no_params


@register
class InputSpec(LayerSpec):
    id = "Input"
    holds_module = False
    title = "Input"
    category = "Input"
    description = QT_TRANSLATE_NOOP("Layers", "The image that enters the network: channels × height × width.")
    arity = (0, 0)
    params = (
        ParamSpec("channels", "int", 3, QT_TRANSLATE_NOOP("Layers", "Colour channels: 1 for grayscale, 3 for RGB"), 1, 4096),
        ParamSpec("height", "int", 32, QT_TRANSLATE_NOOP("Layers", "Image height in pixels"), 1, 8192),
        ParamSpec("width", "int", 32, QT_TRANSLATE_NOOP("Layers", "Image width in pixels"), 1, 8192),
    )

    def infer(self, params, in_shapes, who=None):
        return (params["channels"], params["height"], params["width"])

    def explain(self, params, in_shapes, out, t=same):
        return t(QT_TRANSLATE_NOOP("Layers", "Input: images of {shape} (channels × height × width)")).format(
            shape=fmt_shape(self.infer(params, [])))

    def short(self, params):
        return f"Input {params['channels']}×{params['height']}×{params['width']}"


@register
class Conv2dSpec(LayerSpec):
    id = "Conv2d"
    torch_keywords = ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
                      "groups", "bias", "padding_mode", "device", "dtype")
    imports = ("Conv2d",)
    explainers = ("Conv2d",)
    title = "Conv2d"
    category = "Convolution"
    torch_class = "Conv2d"
    description = QT_TRANSLATE_NOOP(
        "Layers", "2-D convolution: slides out_channels learned kernels over the image; each makes one feature map.")
    params = (
        ParamSpec("out_channels", "int", 16, QT_TRANSLATE_NOOP("Layers", "Number of kernels = feature maps produced"), 1, 65536),
        ParamSpec("kernel_size", "size2", 3, QT_TRANSLATE_NOOP("Layers", "Kernel height × width (one number for square)"), 1, 255),
        ParamSpec("stride", "size2", 1, QT_TRANSLATE_NOOP("Layers", "Step between kernel positions"), 1, 255),
        ParamSpec(
            "padding", "padding", 0,
            QT_TRANSLATE_NOOP("Layers", "Zeros added on each side; 'same' keeps the size (stride 1)"), 0, 255,
            choices=("same", "valid"),
        ),
        ParamSpec("dilation", "size2", 1, QT_TRANSLATE_NOOP("Layers", "Spacing between kernel taps"), 1, 64),
        ParamSpec("groups", "int", 1, QT_TRANSLATE_NOOP("Layers", "Split channels into groups (in and out must divide)"), 1, 65536),
        ParamSpec("bias", "bool", True, QT_TRANSLATE_NOOP("Layers", "Learn an additive bias per output channel")),
    )

    def check(self, params, who):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        from studio.core.errors import ParamError

        if params["padding"] == "same" and pair(params["stride"]) != (1, 1):
            raise ParamError(QT_TRANSLATE_NOOP("Errors", "{who}: padding 'same' needs stride 1 (PyTorch's rule); use a "
                                               "number instead"), "padding", args={"who": who})
        if params["out_channels"] % params["groups"]:
            raise ParamError(QT_TRANSLATE_NOOP("Errors", "{who}: out_channels={out} is not divisible by groups={groups}"),
                             "groups", args={"who": who, "out": params["out_channels"], "groups": params["groups"]})

    def _pads(self, params):
        k, d = pair(params["kernel_size"]), pair(params["dilation"])
        p = params["padding"]
        if p == "valid":
            return (0, 0), False
        if p == "same":
            # PyTorch pads asymmetrically when d·(k−1) is odd; the output keeps the input size
            return (d[0] * (k[0] - 1) // 2, d[1] * (k[1] - 1) // 2), True
        return pair(p), False

    def infer(self, params, in_shapes, who=None):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        who = who or self.title
        (x,) = in_shapes
        self.need_image(x, who)
        c, h, w = x
        g = params["groups"]
        if c % g:
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} has groups={g} but its {c} input channels are not "
                                               "divisible by {g}"), args={"who": who, "g": g, "c": c})
        k, s, d = pair(params["kernel_size"]), pair(params["stride"]), pair(params["dilation"])
        (ph, pw), same = self._pads(params)
        if same:
            ho, wo = h, w
        else:
            ho = out_size(h, k[0], s[0], ph, d[0])
            wo = out_size(w, k[1], s[1], pw, d[1])
        if ho < 1 or wo < 1:
            ek = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
            raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who}: its {kernel} kernel does not fit in the {size} input "
                                               "(with padding {padding}) — output would be {out}; use a smaller "
                                               "kernel, add padding, or a larger input"),
                             args={"who": who, "kernel": f"{ek[0]}×{ek[1]}", "size": f"{h}×{w}", "padding": f"{ph}×{pw}",
                                   "out": f"{max(ho, 0)}×{max(wo, 0)}"})
        return (params["out_channels"], ho, wo)

    def costs(self, params, in_shapes, out):
        c = in_shapes[0][0]
        k = pair(params["kernel_size"])
        g = params["groups"]
        co = params["out_channels"]
        n = k[0] * k[1] * (c // g) * co + (co if params["bias"] else 0)
        return Costs(params=n, macs=out[1] * out[2] * co * k[0] * k[1] * (c // g))

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "Conv2d: needs a C×H×W input"))
        c, h, w = in_shapes[0]
        k, s, d = pair(params["kernel_size"]), pair(params["stride"]), pair(params["dilation"])
        (ph, pw), same_pad = self._pads(params)
        co, g = params["out_channels"], params["groups"]
        lines = [t(QT_TRANSLATE_NOOP("Layers", "Conv2d: {i} → {o}  ({n} kernels, one feature map each)")).format(
            i=fmt_shape(in_shapes[0]), o=fmt_shape(out), n=co)]
        if same_pad:
            lines.append(t(QT_TRANSLATE_NOOP("Layers", "padding 'same': H_out = H_in = {h}, W_out = W_in = {w}")).format(
                h=h, w=w))
        elif out:
            lines.append(out_formula("H", h, k[0], s[0], ph, d[0], False, out[1], t))
            lines.append(out_formula("W", w, k[1], s[1], pw, d[1], False, out[2], t))
            note = formula_note(k, d, False, t)
            if note:
                lines.append(t(QT_TRANSLATE_NOOP("Layers", "(general form: {note})")).format(note=note))
        cin = f"({c}/{g})" if g > 1 else f"{c}"
        n = self.costs(params, in_shapes, out).params if out else 0
        sym_in = "(C_in/groups)" if g > 1 else "C_in"
        if params["bias"]:
            lines.append(t(QT_TRANSLATE_NOOP("Layers", "params = K_h·K_w·{sym}·C_out + C_out (bias) = {k0}·{k1}·{cin}·{co}"
                                                       " + {co} = {n}")).format(
                sym=sym_in, k0=k[0], k1=k[1], cin=cin, co=co, n=grouped(n)))
        else:
            lines.append(t(QT_TRANSLATE_NOOP("Layers", "params = K_h·K_w·{sym}·C_out (no bias) = {k0}·{k1}·{cin}·{co}"
                                                       " = {n}")).format(
                sym=sym_in, k0=k[0], k1=k[1], cin=cin, co=co, n=grouped(n)))
        if g > 1 and params["bias"]:
            legend = QT_TRANSLATE_NOOP("Layers", "  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels in {g} groups, "
                                                 "C_out = {co} kernels, one bias per kernel")
        elif g > 1:
            legend = QT_TRANSLATE_NOOP("Layers", "  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels in {g} groups, "
                                                 "C_out = {co} kernels")
        elif params["bias"]:
            legend = QT_TRANSLATE_NOOP("Layers", "  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels, "
                                                 "C_out = {co} kernels, one bias per kernel")
        else:
            legend = QT_TRANSLATE_NOOP("Layers", "  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels, "
                                                 "C_out = {co} kernels")
        lines.append(t(legend).format(k0=k[0], k1=k[1], c=c, g=g, co=co))
        if out:
            m = self.costs(params, in_shapes, out).macs
            lines.append(f"MACs = {out[1]}·{out[2]}·{co}·{k[0]}·{k[1]}·{cin} = {grouped(m)}")
        return "\n".join(lines)

    def window(self, params, in_shapes, out):
        return pair(params["kernel_size"]), pair(params["stride"]), pair(params["dilation"])

    def short(self, params):
        s = pair(params["stride"])
        st = f"s{s[0]}" if s[0] == s[1] else f"s{s[0]}×{s[1]}"
        p = params["padding"]
        pad = "" if p == 0 else (f" p:{p}" if isinstance(p, str) else f" p{fmt_pair(p) if isinstance(p, list) else p}")
        g, co = params["groups"], params["out_channels"]
        kind, extra = "Conv", ""
        if g > 1 and g == co:
            kind = "Depthwise"  # one kernel per channel (MobileNet)
        elif g > 1:
            kind, extra = "Grouped", f" g{g}"
        return f"{kind} {fmt_pair(params['kernel_size'])} · {co} · {st}{pad}{extra}"

    def from_torch(self, m):
        if m.padding_mode != "zeros":
            return f"padding_mode={m.padding_mode!r} has no studio layer (only zero padding)"
        return {"out_channels": m.out_channels, "kernel_size": list(m.kernel_size), "stride": list(m.stride),
                "padding": m.padding if isinstance(m.padding, str) else list(m.padding),
                "dilation": list(m.dilation), "groups": m.groups, "bias": m.bias is not None}

    def torch_module(self, params, in_shapes):
        def t(v):
            return tuple(v) if isinstance(v, list) else v

        kw = {"in_channels": in_shapes[0][0], "out_channels": params["out_channels"],
              "kernel_size": t(params["kernel_size"])}
        if params["stride"] != 1:
            kw["stride"] = t(params["stride"])
        if params["padding"] not in (0, "valid"):
            kw["padding"] = t(params["padding"])
        if params["dilation"] != 1:
            kw["dilation"] = t(params["dilation"])
        if params["groups"] != 1:
            kw["groups"] = params["groups"]
        if not params["bias"]:
            kw["bias"] = False
        return "Conv2d", kw


@register
class ZeroPad2dSpec(LayerSpec):
    id = "ZeroPad2d"
    torch_keywords = ("padding",)
    imports = ("ZeroPad2d",)
    title = "ZeroPad2d"
    category = "Convolution"
    torch_class = "ZeroPad2d"
    description = QT_TRANSLATE_NOOP("Layers", "Adds rows and columns of zeros around each feature map.")
    params = (
        ParamSpec("padding", "pad4", 1, QT_TRANSLATE_NOOP("Layers", "Zeros on each side, or [left, right, top, bottom]"), 0, 1024),
    )

    @staticmethod
    def _lrtb(p):
        if isinstance(p, list):
            return tuple(p)
        return (p, p, p, p)

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        (x,) = in_shapes
        self.need_image(x, who)
        left, r, t, b = self._lrtb(params["padding"])
        return (x[0], x[1] + t + b, x[2] + left + r)

    def explain(self, params, in_shapes, out, t=same):
        left, r, top, b = self._lrtb(params["padding"])
        if not in_shapes or len(in_shapes[0]) != 3:
            return t(QT_TRANSLATE_NOOP("Layers", "ZeroPad2d: needs a C×H×W input"))
        c, h, w = in_shapes[0]
        return (f"ZeroPad2d: {fmt_shape(in_shapes[0])} → {fmt_shape(out)}\n"
                f"H_out = {h} + {top} + {b} = {h + top + b}, W_out = {w} + {left} + {r} = {w + left + r}\n"
                + t(QT_TRANSLATE_NOOP("Layers", "adds {cols} column(s) and {rows} row(s) of zeros to each feature map"))
                .format(cols=left + r, rows=top + b) + "\n" + no_params(t))

    def short(self, params):
        p = params["padding"]
        return f"ZeroPad {p}" if not isinstance(p, list) else f"ZeroPad {'/'.join(map(str, p))}"

    def torch_module(self, params, in_shapes):
        p = params["padding"]
        return "ZeroPad2d", {"padding": tuple(p) if isinstance(p, list) else p}
