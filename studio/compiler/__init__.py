"""Graph -> nn.Module, readable source, ONNX/TorchScript; nn.Module -> graph. Needs torch, never Qt."""
from .compile import CompileError, GraphModule, compile_graph, make_plan  # noqa: F401
