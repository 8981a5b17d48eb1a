"""Graph -> nn.Module, readable source, ONNX/TorchScript; nn.Module -> graph. Never Qt.

Importing this package does not import torch: the plan (:mod:`.plan`) and code generation
to text (:mod:`.codegen`) need none; ``compile_graph`` and ``GraphModule`` load torch on
first use.
"""
from .plan import CompileError, make_plan  # noqa: F401


def __getattr__(name: str):
    if name in ("compile_graph", "GraphModule"):
        from . import compile as _compile

        return getattr(_compile, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
