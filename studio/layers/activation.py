"""Activations: ReLU, LeakyReLU, GELU, Sigmoid, Tanh, Softmax."""
from __future__ import annotations

from studio.core.spec import LayerSpec, ParamSpec, fmt_shape, register


class _Activation(LayerSpec):
    category = "Activation"
    formula = ""

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def explain(self, params, in_shapes, out):
        ins = fmt_shape(in_shapes[0]) if in_shapes else "?"
        return f"{self.title}: {ins} → {fmt_shape(out)} (element-wise)\n{self.formula}\nparams = 0"

    def short(self, params):
        return self.title

    def torch_module(self, params, in_shapes):
        return self.torch_class, {}


@register
class ReLUSpec(_Activation):
    id = "ReLU"
    torch_keywords = ("inplace",)
    imports = ("ReLU",)
    explainers = ("ReLU",)
    title = "ReLU"
    torch_class = "ReLU"
    formula = "f(x) = max(0, x)"
    description = "Rectified linear unit: negatives become zero."


@register
class LeakyReLUSpec(_Activation):
    id = "LeakyReLU"
    torch_keywords = ("negative_slope", "inplace")
    imports = ("LeakyReLU",)
    explainers = ("LeakyReLU",)
    title = "LeakyReLU"
    torch_class = "LeakyReLU"
    formula = "f(x) = x if x > 0 else slope·x"
    description = "Like ReLU but lets a small slope through for negatives."
    params = (ParamSpec("negative_slope", "float", 0.01, "Slope for negative inputs", 0.0, 1.0),)

    def short(self, params):
        return f"LeakyReLU {params['negative_slope']:g}"

    def torch_module(self, params, in_shapes):
        s = params["negative_slope"]
        return "LeakyReLU", ({} if s == 0.01 else {"negative_slope": s})


@register
class GELUSpec(_Activation):
    id = "GELU"
    torch_keywords = ("approximate",)
    imports = ("GELU",)
    explainers = ("GELU",)
    title = "GELU"
    torch_class = "GELU"
    formula = "f(x) = x·Φ(x)"
    description = "Gaussian error linear unit, a smooth ReLU."
    params = (ParamSpec("approximate", "choice", "none", "Exact ('none') or the tanh approximation",
                        choices=("none", "tanh")),)

    def torch_module(self, params, in_shapes):
        a = params["approximate"]
        return "GELU", ({} if a == "none" else {"approximate": a})


@register
class SigmoidSpec(_Activation):
    id = "Sigmoid"
    imports = ("Sigmoid",)
    explainers = ("Sigmoid",)
    title = "Sigmoid"
    torch_class = "Sigmoid"
    formula = "f(x) = 1 / (1 + e^−x)"
    description = "Squashes values into (0, 1)."


@register
class TanhSpec(_Activation):
    id = "Tanh"
    imports = ("Tanh",)
    explainers = ("Tanh",)
    title = "Tanh"
    torch_class = "Tanh"
    formula = "f(x) = tanh(x)"
    description = "Squashes values into (−1, 1); LeNet-5's original activation."


@register
class SoftmaxSpec(_Activation):
    id = "Softmax"
    torch_keywords = ("dim",)
    title = "Softmax"
    torch_class = "Softmax"
    formula = "p_i = e^z_i / Σ_j e^z_j, the sum over all outputs j (dimension 1: features, or channels per pixel)"
    description = ("Turns a vector of scores into a probability distribution: each output depends on all inputs "
                   "(not element-wise). Not needed before the cross-entropy loss, which applies log-softmax itself.")

    def explain(self, params, in_shapes, out):
        ins = in_shapes[0] if in_shapes else None
        over = (f"the {ins[0]} channels at each pixel" if ins is not None and len(ins) == 3
                else f"all {ins[0]} outputs" if ins else "all outputs")
        return (f"Softmax: {fmt_shape(ins)} → {fmt_shape(out)} (not element-wise: each p_i depends on every z_j)\n"
                f"{self.formula}\nnormalises over {over}: every p_i > 0 and they sum to 1; "
                "the largest score gets the largest probability\nparams = 0")

    def torch_module(self, params, in_shapes):
        return "Softmax", {"dim": 1}
