"""The layer catalogue: one spec per layer type, registered once by a stable id.

Importing this package registers every layer type with :mod:`studio.core.spec` (the
``studio`` package does so on import; the core never imports this package). To add a layer
type, write a :class:`~studio.core.spec.LayerSpec` subclass decorated with ``@register`` in a
module here and add the module to the import below.
No torch at import time.
"""
from . import conv, pool, norm, activation, linear, merge  # noqa: F401

from studio.core.spec import all_specs, get_spec, specs_by_category  # noqa: F401
