"""Linear, Flatten, Identity."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.fixes import Fix
from studio.core.spec import Costs, LayerSpec, ParamSpec, fmt_shape, prod, register

from studio.core.i18n import QT_TRANSLATE_NOOP

from ._arith import grouped, same, no_params


@register
class LinearSpec(LayerSpec):
    id = "Linear"
    torch_keywords = ("in_features", "out_features", "bias", "device", "dtype")
    imports = ("Linear",)
    title = "Linear"
    category = "Linear/Reshape"
    torch_class = "Linear"
    description = QT_TRANSLATE_NOOP("Layers", "Fully connected layer: y = W·x + b.")
    params = (
        ParamSpec("out_features", "int", 10, QT_TRANSLATE_NOOP("Layers", "Number of outputs"), 1, 1_000_000),
        ParamSpec("in_features", "int", None, QT_TRANSLATE_NOOP("Layers", "Number of inputs (empty = inferred from the input)"), 1,
                  100_000_000, optional=True),
        ParamSpec("bias", "bool", True, QT_TRANSLATE_NOOP("Layers", "Learn an additive bias per output")),
    )

    def infer(self, params, in_shapes, who=None):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        who = who or self.title
        (x,) = in_shapes
        if len(x) != 1:
            n = prod(x)
            raise ShapeError(
                QT_TRANSLATE_NOOP("Errors", "{who} needs a vector but receives {shape}: insert Flatten before it "
                                  "(giving {n} features)"),
                Fix(f"Insert Flatten before {who}", "insert_before", layer_type="Flatten",
                    template=QT_TRANSLATE_NOOP("Errors", "Insert Flatten before {who}"), args=(("who", who),)),
                args={"who": who, "shape": fmt_shape(x), "n": grouped(n)},
            )
        want = params["in_features"]
        if want is not None and want != x[0]:
            raise ShapeError(
                QT_TRANSLATE_NOOP("Errors", "{who} expects {want} inputs but receives {got}: set in_features={n} (or "
                                  "leave it empty to infer it)"),
                Fix(f"Set in_features={x[0]}", "set_param", param="in_features", value=x[0],
                    template=QT_TRANSLATE_NOOP("Errors", "Set in_features={n}"), args=(("n", x[0]),)),
                args={"who": who, "want": grouped(want), "got": grouped(x[0]), "n": x[0]},
            )
        return (params["out_features"],)

    def costs(self, params, in_shapes, out):
        i, o = in_shapes[0][0], params["out_features"]
        return Costs(params=i * o + (o if params["bias"] else 0), macs=i * o)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes or len(in_shapes[0]) != 1:
            return t(QT_TRANSLATE_NOOP("Layers", "Linear: y = W·x + b; needs a vector input (insert Flatten before it)"))
        i, o = in_shapes[0][0], params["out_features"]
        bias = f" + {o}" if params["bias"] else ""
        n = i * o + (o if params["bias"] else 0)
        return (t(QT_TRANSLATE_NOOP("Layers", "Linear: {i} → {o}   y = W·x + b, W is {o}×{i}")).format(i=i, o=o) + "\n"
                + t(QT_TRANSLATE_NOOP("Layers", "params = {i}·{o}{b} = {n}")).format(i=i, o=o, b=bias, n=grouped(n))
                + f"\nMACs = {i}·{o} = {grouped(i * o)}")

    def short(self, params):
        return f"Linear → {params['out_features']}"

    def from_torch(self, m):
        return {"out_features": m.out_features, "in_features": m.in_features, "bias": m.bias is not None}

    def torch_module(self, params, in_shapes):
        kw = {"in_features": in_shapes[0][0], "out_features": params["out_features"]}
        if not params["bias"]:
            kw["bias"] = False
        return "Linear", kw


@register
class FlattenSpec(LayerSpec):
    id = "Flatten"
    torch_keywords = ("start_dim", "end_dim")
    imports = ("Flatten",)
    title = "Flatten"
    category = "Linear/Reshape"
    torch_class = "Flatten"
    description = QT_TRANSLATE_NOOP("Layers", "Unrolls C×H×W feature maps into one vector of C·H·W features.")

    def infer(self, params, in_shapes, who=None):
        return (prod(in_shapes[0]),)

    def explain(self, params, in_shapes, out, t=same):
        if not in_shapes:
            return "Flatten: C×H×W → C·H·W"
        x = in_shapes[0]
        return t(QT_TRANSLATE_NOOP("Layers", "Flatten: {i} → {dims} = {n} features")).format(
            i=fmt_shape(x), dims='·'.join(map(str, x)), n=grouped(prod(x))) + "\n" + no_params(t)

    def short(self, params):
        return "Flatten"

    def from_torch(self, m):
        if m.start_dim != 1 or m.end_dim != -1:
            return f"Flatten(start_dim={m.start_dim}, end_dim={m.end_dim}) is not supported (only start_dim=1)"
        return {}

    def torch_module(self, params, in_shapes):
        return "Flatten", {}


@register
class IdentitySpec(LayerSpec):
    id = "Identity"
    imports = ("Identity",)
    title = "Identity"
    category = "Linear/Reshape"
    torch_class = "Identity"
    description = QT_TRANSLATE_NOOP("Layers", "Passes its input through unchanged (a placeholder).")

    def infer(self, params, in_shapes, who=None):
        return tuple(in_shapes[0])

    def short(self, params):
        return "Identity"

    def torch_module(self, params, in_shapes):
        return "Identity", {}
