"""The layer catalogue: one spec per layer type, registered once by a stable id.

Importing this package registers every layer type with :mod:`studio.core.spec`.
No torch at import time.
"""
from . import conv, pool, norm, activation, linear, merge, modern, modern_norm  # noqa: F401

from studio.core.spec import all_specs, get_spec, specs_by_category  # noqa: F401
