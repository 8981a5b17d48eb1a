"""Merges: Add (residual skip) and Concat (along channels)."""
from __future__ import annotations

from studio.core.errors import ShapeError
from studio.core.fixes import Fix
from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.spec import LayerSpec, fmt_shape, register

from ._arith import same, no_params


@register
class AddSpec(LayerSpec):
    id = "Add"
    merge = "add"
    holds_module = False
    title = "Add"
    category = "Merge"
    arity = (2, None)
    description = QT_TRANSLATE_NOOP("Layers", "Adds two or more tensors of the same shape: the residual skip of ResNet.")

    def infer(self, params, in_shapes, who=None):
        who = who or self.title
        first = in_shapes[0]
        for port, s in enumerate(in_shapes[1:], start=1):
            if tuple(s) != tuple(first):
                msg, args = self._mismatch(who, in_shapes, port)
                raise ShapeError(msg, self._fix(in_shapes, port), args=args)
        return tuple(first)

    @staticmethod
    def _target_and_odd(in_shapes, port):
        # The shortcut to project is the input that looks "earlier": more pixels, fewer channels.
        a, b = tuple(in_shapes[0]), tuple(in_shapes[port])
        if len(a) == 3 and len(b) == 3:
            if (b[1] * b[2], -b[0]) > (a[1] * a[2], -a[0]):
                return a, port
            return b, 0
        return a, port

    def _mismatch(self, who, in_shapes, port):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        a, b = fmt_shape(in_shapes[0]), fmt_shape(in_shapes[port])
        target, odd = self._target_and_odd(in_shapes, port)
        src = tuple(in_shapes[odd])
        msg = QT_TRANSLATE_NOOP("Errors", "{who} joins {a} with {b}: the shapes must be equal")
        if len(src) == 3 and len(target) == 3 and src[1] % target[1] == 0 and src[2] % target[2] == 0:
            s = src[1] // target[1]
            if s == src[2] // target[2]:
                if s > 1:
                    msg = QT_TRANSLATE_NOOP("Errors", "{who} joins {a} with {b}: the shapes must be equal; give the "
                                            "shortcut (input {port}) a 1×1 conv with {c} channels and stride {s}")
                else:
                    msg = QT_TRANSLATE_NOOP("Errors", "{who} joins {a} with {b}: the shapes must be equal; give the "
                                            "shortcut (input {port}) a 1×1 conv with {c} channels")
                return msg, {"who": who, "a": a, "b": b, "port": odd + 1, "c": target[0], "s": s}
        return msg, {"who": who, "a": a, "b": b}

    def _fix(self, in_shapes, port):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        target, odd = self._target_and_odd(in_shapes, port)
        src = tuple(in_shapes[odd])
        if len(src) != 3 or len(target) != 3 or src[1] % target[1] or src[2] % target[2]:
            return None
        s = src[1] // target[1]
        if s != src[2] // target[2]:
            return None
        params = (("out_channels", target[0]), ("kernel_size", 1), ("stride", s), ("bias", False))
        return Fix(f"Insert 1×1 conv ({target[0]} channels, stride {s}) on the shortcut", "insert_before",
                   layer_type="Conv2d", params=params, port=odd,
                   template=QT_TRANSLATE_NOOP("Errors", "Insert 1×1 conv ({c} channels, stride {s}) on the shortcut"),
                   args=(("c", target[0]), ("s", s)))

    def explain(self, params, in_shapes, out, t=same):
        ins = " + ".join(fmt_shape(s) for s in in_shapes) or "?"
        return t(QT_TRANSLATE_NOOP("Layers", "Add: {i} → {o} (element-wise sum; shapes must match)")).format(
            i=ins, o=fmt_shape(out)) + "\n" + no_params(t)

    def short(self, params):
        return "Add (+)"


@register
class ConcatSpec(LayerSpec):
    id = "Concat"
    merge = "concat"
    holds_module = False
    title = "Concat"
    category = "Merge"
    arity = (2, None)
    description = QT_TRANSLATE_NOOP("Layers", "Stacks two or more tensors along the channel (or feature) dimension.")

    def infer(self, params, in_shapes, who=None):
        from studio.core.i18n import QT_TRANSLATE_NOOP
        who = who or self.title
        first = tuple(in_shapes[0])
        for s in in_shapes[1:]:
            if len(s) != len(first) or tuple(s[1:]) != first[1:]:
                shapes = ", ".join(fmt_shape(x) for x in in_shapes)
                raise ShapeError(QT_TRANSLATE_NOOP("Errors", "{who} joins {shapes}: all inputs must have the same "
                                                   "height and width; pool or pad the larger one") if len(first) == 3
                                 else QT_TRANSLATE_NOOP("Errors", "{who} joins {shapes}: all inputs must have the same "
                                                        "rank; pool or pad the larger one"),
                                 args={"who": who, "shapes": shapes})
        return (sum(s[0] for s in in_shapes),) + first[1:]

    def explain(self, params, in_shapes, out, t=same):
        ch = " + ".join(str(s[0]) for s in in_shapes) or "?"
        return t(QT_TRANSLATE_NOOP("Layers", "Concat: channels {ch} = {n} → {o}")).format(
            ch=ch, n=out[0] if out else '?', o=fmt_shape(out)) + "\n" + no_params(t)

    def short(self, params):
        return "Concat"
