"""The core: graph model, validation, shape inference, project files.

Pure Python and networkx: never imports torch or Qt (a test checks this).
"""
from .errors import GraphError, ParamError, ProjectError, ShapeError, StudioError
from .events import Signal
from .fixes import Fix, apply_fix, fix_steps
from .graph import Edge, Graph, GraphBuilder, Group, Node
from .spec import LayerSpec, ParamSpec, all_specs, fmt_shape, get_spec, specs_by_category
from .validate import ERROR, WARNING, Analysis, Issue, validate

__all__ = [
    "Analysis", "Edge", "ERROR", "Fix", "Graph", "GraphBuilder", "GraphError", "Group", "Issue",
    "LayerSpec", "Node", "ParamError", "ParamSpec", "ProjectError", "ShapeError", "Signal",
    "StudioError", "WARNING", "all_specs", "apply_fix", "fix_steps", "fmt_shape", "get_spec",
    "specs_by_category", "validate",
]
